/**
 * The budget of a beneficiary list under one policy, month by month.
 *
 * Rule kinds (the policy record's `rule`):
 *  - `fixed-by-category`: parameter `muc_ho_tro.<category>` đồng per person per month;
 *  - `top-up`: up to the threshold `nguong.<category>` (or `nguong`) minus what the member already
 *    receives (member attribute `tro_cap_dang_huong`, đồng/month), never below 0;
 *  - `bhyt-share`: the BHYT contribution `luong_co_so` × `bhyt_ty_le` (4,5%), times the support share
 *    `bhyt_ho_tro.<category>` (1 for hộ nghèo, 0.7 for cận nghèo …), per person per month.
 *
 * Parameters have effective dates; a month uses the value in force on its FIRST day, so a period
 * crossing 1/7/2026 uses 2.340.000 đ for June and 2.530.000 đ for July.
 *
 * Proration is by whole months: a member is paid for every month from the later of the period's first
 * month and the member's own start month (`tu_thang`, e.g. the month of the approving decision — the
 * ND 20/2021 practice; unconfirmed for NQ 04/2026, hence a per-member value) to the earlier of the
 * period's last month and the member's `den_thang`.
 *
 * Money is integer đồng. Rounding, half away from zero, happens in exactly two places, both in
 * `bhyt-share`: the monthly contribution is rounded to the đồng (2.340.000 × 4,5% = 105.300 exactly),
 * then the supported part is rounded to the đồng. Totals are plain sums of those integers, so every
 * total equals the sum of its rows.
 */
import { divideRoundHalfUp } from '../vi/vi-number';
import { FigureError, type FigureProblem } from './figure-set';

export type BenefitRuleKind = 'fixed-by-category' | 'top-up' | 'bhyt-share';

export const BENEFIT_RULE_KINDS: readonly BenefitRuleKind[] = ['fixed-by-category', 'top-up', 'bhyt-share'];

export interface DatedParameter {
  /** provenance id, e.g. "policy_parameter:7" */
  id: string;
  name: string;
  /** integer đồng ("2340000") or a decimal rate with a dot ("0.045") */
  value: string;
  effectiveFrom: string;
  effectiveTo?: string | null;
}

export interface BudgetMember {
  /** provenance id, e.g. "member:12" */
  id: string;
  village: string;
  category: string;
  /** đồng per month already received (top-up rule) */
  allowance?: number;
  /** first month paid, "YYYY-MM" */
  fromMonth?: string;
  /** last month paid, "YYYY-MM" */
  toMonth?: string;
}

export interface BudgetInput {
  rule: BenefitRuleKind;
  parameters: readonly DatedParameter[];
  members: readonly BudgetMember[];
  /** "YYYY-MM", inclusive */
  fromMonth: string;
  toMonth: string;
}

export interface BudgetLine {
  member: string;
  village: string;
  category: string;
  /** months paid, in order */
  months: string[];
  /** amount per paid month, same order */
  amounts: number[];
  total: number;
}

export interface BenefitBudget {
  lines: BudgetLine[];
  total: number;
  byCategory: Record<string, number>;
  byVillage: Record<string, number>;
  byMonth: Record<string, number>;
  /** number of members with at least one paid month */
  paidMembers: number;
  /** parameter ids used */
  parameterIds: string[];
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function monthIndex(m: string): number {
  const r = MONTH.exec(m);
  if (!r) throw new RangeError(`not a month (YYYY-MM): ${m}`);
  return Number(r[1]) * 12 + Number(r[2]) - 1;
}

function monthName(i: number): string {
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** "0.045" → 45/1000, "1" → 1/1, "2340000" → 2340000/1; exact. */
export function parseDecimal(value: string): { num: bigint; den: bigint } | null {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!m) return null;
  const frac = m[2] ?? '';
  return { num: BigInt(m[1] + frac), den: 10n ** BigInt(frac.length) };
}

/** Parameters by name, each looked up for the first day of a month. */
class ParameterTable {
  private readonly byName = new Map<string, DatedParameter[]>();
  readonly used = new Set<string>();

  constructor(params: readonly DatedParameter[]) {
    for (const p of params) {
      const list = this.byName.get(p.name) ?? [];
      list.push(p);
      this.byName.set(p.name, list);
    }
  }

  on(name: string, month: string): DatedParameter | undefined {
    const day = `${month}-01`;
    const p = this.byName.get(name)?.find((x) => x.effectiveFrom <= day && (!x.effectiveTo || day <= x.effectiveTo));
    if (p) this.used.add(p.id);
    return p;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }
}

export function computeBenefitBudget(input: BudgetInput): BenefitBudget {
  const problems: FigureProblem[] = [];
  const missing = new Set<string>();
  const from = monthIndex(input.fromMonth);
  const to = monthIndex(input.toMonth);
  if (to < from) throw new FigureError([{ code: 'figure.invalid_definition', path: 'period', message: `period ends (${input.toMonth}) before it starts (${input.fromMonth})` }]);
  const params = new ParameterTable(input.parameters);

  const need = (name: string, month: string): { num: bigint; den: bigint } | null => {
    const p = params.on(name, month);
    if (!p) {
      const key = `${name}@${month}`;
      if (!missing.has(key)) {
        missing.add(key);
        problems.push({ code: 'figure.parameter_missing', path: name, message: `no value of "${name}" in force on 01/${month.slice(5)}/${month.slice(0, 4)}` });
      }
      return null;
    }
    const d = parseDecimal(p.value);
    if (!d) problems.push({ code: 'figure.invalid_definition', path: name, message: `"${p.value}" is not a number (${p.id})` });
    return d;
  };
  const whole = (d: { num: bigint; den: bigint }): number => Number(d.num / d.den);

  const monthly = (category: string, allowance: number, month: string): number | null => {
    let amount: number | null = null;
    if (input.rule === 'fixed-by-category') {
      const a = need(`muc_ho_tro.${category}`, month);
      amount = a && whole(a);
    } else if (input.rule === 'top-up') {
      const name = params.has(`nguong.${category}`) ? `nguong.${category}` : 'nguong';
      const t = need(name, month);
      amount = t && Math.max(0, whole(t) - allowance);
    } else {
      const base = need('luong_co_so', month);
      const rate = need('bhyt_ty_le', month);
      const share = need(`bhyt_ho_tro.${category}`, month);
      if (base && rate && share) {
        // rounding 1: the contribution per person per month, to the đồng
        const contribution = divideRoundHalfUp(Number(base.num * rate.num), Number(base.den * rate.den));
        // rounding 2: the supported part, to the đồng
        amount = divideRoundHalfUp(Number(BigInt(contribution) * share.num), Number(share.den));
      }
    }
    return amount;
  };

  const lines: BudgetLine[] = [];
  const byCategory: Record<string, number> = {};
  const byVillage: Record<string, number> = {};
  const byMonth: Record<string, number> = {};
  const monthNames = Array.from({ length: to - from + 1 }, (_, k) => monthName(from + k));
  const monthTotals = new Array<number>(monthNames.length).fill(0);
  // the amounts of one (category, allowance) by month, each computed on first use and shared: a
  // month nobody is paid in is never looked up (and so never reported missing)
  const schedules = new Map<string, (number | null | undefined)[]>();
  const schedule = (category: string, allowance: number): (number | null | undefined)[] => {
    const key = `${category}|${allowance}`;
    let s = schedules.get(key);
    if (!s) {
      s = new Array<number | null | undefined>(monthNames.length).fill(undefined);
      schedules.set(key, s);
    }
    return s;
  };
  let total = 0;
  let paidMembers = 0;
  for (const m of input.members) {
    const first = Math.max(from, m.fromMonth ? monthIndex(m.fromMonth) : from) - from;
    const last = Math.min(to, m.toMonth ? monthIndex(m.toMonth) : to) - from;
    const amounts = schedule(m.category, m.allowance ?? 0);
    const line: BudgetLine = { member: m.id, village: m.village, category: m.category, months: [], amounts: [], total: 0 };
    for (let k = first; k <= last; k++) {
      let amount = amounts[k];
      if (amount === undefined) amount = amounts[k] = monthly(m.category, m.allowance ?? 0, monthNames[k]);
      if (amount === null) continue;
      line.months.push(monthNames[k]);
      line.amounts.push(amount);
      line.total += amount;
      monthTotals[k] += amount;
    }
    if (line.months.length > 0) paidMembers++;
    byCategory[m.category] = (byCategory[m.category] ?? 0) + line.total;
    byVillage[m.village] = (byVillage[m.village] ?? 0) + line.total;
    total += line.total;
    lines.push(line);
  }
  monthNames.forEach((month, k) => {
    if (monthTotals[k] !== 0) byMonth[month] = monthTotals[k];
  });
  if (problems.length) throw new FigureError(problems);
  if (!Number.isSafeInteger(total)) throw new FigureError([{ code: 'figure.invalid_definition', path: 'total', message: 'total exceeds the safe integer range' }]);
  return { lines, total, byCategory, byVillage, byMonth, paidMembers, parameterIds: [...params.used].sort() };
}
