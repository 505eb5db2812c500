/**
 * ND30 date forms. The date line (ô 4) writes `ngày DD tháng M năm YYYY`: a leading zero only for
 * days below 10 and for months 1 and 2 (PL I §II.4; nd30.md "Ô 4").
 *
 * Short dates in running text ("ngày 20/4/2026"): ND30 gives no rule for them (unconfirmed). The
 * seeds and the spec itself write them with the same padding as the date line ("08/3/2023",
 * "07/02/2026", "27/01/2021", "20/4/2026"), so that is the default here; `padding` makes the choice
 * explicit ('none' for "8/3/2023", 'full' for "08/03/2023").
 */
import { nfc } from './nfc';

export function padDay(d: number): string {
  return d < 10 ? `0${d}` : String(d);
}

export function padMonth(m: number): string {
  return m <= 2 ? `0${m}` : String(m);
}

/** Blank left for the day and month a leader fills in when signing an undated draft. */
export const DATE_BLANK = '   ';

/** Gregorian calendar: is (year, month 1–12, day) a real date? Years 1–9999. */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (![year, month, day].every(Number.isInteger)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export interface YMD {
  year: number;
  month: number;
  day: number;
}

/** "2026-05-26" (a time part after "T" is ignored) -> {2026, 5, 26}; RangeError if not a real date. */
export function parseIsoDate(iso: string): YMD {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(iso);
  const ymd = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
  if (!ymd || !isValidDate(ymd.year, ymd.month, ymd.day)) throw new RangeError(`not an ISO date: ${iso}`);
  return ymd;
}

export function toIsoDate(d: YMD): string {
  if (!isValidDate(d.year, d.month, d.day)) throw new RangeError(`not a date: ${JSON.stringify(d)}`);
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** "ngày 26 tháng 5 năm 2026", "ngày 05 tháng 02 năm 2026" (ND30 padding). */
export function formatLongDate(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `ngày ${padDay(day)} tháng ${padMonth(month)} năm ${year}`;
}

/** "Kim Thành, ngày 26 tháng 5 năm 2026"; without a date, blanks for day and month. */
export function formatPlaceDateLine(place: string, isoDate: string | null, year: number): string {
  if (!isoDate) return `${place}, ngày ${DATE_BLANK} tháng ${DATE_BLANK} năm ${year}`;
  return `${place}, ${formatLongDate(isoDate)}`;
}

export type ShortDatePadding = 'nd30' | 'none' | 'full';

/**
 * "20/4/2026", "08/3/2023", "07/02/2026" with the default 'nd30' padding (as the date line: day below
 * 10 and months 1–2 get a zero); 'none' -> "8/3/2023"; 'full' -> "08/03/2023".
 */
export function formatShortDate(iso: string, opts: { padding?: ShortDatePadding } = {}): string {
  const { year, month, day } = parseIsoDate(iso);
  const padding = opts.padding ?? 'nd30';
  const two = (n: number) => String(n).padStart(2, '0');
  switch (padding) {
    case 'nd30':
      return `${padDay(day)}/${padMonth(month)}/${year}`;
    case 'none':
      return `${day}/${month}/${year}`;
    case 'full':
      return `${two(day)}/${two(month)}/${year}`;
    default:
      throw new RangeError(`unknown padding: ${String(padding)}`);
  }
}

export interface ViDate extends YMD {
  /** 'short' for "20/4/2026", 'long' for "ngày 26 tháng 5 năm 2026". */
  form: 'short' | 'long';
  /** The day and month exactly as written ("05", "5"), for checking the ND30 leading-zero rule. */
  dayText: string;
  monthText: string;
}

const SHORT = /^(?:ngày\s+)?(\d{1,2})\/(\d{1,2})\/(\d{4})$/u;
const LONG = /^(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})$/u;

/**
 * "20/4/2026", "21/05/2026", "ngày 20/4/2026" (short) and "ngày 05 tháng 02 năm 2026",
 * "ngày 26 tháng 5 năm 2026", "26 tháng 5 năm 2026" (long); any case, any whitespace, NFC or not.
 * Null for anything else and for impossible dates (31/4/2026, 29/02/2025).
 */
export function parseViDate(text: string): ViDate | null {
  const s = nfc(text).toLocaleLowerCase('vi').trim().replace(/\s+/gu, ' ');
  const short = SHORT.exec(s);
  const long = short ? null : LONG.exec(s);
  const m = short ?? long;
  if (!m) return null;
  const [, dayText, monthText, yearText] = m;
  const day = Number(dayText);
  const month = Number(monthText);
  const year = Number(yearText);
  if (!isValidDate(year, month, day)) return null;
  return { day, month, year, form: short ? 'short' : 'long', dayText, monthText };
}

export interface LeadingZeroProblem {
  part: 'day' | 'month';
  written: string;
  expected: string;
}

/**
 * Where a written day or month breaks the ND30 leading-zero rule (days below 10 and months 1–2 take
 * one zero, nothing else does): "ngày 5 tháng 02" -> day "5" should be "05"; "tháng 05" -> "5".
 * Empty when the date is written as ND30 asks. The rule is ND30's for the date line; applying it to
 * short dates in running text is the checker's choice (see the note at the top of this file).
 */
export function nd30LeadingZeroProblems(d: {
  day: number;
  month: number;
  dayText: string;
  monthText: string;
}): LeadingZeroProblem[] {
  const problems: LeadingZeroProblem[] = [];
  const expectedDay = padDay(d.day);
  const expectedMonth = padMonth(d.month);
  if (d.dayText !== expectedDay) problems.push({ part: 'day', written: d.dayText, expected: expectedDay });
  if (d.monthText !== expectedMonth) problems.push({ part: 'month', written: d.monthText, expected: expectedMonth });
  return problems;
}

function compareYmd(a: YMD, b: YMD): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * "từ ngày 29/5/2026 đến hết ngày 01/6/2026" (`throughEnd`, the default: the last day is included)
 * or "từ ngày 02/6/2026 đến ngày 10/6/2026". RangeError if the end is before the start.
 */
export function formatDateRange(
  fromIso: string,
  toIso: string,
  opts: { throughEnd?: boolean; padding?: ShortDatePadding } = {},
): string {
  if (compareYmd(parseIsoDate(fromIso), parseIsoDate(toIso)) > 0) {
    throw new RangeError(`date range ends before it starts: ${fromIso} .. ${toIso}`);
  }
  const through = opts.throughEnd ?? true ? 'đến hết ngày' : 'đến ngày';
  return `từ ngày ${formatShortDate(fromIso, opts)} ${through} ${formatShortDate(toIso, opts)}`;
}

export interface ViDateRange {
  from: ViDate;
  to: ViDate;
  throughEnd: boolean;
  /** False when the end is before the start (seed 000: "Từ ngày 29/5/2026 đến hết ngày 01/6/2025"). */
  ordered: boolean;
}

const RANGE = /^từ (.+?) đến (hết )?(.+)$/u;

/** Reads "Từ ngày 29/5/2026 đến hết ngày 01/6/2025" (either date form); null if either date is not a date. */
export function parseDateRange(text: string): ViDateRange | null {
  const s = nfc(text).toLocaleLowerCase('vi').trim().replace(/\s+/gu, ' ').replace(/[.;,]$/u, '');
  const m = RANGE.exec(s);
  if (!m) return null;
  const from = parseViDate(m[1]);
  const to = parseViDate(m[3]);
  if (!from || !to) return null;
  return { from, to, throughEnd: Boolean(m[2]), ordered: compareYmd(from, to) <= 0 };
}
