import { fold } from '../text/fold';
import { findQuantities } from './quantities';

const q = (s: string) => findQuantities(s, fold(s)).map((x) => [x.base.value, x.unit, x.approximate]);

describe('findQuantities', () => {
  it.each([
    ['41 hộ nghèo, chiếm 0,6%', [[41, 'hộ', false], [0.6, '%', false]]],
    ['1.234.567 đồng', [[1234567, 'đồng', false]]],
    ['20 triệu đồng/tháng', [[20_000_000, 'đồng', false]]],
    ['1,5 tỷ đồng', [[1_500_000_000, 'đồng', false]]],
    ['48.250.000 đ', [[48_250_000, 'đồng', false]]],
    ['73 người/năm', [[73, 'người', false]]],
    ['4.800 nhân khẩu', [[4800, 'khẩu', false]]],
    ['150 đến 180 lao động', [[180, 'lao động', true]]],
    ['khoảng 120 lao động', [[120, 'lao động', true]]],
    ['10 ho ngheo', [[10, 'hộ', false]]],
    ['10 họ', []],
    ['0,7 điểm phần trăm', [[0.7, '%', false]]],
    ['56,1\u00a0%', []],
    ['3 thôn, 2 TDP', [[3, 'thôn', false], [2, 'tổ dân phố', false]]],
    ['5 d', []],
  ])('%j', (text, expected) => {
    expect(q(text)).toEqual(expected);
  });

  it('reads units after a NBSP once the text is normalised', () => {
    const s = '56,1 %';
    expect(findQuantities(s, fold(s))[0]).toMatchObject({ unit: '%', base: { value: 56.1 } });
  });

  it('keeps the category of a household count', () => {
    const s = '23 hộ cận nghèo và 5 hộ mới thoát nghèo';
    expect(findQuantities(s, fold(s)).map((x) => x.category)).toEqual(['cận nghèo', 'mới thoát nghèo']);
  });
});
