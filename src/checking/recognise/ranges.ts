import type { DateMention } from './dates';

/**
 * Date ranges ("từ ngày 29/5/2026 đến hết ngày 01/6/2026", "từ tháng 5 đến hết tháng 9 năm 2026",
 * "29/5/2026 - 10/6/2026") and year ranges ("giai đoạn 2021-2025", "2022 - 2025", "2021 đến 2025",
 * "nhiệm kỳ 2025-2030"); a year range is a poverty-standard period when it follows "chuẩn nghèo"
 * (or the national programme "giảm nghèo bền vững") in the same clause.
 */

export interface DateRange {
  from: DateMention;
  to: DateMention;
  /** the year of one end was taken from the other ("từ tháng 5 đến tháng 9 năm 2026") */
  inheritedYear: boolean;
  start: number;
  end: number;
}

const BETWEEN = /^\s*\)?\s*,?\s*(?:cho\s+)?(?:den|toi|-)\s*(?:het\s+)?(?:ngay\s+)?$/;

export function findDateRanges(folded: string, dates: DateMention[]): DateRange[] {
  const out: DateRange[] = [];
  for (let i = 0; i + 1 < dates.length; i++) {
    const a = dates[i];
    const b = dates[i + 1];
    // "từ năm 2027 đến năm 2025": years pair with years only
    if ((a.kind === 'year') !== (b.kind === 'year')) continue;
    const between = folded.slice(a.end, b.start);
    if (!BETWEEN.test(between)) continue;
    if (between.trim() === '-' && !(a.kind === 'full' && b.kind === 'full')) continue;
    // "từ" (or "bắt đầu từ", "kể từ") before the start, or "đến" between: either marks a range
    out.push({ from: a, to: b, inheritedYear: a.y === undefined || b.y === undefined, start: a.start, end: b.end });
    i++;
  }
  return out;
}

export interface YearRange {
  from: number;
  to: number;
  start: number;
  end: number;
  /** a poverty-standard (or national poverty programme) period */
  poverty: boolean;
  /** the words just before: "giai doan", "nhiem ky", "" */
  lead: string;
}

const YEAR_RANGE = /(?<![\d/.,])((?:19|20)\d{2})\s*(?:-|den|toi)\s*((?:19|20)\d{2})(?![\d/])/g;
const POVERTY_KEY = /chuan (?:can )?ngheo|giam ngheo ben vung|chuan ho ngheo/g;

export function findYearRanges(folded: string): YearRange[] {
  const out: YearRange[] = [];
  for (const m of folded.matchAll(YEAR_RANGE)) {
    const start = m.index;
    const clauseStart = Math.max(folded.lastIndexOf('.', start), folded.lastIndexOf(';', start), start - 90, 0);
    const clause = folded.slice(clauseStart, start);
    const lead = /(giai doan|nhiem ky|thoi ky|tu nam|nam|\()\s*$/.exec(clause)?.[1] ?? '';
    let poverty = false;
    let lastKey = -1;
    for (const k of clause.matchAll(POVERTY_KEY)) lastKey = k.index + k[0].length;
    if (lastKey >= 0) {
      const gap = clause.slice(lastKey);
      // nothing but qualifiers between the key words and the period; no other period in between
      poverty =
        !/(?:19|20)\d{2}/.test(gap) &&
        !/nhiem ky/.test(gap) &&
        /^(?:\s+(?:da chieu|tiep can|quoc gia|theo|ap dung|cho|cua|trung uong|moi|hien hanh))*\s*(?:giai doan|thoi ky|\()?\s*$/.test(gap);
    }
    out.push({ from: Number(m[1]), to: Number(m[2]), start, end: start + m[0].length, poverty, lead });
  }
  return out;
}

export const POVERTY_PERIODS: readonly [number, number][] = [
  [2016, 2020],
  [2021, 2025],
  [2026, 2030],
];

export function isPovertyPeriod(from: number, to: number): boolean {
  return POVERTY_PERIODS.some(([a, b]) => a === from && b === to);
}
