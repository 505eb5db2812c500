/**
 * The data rows of a beneficiary-list workbook → typed rows, each cell checked on its own (the
 * checks against the registry are in list-validation.ts). Pure. Every problem of every row is
 * collected; nothing stops at the first.
 */
import { parseViDate } from '../vi/nd30-date';
import { parseViNumber } from '../vi/vi-number';
import { foldForMatch } from '../vi/text-case';
import { cellText, columnLetter, type CellRead } from './cell-value';
import { columnName, type ColumnKey, type ColumnMap, type GridRow, type HeaderLayout } from './list-columns';
import { parseCategory, type PovertyCategory } from './poverty-categories';

export interface Birth {
  /** ISO date when the day is known */
  date?: string;
  year: number;
}

/** Facts kept for payment and never posted: health, phone, bank account, ethnicity, group. */
export interface SensitiveFacts {
  doi_tuong?: string;
  suc_khoe?: string;
  dien_thoai?: string;
  tai_khoan?: string;
  dan_toc?: string;
}

export interface ParsedRow {
  /** sheet row number */
  row: number;
  name?: string;
  birth?: Birth;
  gender?: 'nam' | 'nữ';
  idNumber?: string;
  /** as written; resolved against the agency's villages later */
  village?: string;
  householdCode?: string;
  head?: string;
  relation?: string;
  category?: PovertyCategory;
  allowance?: number;
  fromMonth?: string;
  toMonth?: string;
  note?: string;
  sensitive: SensitiveFacts;
}

/** One bad cell (or row): where, what was there, what is wrong. Messages are Vietnamese, for the clerk. */
export interface RowProblem {
  row: number;
  /** 1-based column; absent for a problem of the whole row */
  col?: number;
  /** the column's header as written */
  header?: string;
  /** the cell as the clerk sees it */
  value?: string;
  /** stable message key, e.g. "beneficiaries.id_number.digits" */
  key: string;
  message: string;
}

export function problemPath(p: Pick<RowProblem, 'row' | 'col' | 'header'>): string {
  return p.col ? `dòng ${p.row}, cột ${columnLetter(p.col)} (${p.header})` : `dòng ${p.row}`;
}

// Excel's day 0 is 30/12/1899 (the 1900 leap-year bug included)
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  return new Date(EXCEL_EPOCH_MS + Math.round(serial) * 86_400_000).toISOString().slice(0, 10);
}

/** "dd/mm/yyyy", "d-m-yyyy", "dd.mm.yyyy" → parseViDate's short form. */
function dateText(s: string): string {
  return s.replace(/\s*[-.]\s*/g, '/').replace(/\s*\/\s*/g, '/');
}

/**
 * Số định danh cá nhân: 12 digits, the first three the province of birth registration (001–096).
 * Excel drops the leading zeros of a number, so a numeric cell of 10–11 digits gets them back.
 */
export function parseIdNumber(c: CellRead): { id?: string; problem?: { key: string; message: string } } {
  let digits: string;
  if (c.kind === 'number') {
    if (!Number.isInteger(c.value) || c.value < 0) return { problem: { key: 'beneficiaries.id_number.digits', message: 'số định danh phải là 12 chữ số' } };
    digits = String(c.value);
    if (digits.length >= 10 && digits.length < 12) digits = digits.padStart(12, '0');
  } else if (c.kind === 'text') {
    digits = c.text.replace(/[\s.]/g, '').replace(/^'/, '');
  } else {
    return { problem: { key: 'beneficiaries.id_number.digits', message: 'số định danh phải là 12 chữ số' } };
  }
  if (!/^\d+$/.test(digits)) return { problem: { key: 'beneficiaries.id_number.digits', message: 'số định danh chỉ gồm chữ số' } };
  if (digits.length !== 12) return { problem: { key: 'beneficiaries.id_number.digits', message: `số định danh phải có 12 chữ số, ô này có ${digits.length}` } };
  const province = Number(digits.slice(0, 3));
  if (province < 1 || province > 96) {
    return { problem: { key: 'beneficiaries.id_number.province', message: `3 chữ số đầu (mã tỉnh nơi đăng ký khai sinh) phải từ 001 đến 096, ô này là ${digits.slice(0, 3)}` } };
  }
  return { id: digits };
}

/**
 * The birth year and sex a số định danh encodes (digit 4: 0/1 = nam/nữ born 1900–1999, 2/3 =
 * 2000–2099, …; digits 5–6: the last two digits of the year).
 */
export function idNumberBirth(id: string): { year: number; gender: 'nam' | 'nữ' } | null {
  if (!/^\d{12}$/.test(id)) return null;
  const code = Number(id[3]);
  if (code > 9) return null;
  const century = 1900 + Math.floor(code / 2) * 100;
  if (century > 2300) return null;
  return { year: century + Number(id.slice(4, 6)), gender: code % 2 === 0 ? 'nam' : 'nữ' };
}

export function parseBirth(c: CellRead): { birth?: Birth; problem?: { key: string; message: string } } {
  const bad = (key: string, message: string) => ({ problem: { key, message } });
  if (c.kind === 'date') return { birth: { date: c.iso, year: Number(c.iso.slice(0, 4)) } };
  if (c.kind === 'number') {
    if (Number.isInteger(c.value) && c.value >= 1800 && c.value <= 2200) return { birth: { year: c.value } };
    const iso = excelSerialToIso(c.value);
    return iso ? { birth: { date: iso, year: Number(iso.slice(0, 4)) } } : bad('beneficiaries.birth.unreadable', 'không đọc được ngày sinh');
  }
  if (c.kind !== 'text') return bad('beneficiaries.birth.unreadable', 'không đọc được ngày sinh');
  const s = dateText(c.text);
  if (/^\d{4}$/.test(s)) return { birth: { year: Number(s) } };
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (!m) return bad('beneficiaries.birth.format', 'ghi ngày sinh dạng dd/mm/yyyy (hoặc chỉ năm sinh yyyy)');
  const d = parseViDate(s);
  if (!d) return bad('beneficiaries.birth.invalid', `không có ngày ${m[1].padStart(2, '0')}/${m[2].padStart(2, '0')}/${m[3]}`);
  const iso = `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  return { birth: { date: iso, year: d.year } };
}

export function parseGender(c: CellRead): 'nam' | 'nữ' | null {
  if (c.kind !== 'text') return null;
  const f = foldForMatch(c.text);
  if (f === 'nam' || f === 'm' || f === 'male') return 'nam';
  if (f === 'nu' || f === 'f' || f === 'female') return 'nữ';
  return null;
}

/** "07/2026", "7/2026", "2026-07", an Excel date in that month → "2026-07". */
export function parseMonth(c: CellRead): string | null {
  if (c.kind === 'date') return c.iso.slice(0, 7);
  if (c.kind !== 'text') return null;
  const s = c.text.replace(/^tháng\s*/iu, '').trim();
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return `${m[2]}-${m[1].padStart(2, '0')}`;
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return s;
  return null;
}

/** Đồng per month: a whole number, written 700000 or "700.000". */
export function parseMoney(c: CellRead): number | null {
  if (c.kind === 'number') return Number.isSafeInteger(c.value) && c.value >= 0 ? c.value : null;
  if (c.kind !== 'text') return null;
  const n = parseViNumber(c.text.replace(/\s*(đồng|đ|vnđ|vnd)$/iu, ''));
  return n && n.decimals === 0 && n.scaled >= 0 ? n.scaled : null;
}

const TOTAL_ROW = /^(tong cong|cong|tong so|tong)\b/;

/** A "Tổng cộng" row or the signature lines under the table end it. */
function isTableEnd(row: GridRow): boolean {
  const first = row.cells.find((c) => c.kind === 'text');
  if (first && first.kind === 'text' && TOTAL_ROW.test(foldForMatch(first.text))) return true;
  return false;
}

function isBlank(row: GridRow): boolean {
  return row.cells.every((c) => c.kind === 'empty');
}

/**
 * A row is data when it has anything in the columns that identify a person; a row with text only in
 * other columns after a blank row is the footer ("Người lập biểu …") and ends the table.
 */
function identifies(cells: Map<ColumnKey, CellRead>): boolean {
  return (['name', 'birth', 'idNumber', 'village', 'householdCode', 'head'] as ColumnKey[]).some((k) => {
    const c = cells.get(k);
    return c !== undefined && c.kind !== 'empty';
  });
}

/** Every data row after the header, each cell read and checked on its own. */
export function parseRows(rows: readonly GridRow[], layout: HeaderLayout): { rows: ParsedRow[]; problems: RowProblem[] } {
  const out: ParsedRow[] = [];
  const problems: RowProblem[] = [];
  const single = new Map<ColumnKey, ColumnMap>();
  const births: ColumnMap[] = [];
  for (const c of layout.columns) {
    if (c.key === 'birth') births.push(c);
    else if (c.key !== 'computed' && !single.has(c.key)) single.set(c.key, c);
  }
  let sawBlank = false;
  for (let i = layout.firstData; i < rows.length; i++) {
    const gr = rows[i];
    if (isBlank(gr)) {
      sawBlank = true;
      continue;
    }
    const cells = new Map<ColumnKey, CellRead>();
    for (const [k, c] of single) cells.set(k, gr.cells[c.col - 1] ?? { kind: 'empty' });
    const birthCells = births.map((b) => ({ map: b, cell: gr.cells[b.col - 1] ?? ({ kind: 'empty' } as CellRead) }));
    const anyBirth = birthCells.some((b) => b.cell.kind !== 'empty');
    if (isTableEnd(gr)) break;
    if (!identifies(cells) && !anyBirth) {
      if (sawBlank) break;
      continue;
    }
    const r: ParsedRow = { row: gr.number, sensitive: {} };
    const problem = (key: ColumnKey, p: { key: string; message: string }, col?: ColumnMap, cell?: CellRead) => {
      const map = col ?? single.get(key);
      const c = cell ?? (map ? gr.cells[map.col - 1] : undefined);
      problems.push({ row: gr.number, ...(map ? { col: map.col, header: map.header } : {}), ...(c && c.kind !== 'empty' ? { value: cellText(c) } : {}), ...p });
    };
    /** the cell of a column as text, or a problem when it is a formula without a value or an error */
    const textOf = (key: ColumnKey): string | undefined => {
      const c = cells.get(key);
      if (!c || c.kind === 'empty') return undefined;
      if (c.kind === 'formula') {
        problem(key, { key: 'beneficiaries.cell.formula', message: 'ô có công thức nhưng chưa có giá trị: mở tệp bằng Excel, lưu lại rồi nhập lại' });
        return undefined;
      }
      if (c.kind === 'error') {
        problem(key, { key: 'beneficiaries.cell.error', message: `ô báo lỗi ${c.error}` });
        return undefined;
      }
      return cellText(c);
    };
    const cellOf = (key: ColumnKey, c: CellRead | undefined, col?: ColumnMap): CellRead | undefined => {
      if (!c || c.kind === 'empty') return undefined;
      if (c.kind === 'formula') {
        problem(key, { key: 'beneficiaries.cell.formula', message: 'ô có công thức nhưng chưa có giá trị: mở tệp bằng Excel, lưu lại rồi nhập lại' }, col, c);
        return undefined;
      }
      if (c.kind === 'error') {
        problem(key, { key: 'beneficiaries.cell.error', message: `ô báo lỗi ${c.error}` }, col, c);
        return undefined;
      }
      return c;
    };
    const required = (key: ColumnKey) => problem(key, { key: 'beneficiaries.cell.required', message: `thiếu ${columnName(key)}` });

    const name = textOf('name');
    if (name) r.name = name;
    else if (!cells.get('name') || cells.get('name')!.kind === 'empty') required('name');

    // birth: one column, or two split Nam | Nữ whose filled one gives the sex too
    const filledBirths = birthCells.filter((b) => b.cell.kind !== 'empty');
    if (filledBirths.length === 0) problem('birth', { key: 'beneficiaries.cell.required', message: `thiếu ${columnName('birth')}` }, births[0]);
    else if (filledBirths.length > 1) {
      problem('birth', { key: 'beneficiaries.birth.both_columns', message: 'ngày sinh ghi ở cả cột Nam và cột Nữ' }, filledBirths[1].map, filledBirths[1].cell);
    } else {
      const { map, cell } = filledBirths[0];
      const c = cellOf('birth', cell, map);
      if (c) {
        const b = parseBirth(c);
        if (b.problem) problem('birth', b.problem, map, c);
        else r.birth = b.birth;
      }
      if (map.gender) r.gender = map.gender;
    }

    const genderCell = cellOf('gender', cells.get('gender'));
    if (genderCell) {
      const g = parseGender(genderCell);
      if (!g) problem('gender', { key: 'beneficiaries.gender.invalid', message: 'giới tính ghi Nam hoặc Nữ' });
      else if (r.gender && r.gender !== g) problem('gender', { key: 'beneficiaries.gender.conflict', message: `giới tính ghi ${g} nhưng ngày sinh ở cột ${r.gender === 'nam' ? 'Nam' : 'Nữ'}` });
      else r.gender = g;
    }

    const idCell = cellOf('idNumber', cells.get('idNumber'));
    if (idCell) {
      const id = parseIdNumber(idCell);
      if (id.problem) problem('idNumber', id.problem);
      else r.idNumber = id.id;
    } else if (!cells.get('idNumber') || cells.get('idNumber')!.kind === 'empty') required('idNumber');

    const village = textOf('village');
    if (village) r.village = village;
    else if (!cells.get('village') || cells.get('village')!.kind === 'empty') required('village');

    const code = textOf('householdCode');
    if (code) r.householdCode = code;
    const head = textOf('head');
    if (head) r.head = head;
    if (!code && !head && [cells.get('householdCode'), cells.get('head')].every((c) => !c || c.kind === 'empty')) {
      problem(single.has('householdCode') ? 'householdCode' : 'head', { key: 'beneficiaries.cell.required', message: 'thiếu Mã hộ hoặc Chủ hộ' });
    }
    const relation = textOf('relation');
    if (relation) r.relation = relation;

    const category = textOf('category');
    if (category) {
      const cat = parseCategory(category);
      if (cat) r.category = cat;
      else problem('category', { key: 'beneficiaries.category.unknown', message: 'đối tượng phải là Hộ nghèo, Hộ cận nghèo, Hộ thoát nghèo, Hộ thoát cận nghèo hoặc Hộ có mức sống trung bình' });
    } else if (!cells.get('category') || cells.get('category')!.kind === 'empty') required('category');

    const allowanceCell = cellOf('allowance', cells.get('allowance'));
    if (allowanceCell) {
      const a = parseMoney(allowanceCell);
      if (a === null) problem('allowance', { key: 'beneficiaries.allowance.invalid', message: 'trợ cấp đang hưởng ghi số đồng/tháng, ví dụ 700.000' });
      else r.allowance = a;
    }
    for (const key of ['fromMonth', 'toMonth'] as const) {
      const c = cellOf(key, cells.get(key));
      if (!c) continue;
      const m = parseMonth(c);
      if (!m) problem(key, { key: 'beneficiaries.month.invalid', message: 'ghi tháng dạng mm/yyyy, ví dụ 07/2026' });
      else r[key] = m;
    }
    const note = textOf('note');
    if (note) r.note = note;
    const facts: [ColumnKey, keyof SensitiveFacts][] = [
      ['group', 'doi_tuong'],
      ['health', 'suc_khoe'],
      ['phone', 'dien_thoai'],
      ['bank', 'tai_khoan'],
      ['ethnicity', 'dan_toc'],
    ];
    for (const [key, attr] of facts) {
      const v = textOf(key);
      if (v) r.sensitive[attr] = v;
    }
    out.push(r);
    sawBlank = false;
  }
  return { rows: out, problems };
}
