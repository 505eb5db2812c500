/**
 * Breakdowns as documents write them: "TDP Sau 02 hộ, TDP Kè 01 hộ, …". Zero padding ("02") is a
 * choice of the wording template, not of the calculator, so it is an option here.
 */
import { formatInteger } from '../vi/vi-number';

export interface BreakdownPart {
  label: string;
  value: number;
}

export interface BreakdownOptions {
  unit: string;
  /** pad counts with leading zeros to this width (seed 003 writes "02 hộ"); default none */
  pad?: number;
  /** leave out parts whose value is 0 (default true: a list of who has some) */
  skipZero?: boolean;
  separator?: string;
}

export function formatCount(n: number, pad = 0): string {
  const s = formatInteger(n);
  return n >= 0 && s.length < pad ? s.padStart(pad, '0') : s;
}

export function breakdownText(parts: readonly BreakdownPart[], opts: BreakdownOptions): string {
  const skipZero = opts.skipZero ?? true;
  return parts
    .filter((p) => !skipZero || p.value !== 0)
    .map((p) => `${p.label} ${formatCount(p.value, opts.pad)} ${opts.unit}`)
    .join(opts.separator ?? ', ');
}

/** Counts items per key, keeping keys in `order` (e.g. the agency's village order), then first seen. */
export function countBy<T>(items: readonly T[], key: (item: T) => string, order: readonly string[] = []): BreakdownPart[] {
  const counts = new Map<string, number>(order.map((k) => [k, 0]));
  for (const item of items) {
    const k = key(item);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].map(([label, value]) => ({ label, value }));
}
