import { fold } from '../text/fold';
import { dateProblem, findDates, nd30FormatProblem, type DateMention } from './dates';

const dates = (s: string) => findDates(s, fold(s));

describe('findDates', () => {
  it.each([
    ['ngày 20/4/2026', { kind: 'full', d: 20, m: 4, y: 2026, rawMonth: '4' }],
    ['ngày 21/05/2026', { kind: 'full', d: 21, m: 5, rawMonth: '05' }],
    ['hạn 10.9.2026', { kind: 'full', d: 10, m: 9, y: 2026 }],
    ['ngày 10-12-2025', { kind: 'full', d: 10, m: 12, y: 2025 }],
    ['ngày 20 tháng 4 năm 2026', { kind: 'full', form: 'worded', d: 20, m: 4, y: 2026 }],
    ['ngay 5 thang 02 nam 2026', { kind: 'full', d: 5, m: 2, rawDay: '5', rawMonth: '02' }],
    ['trước 20/6', { kind: 'dayMonth', d: 20, m: 6 }],
    ['từ tháng 5/2026', { kind: 'monthYear', m: 5, y: 2026 }],
    ['tháng 9 năm 2026', { kind: 'monthYear', m: 9, y: 2026 }],
    ['từ tháng 5 đến', { kind: 'month', m: 5 }],
    ['năm 2025', { kind: 'year', y: 2025 }],
  ])('%s', (text, expected) => {
    expect(dates(text)[0]).toMatchObject(expected);
  });

  it.each(['số 04/2026/NQ-HĐND', '23/41 hộ', '1.234.567 đồng', '6 tháng (trước'])('%s has no full date', (text) => {
    expect(dates(text).filter((d) => d.kind === 'full')).toEqual([]);
  });

  it.each(['hằng tháng 1.234.560.000', 'mỗi tháng 2,5 triệu đồng'])('%s has no month', (text) => {
    expect(dates(text)).toEqual([]);
  });
});

describe('dateProblem', () => {
  const d = (day: number, m: number, y?: number): DateMention => ({ kind: 'full', form: 'numeric', d: day, m, y, start: 0, end: 0 });
  it.each([
    [d(31, 4, 2026), 'tháng 4 chỉ có 30 ngày'],
    [d(29, 2, 2025), 'năm 2025 không nhuận, tháng 2 chỉ có 28 ngày'],
    [d(30, 2, 2024), 'tháng 2 chỉ có 29 ngày'],
    [d(1, 13, 2026), 'tháng 13 không tồn tại'],
    [d(0, 5, 2026), 'ngày 0 không tồn tại'],
  ])('%j: %s', (mention, message) => {
    expect(dateProblem(mention)).toBe(message);
  });

  it.each([d(29, 2, 2024), d(29, 2), d(31, 12, 2026), d(30, 4, 2026)])('%j is a real date', (mention) => {
    expect(dateProblem(mention)).toBeNull();
  });
});

describe('nd30FormatProblem (ND30: zero for days 1–9 and months 1–2 only)', () => {
  it.each([
    ['26', '05', { expected: '26/5', actual: '26/05' }],
    ['5', '3', { expected: '05/3', actual: '5/3' }],
    ['15', '1', { expected: '15/01', actual: '15/1' }],
    ['08', '03', { expected: '08/3', actual: '08/03' }],
  ])('ngày %s tháng %s', (day, month, expected) => {
    expect(nd30FormatProblem(day, month)).toEqual(expected);
  });

  it.each([
    ['05', '01'],
    ['29', '6'],
    ['10', '12'],
    ['01', '02'],
  ])('ngày %s tháng %s is correct', (day, month) => {
    expect(nd30FormatProblem(day, month)).toBeNull();
  });
});
