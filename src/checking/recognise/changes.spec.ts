import { findChangeStatements } from './changes';
import { blocksOf } from './test-support';

const changes = (text: string) =>
  findChangeStatements(blocksOf(text)).map((c) => [c.change.direction, c.change.q.number.raw, c.fromTo.from.number.raw, c.fromTo.to.number.raw]);

describe('findChangeStatements', () => {
  it.each([
    ['giảm 30 hộ nghèo (từ 152 hộ xuống còn 126 hộ)', [['down', '30', '152', '126']]],
    ['Số hộ nghèo giảm từ 45 hộ (năm 2024) xuống còn 38 hộ (năm 2025), tức là giảm 7 hộ.', [['down', '7', '45', '38']]],
    ['giảm 0,2% (giảm từ 0,6% xuống còn 0,4%)', [['down', '0,2', '0,6', '0,4']]],
    ['số hộ cận nghèo tăng 4 hộ, từ 60 hộ lên 64 hộ', [['up', '4', '60', '64']]],
    ['Tỷ lệ từ 3,5% giảm xuống 2,8%, giảm 0,7 điểm phần trăm.', [['down', '0,7', '3,5', '2,8']]],
    ['Phấn đấu giảm 54 hộ nghèo¹.\n\n¹ Từ 292 hộ cuối năm 2025 xuống còn 238 hộ cuối năm 2026', [['down', '54', '292', '238']]],
    ['giảm 20 hộ nghèo[^1].\n\n[^1]: Từ 85 hộ xuống còn 60 hộ.', [['down', '20', '85', '60']]],
    ['giam 5 ho ngheo (tu 40 ho xuong con 36 ho)', [['down', '5', '40', '36']]],
  ])('%s', (text, expected) => {
    expect(changes(text)).toEqual(expected);
  });

  it.each([
    // the change is in another sentence
    'Năm 2025 giảm từ 171 hộ xuống 152 hộ. Năm 2026 phấn đấu giảm thêm 20 hộ.',
    // "tăng cường" is not a change of the count
    'Tăng cường hỗ trợ 30 hộ thoát nghèo (từ 100 hộ xuống 70 hộ).',
    // other units
    'giảm 5% (từ 40 hộ xuống còn 36 hộ)',
  ])('%s: no change statement', (text) => {
    expect(changes(text)).toEqual([]);
  });
});
