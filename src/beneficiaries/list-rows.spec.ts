import fc from 'fast-check';
import type { CellRead } from './cell-value';
import { findHeader, type GridRow } from './list-columns';
import { excelSerialToIso, idNumberBirth, parseBirth, parseIdNumber, parseMoney, parseMonth, parseRows } from './list-rows';

const t = (text: string): CellRead => ({ kind: 'text', text });
const n = (value: number): CellRead => ({ kind: 'number', value });

describe('parseIdNumber', () => {
  it.each<[string, CellRead, string | null, string | null]>([
    ['12 digits as text', t('031012345678'), '031012345678', null],
    ['with spaces and dots', t('031 012 345.678'), '031012345678', null],
    ['an Excel number that lost its zero', n(31012345678), '031012345678', null],
    ['an Excel number that lost two zeros', n(1012345678), '001012345678', null],
    ['11 digits as text', t('03101234567'), null, 'beneficiaries.id_number.digits'],
    ['13 digits', t('0310123456789'), null, 'beneficiaries.id_number.digits'],
    ['letters', t('03101234567X'), null, 'beneficiaries.id_number.digits'],
    ['province 000', t('000012345678'), null, 'beneficiaries.id_number.province'],
    ['province 097', t('097012345678'), null, 'beneficiaries.id_number.province'],
    ['a date', { kind: 'date', iso: '2020-01-01' }, null, 'beneficiaries.id_number.digits'],
  ])('%s', (_, cell, id, key) => {
    const r = parseIdNumber(cell);
    expect(r.id ?? null).toBe(id);
    expect(r.problem?.key ?? null).toBe(key);
  });

  it('accepts exactly 12 digits whose first three are 001–096', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9,14}$/), (s) => {
        const ok = s.length === 12 && Number(s.slice(0, 3)) >= 1 && Number(s.slice(0, 3)) <= 96;
        expect(parseIdNumber(t(s)).id).toBe(ok ? s : undefined);
      }),
    );
  });

  it.each([
    ['031050012345', { year: 1950, gender: 'nam' }],
    ['031185012345', { year: 1985, gender: 'nữ' }],
    ['031218012345', { year: 2018, gender: 'nam' }],
    ['031303012345', { year: 2003, gender: 'nữ' }],
  ])('%s encodes %j', (id, want) => expect(idNumberBirth(id)).toEqual(want));
});

describe('parseBirth', () => {
  it.each<[string, CellRead, { date?: string; year: number } | null, string | null]>([
    ['dd/mm/yyyy', t('03/02/1950'), { date: '1950-02-03', year: 1950 }, null],
    ['d/m/yyyy', t('3/2/1950'), { date: '1950-02-03', year: 1950 }, null],
    ['dd-mm-yyyy', t('03-02-1950'), { date: '1950-02-03', year: 1950 }, null],
    ['dd.mm.yyyy', t('03.02.1950'), { date: '1950-02-03', year: 1950 }, null],
    ['an Excel date', { kind: 'date', iso: '1950-02-03' }, { date: '1950-02-03', year: 1950 }, null],
    ['an Excel serial without a date format', n(18297), { date: '1950-02-03', year: 1950 }, null],
    ['a year as a number', n(1950), { year: 1950 }, null],
    ['a year as text', t('1950'), { year: 1950 }, null],
    ['31/02/1950', t('31/02/1950'), null, 'beneficiaries.birth.invalid'],
    ['29/02/1951', t('29/02/1951'), null, 'beneficiaries.birth.invalid'],
    ['month and year only', t('02/1950'), null, 'beneficiaries.birth.format'],
    ['words', t('năm mươi'), null, 'beneficiaries.birth.format'],
  ])('%s', (_, cell, birth, key) => {
    const r = parseBirth(cell);
    expect(r.birth ?? null).toEqual(birth);
    expect(r.problem?.key ?? null).toBe(key);
  });

  it('names the impossible date as the clerk wrote it', () => {
    expect(parseBirth(t('31/2/1950')).problem?.message).toBe('không có ngày 31/02/1950');
  });

  it('reads back every real date written dd/mm/yyyy or d-m-yyyy', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-');
        expect(parseBirth(t(`${day}/${m}/${y}`)).birth?.date).toBe(iso);
        expect(parseBirth(t(`${Number(day)}-${Number(m)}-${y}`)).birth?.date).toBe(iso);
      }),
    );
  });

  it.each([
    [1, '1899-12-31'],
    [25569, '1970-01-01'],
    [45658, '2025-01-01'],
  ])('Excel serial %i is %s', (serial, iso) => expect(excelSerialToIso(serial)).toBe(iso));
});

describe('parseMonth and parseMoney', () => {
  it.each<[CellRead, string | null]>([
    [t('07/2026'), '2026-07'],
    [t('7/2026'), '2026-07'],
    [t('tháng 7/2026'), '2026-07'],
    [t('2026-07'), '2026-07'],
    [{ kind: 'date', iso: '2026-07-01' }, '2026-07'],
    [t('13/2026'), null],
    [t('2026'), null],
  ])('%j is the month %s', (c, m) => expect(parseMonth(c)).toBe(m));

  it.each<[CellRead, number | null]>([
    [t('700.000'), 700000],
    [t('700.000 đ'), 700000],
    [n(700000), 700000],
    [t('0'), 0],
    [t('700,5'), null],
    [n(-1), null],
    [t('bảy trăm'), null],
  ])('%j is %s đồng', (c, v) => expect(parseMoney(c)).toBe(v));
});

describe('parseRows', () => {
  const grid = (...lines: (string | number | null)[][]): GridRow[] =>
    lines.map((cells, i) => ({ number: i + 1, cells: cells.map((c): CellRead => (c === null || c === '' ? { kind: 'empty' } : typeof c === 'number' ? n(c) : t(c))) }));
  const HEADER = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số định danh', 'Thôn', 'Mã hộ', 'Đối tượng', 'Ghi chú', 'Số điện thoại'];
  const parse = (rows: GridRow[]) => {
    const { layout } = findHeader(rows);
    return parseRows(rows, layout!);
  };

  it('reads a row into typed fields, sensitive facts apart', () => {
    const r = parse(grid(HEADER, [1, 'Nguyễn Văn An', '03/02/1950', 'Nam', '031050012345', 'Thôn 1', 'H-01', 'Hộ nghèo', 'Chủ hộ', '0912345678']));
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([
      {
        row: 2,
        name: 'Nguyễn Văn An',
        birth: { date: '1950-02-03', year: 1950 },
        gender: 'nam',
        idNumber: '031050012345',
        village: 'Thôn 1',
        householdCode: 'H-01',
        category: 'nghèo',
        note: 'Chủ hộ',
        sensitive: { dien_thoai: '0912345678' },
      },
    ]);
  });

  it('lists every bad cell of every row, with its column and what it held', () => {
    const r = parse(
      grid(
        HEADER,
        [1, '', '31/02/1950', 'Nam', '0310500123', 'Thôn 1', 'H-01', 'Hộ nghèo'],
        [2, 'Trần Thị Bình', '', 'X', '031150012345', '', '', 'Hộ khá'],
      ),
    );
    expect(r.problems.map((p) => [p.row, p.col, p.key, p.value ?? null])).toEqual([
      [2, 2, 'beneficiaries.cell.required', null],
      [2, 3, 'beneficiaries.birth.invalid', '31/02/1950'],
      [2, 5, 'beneficiaries.id_number.digits', '0310500123'],
      [3, 3, 'beneficiaries.cell.required', null],
      [3, 4, 'beneficiaries.gender.invalid', 'X'],
      [3, 6, 'beneficiaries.cell.required', null],
      [3, 7, 'beneficiaries.cell.required', null],
      [3, 8, 'beneficiaries.category.unknown', 'Hộ khá'],
    ]);
  });

  it('reports a formula Excel never computed and an Excel error', () => {
    const rows = grid(HEADER, [1, 'An', '1950', 'Nam', '031050012345', 'Thôn 1', 'H-01', 'Hộ nghèo']);
    rows[1].cells[1] = { kind: 'formula', formula: 'CONCAT(X1,Y1)' };
    rows[1].cells[5] = { kind: 'error', error: '#REF!' };
    expect(parse(rows).problems.map((p) => p.key)).toEqual(['beneficiaries.cell.formula', 'beneficiaries.cell.error']);
  });

  it('stops at Tổng cộng and at a footer after a blank line; skips blank lines between people', () => {
    const r = parse(
      grid(
        HEADER,
        [1, 'An', '1950', 'Nam', '031050012345', 'Thôn 1', 'H-01', 'Hộ nghèo'],
        [],
        [2, 'Bình', '1951', 'Nữ', '031151012345', 'Thôn 1', 'H-01', 'Hộ nghèo'],
        ['', 'Tổng cộng', '2 người'],
        [3, 'Chi', '1952', 'Nữ', '031152012345', 'Thôn 1', 'H-02', 'Hộ nghèo'],
      ),
    );
    expect(r.rows.map((x) => x.name)).toEqual(['An', 'Bình']);
    const footer = parse(grid(HEADER, [1, 'An', '1950', 'Nam', '031050012345', 'Thôn 1', 'H-01', 'Hộ nghèo'], [], ['', '', '', '', '', '', '', '', 'Người lập biểu']));
    expect(footer.rows).toHaveLength(1);
    expect(footer.problems).toEqual([]);
  });

  it('takes the sex from a birth date written in the Nam or Nữ column, and refuses both filled', () => {
    const rows = grid(['Họ và tên', 'Ngày sinh', 'Ngày sinh', 'CCCD', 'Thôn', 'Mã hộ', 'Đối tượng'], ['Họ và tên', 'Nam', 'Nữ', 'CCCD', 'Thôn', 'Mã hộ', 'Đối tượng'], ['An', '', '1950', '031150012345', 'Thôn 1', 'H', 'HN'], ['Bình', '1950', '1951', '031050012345', 'Thôn 1', 'H', 'HN']);
    const r = parse(rows);
    expect(r.rows[0]).toMatchObject({ name: 'An', gender: 'nữ', birth: { year: 1950 } });
    expect(r.problems.map((p) => [p.row, p.col, p.key])).toEqual([[4, 3, 'beneficiaries.birth.both_columns']]);
  });
});
