/** Vietnamese text is NFC at every boundary: PDF shaping and string comparison both depend on it. */
export function nfc(s: string): string {
  return s.normalize('NFC');
}

/** NFC-normalises every string inside a JSON-like value (objects, arrays), leaving other values. */
export function nfcDeep<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((v) => nfcDeep(v)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k.normalize('NFC')] = nfcDeep(v);
    return out as T;
  }
  return value;
}
