import { parseViNumber } from '../../vi/vi-number';

/**
 * Vietnamese number forms in running text: "1.234.567" (dot groups thousands), "0,6" (comma is the
 * decimal mark), "03" (leading zero for counts below 10). Tolerated: "56.1" (one or two digits after a
 * dot read as an English decimal), "1.234,5".
 */

export interface ParsedNumber {
  value: number;
  /** digits after the decimal mark as written (the stated precision) */
  decimals: number;
  /** the value as an integer numerator over 10^decimals, exact */
  scaled: bigint;
}

export interface NumberToken extends ParsedNumber {
  raw: string;
  start: number;
  end: number;
}

// tolerated besides the Vietnamese forms: "56.1", one or two digits after a dot, an English decimal
const ENGLISH_DECIMAL = /^(\d+)\.(\d{1,2})$/;

/** Parses one token; null when it is not a Vietnamese-style number. Vietnamese forms: vi/parseViNumber. */
export function parseNumberToken(raw: string): ParsedNumber | null {
  const t = raw.trim();
  if (!/^[\d.,]+$/.test(t)) return null;
  const vi = parseViNumber(t);
  if (vi) return { value: vi.scaled / 10 ** vi.decimals, decimals: vi.decimals, scaled: BigInt(vi.scaled) };
  const en = ENGLISH_DECIMAL.exec(t);
  if (!en) return null;
  return { value: Number(`${en[1]}.${en[2]}`), decimals: en[2].length, scaled: BigInt(en[1] + en[2]) };
}

// not part of a date, ratio or document number (no "/" around), not glued to letters
const NUMBER_IN_TEXT =
  /(?<![\p{L}\d.,/])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+\.\d{1,2}(?!\d)|\d+)(?![\d/]|[.,]\d|\p{L})/gu;

export function findNumbers(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  for (const m of text.matchAll(NUMBER_IN_TEXT)) {
    const p = parseNumberToken(m[0]);
    if (p) out.push({ ...p, raw: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Half-up rounding of num/den to `decimals` places, as a scaled integer (exact, BigInt). */
export function roundHalfUpScaled(num: bigint, den: bigint, decimals: number): bigint {
  if (den === 0n) throw new RangeError('division by zero');
  const neg = num < 0n !== den < 0n;
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  const scale = 10n ** BigInt(decimals);
  const q = (2n * n * scale + d) / (2n * d);
  return neg ? -q : q;
}

/** Brings two scaled numbers to the same number of decimals. */
export function alignScaled(a: ParsedNumber, b: ParsedNumber): [bigint, bigint, number] {
  const d = Math.max(a.decimals, b.decimals);
  return [a.scaled * 10n ** BigInt(d - a.decimals), b.scaled * 10n ** BigInt(d - b.decimals), d];
}

/** Formats a scaled number the Vietnamese way: 1.234,5 */
export function formatScaled(scaled: bigint, decimals: number): string {
  const neg = scaled < 0n;
  let s = (neg ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const frac = decimals > 0 ? s.slice(-decimals) : '';
  s = decimals > 0 ? s.slice(0, -decimals) : s;
  const grouped = s.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (neg ? '-' : '') + grouped + (frac ? ',' + frac : '');
}
