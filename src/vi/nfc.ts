/** Vietnamese text is NFC at every boundary: PDF shaping and string comparison both depend on it. */
export function nfc(s: string): string {
  return s.normalize('NFC');
}
