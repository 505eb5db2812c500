import { thrown } from '../common/thrown';
import { computeFigureSet, type FigureDefinition, type RegistrySnapshot } from './compute-figures';
import { FigureError } from './figure-set';

/** A ward of three TDPs, worked by hand: 6 households, 4 poor under 2021-2025 (2 unable to work). */
function ward(): RegistrySnapshot {
  const h = (id: number, village: string, cat: string, attributes = {}) => ({ id, code: `h${id}`, village, categories: { '2021-2025': cat }, attributes });
  return {
    villages: [
      { id: 1, code: 'sau', name: 'TDP Sau', totalHouseholds: 300 },
      { id: 2, code: 'ke', name: 'TDP Kè', totalHouseholds: 250 },
      { id: 3, code: 'pha', name: 'TDP Pha', totalHouseholds: 117 },
    ],
    households: [
      h(1, 'sau', 'nghèo', { khong_co_kha_nang_lao_dong: true }),
      h(2, 'sau', 'nghèo', { du_kien: 'ho_tro' }),
      h(3, 'ke', 'nghèo', { khong_co_kha_nang_lao_dong: true, du_kien: 'ho_tro' }),
      h(4, 'pha', 'nghèo'),
      h(5, 'pha', 'cận nghèo'),
      h(6, 'ke', 'thoát nghèo'),
    ],
    members: [
      { id: 11, code: 'm11', name: 'Nguyễn Văn A', household: 'h1', attributes: { doi_tuong: 'tre_em' } },
      { id: 12, code: 'm12', name: 'Trần Thị B', household: 'h1', attributes: {} },
      { id: 13, code: 'm13', name: 'Lê Văn C', household: 'h5', attributes: { doi_tuong: 'tre_em', tu_thang: '2026-07' } },
    ],
    quotas: [{ id: 7, code: 'giam-2026', baseline: 4, target: 1, villages: [{ village: 'sau', weight: 2 }, { village: 'ke', weight: 1 }, { village: 'pha', weight: 1 }] }],
    policies: [
      {
        id: 5,
        code: 'bhyt',
        rule: 'bhyt-share',
        parameters: [
          { id: 51, name: 'luong_co_so', value: '2340000', effectiveFrom: '2024-07-01', effectiveTo: '2026-06-30' },
          { id: 52, name: 'luong_co_so', value: '2530000', effectiveFrom: '2026-07-01', effectiveTo: null },
          { id: 53, name: 'bhyt_ty_le', value: '0.045', effectiveFrom: '2015-01-01', effectiveTo: null },
          { id: 54, name: 'bhyt_ho_tro.nghèo', value: '1', effectiveFrom: '2025-08-15', effectiveTo: null },
          { id: 55, name: 'bhyt_ho_tro.cận nghèo', value: '0.7', effectiveFrom: '2025-08-15', effectiveTo: null },
        ],
      },
    ],
  };
}

const POOR = { period: '2021-2025', category: 'nghèo' };

describe('computeFigureSet', () => {
  it('counts, rates, sums and differences from the rows (worked by hand)', () => {
    const defs: Record<string, FigureDefinition> = {
      ho_ngheo: { count: 'households', where: POOR },
      tong_so_ho: { totalHouseholds: {} },
      ty_le: { rate: ['ho_ngheo', 'tong_so_ho'], decimals: 1 },
      khong_lao_dong: { count: 'households', where: { ...POOR, attributes: { khong_co_kha_nang_lao_dong: true } } },
      ty_le_khong_lao_dong: { rate: ['khong_lao_dong', 'ho_ngheo'], decimals: 1 },
      con_lai: { difference: ['ho_ngheo', 'khong_lao_dong'] },
      tong: { sum: ['khong_lao_dong', 'con_lai'] },
    };
    const set = computeFigureSet(defs, ward(), '2026-11-30T00:00:00Z');
    const t = (n: string) => set.figures[n].text;
    // 4 of 667 households = 0,5997% → 0,6; 2 of 4 = 50,0%
    expect([t('ho_ngheo'), t('tong_so_ho'), t('ty_le'), t('khong_lao_dong'), t('ty_le_khong_lao_dong'), t('con_lai'), t('tong')]).toEqual(['4', '667', '0,6', '2', '50,0', '2', '4']);
    expect(set.figures.ho_ngheo.sources).toEqual(['household:1', 'household:2', 'household:3', 'household:4']);
    expect(set.figures.ty_le.sources).toEqual(['household:1', 'household:2', 'household:3', 'household:4', 'village:1', 'village:2', 'village:3']);
  });

  it('breaks a count down by village in the agency\'s village order', () => {
    const set = computeFigureSet({ ho_tro: { breakdown: { count: 'households', where: { ...POOR, attributes: { du_kien: 'ho_tro' } } } } }, ward(), 'now');
    expect(set.figures.ho_tro).toMatchObject({ value: 2, text: 'TDP Sau 1 hộ, TDP Kè 1 hộ', parts: [{ label: 'TDP Sau', value: 1 }, { label: 'TDP Kè', value: 1 }] });
  });

  it('can keep the order the rows were recorded in instead', () => {
    const snap = ward();
    snap.households.reverse();
    const set = computeFigureSet({ ho_tro: { breakdown: { count: 'households', where: POOR }, order: 'records' } }, snap, 'now');
    // h4 (Pha), h3 (Kè), h2 and h1 (Sau)
    expect(set.figures.ho_tro.text).toBe('TDP Pha 1 hộ, TDP Kè 1 hộ, TDP Sau 2 hộ');
  });

  it('allocates a quota reduction over its villages as a table with a total row', () => {
    // 4 → 1: reduce 3 over weights 2/1/1: shares 1,5 0,75 0,75 → floors 1 0 0, the two left go to
    // the remainders ,75 and ,75 (Kè, Pha) before Sau's ,5
    const set = computeFigureSet({ giam: { allocation: 'giam-2026' } }, ward(), 'now');
    expect(set.figures.giam.value).toBe(3);
    expect(set.tables!.giam.rows.map((r) => [r.cells.village, r.cells.quota, r.cells.after])).toEqual([
      ['TDP Sau', '1', '1'],
      ['TDP Kè', '1', '0'],
      ['TDP Pha', '1', '0'],
      ['Tổng cộng', '3', '1'],
    ]);
  });

  it('computes a BHYT budget across 1/7/2026 with the member category from the household', () => {
    // h1 (nghèo) 2 members Jun–Jul: 2 × (105.300 + 113.850) = 438.300; h5 (cận nghèo) from July: 79.695
    const set = computeFigureSet({ kinh_phi: { budget: { policy: 'bhyt', where: { period: '2021-2025', category: ['nghèo', 'cận nghèo'] }, from: '2026-06', to: '2026-07' } } }, ward(), 'now');
    expect(set.figures.kinh_phi).toMatchObject({ value: 517995, unit: 'đồng' });
    expect(set.figures.kinh_phi.text).toBe('517.995');
    expect(set.tables!.kinh_phi.rows.at(-1)!.cells.total).toBe('517.995');
  });

  it('writes an amount in words for "Bằng chữ"', () => {
    const set = computeFigureSet(
      {
        kinh_phi: { budget: { policy: 'bhyt', where: { period: '2021-2025', category: ['nghèo', 'cận nghèo'] }, from: '2026-06', to: '2026-07' } },
        bang_chu: { words: 'kinh_phi' },
      },
      ward(),
      'now',
    );
    // 517.995 (worked by hand above)
    expect(set.figures.bang_chu.text).toBe('Năm trăm mười bảy nghìn chín trăm chín mươi lăm đồng');
  });

  describe('a beneficiary list (where.list)', () => {
    /** ward() plus list ds-1: m13 (cận nghèo, h5) then m11 (nghèo, h1), whose entry starts in July */
    function withList(): RegistrySnapshot {
      const snap = ward();
      snap.members[0].birthDate = '1950-02-03';
      snap.members[0].birthYear = 1950;
      snap.members[2].birthYear = 2015;
      snap.lists = [
        {
          code: 'ds-1',
          entries: [
            { member: 'm13', attributes: {} },
            { member: 'm11', note: 'Bổ sung', attributes: { tu_thang: '2026-07' } },
          ],
        },
      ];
      return snap;
    }
    const where = { period: '2021-2025', list: 'ds-1' };

    it('counts the people of the list and their households', () => {
      const set = computeFigureSet({ nguoi: { count: 'members', where }, ho: { count: 'households', where } }, withList(), 'now');
      expect(set.figures.nguoi.sources).toEqual(['member:13', 'member:11']);
      expect(set.figures.ho.sources).toEqual(['household:1', 'household:5']);
    });

    it('budgets them in list order with the list\'s own start month, and prints birth, note and category names', () => {
      // July only for both (m13 by its member attribute, m11 by the list's): 113.850 × 0,7 = 79.695
      // and 113.850 × 1 = 113.850; total 193.545
      const set = computeFigureSet(
        {
          kp: {
            budget: {
              policy: 'bhyt',
              where,
              from: '2026-06',
              to: '2026-07',
              show: { birth: 'date', note: true, categoryLabels: { nghèo: 'Hộ nghèo', 'cận nghèo': 'Hộ cận nghèo' } },
            },
          },
        },
        withList(),
        'now',
      );
      expect(set.figures.kp.value).toBe(193545);
      const t = set.tables!.kp;
      expect(t.columns.map((c) => c.header)).toEqual(['STT', 'Họ và tên', 'Ngày sinh', 'Thôn', 'Đối tượng', 'Mức hỗ trợ (đồng/tháng)', 'Số tháng', 'Thành tiền (đồng)', 'Ghi chú']);
      expect(t.rows.map((r) => [r.cells.stt, r.cells.name, r.cells.birth, r.cells.category, r.cells.monthly, r.cells.months, r.cells.total, r.cells.note])).toEqual([
        ['1', 'Lê Văn C', '2015', 'Hộ cận nghèo', '79.695', '1', '79.695', ''],
        ['2', 'Nguyễn Văn A', '03/02/1950', 'Hộ nghèo', '113.850', '1', '113.850', 'Bổ sung'],
        ['', 'Tổng cộng', '', '', '', '', '193.545', ''],
      ]);
    });

    it('prints the year only when asked', () => {
      const set = computeFigureSet({ kp: { budget: { policy: 'bhyt', where, from: '2026-07', to: '2026-07', show: { birth: 'year' } } } }, withList(), 'now');
      expect(set.tables!.kp.columns[2].header).toBe('Năm sinh');
      expect(set.tables!.kp.rows.map((r) => r.cells.birth)).toEqual(['2015', '1950', '']);
    });

    it('reports an unknown list, and a list naming a member the registry does not have', () => {
      const snap = withList();
      snap.lists!.push({ code: 'ds-2', entries: [{ member: 'm99', attributes: {} }] });
      const e = thrown(() => computeFigureSet({ a: { count: 'members', where: { list: 'nope' } }, b: { count: 'members', where: { list: 'ds-2' } } }, snap, 'now')) as FigureError;
      expect(e.problems.map((p) => `${p.code} ${p.path}`)).toEqual(['figure.no_data a', 'figure.no_data b']);
      expect(e.problems[1].message).toContain('m99');
    });
  });

  it('reports every problem at once: unknown names, cycles, missing data', () => {
    const defs: Record<string, FigureDefinition> = {
      a: { sum: ['b', 'nope'] },
      b: { difference: ['c', 'a'] },
      c: { count: 'households', where: POOR },
      d: { quota: 'missing', field: 'target' },
      e: { count: 'households', where: { category: 'nghèo' } },
    };
    const e = thrown(() =>
      computeFigureSet(defs, ward(), 'now'),
    );
    expect(e).toBeInstanceOf(FigureError);
    const got = (e as FigureError).problems.map((p) => `${p.code} ${p.path}`);
    expect(got).toEqual(expect.arrayContaining(['figure.cycle a', 'figure.unknown a', 'figure.no_data d', 'figure.invalid_definition e']));
  });

  it('fails a budget whose parameter is not in force, naming it', () => {
    const snap = ward();
    snap.policies[0].parameters = snap.policies[0].parameters.filter((p) => p.id !== 51);
    expect(() => computeFigureSet({ k: { budget: { policy: 'bhyt', where: POOR, from: '2026-06', to: '2026-07' } } }, snap, 'now')).toThrow('no value of "luong_co_so" in force on 01/06/2026');
  });
});
