/**
 * Rates as documents print them: part/base as a percentage with a decimal comma and a stated number
 * of decimals, rounded half up (no legal rounding rule exists — domain.md §5 — so the number of
 * decimals is chosen per figure). A change in rate is in percentage points and is computed from the
 * two rates as printed, so that "giảm 0,2% (từ 0,6% xuống còn 0,4%)" always agrees with itself.
 */
import { formatInteger, formatScaled, percentScaled } from '../vi/vi-number';

export interface Rate {
  /** the percentage times 10^decimals, rounded half up: 0,6% with 1 decimal = 6 */
  scaled: number;
  decimals: number;
  /** "0,6" (without the % sign: documents write "0,6%" or "0,6 điểm %") */
  text: string;
}

export function rate(part: number, base: number, decimals: number): Rate {
  if (!Number.isSafeInteger(part) || !Number.isSafeInteger(base) || base <= 0 || part < 0) {
    throw new RangeError(`rate needs whole numbers part ≥ 0 and base > 0, got ${part}/${base}`);
  }
  const scaled = percentScaled(part, base, decimals);
  return { scaled, decimals, text: formatScaled(scaled, decimals) };
}

/** before − after in percentage points, from the printed rates (same number of decimals). */
export function pointChange(before: Rate, after: Rate): Rate {
  if (before.decimals !== after.decimals) {
    throw new RangeError(`rates with ${before.decimals} and ${after.decimals} decimals cannot be compared as printed`);
  }
  const scaled = before.scaled - after.scaled;
  return { scaled, decimals: before.decimals, text: formatScaled(Math.abs(scaled), before.decimals) };
}

export type Direction = 'giảm' | 'tăng' | 'không đổi';

export interface BeforeAfter {
  before: number;
  after: number;
  /** |before − after| */
  change: number;
  direction: Direction;
  /** "từ 292 hộ xuống còn 238 hộ, giảm 54 hộ" */
  text: string;
}

/** A before/after/change triple that agrees by construction (292 → 238, giảm 54). */
export function beforeAfter(before: number, after: number, unit: string): BeforeAfter {
  const change = Math.abs(before - after);
  const direction: Direction = after < before ? 'giảm' : after > before ? 'tăng' : 'không đổi';
  const b = `${formatInteger(before)} ${unit}`;
  const a = `${formatInteger(after)} ${unit}`;
  const text =
    direction === 'không đổi'
      ? `giữ nguyên ${b}`
      : direction === 'giảm'
        ? `từ ${b} xuống còn ${a}, giảm ${formatInteger(change)} ${unit}`
        : `từ ${b} lên ${a}, tăng ${formatInteger(change)} ${unit}`;
  return { before, after, change, direction, text };
}
