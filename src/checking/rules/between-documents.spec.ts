import fc from 'fast-check';
import { checkText, checkTexts } from '../check';
import { extractText } from '../extract/text';
import { analyse } from '../recognise/analyse';
import { findHeader } from '../recognise/header';
import { betweenDocuments, identityOf } from './between-documents';

const doc = (number: string, date: string, body: string, place = 'Hồng Phong') => {
  const [d, m, y] = date.split('/');
  return `Số: ${number}\n\n${place}, ngày ${d} tháng ${m} năm ${y}\n\n${body}`;
};

const KH = doc('45/KH-UBND', '10/3/2026', 'Số hộ nghèo đầu năm 2026: 41 hộ.\n\nQuy mô thực hiện: 6 người/năm.');
const NQ = doc('08/2026/NQ-HĐND', '20/01/2026', 'Nghị quyết về mức hỗ trợ.');

const between = (...texts: string[]) =>
  betweenDocuments(texts.map((t, i) => ({ file: `f${i}.txt`, analysis: analyse(extractText(t)) })));
const codes = (...texts: string[]) => between(...texts).map((fs) => fs.map((f) => [f.code, f.severity, f.expected, f.actual]));

describe('identityOf', () => {
  it.each([
    ['Số: 45/KH-UBND\nHồng Phong, ngày 10 tháng 3 năm 2026', { printed: '45/KH-UBND', date: '2026-03-10', yearInNumber: false, type: 'KH', place: 'hong phong' }],
    ['Số: 08/2026/NQ-HĐND\nHồng Phong, ngày 20 tháng 01 năm 2026', { printed: '08/2026/NQ-HĐND', date: '2026-01-20', yearInNumber: true, type: 'NQ' }],
    ['Số: 70/QĐ-UBND\nHồng Phong, ngày    tháng 4 năm 2026', { printed: '70/QĐ-UBND', date: null, type: 'QĐ' }],
    ['Số: 70/QĐ-UBND\nHồng Phong, ngày 31 tháng 4 năm 2026', { printed: '70/QĐ-UBND', date: null }],
  ])('%s', (text, expected) => {
    expect(identityOf(findHeader(extractText(text).lines))).toEqual(expect.objectContaining(expected));
  });

  it('is null for a document without its number', () => {
    expect(identityOf(findHeader(extractText('Số:     /KH-UBND\nHồng Phong, ngày 10 tháng 3 năm 2026').lines))).toBeNull();
  });
});

describe('betweenDocuments', () => {
  it.each([
    ['the right date', 'Căn cứ Kế hoạch số 45/KH-UBND ngày 10/3/2026 của UBND xã.', []],
    ['another date', 'Căn cứ Kế hoạch số 45/KH-UBND ngày 12/3/2026 của UBND xã.', [['citation.mismatch', 'error', '10/3/2026', '12/3/2026']]],
    ['the date in words', 'Căn cứ Kế hoạch số 45/KH-UBND ngày 12 tháng 3 năm 2026.', [['citation.mismatch', 'error', '10/3/2026', '12/3/2026']]],
    ['no date', 'Căn cứ Kế hoạch số 45/KH-UBND của UBND xã.', []],
    ['a plan of another place with the same number', 'Căn cứ Kế hoạch số 45/KH-UBND ngày 02/02/2026 của UBND tỉnh Lào Cai.', []],
    ['the same figure', 'Thực hiện Kế hoạch số 45/KH-UBND. Số hộ nghèo đầu năm 2026 là 41 hộ.', []],
    [
      'another value of a named figure',
      'Thực hiện Kế hoạch số 45/KH-UBND. Số hộ nghèo đầu năm 2026 là 43 hộ.',
      [['figure.cross_document', 'warning', '41 hộ (45/KH-UBND)', '43 hộ']],
    ],
    ['a figure with another label', 'Thực hiện Kế hoạch số 45/KH-UBND. Số hộ nghèo cuối năm 2026 là 30 hộ.', []],
    ['a figure in a document that does not cite the plan', 'Số hộ nghèo đầu năm 2026 là 43 hộ.', []],
  ])('a citation of the KH with %s', (_what, body, expected) => {
    expect(codes(KH, doc('112/BC-UBND', '18/12/2026', body))).toEqual([[], expected]);
  });

  it.each([
    ['08/2026/NQ-HĐND ngày 20/01/2026', []],
    ['08/NQ-HĐND ngày 20/01/2026', [['citation.mismatch', 'error', '08/2026/NQ-HĐND', '08/NQ-HĐND']]],
    // another year in the number is another resolution
    ['08/2025/NQ-HĐND ngày 20/01/2025', []],
  ])('a citation of the NQ as %s', (cited, expected) => {
    expect(codes(NQ, doc('70/QĐ-UBND', '02/4/2026', `Căn cứ Nghị quyết số ${cited} của HĐND xã;`))).toEqual([[], expected]);
  });

  it.each([
    [
      'two files against one on the date',
      ['ngày 05/6/2025', 'ngày 05/6/2025', 'ngày 15/6/2025'],
      [[], [], [['citation.inconsistent', 'error', '5/6/2025', '15/6/2025']]],
    ],
    [
      'one against one: both are told',
      ['ngày 05/6/2025', 'ngày 15/6/2025'],
      [[['citation.inconsistent', 'error', '15/6/2025', '5/6/2025']], [['citation.inconsistent', 'error', '5/6/2025', '15/6/2025']]],
    ],
    ['the same date written two ways', ['ngày 05/6/2025', 'ngày 5 tháng 6 năm 2025'], [[], []]],
    ['a date left out', ['ngày 05/6/2025', ''], [[], []]],
  ])('one decision cited across files: %s', (_what, dates, expected) => {
    const texts = dates.map((d, i) => doc(`${i + 1}/TB-UBND`, '01/9/2025', `Theo Quyết định số 1187/QĐ-UBND ${d} của UBND tỉnh Lào Cai.`));
    expect(codes(...texts)).toEqual(expected);
  });

  it.each([
    ['the year left out in one file, same date', '19/NQ-HĐND ngày 14/7/2025', [['citation.inconsistent', 'error', '19/2025/NQ-HĐND', '19/NQ-HĐND']]],
    ['the year left out, another date: another resolution', '19/NQ-HĐND ngày 02/3/2024', []],
    ['the same form in both files', '19/2025/NQ-HĐND ngày 14/7/2025', []],
  ])('%s', (_what, cited, expected) => {
    const a = doc('1/TB-UBND', '01/9/2025', 'Theo Nghị quyết số 19/2025/NQ-HĐND ngày 14/7/2025 của HĐND tỉnh.');
    const b = doc('2/TB-UBND', '02/9/2025', `Theo Nghị quyết số ${cited} của HĐND tỉnh.`);
    expect(codes(a, b)).toEqual([[], expected]);
  });

  it('plan numbers without a year cited in different years are different plans', () => {
    const a = doc('1/TB-UBND', '01/9/2025', 'Theo Kế hoạch số 30/KH-UBND ngày 12/01/2024 của UBND xã.');
    const b = doc('2/TB-UBND', '02/9/2025', 'Theo Kế hoạch số 30/KH-UBND ngày 20/02/2025 của UBND xã.');
    expect(codes(a, b)).toEqual([[], []]);
  });

  it('leaves documents the registry knows to the registry rules', () => {
    const texts = ['ngày 05/6/2025', 'ngày 15/6/2025'].map((d, i) => doc(`${i + 1}/TB-UBND`, '01/9/2025', `Theo Quyết định số 1187/QĐ-UBND ${d}.`));
    const known = [{ number: '1187/QĐ-UBND', type: 'QĐ', date: '2025-06-05', issuer: 'Ủy ban nhân dân tỉnh Lào Cai' }];
    const rs = checkTexts(texts.map((text, i) => ({ file: `f${i}`, text })), { knownDocuments: known });
    expect(rs.map((r) => r.findings.map((f) => f.code))).toEqual([[], ['citation.mismatch']]);
  });

  it('the scale of a KH against the list of the QĐ that cites it', () => {
    const table = (n: number) =>
      ['| STT | Họ và tên | Thôn |', '|---|---|---|', ...Array.from({ length: n }, (_, i) => `| ${i + 1} | Người ${String.fromCharCode(65 + i)} | Thôn Đông |`)].join('\n');
    const qd = (n: number) => doc('64/QĐ-UBND', '09/02/2026', `Căn cứ Kế hoạch số 45/KH-UBND ngày 10/3/2026 của UBND xã;\n\nPhê duyệt danh sách như sau:\n\n${table(n)}`);
    expect(codes(KH, qd(6))).toEqual([[], []]);
    expect(codes(KH, qd(5))).toEqual([[], [['figure.cross_document', 'warning', '6 người (45/KH-UBND)', '5 người']]]);
  });

  it('a citation of a document given in the set is not "unknown to the registry"', () => {
    const bc = doc('112/BC-UBND', '18/12/2026', 'Thực hiện Kế hoạch số 45/KH-UBND ngày 10/3/2026.');
    expect(checkText(bc, { fileName: 'bc', context: { knownDocuments: [] } }).findings.map((f) => f.code)).toEqual(['citation.unknown']);
    expect(checkTexts([{ file: 'kh', text: KH }, { file: 'bc', text: bc }], { knownDocuments: [] })[1].findings).toEqual([]);
  });
});

describe('betweenDocuments properties', () => {
  const variants = [
    KH,
    NQ,
    doc('112/BC-UBND', '18/12/2026', 'Thực hiện Kế hoạch số 45/KH-UBND ngày 12/3/2026. Số hộ nghèo đầu năm 2026 là 43 hộ.'),
    doc('70/QĐ-UBND', '02/4/2026', 'Căn cứ Nghị quyết số 08/NQ-HĐND ngày 20/01/2026; Quyết định số 1187/QĐ-UBND ngày 05/6/2025.'),
    doc('2/TB-UBND', '02/9/2025', 'Theo Quyết định số 1187/QĐ-UBND ngày 15/6/2025 và Quyết định số 1187/QĐ-UBND ngày 05/6/2025.'),
    doc('3/TB-UBND', '03/9/2025', 'Theo Quyết định số 1187/QĐ-UBND ngày 05/6/2025.'),
  ];
  const keyed = (texts: string[], order: number[]) =>
    between(...order.map((i) => texts[i]))
      .flatMap((fs, k) => fs.map((f) => `${order[k]}:${f.line}:${f.code}`))
      .sort();

  it('the order the documents are given in changes nothing', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 2 }), fc.infiniteStream(fc.nat()), (subset, rnd) => {
        const shuffled = [...subset];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = rnd.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        expect(keyed(variants, shuffled)).toEqual(keyed(variants, [...subset].sort()));
      }),
    );
  });

  it('a document alone, or next to an unrelated one, gets nothing', () => {
    const unrelated = doc('9/CV-UBND', '01/01/2026', 'Về việc tổ chức họp.');
    fc.assert(
      fc.property(fc.constantFrom(...variants), (text) => {
        expect(between(text)).toEqual([[]]);
        expect(between(text, unrelated)).toEqual([[], []]);
      }),
    );
  });
});
