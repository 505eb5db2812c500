import fc from 'fast-check';
import { stripDiacritics, upperVi } from '../vi/text-case';
import type { CellRead } from './cell-value';
import { COLUMN_HEADERS, findHeader, headerKeyText, matchColumn, type ColumnKey, type GridRow } from './list-columns';

const t = (text: string): CellRead => (text ? { kind: 'text', text } : { kind: 'empty' });
const rows = (...lines: string[][]): GridRow[] => lines.map((cells, i) => ({ number: i + 1, cells: cells.map(t) }));

describe('matchColumn', () => {
  it.each([
    ['Họ và tên', 'name'],
    ['HỌ VÀ TÊN', 'name'],
    ['Ho va ten', 'name'],
    ['Họ tên', 'name'],
    ['Ngày, tháng, năm sinh', 'birth'],
    ['Năm sinh', 'birth'],
    ['Ngày sinh (dd/mm/yyyy)', 'birth'],
    ['Số định danh cá nhân', 'idNumber'],
    ['Số CCCD/CMND', 'idNumber'],
    ['CCCD', 'idNumber'],
    ['Thôn/Tổ dân phố', 'village'],
    ['Thôn, tổ dân phố', 'village'],
    ['TDP', 'village'],
    ['Mã hộ', 'householdCode'],
    ['Họ và tên chủ hộ', 'head'],
    ['Chủ hộ', 'head'],
    ['Đối tượng', 'category'],
    ['Phân loại hộ', 'category'],
    ['Nhóm đối tượng', 'group'],
    ['Trợ cấp đang hưởng (đồng/tháng)', 'allowance'],
    ['Ghi chú', 'note'],
    ['Số điện thoại', 'phone'],
    ['Thành tiền (đồng)', 'computed'],
    ['STT', 'stt'],
    ['TT', 'stt'],
  ])('%s → %s', (header, key) => expect(matchColumn(header)).toBe(key));

  it.each(['Chữ ký', 'Nghề nghiệp', '', 'Họ'])('%s is not a list column', (h) => expect(matchColumn(h)).toBeNull());

  it('matches every exported header in upper case and without diacritics too', () => {
    const keys = Object.keys(COLUMN_HEADERS) as (keyof typeof COLUMN_HEADERS)[];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.constantFrom((s: string) => s, upperVi, stripDiacritics, (s: string) => ` ${s.normalize('NFD')}  `), (key, form) => {
        expect(matchColumn(form(COLUMN_HEADERS[key]))).toBe(key);
      }),
    );
  });

  it('ignores brackets and punctuation', () => expect(headerKeyText('Ngày, tháng, năm sinh (1)')).toBe('ngay thang nam sinh'));
});

describe('findHeader', () => {
  it('finds the header under title lines, in any column order, and skips a column-number row', () => {
    const { layout, problems } = findHeader(
      rows(
        ['ỦY BAN NHÂN DÂN XÃ THỬ', 'ỦY BAN NHÂN DÂN XÃ THỬ'],
        ['DANH SÁCH', 'DANH SÁCH', 'DANH SÁCH'],
        [],
        ['Thôn', 'Ho va ten', 'CCCD', 'Đối tượng', 'Năm sinh', 'Chủ hộ', 'Chữ ký'],
        ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)'],
        ['Thôn 1', 'Nguyễn Văn An', '031012345678', 'Hộ nghèo', '1950', 'Nguyễn Văn An'],
      ),
    );
    expect(problems).toEqual([]);
    expect(layout!.headerRows).toEqual([4]);
    expect(layout!.firstData).toBe(5);
    expect(layout!.columns.map((c) => [c.col, c.key])).toEqual([
      [1, 'village'],
      [2, 'name'],
      [3, 'idNumber'],
      [4, 'category'],
      [5, 'birth'],
      [6, 'head'],
    ]);
    expect(layout!.ignored).toEqual([{ col: 7, header: 'Chữ ký' }]);
  });

  it('reads a header over two rows: merged cells repeated, "Ngày sinh" over Nam | Nữ', () => {
    const { layout, problems } = findHeader(
      rows(
        ['STT', 'Họ và tên', 'Ngày sinh', 'Ngày sinh', 'Số định danh', 'Thôn', 'Mã hộ', 'Đối tượng'],
        ['STT', 'Họ và tên', 'Nam', 'Nữ', 'Số định danh', 'Thôn', 'Mã hộ', 'Đối tượng'],
        ['1', 'An', '01/01/1950', '', '031012345678', 'Thôn 1', 'H1', 'Hộ nghèo'],
      ),
    );
    expect(problems).toEqual([]);
    expect(layout!.headerRows).toEqual([1, 2]);
    expect(layout!.firstData).toBe(2);
    expect(layout!.columns.filter((c) => c.key === 'birth')).toEqual([
      { col: 3, key: 'birth', header: 'Ngày sinh / Nam', gender: 'nam' },
      { col: 4, key: 'birth', header: 'Ngày sinh / Nữ', gender: 'nữ' },
    ]);
  });

  it('takes a sub-header\'s own name under a group header ("Thông tin hộ" over Mã hộ | Chủ hộ)', () => {
    const { layout } = findHeader(
      rows(
        ['Họ và tên', 'Ngày sinh', 'CCCD', 'Thôn', 'Đối tượng', 'Thông tin hộ', 'Thông tin hộ'],
        ['Họ và tên', 'Ngày sinh', 'CCCD', 'Thôn', 'Đối tượng', 'Mã hộ', 'Chủ hộ'],
      ),
    );
    expect(layout!.columns.slice(5).map((c) => c.key)).toEqual(['householdCode', 'head']);
  });

  it.each<[string, string[], string[]]>([
    ['no header at all', ['Số', 'Tiền'], ['beneficiaries.header.not_found']],
    ['missing required columns', ['Họ và tên', 'Thôn', 'Ghi chú', 'Đối tượng'], ['beneficiaries.header.missing', 'beneficiaries.header.missing', 'beneficiaries.header.missing']],
    ['a column twice', ['Họ và tên', 'Ngày sinh', 'CCCD', 'Thôn', 'Đối tượng', 'Mã hộ', 'Số định danh'], ['beneficiaries.header.duplicate']],
  ])('reports %s', (_, header, keys) => {
    expect(findHeader(rows(header)).problems.map((p) => p.key)).toEqual(keys);
  });

  it('names what is missing', () => {
    const { problems } = findHeader(rows(['Họ và tên', 'Thôn', 'Ghi chú', 'Đối tượng']));
    expect(problems.map((p) => p.message)).toEqual(['thiếu cột Ngày sinh', 'thiếu cột Số định danh cá nhân', 'thiếu cột Mã hộ hoặc Chủ hộ']);
  });

  it('prefers the row with the most known columns', () => {
    const { layout } = findHeader(rows(['Họ và tên', 'Thôn', 'Ghi chú'], ['Họ và tên', 'Ngày sinh', 'CCCD', 'Thôn', 'Đối tượng', 'Mã hộ']));
    expect(layout!.headerRows).toEqual([2]);
    const keys: ColumnKey[] = layout!.columns.map((c) => c.key);
    expect(keys).toEqual(['name', 'birth', 'idNumber', 'village', 'category', 'householdCode']);
  });
});
