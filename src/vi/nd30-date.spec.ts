import fc from 'fast-check';
import {
  daysInMonth,
  formatDateRange,
  formatLongDate,
  formatPlaceDateLine,
  formatShortDate,
  isValidDate,
  nd30LeadingZeroProblems,
  parseDateRange,
  parseIsoDate,
  parseViDate,
  toIsoDate,
} from './nd30-date';

describe('formatPlaceDateLine', () => {
  it.each([
    ['Kim Thành', '2026-05-26', 'Kim Thành, ngày 26 tháng 5 năm 2026'],
    ['Hà Nội', '2020-01-05', 'Hà Nội, ngày 05 tháng 01 năm 2020'],
    ['Hà Nội', '2020-03-05', 'Hà Nội, ngày 05 tháng 3 năm 2020'],
    ['Cát Hải', '2026-02-10', 'Cát Hải, ngày 10 tháng 02 năm 2026'],
    ['Thanh Thủy', '2026-12-31', 'Thanh Thủy, ngày 31 tháng 12 năm 2026'],
    ['Thành phố Hồ Chí Minh', '2019-06-29', 'Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019'],
  ])('%s %s → %s', (place, iso, expected) => {
    expect(formatPlaceDateLine(place, iso, 2026)).toBe(expected);
  });

  it('leaves the day and month blank for an undated draft', () => {
    expect(formatPlaceDateLine('Cát Hải', null, 2026)).toBe('Cát Hải, ngày     tháng     năm 2026');
  });

  it('throws RangeError on an impossible date rather than writing NaN', () => {
    expect(() => formatPlaceDateLine('Cát Hải', '2026-04-31', 2026)).toThrow(RangeError);
  });
});

describe('isValidDate / daysInMonth', () => {
  it.each([
    [2026, 4, 30, true],
    [2026, 4, 31, false],
    [2026, 2, 28, true],
    [2026, 2, 29, false],
    [2024, 2, 29, true],
    [2000, 2, 29, true],
    [1900, 2, 29, false],
    [2026, 13, 1, false],
    [2026, 0, 1, false],
    [2026, 1, 0, false],
    [2026, 12, 31, true],
    [2026, 1.5, 1, false],
    [0, 1, 1, false],
  ])('%d-%d-%d -> %s', (y, m, d, ok) => {
    expect(isValidDate(y, m, d)).toBe(ok);
  });

  it('property: agrees with the JavaScript Date in UTC', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2200 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const js = new Date(Date.UTC(y, m - 1, d));
          const real = js.getUTCFullYear() === y && js.getUTCMonth() === m - 1 && js.getUTCDate() === d;
          expect(isValidDate(y, m, d)).toBe(real);
          expect(daysInMonth(y, m)).toBe(new Date(Date.UTC(y, m, 0)).getUTCDate());
        },
      ),
    );
  });
});

describe('parseIsoDate / toIsoDate', () => {
  it.each([
    ['2026-05-26', { year: 2026, month: 5, day: 26 }],
    ['2026-05-26T00:00:00.000Z', { year: 2026, month: 5, day: 26 }],
  ])('%s', (iso, ymd) => {
    expect(parseIsoDate(iso)).toEqual(ymd);
  });

  it.each(['2026-5-26', '2026-04-31', '26/5/2026', ''])('rejects %j', (iso) => {
    expect(() => parseIsoDate(iso)).toThrow(RangeError);
  });

  it('toIsoDate pads', () => {
    expect(toIsoDate({ year: 2026, month: 5, day: 1 })).toBe('2026-05-01');
  });
});

describe('formatLongDate', () => {
  it.each([
    ['2026-05-26', 'ngày 26 tháng 5 năm 2026'],
    ['2026-02-05', 'ngày 05 tháng 02 năm 2026'],
    ['2026-01-10', 'ngày 10 tháng 01 năm 2026'],
    ['2026-10-09', 'ngày 09 tháng 10 năm 2026'],
    ['2026-11-11', 'ngày 11 tháng 11 năm 2026'],
  ])('%s -> %s', (iso, text) => {
    expect(formatLongDate(iso)).toBe(text);
  });
});

describe('formatShortDate', () => {
  it.each([
    // nd30 padding (default), each as written in the seeds
    ['2026-04-20', 'nd30', '20/4/2026'],
    ['2023-03-08', 'nd30', '08/3/2023'],
    ['2026-02-07', 'nd30', '07/02/2026'],
    ['2021-01-27', 'nd30', '27/01/2021'],
    ['2026-06-01', 'nd30', '01/6/2026'],
    ['2024-12-31', 'nd30', '31/12/2024'],
    ['2025-08-18', 'nd30', '18/8/2025'],
    ['2023-03-08', 'none', '8/3/2023'],
    ['2026-02-07', 'none', '7/2/2026'],
    ['2024-12-31', 'none', '31/12/2024'],
    ['2023-03-08', 'full', '08/03/2023'],
    ['2026-04-20', 'full', '20/04/2026'],
  ] as const)('%s (%s) -> %s', (iso, padding, text) => {
    expect(formatShortDate(iso, { padding })).toBe(text);
  });

  it('defaults to the ND30 padding', () => {
    expect(formatShortDate('2026-04-20')).toBe('20/4/2026');
    expect(formatShortDate('2026-02-07')).toBe('07/02/2026');
  });
});

describe('parseViDate', () => {
  it.each([
    ['20/4/2026', { day: 20, month: 4, year: 2026, form: 'short', dayText: '20', monthText: '4' }],
    ['21/05/2026', { day: 21, month: 5, year: 2026, form: 'short', dayText: '21', monthText: '05' }],
    ['ngày 08/3/2023', { day: 8, month: 3, year: 2023, form: 'short', dayText: '08', monthText: '3' }],
    [
      'ngày 05 tháng 02 năm 2026',
      { day: 5, month: 2, year: 2026, form: 'long', dayText: '05', monthText: '02' },
    ],
    ['ngày 26 tháng 5 năm 2026', { day: 26, month: 5, year: 2026, form: 'long', dayText: '26', monthText: '5' }],
    ['Ngày  26   tháng 05 năm 2026 ', { day: 26, month: 5, year: 2026, form: 'long', dayText: '26', monthText: '05' }],
    ['26 tháng 5 năm 2026', { day: 26, month: 5, year: 2026, form: 'long', dayText: '26', monthText: '5' }],
    [
      'ngày 26 tháng 5 năm 2026'.normalize('NFD'),
      { day: 26, month: 5, year: 2026, form: 'long', dayText: '26', monthText: '5' },
    ],
    ['29/02/2024', { day: 29, month: 2, year: 2024, form: 'short', dayText: '29', monthText: '02' }],
  ])('%j', (text, expected) => {
    expect(parseViDate(text)).toEqual(expected);
  });

  it.each([
    '31/4/2026',
    '29/02/2025',
    '0/1/2026',
    '1/13/2026',
    '20/4/26',
    '20-4-2026',
    '2026-04-20',
    'ngày 31 tháng 4 năm 2026',
    'ngày 26 tháng 5',
    'ngày … tháng … năm 2026',
    '',
    'hôm nay',
    '123/4/2026',
  ])('rejects %j', (text) => {
    expect(parseViDate(text)).toBeNull();
  });

  it('property: reads back what formatLongDate and formatShortDate write', () => {
    const date = fc
      .record({ year: fc.integer({ min: 1000, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
      .filter((d) => isValidDate(d.year, d.month, d.day));
    const padding = fc.constantFrom('nd30' as const, 'none' as const, 'full' as const);
    fc.assert(
      fc.property(date, padding, (d, p) => {
        const iso = toIsoDate(d);
        expect(parseViDate(formatLongDate(iso))).toMatchObject({ ...d, form: 'long' });
        expect(parseViDate(formatShortDate(iso, { padding: p }))).toMatchObject({ ...d, form: 'short' });
        // what we write never breaks the leading-zero rule
        expect(nd30LeadingZeroProblems(parseViDate(formatLongDate(iso))!)).toEqual([]);
      }),
    );
  });
});

describe('nd30LeadingZeroProblems', () => {
  it.each([
    ['ngày 05 tháng 02 năm 2026', []],
    ['ngày 26 tháng 5 năm 2026', []],
    ['ngày 10 tháng 01 năm 2026', []],
    ['ngày 26 tháng 05 năm 2026', [{ part: 'month', written: '05', expected: '5' }]],
    ['ngày 5 tháng 02 năm 2026', [{ part: 'day', written: '5', expected: '05' }]],
    ['ngày 5 tháng 2 năm 2026', [{ part: 'day', written: '5', expected: '05' }, { part: 'month', written: '2', expected: '02' }]],
    ['ngày 05 tháng 12 năm 2026', []],
    ['20/04/2026', [{ part: 'month', written: '04', expected: '4' }]],
    ['21/05/2026', [{ part: 'month', written: '05', expected: '5' }]],
    ['8/3/2023', [{ part: 'day', written: '8', expected: '08' }]],
  ])('%j -> %j', (text, problems) => {
    expect(nd30LeadingZeroProblems(parseViDate(text)!)).toEqual(problems);
  });
});

describe('formatDateRange / parseDateRange', () => {
  it.each([
    ['2026-05-29', '2026-06-01', {}, 'từ ngày 29/5/2026 đến hết ngày 01/6/2026'],
    ['2026-06-02', '2026-06-10', { throughEnd: false }, 'từ ngày 02/6/2026 đến ngày 10/6/2026'],
    ['2026-06-02', '2026-06-02', {}, 'từ ngày 02/6/2026 đến hết ngày 02/6/2026'],
    ['2026-01-02', '2026-02-10', { padding: 'none' as const }, 'từ ngày 2/1/2026 đến hết ngày 10/2/2026'],
  ])('%s .. %s %j -> %s', (from, to, opts, text) => {
    expect(formatDateRange(from, to, opts)).toBe(text);
  });

  it('throws RangeError when the range ends before it starts', () => {
    expect(() => formatDateRange('2026-05-29', '2025-06-01')).toThrow(RangeError);
  });

  it("reads seed 000's reversed range and says it is not ordered", () => {
    const r = parseDateRange('Từ ngày 29/5/2026 đến hết ngày 01/6/2025');
    expect(r).toMatchObject({
      from: { day: 29, month: 5, year: 2026 },
      to: { day: 1, month: 6, year: 2025 },
      throughEnd: true,
      ordered: false,
    });
  });

  it('reads a range without "hết" and in the long form', () => {
    expect(parseDateRange('Từ ngày 02/6/2026 đến ngày 10/6/2026')).toMatchObject({
      from: { day: 2, month: 6, year: 2026 },
      to: { day: 10, month: 6, year: 2026 },
      throughEnd: false,
      ordered: true,
    });
    expect(parseDateRange('từ ngày 05 tháng 02 năm 2026 đến hết ngày 26 tháng 5 năm 2026.')).toMatchObject({
      from: { day: 5, month: 2, form: 'long' },
      to: { day: 26, month: 5, form: 'long' },
      ordered: true,
    });
  });

  it.each(['Từ ngày 31/4/2026 đến ngày 10/6/2026', 'ngày 02/6/2026', 'từ nay đến cuối năm'])('rejects %j', (text) => {
    expect(parseDateRange(text)).toBeNull();
  });

  it('property: parseDateRange reads what formatDateRange writes', () => {
    const iso = fc
      .record({ year: fc.integer({ min: 2000, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
      .map(toIsoDate);
    fc.assert(
      fc.property(iso, iso, fc.boolean(), (a, b, throughEnd) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const r = parseDateRange(formatDateRange(from, to, { throughEnd }))!;
        expect([toIsoDate(r.from), toIsoDate(r.to), r.throughEnd, r.ordered]).toEqual([from, to, throughEnd, true]);
      }),
    );
  });
});
