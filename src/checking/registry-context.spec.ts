import { checkText } from './check';
import { knownDocumentOf, registryContext, type RegistryDocument } from './registry-context';

const base: RegistryDocument = {
  number: 4,
  year: 2026,
  symbol: 'NQ-HĐND',
  yearInNumber: true,
  type: 'NQ',
  date: '2026-04-20',
  issuer: 'Hội đồng nhân dân thành phố Hải Phòng',
  title: 'Quy định chính sách hỗ trợ',
};

describe('knownDocumentOf', () => {
  it.each([
    [base, { number: '04/2026/NQ-HĐND', type: 'NQ', date: '2026-04-20', issuer: base.issuer, title: base.title }],
    [{ ...base, number: 187, yearInNumber: false, symbol: 'KH-UBND', type: 'KH', title: '' }, { number: '187/KH-UBND', type: 'KH', date: '2026-04-20', issuer: base.issuer }],
    [{ ...base, date: null }, expect.objectContaining({ number: '04/2026/NQ-HĐND', date: null })],
    [{ ...base, number: null }, null],
  ])('%#', (d, expected) => {
    expect(knownDocumentOf(d)).toEqual(expected);
  });
});

describe('registryContext', () => {
  it('lets the citation rules compare with the registry', () => {
    const context = registryContext([base, { ...base, number: null, symbol: 'KH-UBND' }]);
    expect(context.knownDocuments?.map((k) => k.number)).toEqual(['04/2026/NQ-HĐND']);
    const codes = (text: string) => checkText(text, { fileName: 'a.txt', context }).findings.map((f) => f.code);
    expect(codes('Căn cứ Nghị quyết số 04/2026/NQ-HĐND ngày 20/4/2026 của HĐND thành phố.')).toEqual([]);
    expect(codes('Căn cứ Nghị quyết số 04/2026/NQ-HĐND ngày 24/4/2026 của HĐND thành phố.')).toEqual(['citation.mismatch']);
    expect(codes('Căn cứ Quyết định số 12/QĐ-UBND ngày 24/4/2026.')).toEqual(['citation.unknown']);
  });
});
