import fc from 'fast-check';
import { checkText } from '../check';
import type { KnownDocument } from '../types';

const REGISTRY: KnownDocument[] = [
  { number: '04/2026/NQ-HĐND', type: 'NQ', date: '2026-04-20', issuer: 'Hội đồng nhân dân thành phố Hải Phòng' },
  { number: '04/2025/NQ-HĐND', type: 'NQ', date: '2025-07-10', issuer: 'Hội đồng nhân dân thành phố Hải Phòng' },
];
const codes = (text: string, known?: KnownDocument[]) =>
  checkText(text, { fileName: 'x.txt', context: known ? { knownDocuments: known } : {} }).findings.map((f) => f.code);

describe('citation rules', () => {
  it.each([
    // one document, year left out once
    ['Nghị quyết số 04/2026/NQ-HĐND ngày 20/4/2026. Theo Nghị quyết số 04/NQ-HĐND ngày 20/4/2026.', ['citation.inconsistent']],
    // two documents: numbers restart every year
    ['Nghị quyết số 04/2025/NQ-HĐND và Nghị quyết số 04/2026/NQ-HĐND; theo Nghị quyết số 04/2026/NQ-HĐND.', []],
    // a year-less number with another date is another (non-normative) resolution
    ['Nghị quyết số 04/2026/NQ-HĐND ngày 20/4/2026; Nghị quyết số 04/NQ-HĐND ngày 10/7/2026.', []],
    // the same key with two dates
    ['Kế hoạch số 187/KH-UBND ngày 21/5/2026; Kế hoạch số 187/KH-UBND ngày 12/5/2026; Kế hoạch số 187/KH-UBND ngày 21/5/2026.', ['citation.inconsistent']],
    // type word against the symbol
    ['Căn cứ Quyết định số 36/KH-UBND ngày 20/01/2026.', ['citation.inconsistent']],
    ['Căn cứ Thông tư số 28/2013/TTLT-BYT-BLĐTBXH ngày 27/9/2013.', []],
  ])('%s', (text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it.each([
    ['Nghị quyết số 04/2026/NQ-HĐND ngày 20/4/2026 của HĐND thành phố.', []],
    ['Nghị quyết số 04/2026/NQ-HĐND ngày 21/4/2026.', ['citation.mismatch']],
    ['Nghị quyết số 04/2026/NQ-HĐND của UBND thành phố.', ['citation.mismatch']],
    ['Nghị quyết số 04/2026/NQ-HĐND của HĐND thành phố Hà Nội.', ['citation.mismatch']],
    ['Nghị quyết số 05/2026/NQ-HĐND ngày 20/4/2026.', ['citation.mismatch']],
    // two registry documents fit a number without its year: which one is meant cannot be told
    ['Nghị quyết số 04/NQ-HĐND.', ['citation.unknown']],
    ['Nghị quyết số 04/2025/NQ-HĐND ngày 10/7/2025.', []],
    ['Nghị quyết số 09/2026/NQ-HĐND ngày 01/9/2026.', ['citation.unknown']],
  ])('against the registry: %s', (text, expected) => {
    expect(codes(text, REGISTRY)).toEqual(expected);
  });
});

it.each([
  ['Kế hoạch số 30/KH-UBND ngày 12/01/2024 của UBND xã.', []],
  ['Kế hoạch số 30/KH-UBND ngày 20/02/2025 của UBND xã.', []],
  ['Kế hoạch số 30/KH-UBND ngày 21/02/2025 của UBND xã.', ['citation.mismatch']],
])('a year-less number the registry holds in two years: %s', (text, expected) => {
  const plans: KnownDocument[] = [
    { number: '30/KH-UBND', type: 'KH', date: '2024-01-12', issuer: 'Ủy ban nhân dân xã Bản Phiệt' },
    { number: '30/KH-UBND', type: 'KH', date: '2025-02-20', issuer: 'Ủy ban nhân dân xã Bản Phiệt' },
  ];
  expect(codes(text, plans)).toEqual(expected);
});

it('a year-less number that fits one registry document lacks its year', () => {
  expect(codes('Nghị quyết số 04/NQ-HĐND của HĐND thành phố.', REGISTRY.slice(0, 1))).toEqual(['citation.mismatch']);
});

describe('checkText on any input', () => {
  const pieces = [
    'Số: /KH-UBND', 'ngày 31/4/2026', '41 hộ', ', gồm: ', 'thôn A 10 hộ', '(', ')', 'chiếm 0,6%', '\n', '\n\n', '| 1 | 2 |', '¹ Từ 5 hộ xuống 3 hộ',
    'giảm 2 hộ¹', 'Nghị quyết số 04/2026/NQ-HĐND', 'của UBND tỉnh', 'giai đoạn 2022-2025', 'chuẩn nghèo', 'Bằng chữ: một trăm đồng', '1.000 đồng', 'x', '=', 'Tổng cộng:', '- ', '+ ', 'từ tháng 5 đến tháng 3 năm 2026',
  ];
  it('never throws and every finding points at a line of the text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 })), { maxLength: 40 }), (parts) => {
        const text = parts.join(' ');
        const n = text.split(/\r\n|\r|\n/).length;
        const { findings } = checkText(text, { fileName: 'f.txt', context: { knownDocuments: REGISTRY } });
        expect(findings.every((f) => f.line >= 1 && f.line <= n && f.excerpt.length <= 170)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
