import { fold } from '../text/fold';
import { findDates } from './dates';
import { findDateRanges, findYearRanges, isPovertyPeriod } from './ranges';

describe('findYearRanges', () => {
  it.each([
    ['theo chuẩn nghèo đa chiều giai đoạn 2022 - 2025', true],
    ['chuẩn nghèo đa chiều quốc gia giai đoạn 2021-2025', true],
    ['chuan can ngheo giai doan 2020-2025', true],
    ['Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021-2025', true],
    ['chuẩn nghèo tiếp cận đa chiều áp dụng cho giai đoạn 2016-2020', true],
    ['hộ thoát cận nghèo trên địa bàn thành phố giai đoạn 2026-2030', false],
    ['chính sách đặc thù hỗ trợ hộ nghèo giai đoạn 2022-2025', false],
    ['Đại hội lần thứ nhất, nhiệm kỳ 2025-2030', false],
    ['theo chuẩn nghèo, thực hiện nhiệm kỳ 2025-2030', false],
  ])('%s: poverty period %s', (text, poverty) => {
    expect(findYearRanges(fold(text))[0]?.poverty).toBe(poverty);
  });

  it.each([
    [2016, 2020, true],
    [2021, 2025, true],
    [2026, 2030, true],
    [2022, 2025, false],
    [2027, 2030, false],
  ])('%d-%d valid: %s', (a, b, ok) => {
    expect(isPovertyPeriod(a, b)).toBe(ok);
  });
});

describe('findDateRanges', () => {
  const ranges = (s: string) => {
    const f = fold(s);
    return findDateRanges(f, findDates(s, f)).map((r) => [r.from.d ?? null, r.from.m ?? null, r.to.d ?? null, r.to.m ?? null, r.inheritedYear]);
  };
  it.each([
    ['Từ ngày 29/5/2026 đến hết ngày 01/6/2025', [[29, 5, 1, 6, false]]],
    ['từ tháng 5 đến hết tháng 9 năm 2026', [[null, 5, null, 9, true]]],
    ['10/7/2026 - 15/7/2026', [[10, 7, 15, 7, false]]],
    ['từ ngày 15/12 đến ngày 15/01/2027', [[15, 12, 15, 1, true]]],
    ['ngày 20/6 và ngày 30/11', []],
    ['trẻ từ 5 đến dưới 16 tuổi', []],
  ])('%s', (text, expected) => {
    expect(ranges(text)).toEqual(expected);
  });
});
