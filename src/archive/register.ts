/**
 * The sổ đăng ký văn bản đi (ND30 Đ16, Phụ lục IV §I), pure: its ten columns, and the columns a
 * register entry takes from the document's own Nơi nhận (ô 9b).
 */

/** The ten columns of the book, in order, as printed (1)…(10). */
export const REGISTER_HEADERS = [
  'Số, ký hiệu văn bản',
  'Ngày tháng văn bản',
  'Tên loại và trích yếu nội dung văn bản',
  'Người ký',
  'Nơi nhận văn bản',
  'Đơn vị, người nhận bản lưu',
  'Số lượng bản',
  'Ngày chuyển',
  'Ký nhận',
  'Ghi chú',
] as const;

export const REGISTER_TITLE = 'SỔ ĐĂNG KÝ VĂN BẢN ĐI';

export interface RecipientColumns {
  /** nơi nhận without the "- " and the closing ";"/".", the lưu line left out */
  recipients: string[];
  /** đơn vị lưu as printed after "Lưu:", e.g. "VT, KT" */
  archiveUnits: string;
  /** one copy per recipient line (per Kính gửi line for "Như trên"), per lưu unit or its "(n)" */
  copies: number;
}

const LUU = /^Lưu\s*:?\s*/u;

function clean(entry: string): string {
  return entry
    .normalize('NFC')
    .trim()
    .replace(/^[-–•]\s*/u, '')
    .replace(/[;.,]\s*$/u, '')
    .trim();
}

/** "VT, KT (2), HC" → 1 + 2 + 1 copies. */
function archiveCopies(units: string): number {
  if (!units) return 0;
  return units
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean)
    .reduce((sum, u) => sum + (/\((\d+)\)\s*$/.exec(u) ? Number(/\((\d+)\)\s*$/.exec(u)![1]) : 1), 0);
}

export function recipientColumns(printed: readonly string[], kinhGui: readonly string[] = []): RecipientColumns {
  const recipients: string[] = [];
  let archiveUnits = '';
  let copies = 0;
  for (const raw of printed) {
    const entry = clean(raw);
    if (!entry) continue;
    if (LUU.test(entry)) {
      archiveUnits = entry.replace(LUU, '').trim();
      copies += archiveCopies(archiveUnits);
      continue;
    }
    recipients.push(entry);
    // "Như trên" / "Như Điều 3" stand for the Kính gửi lines (or the addressees of an Điều)
    copies += /^Như trên/u.test(entry) && kinhGui.length > 0 ? kinhGui.length : 1;
  }
  return { recipients, archiveUnits, copies };
}

/** "2026-05-26" → "26/05/2026", as dates are written in the book. */
export function bookDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** "Tên loại và trích yếu": "Kế hoạch: Triển khai …"; a công văn's "V/v …" follows its tên loại. */
export function typeAndTitle(typeName: string, title: string): string {
  return `${typeName.normalize('NFC')}: ${title.normalize('NFC')}`;
}
