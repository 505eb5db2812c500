import { findNumbers, type NumberToken, type ParsedNumber } from './numbers';
import { matchAnyAt, matchWordsAt, skipSpaces } from './words';

export type Unit =
  | 'hộ'
  | 'người'
  | 'khẩu'
  | 'lao động'
  | '%'
  | 'đồng'
  | 'thôn'
  | 'tổ dân phố'
  | 'xã'
  | 'thành viên'
  | 'trường hợp'
  | 'đối tượng';

export interface Quantity {
  /** the number as written */
  number: NumberToken;
  unit: Unit;
  /** the value in the unit's base (money in đồng): exact scaled integer */
  base: ParsedNumber;
  /** offset of the first char of the number and after the unit (and its "/năm" rate) */
  start: number;
  end: number;
  /** "năm" for "73 người/năm" */
  per?: string;
  /** for hộ: "nghèo", "cận nghèo", "thoát nghèo" … */
  category?: string;
  /** part of a range "150 đến 180 lao động" or approximate ("khoảng", "trên", "hơn") */
  approximate: boolean;
}

const UNIT_FORMS: readonly { form: string; unit: Unit; scale: bigint }[] = [
  { form: 'tỷ đồng', unit: 'đồng', scale: 1_000_000_000n },
  { form: 'tỉ đồng', unit: 'đồng', scale: 1_000_000_000n },
  { form: 'triệu đồng', unit: 'đồng', scale: 1_000_000n },
  { form: 'nghìn đồng', unit: 'đồng', scale: 1_000n },
  { form: 'ngàn đồng', unit: 'đồng', scale: 1_000n },
  { form: 'đồng', unit: 'đồng', scale: 1n },
  { form: 'VNĐ', unit: 'đồng', scale: 1n },
  { form: 'VND', unit: 'đồng', scale: 1n },
  { form: 'tỷ', unit: 'đồng', scale: 1_000_000_000n },
  { form: 'tỉ', unit: 'đồng', scale: 1_000_000_000n },
  { form: 'triệu', unit: 'đồng', scale: 1_000_000n },
  { form: 'điểm phần trăm', unit: '%', scale: 1n },
  { form: 'phần trăm', unit: '%', scale: 1n },
  { form: 'nhân khẩu', unit: 'khẩu', scale: 1n },
  { form: 'khẩu', unit: 'khẩu', scale: 1n },
  { form: 'hộ', unit: 'hộ', scale: 1n },
  { form: 'người', unit: 'người', scale: 1n },
  { form: 'lao động', unit: 'lao động', scale: 1n },
  { form: 'tổ dân phố', unit: 'tổ dân phố', scale: 1n },
  { form: 'TDP', unit: 'tổ dân phố', scale: 1n },
  { form: 'thôn', unit: 'thôn', scale: 1n },
  { form: 'xã', unit: 'xã', scale: 1n },
  { form: 'thành viên', unit: 'thành viên', scale: 1n },
  { form: 'trường hợp', unit: 'trường hợp', scale: 1n },
  { form: 'đối tượng', unit: 'đối tượng', scale: 1n },
];
const FORM_LIST = UNIT_FORMS.map((u) => u.form);

const CATEGORIES = ['mới thoát nghèo', 'thoát cận nghèo', 'thoát nghèo', 'cận nghèo', 'nghèo', 'có mức sống trung bình'];

const APPROX_BEFORE = /(?:^|\s)(?:khoang|gan|tren|hon|duoi|toi thieu|it nhat|toi da|xap xi|khong qua|uoc)\s*$/;

/** Unit right after a number (spaces allowed), money "đ" only when written with đ. */
export function unitAt(
  text: string,
  folded: string,
  pos: number,
): { unit: Unit; scale: bigint; end: number } | null {
  const p = skipSpaces(text, pos);
  if (text[p] === '%') return { unit: '%', scale: 1n, end: p + 1 };
  // "0,7 điểm %" (percentage points)
  const pts = /^điểm\s*%/iu.exec(text.slice(p, p + 8)) ?? /^diem\s*%/.exec(folded.slice(p, p + 8));
  if (pts) return { unit: '%', scale: 1n, end: p + pts[0].length };
  if ((text[p] === 'đ' || text[p] === 'Đ') && !/[\p{L}\p{N}]/u.test(text[p + 1] ?? '')) {
    return { unit: 'đồng', scale: 1n, end: p + 1 };
  }
  const m = matchAnyAt(text, folded, p, FORM_LIST);
  if (!m) return null;
  const u = UNIT_FORMS.find((f) => f.form === m.form);
  return u ? { unit: u.unit, scale: u.scale, end: m.end } : null;
}

function scaleNumber(n: ParsedNumber, scale: bigint): ParsedNumber {
  if (scale === 1n) return { value: n.value, decimals: n.decimals, scaled: n.scaled };
  const scaled = n.scaled * scale;
  return { value: Number(scaled) / 10 ** n.decimals, decimals: n.decimals, scaled };
}

export function findQuantities(text: string, folded: string, numbers: NumberToken[] = findNumbers(text)): Quantity[] {
  const out: Quantity[] = [];
  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i];
    const u = unitAt(text, folded, n.end);
    if (!u) continue;
    let end = u.end;
    let per: string | undefined;
    const rate = /^\s*\/\s*(năm|nam|tháng|thang|người|nguoi|hộ|ho|khẩu|khau|ngày|ngay)(?![\p{L}])/iu.exec(text.slice(end, end + 12));
    if (rate) {
      per = rate[1].toLowerCase();
      end += rate[0].length;
    }
    let category: string | undefined;
    if (u.unit === 'hộ') {
      const after = skipSpaces(text, u.end);
      const c = matchAnyAt(text, folded, after, CATEGORIES);
      if (c) category = c.form;
    }
    const before = folded.slice(Math.max(0, n.start - 14), n.start);
    // "150 đến 180 lao động": the second number ends a range
    const prev = numbers[i - 1];
    const rangeEnd = prev !== undefined && /^\s*(?:-|den|toi)\s*$/.test(folded.slice(prev.end, n.start));
    out.push({
      number: n,
      unit: u.unit,
      base: scaleNumber(n, u.scale),
      start: n.start,
      end,
      ...(per ? { per } : {}),
      ...(category ? { category } : {}),
      approximate: APPROX_BEFORE.test(before) || rangeEnd,
    });
  }
  return out;
}

/** Is there a number followed by `unit` words right at `pos`? (used for "số hộ: 12") */
export function unitWordsAt(text: string, folded: string, pos: number, unit: string): boolean {
  return matchWordsAt(text, folded, pos, unit) >= 0;
}
