import { findEnumerations } from './enumerations';
import { findPercentStatements } from './percents';
import { blocksOf } from './test-support';

const pct = (text: string) => {
  const blocks = blocksOf(text);
  return findPercentStatements(blocks, findEnumerations(blocks)).map((p) => [p.percent.number.raw, Number(p.part.value.scaled), Number(p.base.value.scaled)]);
};

describe('findPercentStatements', () => {
  it.each([
    ['toàn phường có 41 hộ nghèo, chiếm 0,6%. Trong đó, tổng số hộ nghèo không có khả năng lao động là 23 hộ, chiếm 56,1%', [['56,1', 23, 41]]],
    ['Toàn phường có 1.250 hộ dân cư, trong đó 48 hộ nghèo, chiếm 3,6%.', [['3,6', 48, 1250]]],
    ['12/15 hộ có nhu cầu, đạt 75%.', [['75', 12, 15]]],
    ['đạt 87,5% (35/40 hộ)', [['87,5', 35, 40]]],
    ['có 15/120 hộ nghèo (12,0%)', [['12,0', 15, 120]]],
    ['Tỷ lệ hộ nghèo 3,6% (45/1.250 hộ)', [['3,6', 45, 1250]]],
    ['41 hộ nghèo, trong đó: không có khả năng lao động 23 hộ (56,1%), có khả năng lao động 18 hộ (43,9%).', [['56,1', 23, 41], ['43,9', 18, 41]]],
    ['có 64 hộ nghèo, chiếm 4,0%; 96 hộ cận nghèo, chiếm 6,0%. Trong số hộ nghèo, 24 hộ không có khả năng lao động, chiếm 37,5%.', [['37,5', 24, 64]]],
    ['Tổng số 1.600 hộ; số hộ nghèo 64 hộ, chiếm 4% trên tổng số 1.600 hộ.', [['4', 64, 1600]]],
  ])('%s', (text, expected) => {
    expect(pct(text)).toEqual(expected);
  });

  it.each([
    'Toàn xã có 41 hộ nghèo, chiếm 0,6%.',
    '100% hộ nghèo được cấp thẻ bảo hiểm y tế.',
    'Số người tham gia 4.560 người, chiếm 95% dân số.',
    'Số hộ thoát nghèo 24 hộ, đạt 120% kế hoạch.',
    'Định kỳ 6 tháng (trước 20/6), đạt 100%.',
  ])('%s: no base in the text', (text) => {
    expect(pct(text)).toEqual([]);
  });
});
