import type { DocumentContent } from '../registry/records/record-set';
import { figureAnchors } from './figure-anchors';

const content = (ps: string[]): DocumentContent => ({ canCu: [], body: ps.map((p) => ({ p })), recipients: [], signature: { official: 'x', authority: [] }, annexes: [] });

describe('figureAnchors', () => {
  it.each([
    ['- Quy mô thực hiện địa bàn (dự kiến): {{fig "quy_mo"}} người/năm.', [{ name: 'quy_mo', anchor: 'Quy mô thực hiện địa bàn (dự kiến):', unit: 'người' }]],
    [
      'cuối năm 2025, toàn phường có {{fig "ho_ngheo"}} hộ nghèo, chiếm {{fig "ty_le"}}%. Trong đó, tổng số hộ nghèo không có khả năng lao động là {{fig "k"}} hộ',
      [
        { name: 'ho_ngheo', anchor: 'toàn phường có', unit: 'hộ' },
        { name: 'k', anchor: 'số hộ nghèo không có khả năng lao động là', unit: 'hộ' },
      ],
    ],
    ['Giảm {{fig "g"}} hộ', []],
    ['tổng kinh phí thực hiện là {{fig "kp"}} đồng (Bằng chữ: {{fig "kp_chu"}}).', [
        { name: 'kp', anchor: 'tổng kinh phí thực hiện là', unit: 'đồng' },
        // an anchor for a figure in words too: the checker only uses those whose value is a number
        { name: 'kp_chu', anchor: 'đồng (Bằng chữ:' },
      ],
    ],
  ])('%p', (p, want) => {
    expect(figureAnchors(content([p]))).toEqual(want);
  });
});
