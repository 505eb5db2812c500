import { checkText } from '../check';
import type { ContextFigure } from '../types';

const KH = 'Quy mô thực hiện địa bàn (dự kiến): 73 người/năm.\n\nKinh phí: 1.024.920.000 đồng.';

const run = (figures: ContextFigure[], text = KH) =>
  checkText(text, { fileName: 'kh.txt', context: { figures } }).findings.map((f) => [f.code, f.severity, f.expected, f.actual]);

describe('figure rules', () => {
  it.each([
    [[{ name: 'quy_mo', anchor: 'Quy mô thực hiện', unit: 'người', registryValue: 73 }], []],
    [
      [{ name: 'quy_mo', anchor: 'quy mo thuc hien', unit: 'người', registryValue: 75 }],
      [['figure.registry_mismatch', 'error', '75 người', '73 người']],
    ],
    [
      [{ name: 'quy_mo', anchor: 'Quy  mô   thực hiện', related: [{ document: '45/QĐ-UBND', value: 70 }] }],
      [['figure.cross_document', 'warning', '70 người (45/QĐ-UBND)', '73 người']],
    ],
    [
      [{ name: 'kinh_phi', anchor: 'Kinh phí', unit: 'đồng', registryValue: 1_051_200_000 }],
      [['figure.registry_mismatch', 'error', '1.051.200.000 đồng', '1.024.920.000 đồng']],
    ],
    // a figure whose anchor is not in the text is not reported
    [[{ name: 'x', anchor: 'Số hộ thoát nghèo', registryValue: 5 }], []],
    // the unit must match: the anchor is followed by people, not money
    [[{ name: 'quy_mo', anchor: 'Quy mô thực hiện', unit: 'đồng', registryValue: 1 }], []],
  ] as [ContextFigure[], unknown[]][])('%j', (figures, expected) => {
    expect(run(figures)).toEqual(expected);
  });
});
