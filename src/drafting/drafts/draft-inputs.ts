/**
 * Typed template inputs from what a clerk types (`--set key=value`) or sends (JSON): each value is
 * read by its declared type and checked against the agency's registry (a unit it has, an official
 * of its own, a quota it was given). A reversed date range is refused here, so that a draft never
 * says "từ ngày 29/5/2026 đến hết ngày 01/6/2025" (seed 000).
 */
import type { OfficialRecord, PolicyRecord, QuotaRecord } from '../../registry/records/record-set';
import { isValidDate, parseViDate, toIsoDate } from '../../vi/nd30-date';
import { nfc } from '../../vi/nfc';
import { signerView, unitView, type AgencyView, type SignerView, type UnitView } from '../templates/template-context';
import type { InputSpec } from '../templates/template-manifest';

export type InputValue =
  | string
  | number
  | boolean
  | null
  | UnitView
  | SignerView
  | { from: string; to: string }
  | { code: string; year: number; baseline: number; target: number; indicator: string }
  | { code: string; name: string }
  | { code: string; people: number };

export interface InputRegistry {
  agency: AgencyView;
  officials: OfficialRecord[];
  quotas: QuotaRecord[];
  policies: PolicyRecord[];
  /** beneficiary lists (src/beneficiaries) by code, with how many people each has */
  lists: { code: string; people: number }[];
}

export class InputProblem extends Error {}

function isoDate(raw: string): string {
  const s = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (!isValidDate(y, m, d)) throw new InputProblem(`"${raw}" is not a calendar date`);
    return s;
  }
  const vi = parseViDate(s);
  if (!vi || vi.year === undefined) throw new InputProblem(`"${raw}" is not a date (2026-05-29 or 29/5/2026)`);
  return toIsoDate(vi);
}

function month(raw: string): string {
  const s = raw.trim();
  const m = /^(\d{4})-(\d{1,2})$/.exec(s) ?? /^(\d{1,2})\/(\d{4})$/.exec(s);
  if (!m) throw new InputProblem(`"${raw}" is not a month (2026-07 or 7/2026)`);
  const [y, mo] = s.includes('/') ? [Number(m[2]), Number(m[1])] : [Number(m[1]), Number(m[2])];
  if (mo < 1 || mo > 12) throw new InputProblem(`"${raw}": month ${mo} does not exist`);
  return `${y}-${String(mo).padStart(2, '0')}`;
}

const asText = (raw: unknown): string => {
  if (typeof raw === 'string') return nfc(raw).trim();
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  throw new InputProblem(`expected a text, got ${JSON.stringify(raw)}`);
};

/** One input value by its type; throws InputProblem with a message a clerk can act on. */
export function readInput(spec: InputSpec, raw: unknown, reg: InputRegistry): InputValue {
  switch (spec.type) {
    case 'string':
    case 'text': {
      const s = asText(raw);
      if (spec.type === 'string' && /\n/.test(s)) throw new InputProblem('a single line is expected');
      return s;
    }
    case 'integer': {
      const s = asText(raw);
      if (!/^-?\d+$/.test(s)) throw new InputProblem(`"${s}" is not a whole number`);
      return Number(s);
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      const s = asText(raw).toLocaleLowerCase('vi');
      if (['true', '1', 'yes', 'có', 'co'].includes(s)) return true;
      if (['false', '0', 'no', 'không', 'khong'].includes(s)) return false;
      throw new InputProblem(`"${s}" is not true or false`);
    }
    case 'date':
      return isoDate(asText(raw));
    case 'dateRange': {
      const v = raw as { from?: unknown; to?: unknown };
      const [from, to] =
        raw && typeof raw === 'object' && 'from' in v ? [asText(v.from), asText(v.to)] : asText(raw).split('..').map((x) => x.trim());
      if (!from || !to) throw new InputProblem('a date range is written "2026-05-29..2026-06-01"');
      const f = isoDate(from);
      const t = isoDate(to);
      if (f > t) throw new InputProblem(`the range ends (${t}) before it starts (${f})`);
      return { from: f, to: t };
    }
    case 'month':
      return month(asText(raw));
    case 'enum': {
      const s = asText(raw);
      if (!spec.values!.includes(s)) throw new InputProblem(`"${s}" is not one of ${spec.values!.join(', ')}`);
      return s;
    }
    case 'unit': {
      const s = asText(raw);
      // by abbreviation, by name, or by the start of its name ("Phòng Kinh tế" is a phường's
      // "Phòng Kinh tế, Hạ tầng và Đô thị"), so that one default fits xã and phường
      const units = reg.agency.units;
      const u = units.find((x) => x.abbreviation === s) ?? units.find((x) => x.name === s) ?? units.find((x) => x.name.startsWith(s));
      if (!u) throw new InputProblem(`the agency has no unit "${s}" (units: ${reg.agency.units.map((x) => x.abbreviation).join(', ') || 'none'})`);
      return unitView(u);
    }
    case 'official': {
      const s = asText(raw);
      const o = reg.officials.find((x) => x.code === s);
      if (!o) throw new InputProblem(`the agency has no official "${s}" (officials: ${reg.officials.map((x) => x.code).join(', ') || 'none'})`);
      return signerView(o);
    }
    case 'quota': {
      const s = asText(raw);
      const q = s === 'latest' ? [...reg.quotas].sort((a, b) => b.year - a.year)[0] : reg.quotas.find((x) => x.code === s);
      if (!q) throw new InputProblem(s === 'latest' ? 'the agency has no quota (chỉ tiêu) recorded' : `the agency has no quota "${s}" (quotas: ${reg.quotas.map((x) => x.code).join(', ') || 'none'})`);
      return { code: q.code, year: q.year, baseline: q.baseline, target: q.target, indicator: q.indicator };
    }
    case 'list': {
      const s = asText(raw);
      const l = reg.lists.find((x) => x.code === s);
      if (!l) throw new InputProblem(`the agency has no beneficiary list "${s}" (lists: ${reg.lists.map((x) => x.code).join(', ') || 'none imported'})`);
      return { code: l.code, people: l.people };
    }
    case 'policy': {
      const s = asText(raw);
      const p = s === 'latest' ? reg.policies[reg.policies.length - 1] : reg.policies.find((x) => x.code === s);
      if (!p) throw new InputProblem(s === 'latest' ? 'the agency has no policy recorded' : `the agency has no policy "${s}" (policies: ${reg.policies.map((x) => x.code).join(', ') || 'none'})`);
      return { code: p.code, name: p.name };
    }
  }
}
