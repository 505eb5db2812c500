import type {
  AgencyRecord,
  DocumentRecord,
  OfficialRecord,
  RecordSet,
} from '../src/registry/records/record-set';

/** Factories: every test builds its own records; nothing shared and mutable. */
let seq = 0;
const next = (): number => ++seq;

export function agencyRecord(over: Partial<AgencyRecord> = {}): AgencyRecord {
  const n = next();
  return {
    code: `xa-${n}`,
    name: `Ủy ban nhân dân xã Thử ${n}`,
    shortName: `UBND xã Thử ${n}`,
    governingBody: [],
    issuerLines: ['ỦY BAN NHÂN DÂN', `XÃ THỬ ${n}`],
    abbreviation: 'UBND',
    placeName: `Thử ${n}`,
    province: 'tỉnh Thử Nghiệm',
    numbering: 'single',
    units: [
      { abbreviation: 'KT', name: 'Phòng Kinh tế' },
      { abbreviation: 'VH-XH', name: 'Phòng Văn hóa - Xã hội' },
    ],
    villages: [
      { code: 'thon-1', name: 'Thôn 1', kind: 'thôn' },
      { code: 'thon-2', name: 'Thôn 2', kind: 'thôn' },
    ],
    ...over,
  };
}

export function officialRecord(agency: string, over: Partial<OfficialRecord> = {}): OfficialRecord {
  return { code: `ct-${next()}`, agency, name: 'Nguyễn Văn Thử', position: 'Phó Chủ tịch', ...over };
}

export function incomingDocument(agency: string, over: Partial<DocumentRecord> = {}): DocumentRecord {
  const n = next();
  return {
    code: `nq-${n}`,
    agency,
    direction: 'incoming',
    type: 'NQ',
    typeName: 'Nghị quyết',
    number: 4,
    year: 2026,
    symbol: 'NQ-HĐND',
    yearInNumber: true,
    issuer: 'Hội đồng nhân dân thành phố Hải Phòng',
    date: '2026-04-20',
    title: 'Quy định chính sách hỗ trợ một số thành viên thuộc hộ nghèo',
    status: 'issued',
    citations: [],
    ...over,
  };
}

export function outgoingPlan(agency: string, signer: string, over: Partial<DocumentRecord> = {}): DocumentRecord {
  const n = next();
  return {
    code: `kh-${n}`,
    agency,
    direction: 'outgoing',
    type: 'KH',
    typeName: 'Kế hoạch',
    number: 128,
    year: 2026,
    symbol: 'KH-UBND',
    yearInNumber: false,
    issuer: 'Ủy ban nhân dân xã Thử',
    issuerAgency: agency,
    date: '2026-05-26',
    title: 'Triển khai thực hiện Nghị quyết số 04/2026/NQ-HĐND',
    status: 'issued',
    citations: [],
    content: {
      canCu: ['Thực hiện Nghị quyết số 04/2026/NQ-HĐND ngày 20/4/2026 của Hội đồng nhân dân thành phố.'],
      body: [{ h1: 'I. MỤC ĐÍCH, YÊU CẦU' }, { p: 'Tổ chức triển khai kịp thời, đầy đủ.' }],
      recipients: ['- Lãnh đạo UBND xã;', '- Lưu: VT, KT.'],
      signature: { official: signer, authority: ['KT. CHỦ TỊCH'] },
      annexes: [],
    },
    ...over,
  };
}

export function recordSet(over: Partial<RecordSet> = {}): RecordSet {
  return { agencies: [], officials: [], documents: [], policies: [], households: [], quotas: [], ...over };
}

/** One commune with a signer, a cited resolution and a plan citing it. */
export function communeRecords(): { set: RecordSet; agency: AgencyRecord; plan: DocumentRecord; nq: DocumentRecord } {
  const agency = agencyRecord();
  const signer = officialRecord(agency.code);
  const nq = incomingDocument(agency.code);
  const plan = outgoingPlan(agency.code, signer.code, { citations: [nq.code] });
  return { set: recordSet({ agencies: [agency], officials: [signer], documents: [nq, plan] }), agency, plan, nq };
}

/**
 * A commune with figures to compute, worked by hand in the tests that use it:
 * Thôn 1 (400 households) and Thôn 2 (267): 3 poor households under 2021-2025 (2 in Thôn 1), one
 * near-poor; members m1, m2 (poor household h1) and m3 (near-poor h4); a BHYT policy with lương cơ
 * sở 2.340.000 until 30/6/2026 and 2.530.000 from 1/7/2026; a quota 3 → 1 over weights 2/1; and a
 * plan whose texts use {{fig}}.
 */
export function figuresCommune(): { set: RecordSet; agency: AgencyRecord; plan: DocumentRecord } {
  const agency = agencyRecord({
    villages: [
      { code: 'thon-1', name: 'Thôn 1', kind: 'thôn', totalHouseholds: 400 },
      { code: 'thon-2', name: 'Thôn 2', kind: 'thôn', totalHouseholds: 267 },
    ],
  });
  const signer = officialRecord(agency.code);
  const period = '2021-2025';
  const household = (code: string, village: string, category: string, members: RecordSet['households'][number]['members'] = []) => ({
    code: `${agency.code}-${code}`,
    agency: agency.code,
    village,
    head: `Chủ hộ ${code}`,
    categories: { [period]: category },
    members,
  });
  const member = (code: string, name: string, doiTuong: string) => ({ code: `${agency.code}-${code}`, name, attributes: { doi_tuong: doiTuong } });
  const plan = outgoingPlan(agency.code, signer.code, {
    content: {
      canCu: ['Thực hiện Nghị quyết số 04/2026/NQ-HĐND ngày 20/4/2026 của Hội đồng nhân dân thành phố.'],
      body: [
        { h1: 'I. THỰC TRẠNG' },
        { p: 'Toàn xã có {{fig "ho_ngheo"}} hộ nghèo, chiếm {{fig "ty_le_ngheo"}}% tổng số hộ.' },
        { p: 'Hỗ trợ đóng bảo hiểm y tế cho {{fig "so_nguoi"}} người, kinh phí đóng bảo hiểm y tế {{fig "kinh_phi_bhyt"}} đồng.' },
        { p: 'Giảm {{fig "giam_ngheo"}} hộ nghèo, chi tiết từng thôn như sau:' },
        { figureTable: 'giam_ngheo' },
        { p: 'Hỗ trợ thu nhập cho {{fig "tre_em"}} trẻ em, kinh phí {{fig "kinh_phi_thu_nhap"}} đồng.' },
        { p: 'Tổ chức triển khai kịp thời, đầy đủ.' },
      ],
      recipients: ['- Lãnh đạo UBND xã;', '- Lưu: VT, KT.'],
      signature: { official: signer.code, authority: ['KT. CHỦ TỊCH'] },
      annexes: [],
      figures: {
        ho_ngheo: { count: 'households', where: { period, category: 'nghèo' } },
        tong_so_ho: { totalHouseholds: {} },
        ty_le_ngheo: { rate: ['ho_ngheo', 'tong_so_ho'], decimals: 1 },
        so_nguoi: { count: 'members', where: { period, category: ['nghèo', 'cận nghèo'] } },
        kinh_phi_bhyt: { budget: { policy: 'bhyt', where: { period, category: ['nghèo', 'cận nghèo'] }, from: '2026-06', to: '2026-07' } },
        giam_ngheo: { allocation: 'giam-ngheo-2026' },
        tre_em: { count: 'members', where: { attributes: { doi_tuong: 'tre_em' } } },
        kinh_phi_thu_nhap: { budget: { policy: 'thu-nhap', where: {}, from: '2026-07', to: '2026-12', categoryFrom: 'doi_tuong' } },
      },
    },
  });
  const set = recordSet({
    agencies: [agency],
    officials: [signer],
    documents: [plan],
    households: [
      household('h1', 'thon-1', 'nghèo', [member('m1', 'Nguyễn Văn Một', 'tre_em'), member('m2', 'Trần Thị Hai', 'nguoi_cao_tuoi')]),
      household('h2', 'thon-1', 'nghèo'),
      household('h3', 'thon-2', 'nghèo'),
      household('h4', 'thon-2', 'cận nghèo', [member('m3', 'Lê Văn Ba', 'tre_em')]),
    ],
    policies: [
      {
        code: 'bhyt',
        agency: agency.code,
        name: 'Hỗ trợ đóng bảo hiểm y tế',
        rule: 'bhyt-share',
        parameters: [
          { name: 'luong_co_so', value: 2340000, unit: 'đồng', effectiveFrom: '2024-07-01', effectiveTo: '2026-06-30' },
          { name: 'luong_co_so', value: 2530000, unit: 'đồng', effectiveFrom: '2026-07-01' },
          { name: 'bhyt_ty_le', value: '0.045', unit: 'tỷ lệ', effectiveFrom: '2015-01-01' },
          { name: 'bhyt_ho_tro.nghèo', value: '1', unit: 'tỷ lệ', effectiveFrom: '2025-08-15' },
          { name: 'bhyt_ho_tro.cận nghèo', value: '0.7', unit: 'tỷ lệ', effectiveFrom: '2025-08-15' },
        ],
      },
      {
        code: 'thu-nhap',
        agency: agency.code,
        name: 'Hỗ trợ thu nhập hằng tháng',
        rule: 'fixed-by-category',
        parameters: [
          { name: 'muc_ho_tro.tre_em', value: 1500000, unit: 'đồng/tháng', effectiveFrom: '2026-05-01' },
          { name: 'muc_ho_tro.nguoi_cao_tuoi', value: 900000, unit: 'đồng/tháng', effectiveFrom: '2026-05-01' },
        ],
      },
    ],
    quotas: [
      {
        code: 'giam-ngheo-2026',
        agency: agency.code,
        indicator: 'giam_ho_ngheo',
        year: 2026,
        baseline: 3,
        target: 1,
        villages: [
          { village: 'thon-1', weight: 2 },
          { village: 'thon-2', weight: 1 },
        ],
      },
    ],
  });
  return { set, agency, plan };
}
