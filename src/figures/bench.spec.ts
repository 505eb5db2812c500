import { benchBudget, benchMembers } from './bench';

describe('benchBudget', () => {
  it('reports the shape of a run, never a time limit', () => {
    const r = benchBudget({ members: 30, runs: 1 });
    expect(r).toMatchObject({ members: 30, months: 12, runs: 1 });
    expect(r.medianMs).toBeGreaterThanOrEqual(0);
    // a second method for the total: 30 members cycle poor / near-poor / left poverty (10 each);
    // members 0, 7, 14, 21, 28 start late (month i % 12 + 1): 1, 8, 3, 10, 5
    const poorMonthly = (m: number) => (m <= 6 ? 105300 : 113850);
    const share = [1, 0.7, 0.5];
    let expected = 0;
    benchMembers(30).forEach((member, i) => {
      const from = member.fromMonth ? Number(member.fromMonth.slice(5)) : 1;
      for (let m = from; m <= 12; m++) expected += Math.round(poorMonthly(m) * share[i % 3]);
    });
    expect(r.total).toBe(expected);
  });
});
