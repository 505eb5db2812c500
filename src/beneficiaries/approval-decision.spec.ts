import { figureDefinitionsSchema } from '../figures/figure-definition.schema';
import type { AgencyRecord, BlockRecord } from '../registry/records/record-set';
import { approvalDecision, citeDocument, type DecisionInput } from './approval-decision';

const agency: AgencyRecord = {
  code: 'xa-thu',
  name: 'Ủy ban nhân dân xã Thử',
  shortName: 'UBND xã Thử',
  governingBody: [],
  issuerLines: ['ỦY BAN NHÂN DÂN', 'XÃ THỬ'],
  abbreviation: 'UBND',
  placeName: 'Thử',
  numbering: 'single',
  units: [{ abbreviation: 'VH-XH', name: 'Phòng Văn hóa - Xã hội' }],
  villages: [{ code: 'thon-1', name: 'Thôn 1', kind: 'thôn' }],
};

const nq = { code: 'nq-04', type: 'NQ', typeName: 'Nghị quyết', number: 4, year: 2026, symbol: 'NQ-HĐND', yearInNumber: true, issuer: 'Hội đồng nhân dân thành phố Hải Phòng', date: '2026-04-20', title: 'Quy định chính sách hỗ trợ' };
const kh = { code: 'kh-187', type: 'KH', typeName: 'Kế hoạch', number: 187, year: 2026, symbol: 'KH-UBND', yearInNumber: false, issuer: 'Ủy ban nhân dân thành phố Hải Phòng', date: '2026-05-21', title: 'Triển khai thực hiện Nghị quyết số 04/2026/NQ-HĐND' };

const input = (over: Partial<DecisionInput> = {}): DecisionInput => ({
  list: { code: 'ds-1', period: '2026-2030', fromMonth: '2026-07', toMonth: '2026-12', categories: ['nghèo', 'cận nghèo'] },
  policy: {
    code: 'p',
    name: 'Hỗ trợ thu nhập',
    rule: 'fixed-by-category',
    parameters: [
      { name: 'muc_ho_tro.nghèo', effectiveFrom: '2026-05-01', effectiveTo: '2026-09-30' },
      { name: 'muc_ho_tro.nghèo', effectiveFrom: '2026-10-01', effectiveTo: null },
      { name: 'muc_ho_tro.cận nghèo', effectiveFrom: '2026-05-01', effectiveTo: null },
    ],
  },
  policyDocument: nq,
  plans: [kh],
  agency,
  signer: { code: 'ct', agency: 'xa-thu', name: 'Trần Văn Thử', position: 'Chủ tịch' },
  proposer: 'Trưởng phòng Văn hóa - Xã hội',
  unit: { abbreviation: 'VH-XH', name: 'Phòng Văn hóa - Xã hội' },
  year: 2026,
  ...over,
});

const texts = (bs: BlockRecord[]): string[] =>
  bs.flatMap((b) => ('p' in b ? [b.p] : 'article' in b ? [b.article.title, ...texts(b.article.body)] : []));

describe('approvalDecision', () => {
  it('is a draft QĐ of the agency citing the policy\'s NQ and the KH implementing it', () => {
    const d = approvalDecision(input());
    expect(d).toMatchObject({ code: 'qd-ds-1', type: 'QĐ', number: null, date: null, status: 'draft', symbol: 'QĐ-UBND', citations: ['nq-04', 'kh-187'] });
    expect(d.content!.authority).toEqual(['CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THỬ']);
    expect(d.content!.canCu).toEqual([
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
      'Căn cứ Nghị quyết số 04/2026/NQ-HĐND ngày 20/4/2026 của Hội đồng nhân dân thành phố Hải Phòng quy định chính sách hỗ trợ;',
      'Căn cứ Kế hoạch số 187/KH-UBND ngày 21/5/2026 của Ủy ban nhân dân thành phố Hải Phòng về triển khai thực hiện Nghị quyết số 04/2026/NQ-HĐND;',
      'Theo đề nghị của Trưởng phòng Văn hóa - Xã hội.',
    ]);
    expect(d.content!.recipients[0]).toBe('- Như Điều 3;');
    expect(d.content!.signature).toEqual({ official: 'ct', authority: [] });
  });

  it('writes every count and amount as a figure over the list, never as a number', () => {
    const d = approvalDecision(input());
    const [dieu1] = d.content!.body;
    const all = texts([dieu1]).join('\n');
    expect(all).toContain('{{fig "so_nguoi"}} người');
    expect(all).toContain('({{fig "so_ho"}} hộ)');
    expect(all).toContain('Tổng kinh phí: {{fig "tong_kinh_phi"}} đồng (Bằng chữ: {{fig "bang_chu"}})');
    // the only digits left are the cited resolution's number and date, and the months of the list
    const rest = all.replace(/\{\{fig "[a-z0-9_]+"\}\}/g, '').replace(/số 04\/2026\/NQ-HĐND ngày 20\/4\/2026/g, '').replace(/tháng \d{1,2}\/2026/g, '').replace(/ngày \d{2}\/\d{1,2}\/2026/g, '');
    expect(rest).not.toMatch(/\d/);
    const defs = figureDefinitionsSchema.parse(d.content!.figures);
    expect(defs.so_nguoi).toEqual({ count: 'members', where: { period: '2026-2030', list: 'ds-1' } });
    expect(defs.tong_kinh_phi).toMatchObject({ budget: { policy: 'p', where: { list: 'ds-1' }, from: '2026-07', to: '2026-12', show: { birth: 'date', note: true } } });
    expect(d.content!.annexes[0].body[0]).toMatchObject({ figureTable: 'tong_kinh_phi' });
  });

  it('states each category\'s amount, and both when it changes within the months', () => {
    const d = approvalDecision(input());
    const rates = texts(d.content!.body).find((t) => t.startsWith('- Mức hỗ trợ'))!;
    expect(rates).toBe(
      '- Mức hỗ trợ: hộ nghèo {{fig "muc_ho_tro_ngheo"}} đồng/người/tháng, từ ngày 01/10/2026 là {{fig "muc_ho_tro2_ngheo"}} đồng/người/tháng; hộ cận nghèo {{fig "muc_ho_tro_can_ngheo"}} đồng/người/tháng.',
    );
    expect(d.content!.figures!.muc_ho_tro_ngheo).toEqual({ parameter: { policy: 'p', name: 'muc_ho_tro.nghèo', on: '2026-07-01' } });
    expect(d.content!.figures!.muc_ho_tro2_ngheo).toEqual({ parameter: { policy: 'p', name: 'muc_ho_tro.nghèo', on: '2026-10-01' } });
  });

  it.each([
    ['top-up with one threshold', 'top-up', [{ name: 'nguong', effectiveFrom: '2026-05-01', effectiveTo: null }], 'bằng mức chuẩn {{fig "nguong_chung"}} đồng/người/tháng trừ các khoản trợ cấp đang hưởng'],
    ['BHYT shares', 'bhyt-share', [], 'hỗ trợ mức đóng bảo hiểm y tế theo tỷ lệ quy định'],
  ])('words the amount of %s', (_, rule, parameters, phrase) => {
    const d = approvalDecision(input({ policy: { code: 'p', name: 'x', rule, parameters } }));
    expect(texts(d.content!.body).join('\n')).toContain(phrase);
  });

  it('is signed KT. CHỦ TỊCH by a Phó Chủ tịch; the annex cites the decision itself', () => {
    const d = approvalDecision(input({ signer: { code: 'pct', agency: 'xa-thu', name: 'Lê Văn Phó', position: 'Phó Chủ tịch' } }));
    expect(d.content!.signature.authority).toEqual(['KT. CHỦ TỊCH']);
    // the "(Kèm theo Quyết định số … ngày … của …)" line is written by compose from the QĐ's own number and date
    expect(d.content!.annexes[0].kemTheo).toBe('Chủ tịch Ủy ban nhân dân xã Thử');
    expect(d.content!.annexes[0].subtitle).toBeUndefined();
    expect(d.content!.annexes[0].landscape).toBe(true);
  });

  it('cites a document by type, number, date and issuer', () => {
    expect(citeDocument(nq)).toBe('Nghị quyết số 04/2026/NQ-HĐND ngày 20/4/2026 của Hội đồng nhân dân thành phố Hải Phòng');
  });
});
