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
