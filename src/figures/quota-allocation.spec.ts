import { thrown } from '../common/thrown';
import fc from 'fast-check';
import { allocateQuota, QuotaError, type QuotaMethod, type QuotaVillage } from './quota-allocation';

const v = (weights: number[], caps: (number | undefined)[] = []): QuotaVillage[] =>
  weights.map((weight, i) => ({ village: `v${i + 1}`, weight, ...(caps[i] !== undefined ? { cap: caps[i] } : {}) }));

describe('allocateQuota, largest remainder (worked by hand)', () => {
  it.each([
    // 54 over 100/80/60/52 (sum 292): shares 18,49 14,79 11,10 9,62 → floors 18 14 11 9 (52),
    // two left → remainders ,79 then ,62
    { total: 54, weights: [100, 80, 60, 52], caps: [], want: [18, 15, 11, 10] },
    // equal remainders ,5/,5: the larger weight wins, whatever the input order
    { total: 2, weights: [3, 1], caps: [], want: [2, 0] },
    { total: 2, weights: [1, 3], caps: [], want: [0, 2] },
    // equal remainders and equal weights: the earlier village wins
    { total: 1, weights: [2, 2], caps: [], want: [1, 0] },
    { total: 2, weights: [1, 2, 1], caps: [], want: [1, 1, 0] },
    // exact shares: no remainder to hand out
    { total: 3, weights: [2, 4], caps: [], want: [1, 2] },
    // a cap below the share: v1 fixed at 2, the other 8 shared again 4/4
    { total: 10, weights: [10, 5, 5], caps: [2], want: [2, 4, 4] },
    // a cap that binds only after re-sharing: shares 6, 3, 1 → v2 fixed at its cap 1 → 9 over 6/1
    // gives v3 1,29 > its cap 1 → v3 fixed at 1 → v1 takes the 8 left
    { total: 10, weights: [6, 3, 1], caps: [20, 1], want: [8, 1, 1] },
    // default cap = weight: 5 over 10/1 gives 5/0 (shares 4,55 0,45)
    { total: 5, weights: [10, 1], caps: [], want: [5, 0] },
    // everything: every village at its cap
    { total: 12, weights: [10, 1, 1], caps: [], want: [10, 1, 1] },
    { total: 0, weights: [4, 4], caps: [], want: [0, 0] },
  ])('$total over $weights caps $caps → $want', ({ total, weights, caps, want }) => {
    expect(allocateQuota(total, v(weights, caps)).map((a) => a.quota)).toEqual(want);
  });

  it('keeps input order and reports weight and the cap used', () => {
    expect(allocateQuota(3, [{ village: 'TDP Sau', weight: 4 }, { village: 'TDP Kè', weight: 2, cap: 1 }])).toEqual([
      { village: 'TDP Sau', weight: 4, cap: 4, quota: 2 },
      { village: 'TDP Kè', weight: 2, cap: 1, quota: 1 },
    ]);
  });

  it('shows the Alabama paradox: 10 → 4/4/2 but 11 → 5/5/1', () => {
    // 6/6/2 of 14: at 10 the shares are 4,29 4,29 1,43 (C has the largest remainder); at 11 they are
    // 4,71 4,71 1,57 and the two spare units go to A and B
    expect(allocateQuota(10, v([6, 6, 2])).map((a) => a.quota)).toEqual([4, 4, 2]);
    expect(allocateQuota(11, v([6, 6, 2])).map((a) => a.quota)).toEqual([5, 5, 1]);
  });
});

describe('allocateQuota, monotone (quota method, worked by hand)', () => {
  it.each([
    // unit by unit (W = 14): A B A B A B C A B A → 5/4/1 at 10, then B → 5/5/1 at 11
    { total: 10, weights: [6, 6, 2], want: [5, 4, 1] },
    { total: 11, weights: [6, 6, 2], want: [5, 5, 1] },
    { total: 3, weights: [6, 6, 2], want: [2, 1, 0] },
    { total: 2, weights: [3, 1], want: [2, 0] },
    { total: 12, weights: [10, 1, 1], want: [10, 1, 1] },
  ])('$total over $weights → $want', ({ total, weights, want }) => {
    expect(allocateQuota(total, v(weights), 'monotone').map((a) => a.quota)).toEqual(want);
  });
});

describe('allocateQuota, bad input', () => {
  it('refuses a total above all caps, naming the capacity', () => {
    expect(() => allocateQuota(13, v([10, 5, 5], [2]))).toThrow('exceeds the sum of the villages\' caps (12)');
    const e = thrown(() =>
      allocateQuota(13, v([10, 5, 5], [2])),
    );
    expect(e).toBeInstanceOf(QuotaError);
    expect((e as QuotaError).code).toBe('quota.infeasible');
  });

  it('lists every bad field at once', () => {
    const e = thrown(() =>
      allocateQuota(-1, [
        { village: 'a', weight: 1.5 },
        { village: 'a', weight: 2, cap: -3 },
      ]),
    );
    expect((e as QuotaError).code).toBe('quota.invalid_input');
    expect((e as QuotaError).details.map((d) => d.path)).toEqual(['total', 'villages[0].weight', 'villages[1].village', 'villages[1].cap']);
  });
});

const villagesArb = fc
  .array(fc.record({ weight: fc.integer({ min: 0, max: 400 }), cap: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }) }), {
    minLength: 1,
    maxLength: 12,
  })
  .map((rows) => rows.map((r, i) => ({ village: `v${i}`, weight: r.weight, ...(r.cap !== undefined ? { cap: r.cap } : {}) })));

const capacity = (vs: QuotaVillage[]): number => vs.reduce((s, x) => s + (x.cap ?? x.weight), 0);

describe.each<QuotaMethod>(['largest-remainder', 'monotone'])('allocateQuota properties (%s)', (method) => {
  const feasible = villagesArb.chain((vs) => fc.tuple(fc.constant(vs), fc.integer({ min: 0, max: capacity(vs) })));

  it('sums to the total, respects caps, keeps input order, is deterministic', () => {
    fc.assert(
      fc.property(feasible, ([vs, total]) => {
        const a = allocateQuota(total, vs, method);
        expect(a.reduce((s, x) => s + x.quota, 0)).toBe(total);
        a.forEach((x, i) => {
          expect(x.village).toBe(vs[i].village);
          expect(x.quota).toBeGreaterThanOrEqual(0);
          expect(x.quota).toBeLessThanOrEqual(vs[i].cap ?? vs[i].weight);
        });
        expect(allocateQuota(total, vs, method)).toEqual(a);
      }),
    );
  });

  it('stays within floor and ceiling of the exact share when no cap binds', () => {
    const uncapped = fc
      .array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 12 })
      .chain((ws) => fc.tuple(fc.constant(ws), fc.integer({ min: 0, max: ws.reduce((a, b) => a + b, 0) })));
    fc.assert(
      fc.property(uncapped, ([ws, total]) => {
        const W = ws.reduce((a, b) => a + b, 0);
        // caps far above any share
        const a = allocateQuota(total, ws.map((w, i) => ({ village: `v${i}`, weight: w, cap: total + 1 })), method);
        a.forEach((x, i) => {
          // floor(total*w/W) ≤ quota ≤ ceil(total*w/W), in integers
          expect(x.quota * W).toBeGreaterThan(total * ws[i] - W);
          expect(x.quota * W).toBeLessThan(total * ws[i] + W);
        });
      }),
    );
  });

  it('refuses every infeasible total', () => {
    fc.assert(
      fc.property(villagesArb, fc.integer({ min: 1, max: 50 }), (vs, extra) => {
        expect(() => allocateQuota(capacity(vs) + extra, vs, method)).toThrow(QuotaError);
      }),
    );
  });
});

describe('allocateQuota monotone method', () => {
  it('never lowers a village when the total rises', () => {
    const feasible = villagesArb.chain((vs) => fc.tuple(fc.constant(vs), fc.integer({ min: 0, max: Math.max(0, capacity(vs) - 1) })));
    fc.assert(
      fc.property(feasible, ([vs, total]) => {
        const lo = allocateQuota(total, vs, 'monotone');
        const hi = allocateQuota(total + 1, vs, 'monotone');
        lo.forEach((x, i) => expect(hi[i].quota).toBeGreaterThanOrEqual(x.quota));
      }),
    );
  });
});
