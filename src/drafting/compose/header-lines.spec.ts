import type { AgencyRecord, DocumentRecord } from '../../registry/records/record-set';
import { composeDocument, headerLines } from './compose-document';

const agency: AgencyRecord = {
  code: 'tan-an',
  name: 'Ủy ban nhân dân xã Tân An',
  shortName: 'UBND xã Tân An',
  governingBody: [],
  issuerLines: ['ỦY BAN NHÂN DÂN', 'XÃ TÂN AN'],
  abbreviation: 'UBND',
  placeName: 'Tân An',
  numbering: 'single',
  units: [{ abbreviation: 'KT', name: 'Phòng Kinh tế' }],
  villages: [],
};

const doc = (issuer: string, direction: 'outgoing' | 'incoming' = 'outgoing'): DocumentRecord => ({
  code: 'tt',
  agency: 'tan-an',
  direction,
  type: 'TTr',
  typeName: 'Tờ trình',
  number: null,
  year: 2026,
  symbol: 'TTr-KT',
  yearInNumber: false,
  issuer,
  date: null,
  title: 'Đề nghị',
  status: 'draft',
  citations: [],
  content: { canCu: [], body: [], recipients: ['- Lưu: VT, KT.'], signature: { official: 'o', authority: [] }, annexes: [] },
});

describe('headerLines: whose name heads the document', () => {
  it.each<[string, string, 'outgoing' | 'incoming', { governingBody: string[]; issuer: string[] }]>([
    ['the agency itself', 'Ủy ban nhân dân xã Tân An', 'outgoing', { governingBody: [], issuer: ['ỦY BAN NHÂN DÂN', 'XÃ TÂN AN'] }],
    ['one of its units: the agency above it, abbreviated', 'Phòng Kinh tế', 'outgoing', { governingBody: ['UBND XÃ TÂN AN'], issuer: ['PHÒNG KINH TẾ'] }],
    ['a name that is no unit of it', 'Phòng Tư pháp', 'outgoing', { governingBody: [], issuer: ['ỦY BAN NHÂN DÂN', 'XÃ TÂN AN'] }],
    ['an incoming document is not ours to head', 'Phòng Kinh tế', 'incoming', { governingBody: [], issuer: ['ỦY BAN NHÂN DÂN', 'XÃ TÂN AN'] }],
  ])('%s', (_n, issuer, direction, expected) => {
    expect(headerLines(doc(issuer, direction), agency)).toEqual(expected);
  });

  it('is what the composed header prints', () => {
    const model = composeDocument({ document: doc('Phòng Kinh tế'), agency, officials: [{ code: 'o', agency: 'tan-an', name: 'Nguyễn Văn Khánh', position: 'Trưởng phòng' }], cited: [] });
    expect(model.header).toMatchObject({ governingBody: ['UBND XÃ TÂN AN'], issuer: ['PHÒNG KINH TẾ'], numberLine: 'Số:      /TTr-KT' });
    expect(model.signature).toEqual({ lines: ['TRƯỞNG PHÒNG'], name: 'Nguyễn Văn Khánh' });
  });
});
