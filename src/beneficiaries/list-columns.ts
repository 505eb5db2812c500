/**
 * The columns of a beneficiary-list workbook and where its header is. Pure.
 *
 * Clerks' workbooks differ: title lines above the header, the header over two rows ("Ngày sinh"
 * merged over "Nam | Nữ", the other headers merged down both rows), a row of column numbers
 * "(1) (2) …" under it, headers with or without diacritics, in any order, with units in brackets.
 * Headers are matched on `foldForMatch` with brackets and punctuation removed.
 */
import { foldForMatch } from '../vi/text-case';
import { cellText, type CellRead } from './cell-value';

export type ColumnKey =
  | 'stt'
  | 'name'
  | 'birth'
  | 'gender'
  | 'idNumber'
  | 'village'
  | 'householdCode'
  | 'head'
  | 'relation'
  | 'category'
  | 'group'
  | 'allowance'
  | 'fromMonth'
  | 'toMonth'
  | 'note'
  | 'health'
  | 'phone'
  | 'bank'
  | 'ethnicity'
  /** computed by the registry (Mức hỗ trợ, Số tháng, Thành tiền): read past, never trusted */
  | 'computed';

/** The header each column gets in an exported workbook (the import layout). */
export const COLUMN_HEADERS: Readonly<Record<Exclude<ColumnKey, 'computed'>, string>> = {
  stt: 'STT',
  name: 'Họ và tên',
  birth: 'Ngày sinh',
  gender: 'Giới tính',
  idNumber: 'Số định danh cá nhân',
  village: 'Thôn, tổ dân phố',
  householdCode: 'Mã hộ',
  head: 'Chủ hộ',
  relation: 'Quan hệ với chủ hộ',
  category: 'Đối tượng',
  group: 'Nhóm đối tượng',
  allowance: 'Trợ cấp đang hưởng (đồng/tháng)',
  fromMonth: 'Từ tháng',
  toMonth: 'Đến tháng',
  note: 'Ghi chú',
  health: 'Tình trạng sức khỏe, khuyết tật',
  phone: 'Số điện thoại',
  bank: 'Số tài khoản',
  ethnicity: 'Dân tộc',
};

/** Vietnamese names of the columns, for messages ("thiếu cột Số định danh"). */
export function columnName(key: ColumnKey): string {
  return key === 'computed' ? 'cột tính toán' : COLUMN_HEADERS[key].replace(/ \(.*\)$/, '');
}

/** Folded header → column, exact. Order of the alias lists does not matter. */
const ALIASES: Readonly<Record<ColumnKey, readonly string[]>> = {
  stt: ['stt', 'tt', 'so tt', 'so thu tu', 'thu tu'],
  name: ['ho va ten', 'ho ten', 'ho va ten nguoi duoc ho tro', 'ho va ten doi tuong', 'ho va ten thanh vien', 'ten', 'ho ten doi tuong', 'ho va ten nguoi thu huong'],
  birth: ['ngay sinh', 'ngay thang nam sinh', 'nam sinh', 'ngay sinh nam sinh', 'ngay thang sinh', 'sinh ngay', 'ns'],
  gender: ['gioi tinh', 'gioi', 'nam nu', 'gioi tinh nam nu'],
  idNumber: [
    'so dinh danh',
    'so dinh danh ca nhan',
    'ma dinh danh',
    'ma so dinh danh',
    'cccd',
    'so cccd',
    'can cuoc cong dan',
    'so can cuoc cong dan',
    'so can cuoc',
    'can cuoc',
    'so cccd cmnd',
    'cccd cmnd',
    'so cmnd cccd',
    'cmnd',
    'so cmnd',
    'so dinh danh cccd',
    'so cccd so dinh danh',
  ],
  village: ['thon', 'to dan pho', 'thon to dan pho', 'thon to', 'tdp', 'thon xom', 'thon khu pho', 'khu pho', 'thon tdp', 'noi cu tru', 'dia chi', 'dia chi thon to dan pho'],
  householdCode: ['ma ho', 'ma so ho', 'ma ho gia dinh', 'ma so ho gia dinh'],
  head: ['chu ho', 'ho va ten chu ho', 'ten chu ho', 'ho ten chu ho'],
  relation: ['quan he voi chu ho', 'quan he', 'quan he chu ho'],
  category: ['doi tuong', 'phan loai ho', 'loai ho', 'dien', 'dien ho', 'doi tuong ho tro', 'thuoc ho', 'dien doi tuong'],
  group: ['nhom doi tuong', 'nhom', 'doi tuong thu huong', 'nhom thu huong'],
  allowance: ['tro cap dang huong', 'muc tro cap dang huong', 'tro cap hien huong', 'cac khoan tro cap dang huong', 'tro cap'],
  fromMonth: ['tu thang', 'thang bat dau', 'thoi gian bat dau huong', 'bat dau tu thang', 'huong tu thang'],
  toMonth: ['den thang', 'thang ket thuc', 'thoi gian ket thuc'],
  note: ['ghi chu'],
  health: ['tinh trang suc khoe', 'tinh trang suc khoe khuyet tat', 'dang tat', 'dang khuyet tat', 'muc do khuyet tat', 'benh', 'tinh trang benh', 'khuyet tat'],
  phone: ['so dien thoai', 'dien thoai', 'sdt', 'so dt'],
  bank: ['so tai khoan', 'tai khoan', 'tai khoan ngan hang', 'stk', 'so tai khoan ngan hang'],
  ethnicity: ['dan toc'],
  computed: ['muc ho tro', 'so thang', 'thanh tien', 'so tien', 'kinh phi', 'so tien ho tro', 'muc ho tro thang', 'tong so tien'],
};

const BY_ALIAS: ReadonlyMap<string, ColumnKey> = new Map(
  (Object.entries(ALIASES) as [ColumnKey, readonly string[]][]).flatMap(([key, names]) => names.map((n) => [n, key] as const)),
);

/** "Ngày, tháng, năm sinh (dd/mm/yyyy)" → "ngay thang nam sinh". */
export function headerKeyText(header: string): string {
  return foldForMatch(header)
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[,;:./\\\-–*_+&]/g, ' ')
    .replace(/\bva\b(?= (to|khu|xom|tdp))/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function matchColumn(header: string): ColumnKey | null {
  return BY_ALIAS.get(headerKeyText(header)) ?? null;
}

/** "Nam" / "Nữ" under a merged "Ngày sinh": the column says the gender too. */
function genderLabel(header: string): 'nam' | 'nữ' | null {
  const f = headerKeyText(header);
  return f === 'nam' ? 'nam' : f === 'nu' ? 'nữ' : null;
}

export interface GridRow {
  /** the row number in the sheet, 1-based (what the clerk sees) */
  number: number;
  /** cells[0] is column A; merged cells already carry their merge's value */
  cells: CellRead[];
}

export interface ColumnMap {
  /** 1-based */
  col: number;
  key: ColumnKey;
  /** as written (both header rows joined by " / " when there are two) */
  header: string;
  /** a birth column split by gender (Ngày sinh: Nam | Nữ) */
  gender?: 'nam' | 'nữ';
}

export interface HeaderLayout {
  /** sheet row numbers of the header (one or two) */
  headerRows: number[];
  /** index into the grid's rows of the first row after the header (and its column-number row) */
  firstData: number;
  columns: ColumnMap[];
  /** columns the importer does not read, as written */
  ignored: { col: number; header: string }[];
}

export interface HeaderProblem {
  key: string;
  message: string;
  /** sheet row of the header, when one was found */
  row?: number;
  col?: number;
}

const SCAN_ROWS = 30;

const text = (c: CellRead | undefined): string => (c && c.kind !== 'empty' ? cellText(c) : '');

function keysOf(row: GridRow): Set<ColumnKey> {
  const keys = new Set<ColumnKey>();
  for (const c of row.cells) {
    const k = matchColumn(text(c));
    if (k && k !== 'computed') keys.add(k);
  }
  return keys;
}

/** "(1) (2) (3)" or "1 2 3 …" under the header, as printed forms number their columns. */
function isColumnNumberRow(row: GridRow): boolean {
  const filled = row.cells.filter((c) => c.kind !== 'empty');
  return filled.length >= 3 && filled.every((c) => /^\(?\s*\d{1,2}\s*\)?$/.test(text(c)) || /^\(?\s*\d{1,2}\s*[=x*+-]/.test(text(c)));
}

/** Row r+1 is the second header row when it holds only sub-labels and repeats of the merged cells above. */
function isSubHeader(top: GridRow, sub: GridRow | undefined): boolean {
  if (!sub) return false;
  let labels = 0;
  for (let i = 0; i < Math.max(top.cells.length, sub.cells.length); i++) {
    const s = text(sub.cells[i]);
    if (!s) continue;
    if (s === text(top.cells[i])) continue;
    if (genderLabel(s) || matchColumn(s)) {
      labels++;
      continue;
    }
    return false;
  }
  return labels > 0;
}

/**
 * Finds the header: the row among the first 30 with the most distinct known columns (at least
 * "Họ và tên" and two more), then a second header row under it, then a column-number row.
 */
export function findHeader(rows: readonly GridRow[]): { layout?: HeaderLayout; problems: HeaderProblem[] } {
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < Math.min(rows.length, SCAN_ROWS); i++) {
    const keys = keysOf(rows[i]);
    if (!keys.has('name') || keys.size < 3) continue;
    if (keys.size > bestScore) {
      best = i;
      bestScore = keys.size;
    }
  }
  if (best < 0) {
    return {
      problems: [
        {
          key: 'beneficiaries.header.not_found',
          message: `không tìm thấy dòng tiêu đề trong ${SCAN_ROWS} dòng đầu: cần các cột Họ và tên, Ngày sinh, Số định danh, Thôn, Đối tượng, Mã hộ hoặc Chủ hộ`,
        },
      ],
    };
  }
  const top = rows[best];
  const sub = isSubHeader(top, rows[best + 1]) ? rows[best + 1] : undefined;
  const width = Math.max(top.cells.length, sub?.cells.length ?? 0);
  const columns: ColumnMap[] = [];
  const ignored: HeaderLayout['ignored'] = [];
  const problems: HeaderProblem[] = [];
  for (let i = 0; i < width; i++) {
    const t = text(top.cells[i]);
    const s = sub ? text(sub.cells[i]) : '';
    const below = s && s !== t ? s : '';
    const header = below ? (t ? `${t} / ${below}` : below) : t;
    if (!header) continue;
    const topKey = matchColumn(t);
    const gender = below ? genderLabel(below) : null;
    let key: ColumnKey | null;
    if (gender && topKey === 'birth') key = 'birth';
    else key = (below ? matchColumn(below) : null) ?? topKey;
    if (!key) ignored.push({ col: i + 1, header });
    else columns.push({ col: i + 1, key, header, ...(gender && key === 'birth' ? { gender } : {}) });
  }
  // one column per key, but for a birth date split Nam | Nữ
  const seen = new Map<ColumnKey, ColumnMap>();
  for (const c of columns) {
    if (c.key === 'computed') continue;
    const first = seen.get(c.key);
    if (first && !(c.key === 'birth' && first.gender && c.gender && first.gender !== c.gender)) {
      problems.push({
        key: 'beneficiaries.header.duplicate',
        message: `hai cột cùng là ${columnName(c.key)}: "${first.header}" và "${c.header}"`,
        row: top.number,
        col: c.col,
      });
    } else if (!first) seen.set(c.key, c);
  }
  const has = (k: ColumnKey) => columns.some((c) => c.key === k);
  const required: ColumnKey[] = ['name', 'birth', 'idNumber', 'village', 'category'];
  for (const k of required) {
    if (!has(k)) problems.push({ key: 'beneficiaries.header.missing', message: `thiếu cột ${columnName(k)}`, row: top.number });
  }
  if (!has('householdCode') && !has('head')) problems.push({ key: 'beneficiaries.header.missing', message: 'thiếu cột Mã hộ hoặc Chủ hộ', row: top.number });
  let firstData = best + (sub ? 2 : 1);
  if (rows[firstData] && isColumnNumberRow(rows[firstData])) firstData++;
  return {
    layout: { headerRows: sub ? [top.number, sub.number] : [top.number], firstData, columns, ignored },
    problems,
  };
}
