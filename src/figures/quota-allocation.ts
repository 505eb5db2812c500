/**
 * Splitting a target (e.g. "giảm 54 hộ nghèo") across villages in proportion to weights (e.g. each
 * village's poor households).
 *
 * `largest-remainder` (the default, what communes do by hand): every village gets the floor of its
 * exact share, then the units left over go one each to the largest remainders; ties go to the larger
 * weight, then to the earlier village in the input. A village never gets more than its cap (default:
 * its weight — a village cannot lose more poor households than it has): a village whose share exceeds
 * its cap is fixed at the cap and the rest is shared again among the others, until no share exceeds a
 * cap.
 *
 * Largest remainder is not house-monotone (the "Alabama paradox": raising the total can take a unit
 * away from a small village — see the spec for a worked case). Where a commune wants the guarantee
 * that a larger total never lowers any village's quota, `monotone` gives it: Balinski and Young's
 * quota method, which hands out units one at a time to the village with the largest
 * weight / (quota + 1) among those still under their upper quota and their cap. Every unit it gives
 * for total T is also given for T + 1, and each village stays within floor/ceiling of its exact share
 * whenever caps allow.
 *
 * Pure: integers in, integers out; exact rational comparisons (BigInt), no floats.
 */

export interface QuotaVillage {
  village: string;
  weight: number;
  /** upper bound for the village's quota; default = weight */
  cap?: number;
}

export interface QuotaAllocation {
  village: string;
  weight: number;
  cap: number;
  quota: number;
}

export type QuotaMethod = 'largest-remainder' | 'monotone';

export type QuotaProblemCode = 'quota.invalid_input' | 'quota.infeasible';

export class QuotaError extends Error {
  constructor(
    readonly code: QuotaProblemCode,
    message: string,
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'QuotaError';
  }
}

function validate(total: number, villages: readonly QuotaVillage[]): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (!Number.isSafeInteger(total) || total < 0) problems.push({ path: 'total', message: `must be a whole number ≥ 0, got ${total}` });
  const seen = new Set<string>();
  villages.forEach((v, i) => {
    if (!v.village || typeof v.village !== 'string') problems.push({ path: `villages[${i}].village`, message: 'is required' });
    else if (seen.has(v.village)) problems.push({ path: `villages[${i}].village`, message: `"${v.village}" appears twice` });
    else seen.add(v.village);
    if (!Number.isSafeInteger(v.weight) || v.weight < 0) problems.push({ path: `villages[${i}].weight`, message: `must be a whole number ≥ 0, got ${v.weight}` });
    if (v.cap !== undefined && (!Number.isSafeInteger(v.cap) || v.cap < 0)) problems.push({ path: `villages[${i}].cap`, message: `must be a whole number ≥ 0, got ${v.cap}` });
  });
  return problems;
}

/** Returns the allocation in input order; the quotas always sum to `total`. */
export function allocateQuota(
  total: number,
  villages: readonly QuotaVillage[],
  method: QuotaMethod = 'largest-remainder',
): QuotaAllocation[] {
  const problems = validate(total, villages);
  if (problems.length) throw new QuotaError('quota.invalid_input', 'invalid quota input', problems);
  const caps = villages.map((v) => v.cap ?? v.weight);
  const capacity = caps.reduce((a, b) => a + b, 0);
  if (total > capacity) {
    throw new QuotaError('quota.infeasible', `total ${total} exceeds the sum of the villages' caps (${capacity})`, [
      { path: 'total', message: `at most ${capacity} can be allocated` },
    ]);
  }
  const quotas = method === 'monotone' ? monotoneQuotas(total, villages, caps) : largestRemainderQuotas(total, villages, caps);
  return villages.map((v, i) => ({ village: v.village, weight: v.weight, cap: caps[i], quota: quotas[i] }));
}

/** index order for ties: larger weight first, then input order */
function byWeightThenOrder(villages: readonly QuotaVillage[]) {
  return (a: number, b: number): number => villages[b].weight - villages[a].weight || a - b;
}

function largestRemainderQuotas(total: number, villages: readonly QuotaVillage[], caps: number[]): number[] {
  const quotas = new Array<number>(villages.length).fill(0);
  const fixed = new Set<number>();
  let remaining = total;
  for (;;) {
    const active = villages.map((_, i) => i).filter((i) => !fixed.has(i));
    const weightSum = active.reduce((s, i) => s + villages[i].weight, 0);
    if (remaining === 0 || active.length === 0) break;
    if (weightSum === 0) {
      // no proportional basis left (all remaining weights 0 but caps allow): one unit at a time in
      // tie order, as a clerk would, never above a cap
      const order = [...active].sort(byWeightThenOrder(villages));
      while (remaining > 0) {
        for (const i of order) {
          if (remaining > 0 && quotas[i] < caps[i]) {
            quotas[i]++;
            remaining--;
          }
        }
      }
      break;
    }
    // exact share of i = remaining * w_i / weightSum; compare shares with caps exactly
    const over = active.filter((i) => BigInt(remaining) * BigInt(villages[i].weight) > BigInt(caps[i]) * BigInt(weightSum));
    if (over.length > 0) {
      for (const i of over) {
        quotas[i] = caps[i];
        remaining -= caps[i];
        fixed.add(i);
      }
      continue;
    }
    const W = BigInt(weightSum);
    const floors = active.map((i) => (BigInt(remaining) * BigInt(villages[i].weight)) / W);
    const rems = active.map((i, k) => BigInt(remaining) * BigInt(villages[i].weight) - floors[k] * W);
    active.forEach((i, k) => (quotas[i] = Number(floors[k])));
    let leftover = remaining - floors.reduce((a, b) => a + Number(b), 0);
    const order = active
      .map((i, k) => ({ i, rem: rems[k] }))
      .sort((a, b) => (a.rem === b.rem ? byWeightThenOrder(villages)(a.i, b.i) : a.rem > b.rem ? -1 : 1));
    // a floor equal to the cap cannot take one more; share ≤ cap guarantees enough others can
    for (const { i } of order) {
      if (leftover === 0) break;
      if (quotas[i] < caps[i]) {
        quotas[i]++;
        leftover--;
      }
    }
    break;
  }
  return quotas;
}

function monotoneQuotas(total: number, villages: readonly QuotaVillage[], caps: number[]): number[] {
  const n = villages.length;
  const quotas = new Array<number>(n).fill(0);
  const weightSum = BigInt(villages.reduce((s, v) => s + v.weight, 0));
  const tie = byWeightThenOrder(villages);
  for (let h = 1; h <= total; h++) {
    // upper quota at house size h: a_i < ceil(h * w_i / W)  ⇔  a_i * W < h * w_i
    const underCap = [...Array(n).keys()].filter((i) => quotas[i] < caps[i]);
    const withinQuota =
      weightSum === 0n ? [] : underCap.filter((i) => BigInt(quotas[i]) * weightSum < BigInt(h) * BigInt(villages[i].weight));
    const eligible = withinQuota.length > 0 ? withinQuota : underCap;
    // highest w_i / (a_i + 1): compare w_i * (a_j + 1) against w_j * (a_i + 1)
    let best = eligible[0];
    for (const i of eligible.slice(1)) {
      const lhs = BigInt(villages[i].weight) * BigInt(quotas[best] + 1);
      const rhs = BigInt(villages[best].weight) * BigInt(quotas[i] + 1);
      if (lhs > rhs || (lhs === rhs && tie(i, best) < 0)) best = i;
    }
    quotas[best]++;
  }
  return quotas;
}
