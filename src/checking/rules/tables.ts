import { findQuantities, type Unit } from '../recognise/quantities';
import { formatScaled, parseNumberToken, roundHalfUpScaled, type ParsedNumber } from '../recognise/numbers';
import { fold } from '../text/fold';
import type { ExtractedTable, Finding, TableRow } from '../types';
import { finding, type Rule } from './finding';

/**
 * Tables: a column against its total row ("Tổng cộng", "Cộng", "Toàn xã"), group rows (STT I, II, A,
 * B) against their members, a percentage column against the formula most rows follow, and a count
 * written in the total row ("Tổng cộng: 12 hộ") against the rows of the list.
 */

type CellValue = ParsedNumber | 'empty' | null;

export function cellNumber(cell: string): CellValue {
  const t = cell.trim();
  if (t === '' || /^[-–—]$/.test(t)) return 'empty';
  const m = /^([\d.,]+)\s*(?:%|đ|đồng|hộ|người|khẩu)?$/u.exec(t);
  return m ? parseNumberToken(m[1]) : null;
}

const STT = /^(stt|tt|so tt|so thu tu)$/;
// the whole label: "Tổng cộng", "Cộng", "Tổng số", "Toàn xã", optionally "Tổng cộng: 5 hộ"
const TOTAL = /^(tong cong|tong so|tong|cong|toan (?:xa|phuong|huyen|thi tran|dac khu|tinh|thanh pho))\s*(?::.*|\d.*)?$/;
// a row of column numbers under the header: "(1) | (2) | (3)", "A | B | 1 | 2", "(6)=(4)x(5)"
const INDEX_CELL = /^\(?(?:\d{1,2}|[A-Z])\)?(?:\s*=\s*[\d()A-Z\sx×*+/-]+)?$/;
const GROUP = /^([IVXLC]+|[A-Z])\.?$/;
const NOT_SUMMED = /nam sinh|ngay sinh|\bma\b|cccd|cmnd|dien thoai|dinh danh|ghi chu|^nam$|stt|^tt$|so tt|muc ho tro|don gia|muc chuan|luong co so/;
const PERCENT_HEADER = /%|ty le/;

export type RowKind = 'data' | 'group' | 'total' | 'index';

export interface TableShape {
  table: ExtractedTable;
  stt: number;
  kinds: RowKind[];
  numeric: number[];
  percent: number[];
  values: CellValue[][];
}

export function shapeOf(table: ExtractedTable): TableShape {
  const width = Math.max(table.header.length, ...table.rows.map((r) => r.cells.length));
  const headers = Array.from({ length: width }, (_, i) => fold(table.header[i] ?? '').trim());
  const stt = headers.findIndex((h) => STT.test(h));
  const kinds: RowKind[] = table.rows.map((r, i) => {
    const nonEmpty = r.cells.map((c) => c.trim()).filter((c) => c !== '');
    if (i === 0 && nonEmpty.length >= 3 && nonEmpty.every((c) => INDEX_CELL.test(c))) return 'index';
    const firstCells = r.cells.slice(0, 3).map((c) => fold(c).trim());
    if (firstCells.some((c) => TOTAL.test(c))) return 'total';
    const sttCell = (r.cells[stt >= 0 ? stt : 0] ?? '').trim();
    if (GROUP.test(sttCell)) return 'group';
    return 'data';
  });
  const values = table.rows.map((r) => Array.from({ length: width }, (_, i) => cellNumber(r.cells[i] ?? '')));
  const numeric: number[] = [];
  const percent: number[] = [];
  for (let c = 0; c < width; c++) {
    if (c === stt) continue;
    const dataVals = values.filter((_, i) => kinds[i] === 'data').map((v) => v[c]);
    if (dataVals.length === 0 || dataVals.some((v) => v === null)) continue;
    if (dataVals.every((v) => v === 'empty')) continue;
    const cellsHavePercent = table.rows.some((r) => /%\s*$/.test(r.cells[c] ?? ''));
    if (PERCENT_HEADER.test(headers[c]) || cellsHavePercent) {
      if (!/tang|giam/.test(headers[c])) percent.push(c);
      continue;
    }
    if (NOT_SUMMED.test(headers[c])) continue;
    numeric.push(c);
  }
  return { table, stt, kinds, numeric, percent, values };
}

function add(a: ParsedNumber, b: ParsedNumber): ParsedNumber {
  const d = Math.max(a.decimals, b.decimals);
  const scaled = a.scaled * 10n ** BigInt(d - a.decimals) + b.scaled * 10n ** BigInt(d - b.decimals);
  return { scaled, decimals: d, value: Number(scaled) / 10 ** d };
}

const ZERO: ParsedNumber = { scaled: 0n, decimals: 0, value: 0 };

function eq(a: ParsedNumber, b: ParsedNumber): boolean {
  const d = Math.max(a.decimals, b.decimals);
  return a.scaled * 10n ** BigInt(d - a.decimals) === b.scaled * 10n ** BigInt(d - b.decimals);
}

function num(v: CellValue): ParsedNumber {
  return v === null || v === 'empty' ? ZERO : v;
}

function excerptOfRow(r: TableRow): string {
  const s = '| ' + r.cells.join(' | ') + ' |';
  return s.length > 160 ? s.slice(0, 159) + '…' : s;
}

/**
 * Sums of a data-row range, three ways: every data row; only rows with an STT ("Trong đó: vốn
 * NSTW" sub-rows have none); only top-level STT ("1" but not "1.1"). A total that equals any of
 * them is right; one that equals none is reported against the first.
 */
class Sums {
  all = ZERO;
  numbered = ZERO;
  top = ZERO;
  rows = 0;
  add(v: CellValue, stt: string): void {
    if (v === null || v === 'empty') return;
    this.rows++;
    this.all = add(this.all, v);
    if (stt !== '') this.numbered = add(this.numbered, v);
    if (/^\d+\.?$/.test(stt)) this.top = add(this.top, v);
  }
  candidates(hasStt: boolean): ParsedNumber[] {
    return hasStt ? [this.all, this.numbered, this.top] : [this.all];
  }
  /** what the total should be: the top-level rows of a numbered table */
  expected(hasStt: boolean): ParsedNumber {
    return hasStt ? this.top : this.all;
  }
}

function sumRules(s: TableShape): Finding[] {
  const out: Finding[] = [];
  const { table, kinds, values } = s;
  const sttOf = (r: number) => (s.stt >= 0 ? (table.rows[r].cells[s.stt] ?? '').trim() : '');
  const hasStt = s.stt >= 0 && table.rows.some((_, r) => kinds[r] === 'data' && sttOf(r) !== '');
  for (const c of s.numeric) {
    const header = table.header[c] ?? `cột ${c + 1}`;
    let segment = new Sums();
    const allData = new Sums();
    let groups = ZERO;
    let previousTotals = ZERO;
    let sawGroups = false;
    let sawTotals = false;
    let groupIndex = -1;
    let group = new Sums();
    const closeGroup = () => {
      if (groupIndex >= 0 && group.rows > 0) {
        const gv = values[groupIndex][c];
        if (gv !== null && gv !== 'empty' && !group.candidates(hasStt).some((x) => eq(x, gv))) {
          const row = table.rows[groupIndex];
          out.push(
            finding('sum.mismatch', `Dòng nhóm "${row.cells.slice(0, 2).join(' ').trim()}", cột "${header}": các dòng cộng lại ${fmt(group.expected(hasStt))}, ghi ${fmt(gv)}`, row.line, excerptOfRow(row), {
              expected: fmt(group.expected(hasStt)),
              actual: fmt(gv),
            }),
          );
        }
      }
      groupIndex = -1;
      group = new Sums();
    };
    for (let r = 0; r < table.rows.length; r++) {
      const v = values[r][c];
      if (kinds[r] === 'data') {
        segment.add(v, sttOf(r));
        allData.add(v, sttOf(r));
        group.add(v, sttOf(r));
      } else if (kinds[r] === 'group') {
        closeGroup();
        groupIndex = r;
        groups = add(groups, num(v));
        sawGroups = true;
      } else if (kinds[r] === 'total') {
        closeGroup();
        if (v !== null && v !== 'empty' && allData.rows > 0) {
          const candidates = [
            ...segment.candidates(hasStt),
            ...allData.candidates(hasStt),
            ...(sawGroups ? [groups] : []),
            ...(sawTotals ? [previousTotals] : []),
          ];
          if (!candidates.some((x) => eq(x, v))) {
            const expected = segment.rows > 0 ? segment.expected(hasStt) : allData.expected(hasStt);
            out.push(
              finding('sum.mismatch', `Cột "${header}": các dòng cộng lại ${fmt(expected)}, dòng tổng ghi ${fmt(v)}`, table.rows[r].line, excerptOfRow(table.rows[r]), {
                expected: fmt(expected),
                actual: fmt(v),
              }),
            );
          }
          previousTotals = add(previousTotals, v);
          sawTotals = true;
        }
        segment = new Sums();
      }
    }
    closeGroup();
  }
  return out;
}

function fmt(n: ParsedNumber): string {
  return formatScaled(n.scaled, n.decimals);
}

function percentRules(s: TableShape): Finding[] {
  const out: Finding[] = [];
  const { table, values, kinds } = s;
  const totalRow = kinds.lastIndexOf('total');
  for (const p of s.percent) {
    const left = s.numeric.filter((c) => c < p);
    const a = left[left.length - 1];
    if (a === undefined) continue;
    const b = left[left.length - 2];
    type Formula = (r: number) => ParsedNumber | null;
    const formulas: Formula[] = [];
    if (b !== undefined) formulas.push((r) => ratio(values[r][a], values[r][b]));
    if (totalRow >= 0) formulas.push((r) => ratio(values[r][a], values[totalRow][a]));
    const rows = table.rows.map((_, r) => r).filter((r) => {
      const v = values[r][p];
      return v !== null && v !== 'empty';
    });
    let best: { f: Formula; ok: number; bad: number[] } | null = null;
    for (const f of formulas) {
      let ok = 0;
      const bad: number[] = [];
      for (const r of rows) {
        const stated = values[r][p] as ParsedNumber;
        const pct = f(r);
        if (!pct) continue;
        const rounded = roundAt(pct, stated.decimals);
        if (rounded === stated.scaled) ok++;
        else bad.push(r);
      }
      if (!best || ok > best.ok) best = { f, ok, bad };
    }
    if (!best || best.ok < 2 || best.ok < best.bad.length) continue;
    for (const r of best.bad) {
      const stated = values[r][p] as ParsedNumber;
      const pct = best.f(r) as ParsedNumber;
      const rounded = roundAt(pct, stated.decimals);
      out.push(
        finding('percent.mismatch', `Cột "${table.header[p] ?? ''}": tỷ lệ đúng là ${formatScaled(rounded, stated.decimals)}%, ghi ${fmt(stated)}%`, table.rows[r].line, excerptOfRow(table.rows[r]), {
          expected: `${formatScaled(rounded, stated.decimals)}%`,
          actual: `${fmt(stated)}%`,
        }),
      );
    }
  }
  return out;
}

/** part/base as an exact fraction carried in a ParsedNumber-like pair (scaled = part, value = base). */
interface Fraction extends ParsedNumber {
  den: bigint;
}
function ratio(part: CellValue, base: CellValue): Fraction | null {
  if (part === null || part === 'empty' || base === null || base === 'empty' || base.scaled === 0n) return null;
  const d = Math.max(part.decimals, base.decimals);
  const pn = part.scaled * 10n ** BigInt(d - part.decimals);
  const bn = base.scaled * 10n ** BigInt(d - base.decimals);
  return { scaled: pn * 100n, decimals: 0, value: 0, den: bn };
}
function roundAt(f: ParsedNumber, decimals: number): bigint {
  return roundHalfUpScaled(f.scaled, (f as Fraction).den, decimals);
}

const ENTITY_HEADERS: Partial<Record<Unit, RegExp>> = {
  'hộ': /chu ho|ho gia dinh|ten ho|ho va ten|ho ten/,
  'người': /ho va ten|ho ten|\bten\b/,
  'thành viên': /ho va ten|ho ten|\bten\b/,
  'đối tượng': /ho va ten|ho ten|\bten\b/,
  'lao động': /ho va ten|ho ten|\bten\b/,
  'thôn': /thon|don vi/,
  'tổ dân phố': /to dan pho|tdp|\bto\b|don vi/,
  'xã': /\bxa\b|phuong|don vi/,
};

/** What the table says about "N <unit>": the sum of a "Số <unit>" column, or its number of rows. */
export function tableCount(s: TableShape, unit: Unit): { value: bigint; how: string } | null {
  const headers = s.table.header.map((h) => fold(h).trim());
  const fu = fold(unit);
  const col = s.numeric.find((c) => headers[c] === fu || headers[c].startsWith(`so ${fu}`) || headers[c].includes(`tong so ${fu}`));
  const sttOf = (r: number) => (s.stt >= 0 ? (s.table.rows[r].cells[s.stt] ?? '').trim() : '');
  let dataRows = s.kinds.map((k, i) => (k === 'data' ? i : -1)).filter((i) => i >= 0);
  // "Trong đó" sub-rows carry no STT; a numbered list counts its numbered rows
  if (dataRows.some((r) => sttOf(r) !== '')) dataRows = dataRows.filter((r) => sttOf(r) !== '');
  if (col !== undefined) {
    let sum = 0n;
    for (const r of dataRows) {
      const v = s.values[r][col];
      if (v === null || v === 'empty') continue;
      if (v.decimals !== 0) return null;
      sum += v.scaled;
    }
    return { value: sum, how: `cột "${s.table.header[col]}"` };
  }
  const entity = ENTITY_HEADERS[unit];
  if (entity && headers.some((h, i) => i !== s.stt && entity.test(h))) {
    return { value: BigInt(dataRows.length), how: 'số dòng của danh sách' };
  }
  return null;
}

function totalRowCount(s: TableShape): Finding[] {
  const out: Finding[] = [];
  s.kinds.forEach((k, r) => {
    if (k !== 'total') return;
    const row = s.table.rows[r];
    for (const cell of row.cells.slice(0, 3)) {
      const f = fold(cell);
      if (!TOTAL.test(f.trim())) continue;
      const q = findQuantities(cell, f).find((x) => x.unit !== '%' && x.unit !== 'đồng' && x.base.decimals === 0);
      if (!q) continue;
      const tc = tableCount(s, q.unit);
      if (tc && tc.value !== q.base.scaled) {
        out.push(
          finding('count.mismatch', `Dòng tổng ghi ${q.number.raw} ${q.unit}, ${tc.how} là ${tc.value}`, row.line, excerptOfRow(row), {
            expected: `${tc.value} ${q.unit}`,
            actual: `${q.number.raw} ${q.unit}`,
          }),
        );
      }
    }
  });
  return out;
}

export const tableRules: Rule = ({ analysis }) => {
  const out: Finding[] = [];
  for (const t of analysis.doc.tables) {
    const s = shapeOf(t);
    out.push(...sumRules(s), ...percentRules(s), ...totalRowCount(s));
  }
  return out;
};
