import type { DocumentRecord } from '../../registry/records/record-set';
import { kemTheoLine, parseInlineMarkup, placeDateLine } from './compose-document';

function doc(date: string | null, monthWhenUndated?: number): DocumentRecord {
  return {
    code: 'kh',
    agency: 'a',
    direction: 'outgoing',
    type: 'KH',
    typeName: 'Kế hoạch',
    number: null,
    year: 2026,
    symbol: 'KH-UBND',
    yearInNumber: false,
    issuer: 'UBND',
    date,
    title: 't',
    status: 'draft',
    citations: [],
    content: { monthWhenUndated, canCu: [], body: [], recipients: [], signature: { official: 'x', authority: [] }, annexes: [] },
  };
}

describe('placeDateLine', () => {
  // the blanks are DATE_BLANK (three spaces) between single spaces: five spaces in all
  it.each<[string, string | null, number | undefined, string]>([
    ['a dated document', '2026-05-26', undefined, 'Kim Thành, ngày 26 tháng 5 năm 2026'],
    ['a date in February', '2026-02-05', undefined, 'Kim Thành, ngày 05 tháng 02 năm 2026'],
    ['undated, month known (seed 001)', null, 6, 'Kim Thành, ngày     tháng 6 năm 2026'],
    ['undated, month 1 keeps its zero', null, 1, 'Kim Thành, ngày     tháng 01 năm 2026'],
    ['undated, month unknown', null, undefined, 'Kim Thành, ngày     tháng     năm 2026'],
  ])('%s', (_name, date, month, expected) => {
    expect(placeDateLine(doc(date, month), 'Kim Thành')).toBe(expected);
  });
});

describe('parseInlineMarkup', () => {
  it.each([
    ['plain', 'Nội dung.', [{ text: 'Nội dung.' }]],
    ['italic inside quotes', '“*Vì người nghèo*”', [{ text: '“' }, { text: 'Vì người nghèo', italic: true }, { text: '”' }]],
    ['bold lead', '**3. Trung tâm:** Tăng', [{ text: '3. Trung tâm:', bold: true }, { text: ' Tăng' }]],
    ['footnote', 'giảm 54 hộ nghèo^[Từ 292 hộ].', [{ text: 'giảm 54 hộ nghèo' }, { footnote: [{ text: 'Từ 292 hộ' }] }, { text: '.' }]],
  ])('%s', (_name, input, expected) => {
    expect(parseInlineMarkup(input)).toEqual(expected);
  });
});

describe('kemTheoLine', () => {
  const qd = (over: Partial<DocumentRecord>): DocumentRecord => ({
    code: 'qd',
    agency: 'a',
    direction: 'outgoing',
    type: 'QĐ',
    typeName: 'Quyết định',
    number: null,
    year: 2026,
    symbol: 'QĐ-UBND',
    yearInNumber: false,
    issuer: 'UBND xã',
    date: null,
    title: 'Phê duyệt danh sách',
    status: 'draft',
    citations: [],
    ...over,
  });
  it.each([
    [{}, /^\(Kèm theo Quyết định số\s+\/QĐ-UBND ngày\s+tháng\s+năm 2026 của Chủ tịch UBND xã Thử\)$/],
    [{ number: 5, date: '2026-06-02' }, /^\(Kèm theo Quyết định số 05\/QĐ-UBND ngày 02 tháng 6 năm 2026 của Chủ tịch UBND xã Thử\)$/],
    [{ number: 123, date: '2026-02-15' }, /^\(Kèm theo Quyết định số 123\/QĐ-UBND ngày 15 tháng 02 năm 2026 của Chủ tịch UBND xã Thử\)$/],
  ])('%j', (over, want) => {
    expect(kemTheoLine(qd(over), 'Chủ tịch UBND xã Thử')).toMatch(want);
  });
});
