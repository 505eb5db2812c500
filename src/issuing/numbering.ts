/**
 * Numbering rules of ND30 Điều 15, pure. The counter itself (one row per agency, year and series,
 * bumped inside the issue transaction) lives in number-counter.ts.
 *
 * - Numbers follow the order of issue within the calendar year: from 01 on 1 January.
 * - Văn bản hành chính: one series for the whole agency or one per type, as the head of the agency
 *   decides (Đ15.1.c; the agency's `numbering` field). Either way the pair số + ký hiệu is unique.
 * - VBQPPL (the "04/2026/NQ-HĐND" form, `yearInNumber`): one series per type (Đ15.1.a), whatever
 *   the agency chose for its administrative documents.
 */
import { formatDocNumber, padNumber } from '../vi/doc-number';
import { DomainError } from '../common/domain-error';
import type { NumberingPolicy } from '../registry/records/record-set';

/** The series of the agency's single administrative series. */
export const SINGLE_SERIES = 'all';

export function seriesFor(policy: NumberingPolicy, doc: { type: string; yearInNumber: boolean }): string {
  if (doc.yearInNumber) return `qppl:${doc.type}`;
  return policy === 'per-type' ? doc.type : SINGLE_SERIES;
}

/** ND30 writes numbers below 10 with a leading zero: "01", "09", "10", "128". */
export function formatNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`not a document number: ${n}`);
  return padNumber(n);
}

/** "Số và ký hiệu" as the register writes it: "05/KH-UBND", "04/2026/NQ-HĐND". */
export function referenceOf(d: { number: number; year: number; symbol: string; yearInNumber: boolean }): string {
  formatNumber(d.number);
  return formatDocNumber(d);
}

/** Vietnam has kept UTC+7 without daylight saving since 1975. */
const VN_OFFSET_MS = 7 * 3600 * 1000;

/** Today's date in Vietnam (yyyy-mm-dd): the issue date when none is given. */
export function vietnamDate(now: Date): string {
  return new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** A timestamp in Vietnam time with its offset, ISO 8601: "2026-05-26T09:15:02+07:00". */
export function vietnamTimestamp(now: Date): string {
  return `${new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/**
 * An issue date must keep numbers in date order within the series (a number is never dated before
 * the one issued ahead of it) and cannot lie in the future.
 */
export function checkIssueDate(date: string, lastDate: string | null, today: string): void {
  if (!isCalendarDate(date)) {
    throw DomainError.validation('validation.failed', '1 invalid field(s)', [
      { path: 'date', message: 'yyyy-mm-dd, a calendar date', key: 'validation.invalid_format' },
    ]);
  }
  if (date > today) {
    throw DomainError.validation('issuing.date_in_future', `issue date ${date} is after today (${today})`, [
      { path: 'date', message: `not after ${today}`, key: 'issuing.date_in_future' },
    ]);
  }
  if (lastDate !== null && date < lastDate) {
    throw new DomainError(
      'issuing.date_out_of_order',
      `issue date ${date} is before ${lastDate}, the date of the previous number in this series`,
      'conflict',
      [{ path: 'date', message: `not before ${lastDate}`, key: 'issuing.date_out_of_order' }],
    );
  }
}
