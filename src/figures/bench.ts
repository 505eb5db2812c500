import { performance } from 'node:perf_hooks';
import { computeBenefitBudget, type BudgetMember, type DatedParameter } from './benefit-budget';

/**
 * For `npm run bench`: the BHYT-share budget of 100,000 members over a year that crosses 1/7/2026
 * (two lương cơ sở values), with members in 50 villages, 3 categories and staggered start months.
 * The target is ≤ 1 s; this returns timings and asserts nothing.
 */
export interface BudgetBench {
  name: string;
  members: number;
  months: number;
  total: number;
  runs: number;
  medianMs: number;
  minMs: number;
}

const PARAMETERS: DatedParameter[] = [
  { id: 'p1', name: 'luong_co_so', value: '2340000', effectiveFrom: '2024-07-01', effectiveTo: '2026-06-30' },
  { id: 'p2', name: 'luong_co_so', value: '2530000', effectiveFrom: '2026-07-01' },
  { id: 'p3', name: 'bhyt_ty_le', value: '0.045', effectiveFrom: '2015-01-01' },
  { id: 'p4', name: 'bhyt_ho_tro.ngheo', value: '1', effectiveFrom: '2025-08-15' },
  { id: 'p5', name: 'bhyt_ho_tro.can_ngheo', value: '0.7', effectiveFrom: '2025-08-15' },
  { id: 'p6', name: 'bhyt_ho_tro.thoat_ngheo', value: '0.5', effectiveFrom: '2025-08-15' },
];

const CATEGORIES = ['ngheo', 'can_ngheo', 'thoat_ngheo'];

export function benchMembers(n: number): BudgetMember[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `member:${i + 1}`,
    village: `thon-${(i % 50) + 1}`,
    category: CATEGORIES[i % 3],
    ...(i % 7 === 0 ? { fromMonth: `2026-${String((i % 12) + 1).padStart(2, '0')}` } : {}),
  }));
}

export function benchBudget(opts: { members?: number; runs?: number } = {}): BudgetBench {
  const n = opts.members ?? 100_000;
  const runs = opts.runs ?? 7;
  const members = benchMembers(n);
  const input = { rule: 'bhyt-share' as const, parameters: PARAMETERS, members, fromMonth: '2026-01', toMonth: '2026-12' };
  let result = computeBenefitBudget(input); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = computeBenefitBudget(input);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    name: `benefit budget, ${n.toLocaleString('en')} members × 12 months (BHYT share)`,
    members: n,
    months: 12,
    total: result.total,
    runs,
    medianMs: times[Math.floor(times.length / 2)],
    minMs: times[0],
  };
}
