import { formatScaled } from './numbers';
import { evaluate, findExpressions } from './expressions';

describe('findExpressions / evaluate', () => {
  it.each([
    ['73 người x 12 tháng x 500.000 đồng = 348.000.000 đồng', '438.000.000', '348.000.000'],
    ['73 người × 1.263.600 đồng = 92.242.800 đồng', '92.242.800', '92.242.800'],
    ['292 - 238 = 54 hộ', '54', '54'],
    ['10 + 12 + 5 = 27 hộ', '27', '27'],
    ['2 x 1,5 + 1 = 4', '4,0', '4'],
  ])('%s', (text, value, stated) => {
    const [e] = findExpressions(text);
    const v = evaluate(e);
    expect(formatScaled(v.scaled, v.decimals)).toBe(value);
    expect(formatScaled(e.result.scaled, e.result.decimals)).toBe(stated);
  });

  it.each(['giai đoạn 2021-2025 = nhiệm kỳ', 'Số 12/KH = 3', 'ngày 20/4/2026 = hạn'])('%s is not arithmetic', (text) => {
    expect(findExpressions(text)).toEqual([]);
  });
});
