/**
 * The months a list pays and the categories its policy pays in them. Pure.
 *
 * A list's months come from the command (--from/--to), else from the line an exported workbook
 * writes above its header ("Thời gian hỗ trợ: từ tháng 07/2026 đến tháng 12/2026; chuẩn nghèo giai
 * đoạn 2026-2030"), else from the list already in the registry.
 */
import { foldForMatch } from '../vi/text-case';
import { cellText } from './cell-value';
import type { GridRow } from './list-columns';

export interface ListMonths {
  fromMonth: string;
  toMonth: string;
  period?: string;
}

export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

const mm = (m: string) => `${m.slice(5)}/${m.slice(0, 4)}`;

export function listPeriodLine(p: Required<ListMonths>): string {
  return `Thời gian hỗ trợ: từ tháng ${mm(p.fromMonth)} đến tháng ${mm(p.toMonth)}; chuẩn nghèo giai đoạn ${p.period}`;
}

/** The months (and period) stated in the lines above the header, if any. */
export function listPeriodFromTitle(rows: readonly GridRow[]): ListMonths | null {
  for (const r of rows) {
    for (const c of r.cells) {
      if (c.kind !== 'text') continue;
      const f = foldForMatch(cellText(c));
      const m = /tu thang (\d{1,2})\/(\d{4}) den thang (\d{1,2})\/(\d{4})/.exec(f);
      if (!m) continue;
      const month = (mo: string, y: string) => `${y}-${mo.padStart(2, '0')}`;
      const out: ListMonths = { fromMonth: month(m[1], m[2]), toMonth: month(m[3], m[4]) };
      if (!MONTH_RE.test(out.fromMonth) || !MONTH_RE.test(out.toMonth)) continue;
      const p = /giai doan (\d{4})\s*-\s*(\d{4})/.exec(f);
      if (p) out.period = `${p[1]}-${p[2]}`;
      return out;
    }
  }
  return null;
}

/** Which categories a policy pays during [from, to]: 'any' when one amount applies to everyone. */
export function payableCategories(
  rule: string,
  parameters: readonly { name: string; effectiveFrom: string; effectiveTo: string | null }[],
  fromMonth: string,
  toMonth: string,
): Set<string> | 'any' | null {
  const first = `${fromMonth}-01`;
  const last = `${toMonth}-31`;
  const live = parameters.filter((p) => p.effectiveFrom <= last && (!p.effectiveTo || p.effectiveTo >= first)).map((p) => p.name);
  const suffixed = (prefix: string) => new Set(live.filter((n) => n.startsWith(`${prefix}.`)).map((n) => n.slice(prefix.length + 1)));
  switch (rule) {
    case 'fixed-by-category':
      return suffixed('muc_ho_tro');
    case 'top-up':
      return live.includes('nguong') ? 'any' : suffixed('nguong');
    case 'bhyt-share':
      return suffixed('bhyt_ho_tro');
    default:
      return null;
  }
}
