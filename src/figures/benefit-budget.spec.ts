import { thrown } from '../common/thrown';
import fc from 'fast-check';
import { computeBenefitBudget, parseDecimal, type BudgetMember, type DatedParameter } from './benefit-budget';
import { FigureError } from './figure-set';

const param = (id: number, name: string, value: string, effectiveFrom: string, effectiveTo?: string): DatedParameter => ({
  id: `policy_parameter:${id}`,
  name,
  value,
  effectiveFrom,
  ...(effectiveTo ? { effectiveTo } : {}),
});

// lương cơ sở 2.340.000 until 30/6/2026, 2.530.000 from 1/7/2026; BHYT 4,5%
const BHYT = [
  param(1, 'luong_co_so', '2340000', '2024-07-01', '2026-06-30'),
  param(2, 'luong_co_so', '2530000', '2026-07-01'),
  param(3, 'bhyt_ty_le', '0.045', '2015-01-01'),
  param(4, 'bhyt_ho_tro.ngheo', '1', '2025-08-15'),
  param(5, 'bhyt_ho_tro.can_ngheo', '0.7', '2025-08-15'),
  param(6, 'bhyt_ho_tro.thu', '0.333', '2025-08-15'),
];

const member = (id: number, village: string, category: string, extra: Partial<BudgetMember> = {}): BudgetMember => ({
  id: `member:${id}`,
  village,
  category,
  ...extra,
});

describe('computeBenefitBudget, BHYT share (worked by hand)', () => {
  it('uses each month\'s lương cơ sở across 1/7/2026', () => {
    // June: 2.340.000 × 4,5% = 105.300; July: 2.530.000 × 4,5% = 113.850
    // poor (100%): 105.300 + 113.850 = 219.150; near-poor (70%): 73.710 + 79.695 = 153.405
    const b = computeBenefitBudget({
      rule: 'bhyt-share',
      parameters: BHYT,
      members: [member(1, 'Thôn 1', 'ngheo'), member(2, 'Thôn 1', 'can_ngheo'), member(3, 'Thôn 2', 'ngheo')],
      fromMonth: '2026-06',
      toMonth: '2026-07',
    });
    expect(b.lines.map((l) => l.amounts)).toEqual([
      [105300, 113850],
      [73710, 79695],
      [105300, 113850],
    ]);
    expect(b.total).toBe(591705);
    expect(b.byCategory).toEqual({ ngheo: 438300, can_ngheo: 153405 });
    expect(b.byVillage).toEqual({ 'Thôn 1': 372555, 'Thôn 2': 219150 });
    expect(b.byMonth).toEqual({ '2026-06': 284310, '2026-07': 307395 });
    expect(b.paidMembers).toBe(3);
    expect(b.parameterIds).toEqual(['policy_parameter:1', 'policy_parameter:2', 'policy_parameter:3', 'policy_parameter:4', 'policy_parameter:5']);
  });

  it('rounds the contribution, then the supported part, half up to the đồng', () => {
    // 2.345.678 × 0,045 = 105.555,51 → 105.556; × 0,333 = 35.150,148 → 35.150
    // 2.345.690 × 0,045 = 105.556,05 → 105.556 (same); a share of 0,5 of 105.555 would be 52.777,5 → 52.778
    const b = computeBenefitBudget({
      rule: 'bhyt-share',
      parameters: [
        param(1, 'luong_co_so', '2345678', '2026-01-01'),
        param(2, 'bhyt_ty_le', '0.045', '2026-01-01'),
        param(3, 'bhyt_ho_tro.thu', '0.333', '2026-01-01'),
      ],
      members: [member(1, 'A', 'thu')],
      fromMonth: '2026-03',
      toMonth: '2026-03',
    });
    expect(b.lines[0].amounts).toEqual([35150]);
    const half = computeBenefitBudget({
      rule: 'bhyt-share',
      parameters: [
        param(1, 'luong_co_so', '2345666', '2026-01-01'), // × 0,045 = 105.554,97 → 105.555
        param(2, 'bhyt_ty_le', '0.045', '2026-01-01'),
        param(3, 'bhyt_ho_tro.nua', '0.5', '2026-01-01'),
      ],
      members: [member(1, 'A', 'nua')],
      fromMonth: '2026-03',
      toMonth: '2026-03',
    });
    expect(half.lines[0].amounts).toEqual([52778]);
  });
});

describe('computeBenefitBudget, fixed amount by category (worked by hand)', () => {
  const FIXED = [param(10, 'muc_ho_tro.tre_em', '1500000', '2026-05-01'), param(11, 'muc_ho_tro.khuyet_tat', '400000', '2026-05-01')];

  it('pays from the member\'s start month to the end of the period', () => {
    // child from 08/2026: Aug–Dec = 5 × 1.500.000 = 7.500.000; disabled adult Jun–Dec 7 × 400.000 = 2.800.000
    const b = computeBenefitBudget({
      rule: 'fixed-by-category',
      parameters: FIXED,
      members: [member(1, 'TDP Sau', 'tre_em', { fromMonth: '2026-08' }), member(2, 'TDP Kè', 'khuyet_tat')],
      fromMonth: '2026-06',
      toMonth: '2026-12',
    });
    expect(b.lines.map((l) => [l.months.length, l.total])).toEqual([
      [5, 7500000],
      [7, 2800000],
    ]);
    expect(b.total).toBe(10300000);
  });

  it('pays nothing to a member who starts after the period or stopped before it', () => {
    const b = computeBenefitBudget({
      rule: 'fixed-by-category',
      parameters: FIXED,
      members: [member(1, 'A', 'tre_em', { fromMonth: '2027-01' }), member(2, 'A', 'tre_em', { toMonth: '2026-05' })],
      fromMonth: '2026-06',
      toMonth: '2026-12',
    });
    expect(b.total).toBe(0);
    expect(b.paidMembers).toBe(0);
  });
});

describe('computeBenefitBudget, top-up to a threshold (worked by hand)', () => {
  it('pays the threshold minus what the member already receives, never below 0', () => {
    // 1.500.000 − 500.000 = 1.000.000 × 3 months; 1.500.000 − 2.000.000 < 0 → 0
    const b = computeBenefitBudget({
      rule: 'top-up',
      parameters: [param(20, 'nguong', '1500000', '2026-01-01'), param(21, 'nguong.do_thi', '2000000', '2026-01-01')],
      members: [member(1, 'A', 'nong_thon', { allowance: 500000 }), member(2, 'A', 'nong_thon', { allowance: 2000000 }), member(3, 'B', 'do_thi', { allowance: 600000 })],
      fromMonth: '2026-10',
      toMonth: '2026-12',
    });
    expect(b.lines.map((l) => l.total)).toEqual([3000000, 0, 4200000]);
  });
});

describe('computeBenefitBudget, errors', () => {
  it('names every parameter missing on a date, once each, and computes nothing', () => {
    const e = thrown(() =>
      computeBenefitBudget({
        rule: 'bhyt-share',
        parameters: [param(2, 'luong_co_so', '2530000', '2026-07-01'), param(3, 'bhyt_ty_le', '0.045', '2015-01-01')],
        members: [member(1, 'A', 'ngheo'), member(2, 'A', 'ngheo')],
        fromMonth: '2026-06',
        toMonth: '2026-07',
      }),
    );
    expect(e).toBeInstanceOf(FigureError);
    expect((e as FigureError).problems.map((p) => p.message)).toEqual([
      'no value of "luong_co_so" in force on 01/06/2026',
      'no value of "bhyt_ho_tro.ngheo" in force on 01/06/2026',
      'no value of "bhyt_ho_tro.ngheo" in force on 01/07/2026',
    ]);
  });

  it('does not ask for a parameter in a month nobody is paid', () => {
    // lương cơ sở known only from 1/7/2026, the one member paid from July: 113.850 × 2 months
    const b = computeBenefitBudget({
      rule: 'bhyt-share',
      parameters: [param(2, 'luong_co_so', '2530000', '2026-07-01'), param(3, 'bhyt_ty_le', '0.045', '2015-01-01'), param(4, 'bhyt_ho_tro.ngheo', '1', '2025-08-15')],
      members: [member(1, 'A', 'ngheo', { fromMonth: '2026-07' })],
      fromMonth: '2026-06',
      toMonth: '2026-08',
    });
    expect(b.total).toBe(227700);
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => computeBenefitBudget({ rule: 'top-up', parameters: [], members: [], fromMonth: '2026-06', toMonth: '2025-06' })).toThrow(
      'period ends (2025-06) before it starts (2026-06)',
    );
  });
});

describe('parseDecimal', () => {
  it.each([
    ['0.045', 45n, 1000n],
    ['1', 1n, 1n],
    ['2340000', 2340000n, 1n],
    ['0.7', 7n, 10n],
  ])('%p', (s, num, den) => expect(parseDecimal(s)).toEqual({ num, den }));
  it.each(['', '1,5', '-1', '1e3', '.5'])('refuses %p', (s) => expect(parseDecimal(s)).toBeNull());
});

describe('computeBenefitBudget properties', () => {
  const categories = ['ngheo', 'can_ngheo', 'thu'];
  const members = fc.array(
    fc.record({
      village: fc.constantFrom('A', 'B', 'C'),
      category: fc.constantFrom(...categories),
      from: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    }),
    { maxLength: 40 },
  );
  it('every total equals the sum of its rows', () => {
    fc.assert(
      fc.property(members, fc.integer({ min: 1, max: 12 }), (ms, last) => {
        const b = computeBenefitBudget({
          rule: 'bhyt-share',
          parameters: BHYT,
          members: ms.map((m, i) => member(i, m.village, m.category, m.from ? { fromMonth: `2026-${String(m.from).padStart(2, '0')}` } : {})),
          fromMonth: '2026-01',
          toMonth: `2026-${String(last).padStart(2, '0')}`,
        });
        const sum = (xs: number[]): number => xs.reduce((a, x) => a + x, 0);
        b.lines.forEach((l) => expect(l.total).toBe(sum(l.amounts)));
        expect(b.total).toBe(sum(b.lines.map((l) => l.total)));
        expect(sum(Object.values(b.byCategory))).toBe(b.total);
        expect(sum(Object.values(b.byVillage))).toBe(b.total);
        expect(sum(Object.values(b.byMonth))).toBe(b.total);
      }),
    );
  });
});
