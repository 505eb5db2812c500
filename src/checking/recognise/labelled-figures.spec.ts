import { findLabelledFigures } from './labelled-figures';
import { blocksOf } from './test-support';

const found = (text: string) => findLabelledFigures(blocksOf(text)).map((f) => [f.key, `${f.q.number.raw} ${f.q.unit}${f.q.per ? `/${f.q.per}` : ''}`]);

describe('findLabelledFigures', () => {
  it.each([
    ['Số hộ nghèo đầu năm 2026: 41 hộ.', [['so ho ngheo dau nam 2026', '41 hộ']]],
    ['Số hộ nghèo đầu năm 2026 là 41 hộ.', [['so ho ngheo dau nam 2026', '41 hộ']]],
    ['So ho ngheo dau nam 2026 la 41 ho.', [['so ho ngheo dau nam 2026', '41 hộ']]],
    ['Quy mô thực hiện (dự kiến): 73 người/năm.', [['quy mo thuc hien', '73 người/năm']]],
    ['2. Tổng kinh phí thực hiện Kế hoạch: 1,2 tỷ đồng.', [['kinh phi thuc hien ke hoach', '1,2 đồng']]],
    ['- Số lao động được tạo việc làm mới đạt 85 lao động;', [['so lao dong duoc tao viec lam moi', '85 lao động']]],
    ['Năm 2025, số hộ thoát nghèo là 12 hộ.', [['so ho thoat ngheo', '12 hộ']]],
    // too short to name a figure on its own
    ['Thôn Đông: 10 hộ.', []],
    // approximate values name no exact figure
    ['Số lao động được tạo việc làm: khoảng 120 lao động.', []],
    // a change or a subset is not a name
    ['Trong đó số hộ nghèo là 12 hộ.', []],
    ['Giảm số hộ nghèo là 12 hộ.', []],
    // another number in the clause belongs to another statement
    ['Số hộ của 3 thôn là 120 hộ.', []],
    // no link between label and value
    ['Số hộ nghèo đầu năm 2026 giảm 41 hộ.', []],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('does not read tables', () => {
    expect(found('| Chỉ tiêu | Số hộ |\n|---|---|\n| Số hộ nghèo đầu năm: 4 hộ | 4 |')).toEqual([]);
  });
});
