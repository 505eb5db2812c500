import { categoryLabel, isPovertyPeriod, parseCategory, povertyPeriodOf } from './poverty-categories';

describe('parseCategory', () => {
  it.each([
    ['Hộ nghèo', 'nghèo'],
    ['HỘ NGHÈO', 'nghèo'],
    ['ho ngheo', 'nghèo'],
    ['HN', 'nghèo'],
    ['nghèo', 'nghèo'],
    ['Hộ cận nghèo', 'cận nghèo'],
    ['Hộ  cận   nghèo ', 'cận nghèo'],
    ['HCN', 'cận nghèo'],
    ['Hộ mới thoát nghèo', 'thoát nghèo'],
    ['Hộ thoát nghèo', 'thoát nghèo'],
    ['Thoát cận nghèo', 'thoát cận nghèo'],
    ['Hộ có mức sống trung bình', 'mức sống trung bình'],
    ['Thành viên thuộc hộ nghèo', 'nghèo'],
    ['Hộ nghèo'.normalize('NFD'), 'nghèo'],
  ])('%s → %s', (text, code) => {
    expect(parseCategory(text)).toBe(code);
  });

  it.each(['', 'Hộ khá', 'Người cao tuổi', 'nghèo nghèo', 'Hộ'])('%s is not a category', (text) => {
    expect(parseCategory(text)).toBeNull();
  });
});

describe('periods and labels', () => {
  it.each([
    ['2026-07', '2026-2030'],
    ['2025-12', '2021-2025'],
    ['2021-01', '2021-2025'],
    ['2030-12', '2026-2030'],
    ['2031-01', null],
    ['2015-06', null],
  ])('the month %s is in the period %s', (month, period) => {
    expect(povertyPeriodOf(month)).toBe(period);
  });

  it.each([
    ['2026-2030', true],
    ['2016-2020', true],
    ['2026-2031', false],
  ])('%s is a poverty-standard period: %s', (p, ok) => expect(isPovertyPeriod(p)).toBe(ok));

  it.each([
    ['nghèo', 'Hộ nghèo'],
    ['thoát cận nghèo', 'Hộ thoát cận nghèo'],
    ['khác', 'khác'],
  ])('%s is printed %s', (code, label) => expect(categoryLabel(code)).toBe(label));
});
