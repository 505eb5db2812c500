import fc from 'fast-check';
import type { ColumnMap } from './list-columns';
import type { ParsedRow } from './list-rows';
import { householdCodeFromHead, householdCodeOf, monthsOverlap, validateRows, villageMatcher, type ValidationContext } from './list-validation';

const COLUMNS: ColumnMap[] = [
  { col: 2, key: 'name', header: 'Họ và tên' },
  { col: 3, key: 'birth', header: 'Ngày sinh' },
  { col: 4, key: 'idNumber', header: 'Số định danh' },
  { col: 5, key: 'village', header: 'Thôn' },
  { col: 6, key: 'householdCode', header: 'Mã hộ' },
  { col: 7, key: 'head', header: 'Chủ hộ' },
  { col: 8, key: 'category', header: 'Đối tượng' },
  { col: 9, key: 'fromMonth', header: 'Từ tháng' },
];

const ctx = (over: Partial<ValidationContext> = {}): ValidationContext => ({
  period: '2026-2030',
  fromMonth: '2026-07',
  toMonth: '2026-12',
  villages: [
    { code: 'thon-1', name: 'Thôn 1' },
    { code: 'tdp-sau', name: 'TDP Sau' },
  ],
  payable: new Set(['nghèo', 'cận nghèo']),
  households: new Map(),
  members: new Map(),
  otherLists: [],
  ...over,
});

let seq = 0;
const row = (over: Partial<ParsedRow> = {}): ParsedRow => {
  seq++;
  return {
    row: 5 + seq,
    name: `Người ${seq}`,
    birth: { date: '1950-02-03', year: 1950 },
    idNumber: `0310500${String(seq).padStart(5, '0')}`,
    village: 'Thôn 1',
    householdCode: 'H-01',
    category: 'nghèo',
    sensitive: {},
    ...over,
  };
};

const keys = (r: ReturnType<typeof validateRows>) => r.problems.map((p) => [p.row, p.col ?? null, p.key]);

describe('validateRows', () => {
  it('resolves good rows: village code, household code, list attributes', () => {
    const r = validateRows([row({ row: 6, fromMonth: '2026-09', allowance: 700000, sensitive: { suc_khoe: 'x' } })], COLUMNS, ctx());
    expect(r.problems).toEqual([]);
    expect(r.rows[0]).toMatchObject({ village: 'thon-1', household: 'h-01', category: 'nghèo', attributes: { tu_thang: '2026-09', tro_cap_dang_huong: 700000, suc_khoe: 'x' } });
  });

  it('finds a person twice in the list, pointing at the first row', () => {
    const a = row({ row: 6 });
    const r = validateRows([a, row({ row: 7 }), row({ row: 8, idNumber: a.idNumber })], COLUMNS, ctx());
    expect(keys(r)).toEqual([[8, 4, 'beneficiaries.person.duplicate']]);
    expect(r.problems[0].message).toBe('người này đã có ở dòng 6 (cùng số định danh)');
    expect(r.rows).toEqual([]);
  });

  it('finds a person in another active list of the policy (the caller passes only those whose months overlap)', () => {
    const a = row({ row: 6 });
    const r = validateRows([a], COLUMNS, ctx({ otherLists: [{ code: 'ds-cu', fromMonth: '2026-01', toMonth: '2026-07', idNumbers: new Set([a.idNumber!]) }] }));
    expect(keys(r)).toEqual([[6, 4, 'beneficiaries.person.other_list']]);
    expect(r.problems[0].message).toContain('ds-cu');
  });

  it.each<[string, Partial<ParsedRow>, Partial<ValidationContext>, [number, number | null, string][]]>([
    ['an unknown village', { village: 'Thôn 99' }, {}, [[6, 5, 'beneficiaries.village.unknown']]],
    ['a category the policy does not pay', { category: 'thoát nghèo' }, {}, [[6, 8, 'beneficiaries.category.not_paid']]],
    ['a birth after the list\'s last month', { birth: { date: '2027-01-02', year: 2027 } }, {}, [[6, 3, 'beneficiaries.birth.future']]],
    ['a birth more than 120 years before', { birth: { year: 1900 } }, {}, [[6, 3, 'beneficiaries.birth.implausible']]],
    ['a start month outside the list', { fromMonth: '2026-03' }, {}, [[6, 9, 'beneficiaries.month.outside']]],
    ['a household the registry puts in another village', {}, { households: new Map([['h-01', { village: 'tdp-sau', head: 'X' }]]) }, [[6, 5, 'beneficiaries.household.village']]],
    ['a household the registry gives another category', {}, { households: new Map([['h-01', { village: 'thon-1', head: 'X', category: 'cận nghèo' }]]) }, [[6, 8, 'beneficiaries.household.category']]],
    ['a person the registry has in another household', {}, { members: new Map([['031050000099', { household: 'h-02', name: 'X' }]]) }, [[6, 6, 'beneficiaries.person.household']]],
  ])('reports %s', (_, over, c, want) => {
    const r = validateRows([row({ row: 6, idNumber: '031050000099', ...over })], COLUMNS, ctx(c));
    expect(keys(r)).toEqual(want);
  });

  it('accepts any category when one amount applies to all', () => {
    expect(validateRows([row({ category: 'thoát nghèo' })], COLUMNS, ctx({ payable: 'any' })).problems).toEqual([]);
  });

  it('makes the rows of one household agree on village and category', () => {
    const r = validateRows([row({ row: 6 }), row({ row: 7, village: 'TDP Sau' }), row({ row: 8, category: 'cận nghèo' })], COLUMNS, ctx());
    expect(keys(r)).toEqual([
      [7, 5, 'beneficiaries.household.village'],
      [8, 8, 'beneficiaries.household.category'],
    ]);
  });

  it('keys a household by its head and village when there is no Mã hộ', () => {
    const r = validateRows([row({ householdCode: undefined, head: 'Nguyễn Văn Ánh' })], COLUMNS, ctx());
    expect(r.rows[0].household).toBe('ho-thon-1-nguyen-van-anh');
  });

  it('warns, without refusing, when the ID number encodes another birth year', () => {
    const r = validateRows([row({ idNumber: '031052000001' })], COLUMNS, ctx());
    expect(r.problems).toEqual([]);
    expect(r.warnings.map((w) => w.key)).toEqual(['beneficiaries.id_number.birth_year']);
  });

  it('reports an empty list', () => {
    expect(validateRows([], COLUMNS, ctx()).problems.map((p) => p.key)).toEqual(['beneficiaries.list.empty']);
  });
});

describe('villages, household codes, months', () => {
  const match = villageMatcher([
    { code: 'thon-dong', name: 'Thôn Đông' },
    { code: 'tdp-1', name: 'Tổ dân phố 1' },
    { code: 'thon-1', name: 'Thôn 1' },
  ]);
  it.each([
    ['Thôn Đông', 'thon-dong'],
    ['THON DONG', 'thon-dong'],
    ['Đông', 'thon-dong'],
    ['thon-dong', 'thon-dong'],
    ['TDP 1', 'tdp-1'],
    ['Tổ dân phố 1', 'tdp-1'],
    ['1', null],
    ['Thôn Tây', null],
  ])('%s is the village %s', (w, code) => expect(match(w)).toBe(code));

  it.each([
    ['HN-01', 'hn-01'],
    ['Hộ số 01', 'ho-so-01'],
    ['  ĐẶNG/02 ', 'dang-02'],
  ])('Mã hộ %s is kept as %s', (raw, code) => expect(householdCodeOf(raw)).toBe(code));

  it('household codes are stable: coding a code changes nothing', () => {
    fc.assert(fc.property(fc.string(), (s) => householdCodeOf(householdCodeOf(s)) === householdCodeOf(s)));
    expect(householdCodeFromHead('thon-1', 'Lê Thị Hà')).toBe('ho-thon-1-le-thi-ha');
  });

  it('months overlap when they share one month, symmetrically', () => {
    const month = fc.integer({ min: 0, max: 47 }).map((i) => `${2026 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    const range = fc.tuple(month, month).map(([a, b]) => (a <= b ? { fromMonth: a, toMonth: b } : { fromMonth: b, toMonth: a }));
    fc.assert(fc.property(range, range, (a, b) => monthsOverlap(a, b) === monthsOverlap(b, a) && monthsOverlap(a, a)));
    expect(monthsOverlap({ fromMonth: '2026-01', toMonth: '2026-06' }, { fromMonth: '2026-06', toMonth: '2026-12' })).toBe(true);
    expect(monthsOverlap({ fromMonth: '2026-01', toMonth: '2026-06' }, { fromMonth: '2026-07', toMonth: '2026-12' })).toBe(false);
  });
});
