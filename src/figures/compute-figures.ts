/**
 * Named figure definitions (written in a document's record, `content.figures`) evaluated over a
 * snapshot of the registry: the one place where a document's numbers come from.
 *
 * A definition is one small object; its kind is its key:
 *   { count: households|members, where }            how many rows match
 *   { breakdown: { count, where }, unit, order? }   the same, per village: "TDP Sau 2 hộ, …"
 *   { totalHouseholds: { village? } }               tổng số hộ dân cư of the villages
 *   { quota: code, field: baseline|target|reduction }
 *   { allocation: code, method? }                   a quota's target reduction split over its villages
 *   { sum: [names] }  { difference: [a, b] }        a − b
 *   { rate: [part, base], decimals }                part/base in %, half up
 *   { points: [rateA, rateB] }                      rateA − rateB in percentage points, as printed
 *   { budget: { policy, where, from, to, categoryFrom?, show? } }   benefit budget in đồng; its table
 *                                                   may add Ngày sinh / Năm sinh and Ghi chú columns and
 *                                                   name categories ("nghèo" → "Hộ nghèo") via `show`
 *   { parameter: { policy, name, on } }             a policy parameter in force on a date
 *   { words: name, chan? }                          an amount in words for "Bằng chữ:" ("Mười tám triệu đồng")
 * Definitions may use other figures by name; cycles and unknown names are reported, all together.
 *
 * `where.list` selects the people of one beneficiary list, in the list's order, each with the
 * attributes the list gives them (tu_thang, den_thang, tro_cap_dang_huong) over the member's own.
 */
import { moneyInWords } from '../vi/money-words';
import { formatInteger } from '../vi/vi-number';
import { BENEFIT_RULE_KINDS, computeBenefitBudget, type BenefitRuleKind, type BudgetMember } from './benefit-budget';
import { breakdownText, countBy } from './breakdown';
import { FigureError, type Figure, type FigureProblem, type FigureSet, type FigureTable } from './figure-set';
import { allocateQuota, QuotaError, type QuotaMethod } from './quota-allocation';
import { pointChange, rate } from './rates';

export type Attribute = string | number | boolean;

export interface RegistrySnapshot {
  villages: { id: number; code: string; name: string; totalHouseholds: number | null }[];
  households: { id: number; code: string; village: string; categories: Record<string, string>; attributes: Record<string, Attribute> }[];
  members: {
    id: number;
    code: string;
    name: string;
    household: string;
    attributes: Record<string, Attribute>;
    /** ISO date, when known (annex tables may print it) */
    birthDate?: string | null;
    birthYear?: number | null;
  }[];
  /** beneficiary lists: their people (member codes) in list order, with what the list says of each */
  lists?: { code: string; entries: { member: string; note?: string | null; attributes: Record<string, Attribute> }[] }[];
  quotas: { id: number; code: string; baseline: number; target: number; villages: { village: string; weight: number; cap?: number }[] }[];
  policies: {
    id: number;
    code: string;
    rule: string;
    parameters: { id: number; name: string; value: string; effectiveFrom: string; effectiveTo: string | null }[];
  }[];
}

export interface Where {
  /** poverty-standard period whose category is tested: "2021-2025", "2026-2030" */
  period?: string;
  category?: string | string[];
  village?: string | string[];
  /** household attributes (count households) or member attributes (count members) that must match */
  attributes?: Record<string, Attribute>;
  /** for members: attributes of their household */
  household?: Record<string, Attribute>;
  /** the people of this beneficiary list (for households: the households they belong to) */
  list?: string;
}

/** What a budget table shows beyond its fixed columns. */
export interface BudgetShow {
  /** a "Ngày sinh" column (dd/mm/yyyy, or the year when only the year is known) or a "Năm sinh" column */
  birth?: 'date' | 'year';
  /** a "Ghi chú" column: the list's note of each person */
  note?: boolean;
  /** how categories are printed: { "nghèo": "Hộ nghèo" } */
  categoryLabels?: Record<string, string>;
}

export type FigureDefinition =
  | { count: 'households' | 'members'; where?: Where }
  | { breakdown: { count: 'households' | 'members'; where?: Where }; unit?: string; order?: 'villages' | 'records' }
  | { totalHouseholds: { village?: string | string[] } }
  | { quota: string; field: 'baseline' | 'target' | 'reduction' }
  | { allocation: string; method?: QuotaMethod }
  | { sum: string[] }
  | { difference: [string, string] }
  | { rate: [string, string]; decimals: number }
  | { points: [string, string] }
  | { budget: { policy: string; where?: Where; from: string; to: string; categoryFrom?: 'household' | string; show?: BudgetShow } }
  | { parameter: { policy: string; name: string; on: string } }
  | { words: string; chan?: boolean };

export const FIGURE_KINDS = ['count', 'breakdown', 'totalHouseholds', 'quota', 'allocation', 'sum', 'difference', 'rate', 'points', 'budget', 'parameter', 'words'] as const;

const list = <T>(x: T | T[] | undefined): T[] | undefined => (x === undefined ? undefined : Array.isArray(x) ? x : [x]);

function matches(attrs: Record<string, Attribute>, want: Record<string, Attribute> | undefined): boolean {
  return !want || Object.entries(want).every(([k, v]) => attrs[k] === v);
}

class Evaluator {
  private readonly figures: Record<string, Figure> = {};
  private readonly tables: Record<string, FigureTable> = {};
  private readonly problems: FigureProblem[] = [];
  private readonly failed = new Set<string>();
  private readonly visiting: string[] = [];
  private readonly villageName: Map<string, string>;
  private readonly villageOrder: string[];
  private readonly householdsByCode: Map<string, RegistrySnapshot['households'][number]>;
  private readonly membersByCode: Map<string, RegistrySnapshot['members'][number]>;

  constructor(
    private readonly defs: Record<string, FigureDefinition>,
    private readonly snap: RegistrySnapshot,
  ) {
    this.villageName = new Map(snap.villages.map((v) => [v.code, v.name]));
    this.villageOrder = snap.villages.map((v) => v.code);
    this.householdsByCode = new Map(snap.households.map((h) => [h.code, h]));
    this.membersByCode = new Map(snap.members.map((m) => [m.code, m]));
  }

  run(computedAt: string): FigureSet {
    for (const name of Object.keys(this.defs)) this.get(name);
    if (this.problems.length) throw new FigureError(this.problems);
    const set: FigureSet = { computedAt, figures: this.figures };
    if (Object.keys(this.tables).length) set.tables = this.tables;
    return set;
  }

  private fail(code: FigureProblem['code'], path: string, message: string): undefined {
    this.problems.push({ code, path, message });
    this.failed.add(path);
    return undefined;
  }

  /** a figure by name, computing it (and what it uses) on first use */
  private get(name: string, usedBy?: string): Figure | undefined {
    if (this.figures[name]) return this.figures[name];
    if (this.failed.has(name)) return undefined;
    const def = this.defs[name];
    if (!def) return this.fail('figure.unknown', usedBy ?? name, `uses "${name}", which is not a defined figure`);
    if (this.visiting.includes(name)) return this.fail('figure.cycle', name, `depends on itself: ${[...this.visiting, name].join(' → ')}`);
    this.visiting.push(name);
    try {
      const f = this.compute(name, def);
      if (f) this.figures[name] = f;
      else this.failed.add(name);
      return f;
    } finally {
      this.visiting.pop();
    }
  }

  private number(name: string, usedBy: string): Figure | undefined {
    const f = this.get(name, usedBy);
    if (f && typeof f.value !== 'number') return this.fail('figure.invalid_definition', usedBy, `"${name}" is not a number`);
    return f;
  }

  private beneficiaryList(code: string, path: string): NonNullable<RegistrySnapshot['lists']>[number] | undefined {
    const l = this.snap.lists?.find((x) => x.code === code);
    if (!l) return this.fail('figure.no_data', path, `unknown beneficiary list "${code}"`);
    const missing = l.entries.filter((e) => !this.membersByCode.has(e.member)).map((e) => e.member);
    if (missing.length) return this.fail('figure.no_data', path, `list "${code}" names members not in the registry: ${missing.join(', ')}`);
    return l;
  }

  private households(where: Where | undefined, path: string): RegistrySnapshot['households'] | undefined {
    if (where?.category !== undefined && !where.period) return this.fail('figure.invalid_definition', path, 'a category needs the poverty-standard period it belongs to (where.period)');
    const cats = list(where?.category);
    const villages = list(where?.village);
    for (const v of villages ?? []) if (!this.villageName.has(v)) return this.fail('figure.invalid_definition', path, `unknown village "${v}"`);
    let inList: Set<string> | undefined;
    if (where?.list !== undefined) {
      const l = this.beneficiaryList(where.list, path);
      if (!l) return undefined;
      inList = new Set(l.entries.map((e) => this.membersByCode.get(e.member)!.household));
    }
    return this.snap.households.filter(
      (h) =>
        (!inList || inList.has(h.code)) &&
        (!cats || cats.includes(h.categories[where!.period!] ?? '')) &&
        (!villages || villages.includes(h.village)) &&
        matches(h.attributes, where?.attributes),
    );
  }

  private members(
    where: Where | undefined,
    path: string,
  ): { m: RegistrySnapshot['members'][number]; h: RegistrySnapshot['households'][number]; attributes: Record<string, Attribute>; note?: string }[] | undefined {
    const hs = this.households(where ? { ...where, attributes: where.household, list: undefined } : undefined, path);
    if (!hs) return undefined;
    const ok = new Set(hs.map((h) => h.code));
    if (where?.list !== undefined) {
      const l = this.beneficiaryList(where.list, path);
      if (!l) return undefined;
      // the list's order, and what the list says of each person over the member's own attributes
      return l.entries
        .map((e) => {
          const m = this.membersByCode.get(e.member)!;
          return { m, h: this.householdsByCode.get(m.household)!, attributes: { ...m.attributes, ...e.attributes }, ...(e.note ? { note: e.note } : {}) };
        })
        .filter((x) => x.h !== undefined && ok.has(x.m.household) && matches(x.attributes, where.attributes));
    }
    return this.snap.members
      .filter((m) => ok.has(m.household) && matches(m.attributes, where?.attributes))
      .map((m) => ({ m, h: this.householdsByCode.get(m.household)!, attributes: m.attributes }));
  }

  private compute(name: string, def: FigureDefinition): Figure | undefined {
    const keys = Object.keys(def).filter((k) => (FIGURE_KINDS as readonly string[]).includes(k));
    if (keys.length !== 1) return this.fail('figure.invalid_definition', name, `needs exactly one of ${FIGURE_KINDS.join(', ')}`);
    if ('count' in def) {
      const rows = def.count === 'households' ? this.households(def.where, name)?.map((h) => `household:${h.id}`) : this.members(def.where, name)?.map((x) => `member:${x.m.id}`);
      if (!rows) return undefined;
      const unit = def.count === 'households' ? 'hộ' : 'người';
      return { name, value: rows.length, unit, text: formatInteger(rows.length), formula: `${def.count} where ${JSON.stringify(def.where ?? {})}`, sources: rows };
    }
    if ('breakdown' in def) {
      const unit = def.unit ?? (def.breakdown.count === 'households' ? 'hộ' : 'người');
      const rows =
        def.breakdown.count === 'households'
          ? this.households(def.breakdown.where, name)?.map((h) => ({ village: h.village, id: `household:${h.id}` }))
          : this.members(def.breakdown.where, name)?.map((x) => ({ village: x.h.village, id: `member:${x.m.id}` }));
      if (!rows) return undefined;
      // the agency's village order, or the order the rows were recorded in (a seed lists them so)
      const parts = countBy(rows, (r) => r.village, def.order === 'records' ? [] : this.villageOrder).map((p) => ({ label: this.villageName.get(p.label) ?? p.label, value: p.value }));
      return {
        name,
        value: rows.length,
        unit,
        text: breakdownText(parts, { unit }),
        formula: `${def.breakdown.count} where ${JSON.stringify(def.breakdown.where ?? {})}, per village`,
        sources: rows.map((r) => r.id),
        parts: parts.filter((p) => p.value > 0),
      };
    }
    if ('totalHouseholds' in def) {
      const wanted = list(def.totalHouseholds.village);
      const villages = this.snap.villages.filter((v) => !wanted || wanted.includes(v.code));
      const missing = villages.filter((v) => v.totalHouseholds === null).map((v) => v.name);
      if (villages.length === 0) return this.fail('figure.no_data', name, 'no village to count households of');
      if (missing.length) return this.fail('figure.no_data', name, `tổng số hộ is not recorded for ${missing.join(', ')}`);
      const value = villages.reduce((s, v) => s + (v.totalHouseholds ?? 0), 0);
      return { name, value, unit: 'hộ', text: formatInteger(value), formula: `sum of tổng số hộ dân cư of ${villages.length} villages`, sources: villages.map((v) => `village:${v.id}`) };
    }
    if ('quota' in def) {
      const q = this.snap.quotas.find((x) => x.code === def.quota);
      if (!q) return this.fail('figure.no_data', name, `unknown quota "${def.quota}"`);
      const value = def.field === 'baseline' ? q.baseline : def.field === 'target' ? q.target : q.baseline - q.target;
      const formula = def.field === 'reduction' ? `quota ${q.code}: baseline ${q.baseline} − target ${q.target}` : `quota ${q.code}.${def.field}`;
      return { name, value, unit: 'hộ', text: formatInteger(value), formula, sources: [`quota:${q.id}`] };
    }
    if ('allocation' in def) {
      const q = this.snap.quotas.find((x) => x.code === def.allocation);
      if (!q) return this.fail('figure.no_data', name, `unknown quota "${def.allocation}"`);
      const total = q.baseline - q.target;
      try {
        const rows = allocateQuota(total, q.villages, def.method ?? 'largest-remainder');
        const weights = rows.reduce((s, r) => s + r.weight, 0);
        this.tables[name] = {
          name,
          formula: `${total} split over ${rows.length} villages by ${def.method ?? 'largest-remainder'} on their weights`,
          columns: [
            { key: 'stt', header: 'STT', width: 0.6, align: 'center' },
            { key: 'village', header: 'Thôn, tổ dân phố', width: 2.2 },
            { key: 'weight', header: 'Số hộ nghèo đầu năm', numeric: true, width: 1.3 },
            { key: 'quota', header: 'Chỉ tiêu giảm (hộ)', numeric: true, width: 1.3 },
            { key: 'after', header: 'Số hộ nghèo cuối năm (dự kiến)', numeric: true, width: 1.5 },
          ],
          rows: [
            ...rows.map((r, i) => ({
              cells: { stt: String(i + 1), village: this.villageName.get(r.village) ?? r.village, weight: formatInteger(r.weight), quota: formatInteger(r.quota), after: formatInteger(r.weight - r.quota) },
              sources: [`quota:${q.id}`],
            })),
            { cells: { stt: '', village: 'Tổng cộng', weight: formatInteger(weights), quota: formatInteger(total), after: formatInteger(weights - total) }, total: true, sources: [`quota:${q.id}`] },
          ],
        };
        return { name, value: total, unit: 'hộ', text: formatInteger(total), formula: this.tables[name].formula, sources: [`quota:${q.id}`] };
      } catch (e) {
        if (e instanceof QuotaError) return this.fail('figure.infeasible', name, `${e.message}${e.details.length ? ` (${e.details.map((d) => `${d.path}: ${d.message}`).join('; ')})` : ''}`);
        throw e;
      }
    }
    if ('sum' in def) {
      const parts = def.sum.map((n) => this.number(n, name));
      if (parts.some((p) => !p)) return undefined;
      const value = parts.reduce((s, p) => s + (p!.value as number), 0);
      return { name, value, unit: parts[0]?.unit ?? '', text: formatInteger(value), formula: def.sum.join(' + '), sources: [...new Set(parts.flatMap((p) => p!.sources))] };
    }
    if ('difference' in def) {
      const [a, b] = def.difference.map((n) => this.number(n, name));
      if (!a || !b) return undefined;
      const value = (a.value as number) - (b.value as number);
      return { name, value, unit: a.unit, text: formatInteger(value), formula: `${def.difference[0]} − ${def.difference[1]}`, sources: [...new Set([...a.sources, ...b.sources])] };
    }
    if ('rate' in def) {
      const [p, b] = def.rate.map((n) => this.number(n, name));
      if (!p || !b) return undefined;
      if ((b.value as number) <= 0) return this.fail('figure.no_data', name, `base "${def.rate[1]}" is 0`);
      const r = rate(p.value as number, b.value as number, def.decimals);
      return { name, value: r.scaled, decimals: r.decimals, unit: '%', text: r.text, formula: `${def.rate[0]} / ${def.rate[1]} × 100, ${def.decimals} decimals, half up`, sources: [...new Set([...p.sources, ...b.sources])] };
    }
    if ('points' in def) {
      const [a, b] = def.points.map((n) => this.number(n, name));
      if (!a || !b) return undefined;
      if (a.decimals === undefined || b.decimals === undefined) return this.fail('figure.invalid_definition', name, 'points compares two rate figures');
      const r = pointChange({ scaled: a.value as number, decimals: a.decimals, text: a.text }, { scaled: b.value as number, decimals: b.decimals, text: b.text });
      return { name, value: r.scaled, decimals: r.decimals, unit: 'điểm %', text: r.text, formula: `${def.points[0]} − ${def.points[1]} as printed`, sources: [...new Set([...a.sources, ...b.sources])] };
    }
    if ('budget' in def) return this.budget(name, def.budget);
    if ('words' in def) {
      const f = this.number(def.words, name);
      if (!f) return undefined;
      if (f.decimals !== undefined || (f.value as number) < 0) return this.fail('figure.invalid_definition', name, `"${def.words}" is not a whole amount of đồng`);
      return { name, value: f.value, unit: 'text', text: moneyInWords(f.value as number, { appendChan: def.chan === true }), formula: `${def.words} in words`, sources: f.sources };
    }
    if ('parameter' in def) {
      const pol = this.snap.policies.find((p) => p.code === def.parameter.policy);
      if (!pol) return this.fail('figure.no_data', name, `unknown policy "${def.parameter.policy}"`);
      const on = def.parameter.on;
      const p = pol.parameters.find((x) => x.name === def.parameter.name && x.effectiveFrom <= on && (!x.effectiveTo || on <= x.effectiveTo));
      if (!p) return this.fail('figure.parameter_missing', name, `no value of "${def.parameter.name}" of ${pol.code} in force on ${on}`);
      const n = /^\d+$/.test(p.value) ? Number(p.value) : null;
      return { name, value: n ?? p.value, unit: 'đồng', text: n === null ? p.value : formatInteger(n), formula: `${pol.code}.${p.name} on ${on}`, sources: [`policy_parameter:${p.id}`] };
    }
    return undefined;
  }

  private budget(name: string, def: { policy: string; where?: Where; from: string; to: string; categoryFrom?: string; show?: BudgetShow }): Figure | undefined {
    const pol = this.snap.policies.find((p) => p.code === def.policy);
    if (!pol) return this.fail('figure.no_data', name, `unknown policy "${def.policy}"`);
    if (!(BENEFIT_RULE_KINDS as readonly string[]).includes(pol.rule)) return this.fail('figure.invalid_definition', name, `policy ${pol.code} has rule "${pol.rule}", not one of ${BENEFIT_RULE_KINDS.join(', ')}`);
    const rows = this.members(def.where, name);
    if (!rows) return undefined;
    const from = def.categoryFrom ?? 'household';
    if (from === 'household' && !def.where?.period) return this.fail('figure.invalid_definition', name, 'the household category needs where.period');
    const members: BudgetMember[] = [];
    for (const { m, h, attributes } of rows) {
      const category = from === 'household' ? h.categories[def.where!.period!] : attributes[from];
      if (category === undefined || category === '') return this.fail('figure.no_data', name, `member ${m.code} has no ${from === 'household' ? `household category for ${def.where!.period}` : `"${from}"`}`);
      members.push({
        id: `member:${m.id}`,
        village: h.village,
        category: String(category),
        ...(typeof attributes.tro_cap_dang_huong === 'number' ? { allowance: attributes.tro_cap_dang_huong } : {}),
        ...(typeof attributes.tu_thang === 'string' ? { fromMonth: attributes.tu_thang } : {}),
        ...(typeof attributes.den_thang === 'string' ? { toMonth: attributes.den_thang } : {}),
      });
    }
    try {
      const b = computeBenefitBudget({
        rule: pol.rule as BenefitRuleKind,
        parameters: pol.parameters.map((p) => ({ id: `policy_parameter:${p.id}`, name: p.name, value: p.value, effectiveFrom: p.effectiveFrom, effectiveTo: p.effectiveTo })),
        members,
        fromMonth: def.from,
        toMonth: def.to,
      });
      const byId = new Map(rows.map((r) => [`member:${r.m.id}`, r]));
      const show = def.show ?? {};
      const birthText = (m: RegistrySnapshot['members'][number]): string => {
        const year = m.birthYear ?? (m.birthDate ? Number(m.birthDate.slice(0, 4)) : undefined);
        if (show.birth === 'date' && m.birthDate) return `${m.birthDate.slice(8, 10)}/${m.birthDate.slice(5, 7)}/${m.birthDate.slice(0, 4)}`;
        return year === undefined ? '' : String(year);
      };
      this.tables[name] = {
        name,
        formula: `${pol.rule} under ${pol.code}, ${def.from} to ${def.to}, by whole months`,
        columns: [
          { key: 'stt', header: 'STT' },
          { key: 'name', header: 'Họ và tên' },
          ...(show.birth ? [{ key: 'birth', header: show.birth === 'date' ? 'Ngày sinh' : 'Năm sinh' }] : []),
          { key: 'village', header: 'Thôn' },
          { key: 'category', header: 'Đối tượng' },
          { key: 'monthly', header: 'Mức hỗ trợ (đồng/tháng)', numeric: true },
          { key: 'months', header: 'Số tháng', numeric: true },
          { key: 'total', header: 'Thành tiền (đồng)', numeric: true },
          ...(show.note ? [{ key: 'note', header: 'Ghi chú' }] : []),
        ],
        rows: [
          ...b.lines.map((l, i) => ({
            cells: {
              stt: String(i + 1),
              name: byId.get(l.member)?.m.name ?? l.member,
              ...(show.birth ? { birth: byId.has(l.member) ? birthText(byId.get(l.member)!.m) : '' } : {}),
              village: this.villageName.get(l.village) ?? l.village,
              category: show.categoryLabels?.[l.category] ?? l.category,
              // one rate when every month pays the same, else the range
              monthly: l.amounts.length === 0 ? '0' : [...new Set(l.amounts)].map(formatInteger).join(' – '),
              months: String(l.months.length),
              total: formatInteger(l.total),
              ...(show.note ? { note: byId.get(l.member)?.note ?? '' } : {}),
            },
            sources: [l.member],
          })),
          {
            cells: {
              stt: '',
              name: 'Tổng cộng',
              ...(show.birth ? { birth: '' } : {}),
              village: '',
              category: '',
              monthly: '',
              months: '',
              total: formatInteger(b.total),
              ...(show.note ? { note: '' } : {}),
            },
            total: true,
            sources: [],
          },
        ],
      };
      return {
        name,
        value: b.total,
        unit: 'đồng',
        text: formatInteger(b.total),
        formula: this.tables[name].formula,
        sources: [...members.map((m) => m.id), ...b.parameterIds],
      };
    } catch (e) {
      if (e instanceof FigureError) {
        for (const p of e.problems) this.problems.push({ ...p, path: `${name}.${p.path}` });
        this.failed.add(name);
        return undefined;
      }
      throw e;
    }
  }
}

/** Every figure of `defs`, or a FigureError listing every problem. */
export function computeFigureSet(defs: Record<string, FigureDefinition>, snapshot: RegistrySnapshot, computedAt: string): FigureSet {
  return new Evaluator(defs, snapshot).run(computedAt);
}
