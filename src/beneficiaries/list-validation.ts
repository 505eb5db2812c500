/**
 * The rows of a list checked against the registry and against each other: the village exists in
 * the agency, the category exists in the period and the policy pays it, the birth date is
 * plausible, nobody is twice in the list nor in another active list of the same policy whose
 * months overlap, and the rows of one household agree with each other and with the registry.
 * Pure: the service loads the context, this decides. Every problem is collected.
 */
import { foldForMatch } from '../vi/text-case';
import type { ColumnKey, ColumnMap } from './list-columns';
import { idNumberBirth, type ParsedRow, type RowProblem } from './list-rows';
import { categoryLabel, type PovertyCategory } from './poverty-categories';

export interface ValidationContext {
  /** the list's poverty-standard period: "2026-2030" */
  period: string;
  fromMonth: string;
  toMonth: string;
  villages: { code: string; name: string }[];
  /** categories the policy pays in the list's months; 'any' when one amount applies to all */
  payable: ReadonlySet<string> | 'any';
  households: ReadonlyMap<string, { village: string; head: string; category?: string }>;
  /** registry members by số định danh */
  members: ReadonlyMap<string, { household: string; name: string }>;
  /** other active lists of the same policy whose months overlap this one's */
  otherLists: { code: string; fromMonth: string; toMonth: string; idNumbers: ReadonlySet<string> }[];
}

export interface ResolvedRow {
  row: number;
  name: string;
  birth: { date?: string; year: number };
  gender?: 'nam' | 'nữ';
  idNumber: string;
  village: string;
  household: string;
  /** the head's name as the row gives it (or the person's own, for a one-person household) */
  head?: string;
  relation?: string;
  category: PovertyCategory;
  note?: string;
  /** what the list says of the person beyond the member record (budget inputs, sensitive facts) */
  attributes: Record<string, string | number>;
}

export interface Warning {
  row: number;
  col?: number;
  header?: string;
  key: string;
  message: string;
}

const MAX_AGE = 120;

/** A household key from a Mã hộ as written: "HN-01" → "hn-01"; from a head's name and village when there is none. */
export function householdCodeOf(raw: string): string {
  return foldForMatch(raw)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

export function householdCodeFromHead(village: string, head: string): string {
  return householdCodeOf(`ho-${village}-${head}`);
}

/** "Thôn 1", "thon 1", "1" (the name without its kind), or the village code. */
export function villageMatcher(villages: { code: string; name: string }[]): (written: string) => string | null {
  const exact = new Map<string, string>();
  const bare = new Map<string, string | null>();
  for (const v of villages) {
    exact.set(foldForMatch(v.name), v.code);
    exact.set(foldForMatch(v.code), v.code);
    const stripped = foldForMatch(v.name).replace(/^(thon|to dan pho|tdp|khu pho|thi tu|xom|ap|ban|to)\s+/, '');
    // a bare name shared by two villages ("Thôn 1", "TDP 1") matches neither
    bare.set(stripped, bare.has(stripped) && bare.get(stripped) !== v.code ? null : v.code);
  }
  return (written) => {
    const f = foldForMatch(written).replace(/^tdp\.?\s*/, 'to dan pho ');
    return exact.get(f) ?? exact.get(f.replace(/^to dan pho /, 'tdp ')) ?? bare.get(f.replace(/^(thon|to dan pho|tdp|khu pho|thi tu|xom|ap|ban|to)\s+/, '')) ?? null;
  };
}

/** Two runs of months share at least one month. */
export function monthsOverlap(a: { fromMonth: string; toMonth: string }, b: { fromMonth: string; toMonth: string }): boolean {
  return a.fromMonth <= b.toMonth && b.fromMonth <= a.toMonth;
}

const lastDay = (month: string): string => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/**
 * The parsed rows resolved against the context. `columns` locates each problem in the sheet.
 * Returns rows only when there is no problem at all (the caller imports all or nothing).
 */
export function validateRows(
  parsed: readonly ParsedRow[],
  columns: readonly ColumnMap[],
  ctx: ValidationContext,
): { rows: ResolvedRow[]; problems: RowProblem[]; warnings: Warning[] } {
  const problems: RowProblem[] = [];
  const warnings: Warning[] = [];
  const col = (key: ColumnKey) => columns.find((c) => c.key === key);
  const at = (r: ParsedRow, key: ColumnKey, value?: string) => {
    const c = col(key);
    return { row: r.row, ...(c ? { col: c.col, header: c.header } : {}), ...(value !== undefined ? { value } : {}) };
  };
  const village = villageMatcher(ctx.villages);
  const firstRowOfId = new Map<string, number>();
  const households = new Map<string, { row: number; village: string; category?: string; head?: string }>();
  const resolved: ResolvedRow[] = [];
  const fromYear = Number(ctx.fromMonth.slice(0, 4));
  const end = lastDay(ctx.toMonth);

  for (const r of parsed) {
    let ok = r.name !== undefined && r.birth !== undefined && r.idNumber !== undefined && r.village !== undefined && r.category !== undefined;
    const bad = (key: ColumnKey, value: string | undefined, k: string, message: string) => {
      problems.push({ ...at(r, key, value), key: k, message });
      ok = false;
    };

    let villageCode: string | null = null;
    if (r.village !== undefined) {
      villageCode = village(r.village);
      if (!villageCode) {
        const names = ctx.villages.map((v) => v.name);
        bad('village', r.village, 'beneficiaries.village.unknown', `không có ${r.village} trong đơn vị${names.length <= 12 ? ` (có: ${names.join(', ')})` : ''}`);
      }
    }

    if (r.idNumber !== undefined) {
      const first = firstRowOfId.get(r.idNumber);
      if (first !== undefined) bad('idNumber', r.idNumber, 'beneficiaries.person.duplicate', `người này đã có ở dòng ${first} (cùng số định danh)`);
      else firstRowOfId.set(r.idNumber, r.row);
      for (const other of ctx.otherLists) {
        if (other.idNumbers.has(r.idNumber)) {
          bad('idNumber', r.idNumber, 'beneficiaries.person.other_list', `người này đã có trong danh sách ${other.code} cùng chính sách (tháng ${other.fromMonth} đến ${other.toMonth})`);
        }
      }
    }

    if (r.category !== undefined) {
      if (ctx.payable !== 'any' && !ctx.payable.has(r.category)) {
        bad('category', categoryLabel(r.category), 'beneficiaries.category.not_paid', `chính sách không có mức hỗ trợ cho ${categoryLabel(r.category).toLocaleLowerCase('vi')} trong giai đoạn ${ctx.period}`);
      }
    }

    if (r.birth !== undefined) {
      const date = r.birth.date;
      if ((date ?? `${r.birth.year}-01-01`) > end) {
        bad('birth', date ?? String(r.birth.year), 'beneficiaries.birth.future', `ngày sinh sau tháng cuối của danh sách (${ctx.toMonth.slice(5)}/${ctx.toMonth.slice(0, 4)})`);
      } else if (fromYear - r.birth.year > MAX_AGE) {
        bad('birth', date ?? String(r.birth.year), 'beneficiaries.birth.implausible', `năm sinh ${r.birth.year}: quá ${MAX_AGE} tuổi`);
      }
      if (r.idNumber !== undefined) {
        const enc = idNumberBirth(r.idNumber);
        if (enc && enc.year !== r.birth.year) {
          warnings.push({ ...at(r, 'idNumber'), key: 'beneficiaries.id_number.birth_year', message: `số định danh mang năm sinh ${enc.year}, dòng ghi ${r.birth.year}` });
        } else if (enc && r.gender && enc.gender !== r.gender) {
          warnings.push({ ...at(r, 'idNumber'), key: 'beneficiaries.id_number.gender', message: `số định danh mang giới tính ${enc.gender}, dòng ghi ${r.gender}` });
        }
      }
    }

    for (const key of ['fromMonth', 'toMonth'] as const) {
      const m = r[key];
      if (m !== undefined && (m < ctx.fromMonth || m > ctx.toMonth)) {
        bad(key, `${m.slice(5)}/${m.slice(0, 4)}`, 'beneficiaries.month.outside', `ngoài thời gian của danh sách (${ctx.fromMonth.slice(5)}/${ctx.fromMonth.slice(0, 4)} đến ${ctx.toMonth.slice(5)}/${ctx.toMonth.slice(0, 4)})`);
      }
    }
    if (r.fromMonth && r.toMonth && r.fromMonth > r.toMonth) bad('toMonth', r.toMonth, 'beneficiaries.month.reversed', 'đến tháng trước từ tháng');

    // the household: by Mã hộ, else by its head's name in the village
    let household: string | null = null;
    if (r.householdCode !== undefined) {
      household = householdCodeOf(r.householdCode);
      if (!household) bad('householdCode', r.householdCode, 'beneficiaries.household.code', 'mã hộ phải có chữ hoặc số');
    } else if (r.head !== undefined && villageCode) {
      household = householdCodeFromHead(villageCode, r.head);
    }
    if (household && villageCode) {
      const inFile = households.get(household);
      const known = ctx.households.get(household);
      if (inFile && inFile.village !== villageCode) {
        bad('village', r.village, 'beneficiaries.household.village', `cùng hộ với dòng ${inFile.row} nhưng khác thôn`);
      } else if (!inFile && known && known.village !== villageCode) {
        const name = ctx.villages.find((v) => v.code === known.village)?.name ?? known.village;
        bad('village', r.village, 'beneficiaries.household.village', `hộ ${r.householdCode ?? r.head} ở ${name} theo sổ hộ`);
      }
      if (r.category !== undefined) {
        if (inFile?.category !== undefined && inFile.category !== r.category) {
          bad('category', categoryLabel(r.category), 'beneficiaries.household.category', `cùng hộ với dòng ${inFile.row} nhưng khác đối tượng (${categoryLabel(inFile.category)})`);
        } else if (known?.category !== undefined && known.category !== r.category) {
          bad('category', categoryLabel(r.category), 'beneficiaries.household.category', `hộ là ${categoryLabel(known.category).toLocaleLowerCase('vi')} giai đoạn ${ctx.period} theo sổ hộ`);
        }
      }
      if (r.head !== undefined && known && foldForMatch(known.head) !== foldForMatch(r.head)) {
        warnings.push({ ...at(r, 'head'), key: 'beneficiaries.household.head', message: `sổ hộ ghi chủ hộ ${known.head}` });
      }
      if (!inFile) households.set(household, { row: r.row, village: villageCode, category: r.category, head: r.head });
    }
    if (r.idNumber !== undefined && household) {
      const m = ctx.members.get(r.idNumber);
      if (m && m.household !== household) {
        bad(r.householdCode !== undefined ? 'householdCode' : 'head', r.householdCode ?? r.head, 'beneficiaries.person.household', `người có số định danh này thuộc hộ ${m.household} trong sổ hộ`);
      }
    }

    if (!ok || !villageCode || !household) continue;
    const attributes: Record<string, string | number> = {};
    if (r.allowance !== undefined) attributes.tro_cap_dang_huong = r.allowance;
    if (r.fromMonth !== undefined) attributes.tu_thang = r.fromMonth;
    if (r.toMonth !== undefined) attributes.den_thang = r.toMonth;
    for (const [k, v] of Object.entries(r.sensitive)) if (v !== undefined) attributes[k] = v;
    resolved.push({
      row: r.row,
      name: r.name!,
      birth: r.birth!,
      ...(r.gender ? { gender: r.gender } : {}),
      idNumber: r.idNumber!,
      village: villageCode,
      household,
      ...(r.head !== undefined ? { head: r.head } : {}),
      ...(r.relation !== undefined ? { relation: r.relation } : {}),
      category: r.category!,
      ...(r.note !== undefined ? { note: r.note } : {}),
      attributes,
    });
  }
  if (parsed.length === 0) problems.push({ row: 0, key: 'beneficiaries.list.empty', message: 'danh sách không có dòng nào dưới dòng tiêu đề' });
  return { rows: problems.length ? [] : resolved, problems, warnings };
}
