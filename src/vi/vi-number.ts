/**
 * Vietnamese number forms: a dot groups thousands ("1.234.567") and a comma marks decimals ("56,1").
 * Fractions are carried as scaled integers (561 with 1 implied decimal = 56,1) so that no figure ever
 * goes through binary floating point; division rounds half away from zero, explicitly, in BigInt.
 */

function assertSafeInteger(n: number, name: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${name} must be a safe integer, got ${n}`);
}

function assertDecimals(decimals: number): void {
  if (!Number.isSafeInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(`decimals must be an integer from 0 to 20, got ${decimals}`);
  }
}

function toSafeNumber(b: bigint, what: string): number {
  const n = Number(b);
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} is outside the safe integer range: ${b}`);
  return n === 0 ? 0 : n; // never -0
}

/** Groups the digits of a non-negative digit string by three with dots: "1234567" -> "1.234.567". */
function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 1234567 -> "1.234.567"; -1234 -> "-1.234"; 0 -> "0". Throws RangeError on a non-integer or unsafe integer. */
export function formatInteger(n: number): string {
  assertSafeInteger(n, 'n');
  const sign = n < 0 ? '-' : '';
  return sign + groupDigits(String(Math.abs(n)));
}

/**
 * A scaled integer with `decimals` implied decimals, Vietnamese form: (6,1)->"0,6"; (561,1)->"56,1";
 * (800,2)->"8,00"; (1234567,2)->"12.345,67"; (-5,1)->"-0,5"; decimals 0 -> same as formatInteger.
 */
export function formatScaled(scaled: number, decimals: number): string {
  assertSafeInteger(scaled, 'scaled');
  assertDecimals(decimals);
  if (decimals === 0) return formatInteger(scaled);
  const sign = scaled < 0 ? '-' : '';
  const digits = String(Math.abs(scaled)).padStart(decimals + 1, '0');
  const intPart = digits.slice(0, digits.length - decimals);
  const fracPart = digits.slice(digits.length - decimals);
  return `${sign}${groupDigits(intPart)},${fracPart}`;
}

function divideRoundHalfUpBig(num: bigint, den: bigint): bigint {
  if (den === 0n) throw new RangeError('division by zero');
  const q = num / den; // truncates toward zero
  const r = num % den; // same sign as num
  const absR = r < 0n ? -r : r;
  const absD = den < 0n ? -den : den;
  if (2n * absR >= absD) {
    // half or more: step away from zero, in the direction of the true quotient's sign
    return (num < 0n) !== (den < 0n) ? q - 1n : q + 1n;
  }
  return q;
}

/**
 * Integer division rounded half away from zero, exact for any safe integers (BigInt inside):
 * (7,2)->4, (-7,2)->-4, (5,3)->2. Throws RangeError on denominator 0.
 */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  assertSafeInteger(numerator, 'numerator');
  assertSafeInteger(denominator, 'denominator');
  return toSafeNumber(divideRoundHalfUpBig(BigInt(numerator), BigInt(denominator)), 'quotient');
}

/**
 * part/base*100 rounded half up (away from zero) to `decimals`, as a scaled integer:
 * (41,6833,1)->6 (0,6%), (23,41,1)->561, (8,100,2)->800. Exact: integers and BigInt, no float error.
 * Throws RangeError on base 0 or non-integer input.
 */
export function percentScaled(part: number, base: number, decimals: number): number {
  assertSafeInteger(part, 'part');
  assertSafeInteger(base, 'base');
  assertDecimals(decimals);
  if (base === 0) throw new RangeError('percentage of a zero base');
  const num = BigInt(part) * 100n * 10n ** BigInt(decimals);
  return toSafeNumber(divideRoundHalfUpBig(num, BigInt(base)), 'percentage');
}

/** "0,6%", "56,1%", "8,00%": formatScaled(percentScaled(...)) + "%". */
export function formatPercent(part: number, base: number, decimals: number): string {
  return `${formatScaled(percentScaled(part, base, decimals), decimals)}%`;
}

// Integer part: either grouped by dots (first group 1–3 digits without a leading zero, then groups of
// exactly three) or plain digits. Fraction after a single comma.
const VI_NUMBER = /^([-\u2212]?)((?:[1-9]\d{0,2}(?:\.\d{3})+)|\d+)(?:,(\d+))?$/;

/**
 * Parse Vietnamese number text exactly: "1.234.567"->{scaled:1234567,decimals:0}; "0,6"->{6,1};
 * "56,1"->{561,1}; "1.234,50"->{123450,2}; "292"->{292,0}; "-1.234"->{-1234,0}. Surrounding
 * whitespace is ignored. Returns null for anything else ("1,2,3", "12.34" — a dot must be followed by
 * exactly 3 digits —, "", "1.234.5678") and for values outside the safe integer range.
 */
export function parseViNumber(text: string): { scaled: number; decimals: number } | null {
  const m = VI_NUMBER.exec(text.trim());
  if (!m) return null;
  const frac = m[3] ?? '';
  const digits = m[2].replace(/\./g, '') + frac;
  const scaled = Number(digits);
  if (!Number.isSafeInteger(scaled)) return null;
  const signed = m[1] && scaled !== 0 ? -scaled : scaled;
  return { scaled: signed, decimals: frac.length };
}
