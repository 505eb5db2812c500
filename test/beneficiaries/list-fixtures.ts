/**
 * Beneficiary-list workbooks generated for the tests with ExcelJS: synthetic people (made-up names,
 * ID numbers that no one holds: each is "031" + the sex/century digit + the birth year's two digits
 * + a running number), laid out as clerks lay them out, and one workbook with planted errors.
 * Deterministic: the same arguments give the same bytes' content.
 */
import ExcelJS from 'exceljs';
import type { AgencyRecord, DocumentRecord, OfficialRecord, PolicyRecord, RecordSet } from '../../src/registry/records/record-set';
import { recordSet } from '../factories';

const HO = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
const DEM_NAM = ['Văn', 'Đức', 'Hữu', 'Minh', 'Quốc'];
const DEM_NU = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Diệu'];
const TEN_NAM = ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Long', 'Phúc', 'Sơn', 'Tuấn', 'Đạt', 'Khánh'];
const TEN_NU = ['Hà', 'Hằng', 'Lan', 'Mai', 'Nga', 'Quỳnh', 'Thảo', 'Yến', 'Ánh', 'Hương', 'Liên', 'Nhung'];
const CATEGORY_LABELS = ['Hộ nghèo', 'Hộ cận nghèo', 'Hộ thoát nghèo'];
export const CATEGORY_CODES = ['nghèo', 'cận nghèo', 'thoát nghèo'];

export const VILLAGES = [
  { code: 'thon-dong', name: 'Thôn Đông', kind: 'thôn' as const },
  { code: 'thon-doai', name: 'Thôn Đoài', kind: 'thôn' as const },
  { code: 'thon-nam', name: 'Thôn Nam', kind: 'thôn' as const },
  { code: 'thon-bac', name: 'Thôn Bắc', kind: 'thôn' as const },
];

/** mulberry32: a small seeded generator, so fixtures are the same at every run */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticPerson {
  name: string;
  /** ISO date */
  birthDate: string;
  gender: 'nam' | 'nữ';
  idNumber: string;
  village: string;
  villageCode: string;
  household: string;
  head: string;
  relation: string;
  /** "nghèo" … */
  category: string;
  categoryLabel: string;
  note?: string;
}

/** `n` people in households of 1–4 over the four villages; the first of a household is its head. */
export function syntheticPeople(n: number, seed = 7, idOffset = 0): SyntheticPerson[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const out: SyntheticPerson[] = [];
  let h = 0;
  while (out.length < n) {
    h++;
    const size = 1 + Math.floor(rnd() * 4);
    const village = VILLAGES[h % VILLAGES.length];
    const cat = h % 3;
    const household = `hn-${String(h + Math.floor(idOffset / 10)).padStart(5, '0')}`;
    let head = '';
    for (let k = 0; k < size && out.length < n; k++) {
      const i = out.length + idOffset;
      const gender = rnd() < 0.5 ? 'nam' : 'nữ';
      const name = `${pick(HO)} ${pick(gender === 'nam' ? DEM_NAM : DEM_NU)} ${pick(gender === 'nam' ? TEN_NAM : TEN_NU)}`;
      const year = k === 0 ? 1935 + Math.floor(rnd() * 50) : 1950 + Math.floor(rnd() * 70);
      const month = 1 + Math.floor(rnd() * 12);
      const day = 1 + Math.floor(rnd() * 28);
      const century = year < 2000 ? 0 : 2;
      const idNumber = `031${century + (gender === 'nam' ? 0 : 1)}${String(year % 100).padStart(2, '0')}${String(i + 1).padStart(6, '0')}`;
      if (k === 0) head = name;
      out.push({
        name,
        birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        gender,
        idNumber,
        village: village.name,
        villageCode: village.code,
        household,
        head,
        relation: k === 0 ? 'Chủ hộ' : pick(['Vợ', 'Chồng', 'Con', 'Cháu', 'Mẹ']),
        category: CATEGORY_CODES[cat],
        categoryLabel: CATEGORY_LABELS[cat],
        ...(i % 17 === 5 ? { note: 'Hộ mới rà soát' } : {}),
      });
    }
  }
  return out;
}

/** Columns a payment list may carry and a posting list must never show. */
export const SENSITIVE_HEADERS = ['Nhóm đối tượng', 'Tình trạng sức khỏe, khuyết tật', 'Số điện thoại', 'Số tài khoản', 'Dân tộc'];

/** Made-up facts for person i, each unique enough to be searched for in an output. */
export function sensitiveFacts(i: number): string[] {
  return [
    i % 2 === 0 ? 'Người khuyết tật' : 'Người cao tuổi',
    `Khuyết tật vận động mức độ nặng (hồ sơ ${1000 + i})`,
    `09${String(10_000_000 + i * 7919).slice(0, 8)}`,
    `19034${String(1_000_000 + i * 104_729).slice(0, 7)}`,
    'Mường',
  ];
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * A clerk's workbook: title lines (merged across), the header in its own order with and without
 * diacritics, a row of column numbers, STT as formulas (with Excel's cached values), birth dates as
 * text, as Excel dates and as a year, ID numbers as text and as numbers (Excel drops their zeros),
 * some names in NFD, a village merged down a household's rows, a Tổng cộng row and a signature line.
 */
export async function clerkWorkbook(people: SyntheticPerson[], opts: { months?: string; sensitive?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS đề nghị');
  ws.getCell('A1').value = 'ỦY BAN NHÂN DÂN XÃ THỬ';
  ws.mergeCells('A1:D1');
  ws.getCell('A2').value = 'DANH SÁCH ĐỀ NGHỊ HỖ TRỢ THÀNH VIÊN HỘ NGHÈO, CẬN NGHÈO';
  ws.mergeCells('A2:K2');
  if (opts.months) ws.getCell('A3').value = opts.months;
  const headers = ['TT', 'Ho va ten', 'Số định danh (CCCD)', 'Ngày, tháng, năm sinh', 'Giới tính', 'Thôn/Tổ dân phố', 'Mã hộ', 'Họ và tên chủ hộ', 'Quan hệ với chủ hộ', 'PHÂN LOẠI HỘ', 'Ghi chú'];
  if (opts.sensitive) headers.push(...SENSITIVE_HEADERS);
  ws.getRow(4).values = headers;
  ws.getRow(5).values = headers.map((_, i) => `(${i + 1})`);
  let r = 6;
  let runStart = 6;
  people.forEach((p, i) => {
    const row = ws.getRow(r);
    const birth: ExcelJS.CellValue = i % 3 === 0 ? dmy(p.birthDate) : i % 3 === 1 ? new Date(`${p.birthDate}T00:00:00Z`) : dmy(p.birthDate).replace(/\//g, '-');
    row.values = [
      i === 0 ? 1 : { formula: `A${r - 1}+1`, result: i + 1 },
      i % 5 === 0 ? p.name.normalize('NFD') : p.name,
      i % 4 === 0 ? Number(p.idNumber) : p.idNumber,
      birth,
      p.gender === 'nam' ? 'Nam' : 'Nữ',
      i % 7 === 0 ? p.village.normalize('NFD').toUpperCase() : p.village,
      p.household.toUpperCase(),
      p.head,
      p.relation,
      i % 2 === 0 ? p.categoryLabel : p.categoryLabel.toUpperCase(),
      p.note ?? null,
      ...(opts.sensitive ? sensitiveFacts(i) : []),
    ];
    if (i % 3 === 1) row.getCell(4).numFmt = 'dd/mm/yyyy';
    // the village merged down a household's rows, as clerks do
    const next = people[i + 1];
    if (!next || next.household !== p.household) {
      if (r > runStart && i % 2 === 0) {
        for (let k = runStart + 1; k <= r; k++) ws.getCell(`F${k}`).value = null;
        ws.mergeCells(`F${runStart}:F${r}`);
      }
      runStart = r + 1;
    }
    r++;
  });
  ws.getRow(r).values = ['', 'Tổng cộng', `${people.length} người`];
  ws.getRow(r + 2).values = ['', 'Người lập biểu', '', '', '', '', '', 'Chủ tịch'];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface PlantedError {
  row: number;
  column: string;
  key: string;
}

/**
 * A workbook with a header over two rows ("Ngày sinh" merged over Nam | Nữ, the rest merged down),
 * NFD text and formula cells (both fine), and five planted errors: a bad ID number, a person twice,
 * an unknown village, 31/02/1950 and an empty name. Returns the errors expected, by row and column.
 */
export async function plantedErrorsWorkbook(people: SyntheticPerson[]): Promise<{ bytes: Buffer; expected: PlantedError[] }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.getCell('A1').value = 'DANH SÁCH NGƯỜI ĐƯỢC HỖ TRỢ';
  ws.mergeCells('A1:J1');
  const top = ['STT', 'Họ và tên', 'Ngày sinh', 'Ngày sinh', 'Số định danh', 'Thôn', 'Mã hộ', 'Chủ hộ', 'Đối tượng', 'Ghi chú'];
  ws.getRow(3).values = top;
  ws.getRow(4).values = ['STT', 'Họ và tên', 'Nam', 'Nữ', 'Số định danh', 'Thôn', 'Mã hộ', 'Chủ hộ', 'Đối tượng', 'Ghi chú'];
  for (const c of ['A', 'B', 'E', 'F', 'G', 'H', 'I', 'J']) {
    ws.getCell(`${c}4`).value = null;
    ws.mergeCells(`${c}3:${c}4`);
  }
  ws.mergeCells('C3:D3');
  const rows: ExcelJS.CellValue[][] = people.map((p, i) => [
    { formula: i === 0 ? '1' : `A${5 + i - 1}+1`, result: i + 1 },
    p.name.normalize('NFD'),
    p.gender === 'nam' ? dmy(p.birthDate) : null,
    p.gender === 'nữ' ? dmy(p.birthDate) : null,
    p.idNumber,
    i === 1 ? { formula: `"${p.village}"`, result: p.village } : p.village.normalize('NFD'),
    p.household,
    p.head,
    p.categoryLabel,
    null,
  ]);
  const first = 5;
  const expected: PlantedError[] = [];
  const plant = (i: number, col: number, value: ExcelJS.CellValue, column: string, key: string) => {
    rows[i][col] = value;
    expected.push({ row: first + i, column, key });
  };
  plant(2, 4, '03112345678', 'E', 'beneficiaries.id_number.digits');
  plant(4, 4, people[0].idNumber, 'E', 'beneficiaries.person.duplicate');
  plant(6, 5, 'Thôn 99', 'F', 'beneficiaries.village.unknown');
  const birthCol = people[8].gender === 'nam' ? 2 : 3;
  plant(8, birthCol, '31/02/1950', birthCol === 2 ? 'C' : 'D', 'beneficiaries.birth.invalid');
  plant(10, 1, null, 'B', 'beneficiaries.cell.required');
  rows.forEach((values, i) => (ws.getRow(first + i).values = values));
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), expected };
}

/**
 * A commune to import lists into: four villages, a Chủ tịch, the city's NQ and KH (both incoming,
 * the KH citing the NQ), and a policy paying fixed monthly amounts by household category under the
 * NQ. The amounts are test values, not the NQ's (which is not public: domain.md §4).
 */
export function listCommune(code = 'xa-danh-sach'): { set: RecordSet; agency: AgencyRecord; policy: PolicyRecord; signer: OfficialRecord; nq: DocumentRecord; kh: DocumentRecord } {
  const agency: AgencyRecord = {
    code,
    name: 'Ủy ban nhân dân xã Thử',
    shortName: 'UBND xã Thử',
    governingBody: [],
    issuerLines: ['ỦY BAN NHÂN DÂN', 'XÃ THỬ'],
    abbreviation: 'UBND',
    placeName: 'Thử',
    province: 'thành phố Hải Phòng',
    numbering: 'single',
    units: [
      { abbreviation: 'KT', name: 'Phòng Kinh tế' },
      { abbreviation: 'VH-XH', name: 'Phòng Văn hóa - Xã hội' },
    ],
    villages: VILLAGES.map((v) => ({ ...v, totalHouseholds: 500 })),
  };
  const signer: OfficialRecord = { code: `${code}-ct`, agency: code, name: 'Trần Văn Thử', position: 'Chủ tịch' };
  const nq: DocumentRecord = {
    code: `${code}-nq-04`,
    agency: code,
    direction: 'incoming',
    type: 'NQ',
    typeName: 'Nghị quyết',
    number: 4,
    year: 2026,
    symbol: 'NQ-HĐND',
    yearInNumber: true,
    issuer: 'Hội đồng nhân dân thành phố Hải Phòng',
    date: '2026-04-20',
    title: 'Quy định chính sách hỗ trợ một số thành viên thuộc hộ nghèo, hộ cận nghèo, hộ thoát nghèo, hộ thoát cận nghèo trên địa bàn thành phố Hải Phòng giai đoạn 2026-2030',
    status: 'issued',
    citations: [],
  };
  const kh: DocumentRecord = {
    code: `${code}-kh-187`,
    agency: code,
    direction: 'incoming',
    type: 'KH',
    typeName: 'Kế hoạch',
    number: 187,
    year: 2026,
    symbol: 'KH-UBND',
    yearInNumber: false,
    issuer: 'Ủy ban nhân dân thành phố Hải Phòng',
    date: '2026-05-21',
    title: 'Triển khai thực hiện Nghị quyết số 04/2026/NQ-HĐND ngày 20/4/2026 của Hội đồng nhân dân thành phố Hải Phòng',
    status: 'issued',
    citations: [nq.code],
  };
  const policy: PolicyRecord = {
    code: 'nq04-thu-nhap',
    agency: code,
    name: 'Hỗ trợ thu nhập hằng tháng theo Nghị quyết 04/2026/NQ-HĐND',
    document: nq.code,
    rule: 'fixed-by-category',
    parameters: [
      { name: 'muc_ho_tro.nghèo', value: 1500000, unit: 'đồng/tháng', effectiveFrom: '2026-05-01', source: 'test value' },
      { name: 'muc_ho_tro.cận nghèo', value: 1000000, unit: 'đồng/tháng', effectiveFrom: '2026-05-01', source: 'test value' },
      { name: 'muc_ho_tro.thoát nghèo', value: 500000, unit: 'đồng/tháng', effectiveFrom: '2026-05-01', source: 'test value' },
    ],
  };
  return { set: recordSet({ agencies: [agency], officials: [signer], documents: [nq, kh], policies: [policy] }), agency, policy, signer, nq, kh };
}

/** Amount per month by category code, as listCommune's policy pays (for expectations worked apart). */
export const MONTHLY: Readonly<Record<string, number>> = { nghèo: 1_500_000, 'cận nghèo': 1_000_000, 'thoát nghèo': 500_000 };
