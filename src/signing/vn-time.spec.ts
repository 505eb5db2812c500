import fc from 'fast-check';
import { isoVn, parsePdfDate, pdfDate, stampTime } from './vn-time';

describe('Vietnamese times (UTC+07:00, no daylight saving)', () => {
  it.each([
    // [UTC instant, stamp text, PDF date, ISO 8601] — worked by hand: add 7 hours
    ['2026-05-26T07:30:15Z', "26/05/2026; 14:30:15 +07:00", "D:20260526143015+07'00'", '2026-05-26T14:30:15+07:00'],
    ['2026-12-31T17:00:00Z', "01/01/2027; 00:00:00 +07:00", "D:20270101000000+07'00'", '2027-01-01T00:00:00+07:00'],
    ['2026-03-04T16:59:59Z', "04/03/2026; 23:59:59 +07:00", "D:20260304235959+07'00'", '2026-03-04T23:59:59+07:00'],
    ['2028-02-28T20:00:05Z', "29/02/2028; 03:00:05 +07:00", "D:20280229030005+07'00'", '2028-02-29T03:00:05+07:00'],
  ])('%s', (utc, stamp, pdf, iso) => {
    const d = new Date(utc);
    expect(stampTime(d)).toBe(stamp);
    expect(pdfDate(d)).toBe(pdf);
    expect(isoVn(d)).toBe(iso);
  });

  it.each([
    ["D:20260526143015+07'00'", '2026-05-26T07:30:15.000Z'],
    ['D:20260526073015Z', '2026-05-26T07:30:15.000Z'],
    ["D:20260526023015-05'00'", '2026-05-26T07:30:15.000Z'],
    ['D:2026', '2026-01-01T00:00:00.000Z'],
    ['20260526073015', '2026-05-26T07:30:15.000Z'],
  ])('parses the PDF date %s', (s, iso) => {
    expect(parsePdfDate(s)?.toISOString()).toBe(iso);
  });

  it('rejects what is not a PDF date', () => {
    expect(parsePdfDate('hôm qua')).toBeUndefined();
  });

  it('a PDF date reads back as the same second (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        expect(parsePdfDate(pdfDate(d))?.getTime()).toBe(Math.floor(d.getTime() / 1000) * 1000);
      }),
    );
  });
});
