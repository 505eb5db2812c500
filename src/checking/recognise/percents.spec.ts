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
    // a base named but not given, and a count in a parenthetical that is not the base
    'Hộ nghèo có 10.689 hộ, chiếm 3,20% so với tổng số hộ toàn tỉnh (tăng 137 hộ so với đầu năm, chiếm tỷ lệ 0,04%), trong đó có 3.373 hộ nghèo vùng đồng bào dân tộc (chiếm 13,13% so với tổng số hộ nghèo DTTS); hộ cận nghèo có 14.994 hộ (tăng 251 hộ so với đầu năm, chiếm tỷ lệ 0,08%).',
    'Năm 2026 còn 41 hộ nghèo, chiếm 2,1% tổng số hộ; trong đó 15 hộ, chiếm 0,8% dân số.',
  ])('%s: no base in the text', (text) => {
    expect(pct(text)).toEqual([]);
  });
});
