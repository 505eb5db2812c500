import { fold } from '../text/fold';

/**
 * Vietnamese number words → integer ("Một trăm hai mươi lăm triệu bốn trăm nghìn đồng" →
 * 125400000). Tolerates the usual variants: linh/lẻ, mốt/một, tư/bốn, lăm/năm, nghìn/ngàn, tỷ/tỉ,
 * "mười"/"mươi", with or without diacritics. Returns null when a word is not a number word.
 * vi/wordsToNumber reads amounts first (see readAmountWords); this lenient reader stays for what it
 * leaves: words typed without diacritics and stray words ("VNĐ", "và", "trọn").
 */

const DIGITS: Record<string, number> = {
  khong: 0,
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  lam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
};
const SCALES: Record<string, bigint> = { nghin: 1000n, ngan: 1000n, trieu: 1_000_000n, ty: 1_000_000_000n, ti: 1_000_000_000n };
const IGNORED = new Set(['dong', 'chan', 'va', 'vnd', 'd', 'tron']);

export function parseNumberWords(input: string): bigint | null {
  const words = fold(input.normalize('NFC'))
    .replace(/[.,;:/()]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0) return null;
  let total = 0n;
  let current = 0n;
  let lastDigit: number | null = null;
  let largestScale = 1n;
  let sawNumberWord = false;
  // "mười"/"mươi" fold to the same word: after a digit it multiplies that digit by ten
  for (const w of words) {
    if (w in DIGITS) {
      current += BigInt(DIGITS[w]);
      lastDigit = DIGITS[w];
      sawNumberWord = true;
    } else if (w === 'muoi') {
      if (lastDigit !== null) current += BigInt(lastDigit) * 9n;
      else current += 10n;
      lastDigit = null;
      sawNumberWord = true;
    } else if (w === 'tram') {
      const units = current % 100n;
      current = current - units + units * 100n;
      lastDigit = null;
      sawNumberWord = true;
    } else if (w === 'linh' || w === 'le') {
      lastDigit = null;
    } else if (w in SCALES) {
      const s = SCALES[w];
      const group = current === 0n && !sawNumberWord ? 1n : current;
      if (s > largestScale) {
        total = (total + group) * s;
        largestScale = s;
      } else {
        total += group * s;
      }
      current = 0n;
      lastDigit = null;
      sawNumberWord = true;
    } else if (IGNORED.has(w)) {
      continue;
    } else {
      return null;
    }
  }
  return sawNumberWord ? total + current : null;
}
