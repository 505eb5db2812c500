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
      ],
    ],
    // no unit after the figure: nothing to compare it with
    ['Hỗ trợ thu nhập cho {{fig "tre_em"}} trẻ em', []],
  ])('%p', (p, want) => {
    expect(figureAnchors(content([p]))).toEqual(want);
  });

  it('drops anchors whose words occur twice in the document', () => {
    const c = content(['Hỗ trợ y tế cho 3 người, tổng kinh phí là {{fig "a"}} đồng.', 'Hỗ trợ thu nhập, tổng kinh phí là {{fig "b"}} đồng.', 'Quy mô thực hiện là {{fig "c"}} người.']);
    expect(figureAnchors(c)).toEqual([{ name: 'c', anchor: 'Quy mô thực hiện là', unit: 'người' }]);
  });
});
