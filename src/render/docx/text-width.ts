/**
 * Estimated printed width of a line in Times New Roman, for the lengths ND30 ties to a text
 * line (the rule under the Tiêu ngữ is as long as it; the rules under the agency name and the
 * trích yếu are 1/3–1/2 of theirs). Word has no "as long as the text" border, so we measure.
 *
 * Advance widths (1/1000 em) of ASCII 0x20–0x7E, read from Tinos (metric-compatible with Times
 * New Roman). A Vietnamese letter is as wide as its base letter (diacritics do not advance), so
 * a character is measured by its first code point after NFD; Đ/đ are as wide as D/d.
 */

const REGULAR = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500,
  500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889,
  722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500,
  444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480,
  200, 480, 541,
];

const BOLD = [
  250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500,
  500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944,
  722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556,
  444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394,
  220, 394, 520,
];

const DASHES: Record<string, number> = { '–': 500, '—': 1000, '“': 444, '”': 444, '‘': 333, '’': 333 };

function charWidth(ch: string, table: number[]): number {
  const base = ch.normalize('NFD').charAt(0).replace('Đ', 'D').replace('đ', 'd');
  const code = base.charCodeAt(0);
  if (code >= 0x20 && code <= 0x7e) return table[code - 0x20];
  return DASHES[ch] ?? 500;
}

/** Width in twips of `s` at `halfPoints` size. */
export function textWidthTwips(s: string, halfPoints: number, bold: boolean): number {
  const table = bold ? BOLD : REGULAR;
  let em = 0;
  for (const ch of s.normalize('NFC')) em += charWidth(ch, table);
  // 1/1000 em × (halfPoints / 2) pt × 20 twips/pt
  return Math.round((em * halfPoints) / 100);
}
