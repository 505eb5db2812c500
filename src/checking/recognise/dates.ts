import { daysInMonth as viDaysInMonth, nd30LeadingZeroProblems, padDay, padMonth } from '../../vi/nd30-date';

/**
 * Dates in running text: "20/4/2026", "20-4-2026", "20.4.2026", "ngày 20 tháng 4 năm 2026",
 * "ngày 29/5" (no year), "tháng 5/2026", "tháng 5 năm 2026", "tháng 9", "năm 2025".
 * Offsets refer to the cleaned text; keywords are matched on the folded twin.
 */

export type DateKind = 'full' | 'dayMonth' | 'monthYear' | 'month' | 'year';

export interface DateMention {
  kind: DateKind;
  form: 'numeric' | 'worded';
  d?: number;
  m?: number;
  y?: number;
  /** day and month as written ("05", "5"), for the ND30 leading-zero rule */
  rawDay?: string;
  rawMonth?: string;
  start: number;
  end: number;
}

const NUMERIC_FULL = /(?<![\d/.,\p{L}])(\d{1,2})\s?([/.-])\s?(\d{1,2})\s?\2\s?((?:19|20)\d{2})(?![\d/]|\.\d)/gu;
const WORDED_FULL = /ngay\s+(\d{1,2})\s*(?:,\s*)?thang\s+(\d{1,2})\s*(?:,\s*)?nam\s+((?:19|20)\d{2})(?!\d)/g;
const DAY_MONTH = /(?<=(?:ngay|truoc|sau|tu|den|het|toi|va|hoac)\s+)(\d{1,2})\/(\d{1,2})(?![\d/]|[.,]\d)/g;
// "hằng tháng 1.234.560.000" (a table row run into its label by PDF layout) is an amount, not a month
const MONTH_YEAR = /(?<![\p{L}\d])thang\s+(\d{1,2})(?:\s?(?:\/|-)\s?((?:19|20)\d{2})|\s*,?\s*nam\s+((?:19|20)\d{2}))?(?![\d/]|[.,]\d)/gu;
const YEAR = /(?<![\p{L}\d])nam\s+((?:19|20)\d{2})(?![\d/])/gu;

function overlaps(taken: DateMention[], s: number, e: number): boolean {
  return taken.some((t) => s < t.end && e > t.start);
}

export function findDates(text: string, folded: string): DateMention[] {
  const out: DateMention[] = [];
  for (const m of text.matchAll(NUMERIC_FULL)) {
    // a document number "12/2026/..." is not a date: the year of a date is never followed by "/"
    out.push({
      kind: 'full',
      form: 'numeric',
      d: Number(m[1]),
      m: Number(m[3]),
      y: Number(m[4]),
      rawDay: m[1],
      rawMonth: m[3],
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  for (const m of folded.matchAll(WORDED_FULL)) {
    if (overlaps(out, m.index, m.index + m[0].length)) continue;
    out.push({
      kind: 'full',
      form: 'worded',
      d: Number(m[1]),
      m: Number(m[2]),
      y: Number(m[3]),
      rawDay: m[1],
      rawMonth: m[2],
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  for (const m of folded.matchAll(DAY_MONTH)) {
    if (overlaps(out, m.index, m.index + m[0].length)) continue;
    out.push({
      kind: 'dayMonth',
      form: 'numeric',
      d: Number(m[1]),
      m: Number(m[2]),
      rawDay: m[1],
      rawMonth: m[2],
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  for (const m of folded.matchAll(MONTH_YEAR)) {
    if (overlaps(out, m.index, m.index + m[0].length)) continue;
    const y = m[2] ?? m[3];
    out.push({
      kind: y ? 'monthYear' : 'month',
      form: m[2] ? 'numeric' : 'worded',
      m: Number(m[1]),
      rawMonth: m[1],
      ...(y ? { y: Number(y) } : {}),
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  for (const m of folded.matchAll(YEAR)) {
    if (overlaps(out, m.index, m.index + m[0].length)) continue;
    out.push({ kind: 'year', form: 'worded', y: Number(m[1]), start: m.index, end: m.index + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Days in month `m`; a year-less February (a date without its year) may have 29. */
export function daysInMonth(m: number, y?: number): number {
  return y === undefined && m === 2 ? 29 : viDaysInMonth(y ?? 2000, m);
}

/** Why a mention is not a real date, or null when it is valid. */
export function dateProblem(d: DateMention): string | null {
  if (d.m !== undefined && (d.m < 1 || d.m > 12)) return `tháng ${d.m} không tồn tại`;
  if (d.d !== undefined && d.m !== undefined) {
    if (d.d < 1) return `ngày ${d.d} không tồn tại`;
    const max = daysInMonth(d.m, d.y);
    if (d.d > max) {
      return d.m === 2 && d.d === 29
        ? `năm ${d.y} không nhuận, tháng 2 chỉ có 28 ngày`
        : `tháng ${d.m} chỉ có ${max} ngày`;
    }
  }
  return null;
}

/**
 * ND30 leading-zero rule: days below 10 are written with a leading zero, months 1 and 2 with a
 * leading zero, months 3–12 without. Returns what the date should look like, or null when fine.
 */
export function nd30FormatProblem(rawDay: string | undefined, rawMonth: string | undefined): { expected: string; actual: string } | null {
  const day = Number(rawDay ?? 1);
  const month = Number(rawMonth ?? 1);
  // a part not written is not checked: pass it as ND30 writes it
  const problems = nd30LeadingZeroProblems({ day, month, dayText: rawDay ?? padDay(day), monthText: rawMonth ?? padMonth(month) });
  if (problems.length === 0) return null;
  const actual = [rawDay, rawMonth].filter((x) => x !== undefined).join('/');
  const expected = [rawDay !== undefined ? padDay(day) : undefined, rawMonth !== undefined ? padMonth(month) : undefined]
    .filter((x) => x !== undefined)
    .join('/');
  return { expected, actual };
}

/** Comparable ordinal (y, m, d) with missing parts at their lowest/highest per `end`. */
export function dateOrdinal(d: { y: number; m?: number; d?: number }, end: boolean): number {
  const m = d.m ?? (end ? 12 : 1);
  const day = d.d ?? (end ? daysInMonth(m, d.y) : 1);
  return d.y * 10000 + m * 100 + day;
}

export function formatDate(d: DateMention): string {
  const parts: string[] = [];
  if (d.d !== undefined) parts.push(String(d.d));
  if (d.m !== undefined) parts.push(String(d.m));
  if (d.y !== undefined) parts.push(String(d.y));
  return parts.join('/');
}
