import fc from 'fast-check';
import {
  checkIssueDate,
  formatNumber,
  isCalendarDate,
  referenceOf,
  seriesFor,
  SINGLE_SERIES,
  vietnamDate,
  vietnamTimestamp,
  yearOf,
} from './numbering';

describe('numbering', () => {
  it.each([
    ['single', 'KH', false, SINGLE_SERIES],
    ['single', 'QĐ', false, SINGLE_SERIES],
    ['per-type', 'KH', false, 'KH'],
    ['per-type', 'QĐ', false, 'QĐ'],
    // VBQPPL keep a series per type whatever the agency chose (Đ15.1.a)
    ['single', 'QĐ', true, 'qppl:QĐ'],
    ['per-type', 'NQ', true, 'qppl:NQ'],
  ] as const)('%s numbering, type %s (VBQPPL %s) → series %s', (policy, type, yearInNumber, series) => {
    expect(seriesFor(policy, { type, yearInNumber })).toBe(series);
  });

  it.each([
    [1, '01'],
    [9, '09'],
    [10, '10'],
    [128, '128'],
    [1000, '1000'],
  ])('number %i is written %s', (n, s) => {
    expect(formatNumber(n)).toBe(s);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %p as a number', (n) => {
    expect(() => formatNumber(n)).toThrow(RangeError);
  });

  it('reads every formatted number back, at least two digits', () => {
    expect(() =>
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 1_000_000 }), (n) => {
          const s = formatNumber(n);
          return s.length >= 2 && Number(s) === n && /^\d+$/.test(s);
        }),
      ),
    ).not.toThrow();
  });

  it.each([
    [{ number: 5, year: 2026, symbol: 'KH-UBND', yearInNumber: false }, '05/KH-UBND'],
    [{ number: 128, year: 2026, symbol: 'KH-UBND', yearInNumber: false }, '128/KH-UBND'],
    [{ number: 4, year: 2026, symbol: 'NQ-HĐND', yearInNumber: true }, '04/2026/NQ-HĐND'],
    [{ number: 12, year: 2027, symbol: 'UBND-KT', yearInNumber: false }, '12/UBND-KT'],
  ])('reference %o → %s', (d, ref) => {
    expect(referenceOf(d)).toBe(ref);
  });

  it.each([
    ['2026-05-26T00:00:00Z', '2026-05-26', '2026-05-26T07:00:00+07:00'],
    // 17:00 UTC is already midnight in Hà Nội: the number belongs to the next day (and year)
    ['2026-12-31T16:59:59Z', '2026-12-31', '2026-12-31T23:59:59+07:00'],
    ['2026-12-31T17:00:00Z', '2027-01-01', '2027-01-01T00:00:00+07:00'],
  ])('at %s it is %s in Vietnam', (utc, date, stamp) => {
    expect(vietnamDate(new Date(utc))).toBe(date);
    expect(vietnamTimestamp(new Date(utc))).toBe(stamp);
  });

  it('takes the year of a date', () => {
    expect(yearOf('2027-01-01')).toBe(2027);
  });

  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-13-01', false],
    ['26-05-2026', false],
  ])('%s is a calendar date: %s', (s, ok) => {
    expect(isCalendarDate(s)).toBe(ok);
  });

  it.each([
    ['2026-05-26', null, '2026-05-26'],
    ['2026-05-26', '2026-05-26', '2026-06-01'],
    ['2026-05-27', '2026-05-26', '2026-06-01'],
  ])('issue date %s after %s, today %s is fine', (date, last, today) => {
    expect(() => checkIssueDate(date, last, today)).not.toThrow();
  });

  it.each([
    ['2026-05-25', '2026-05-26', '2026-06-01', 'issuing.date_out_of_order'],
    ['2026-06-02', null, '2026-06-01', 'issuing.date_in_future'],
    ['2026-02-30', null, '2026-06-01', 'validation.failed'],
  ])('issue date %s after %s, today %s → %s', (date, last, today, code) => {
    expect(() => checkIssueDate(date, last, today)).toThrow(expect.objectContaining({ code }));
  });
});
