import fc from 'fast-check';
import { CitationError, fullCitation, lowerFirst, MentionTracker, shortCitation, titleClause, type CitableDocument } from './nd30-citation';

const nq04: CitableDocument = {
  code: 'nq-04',
  type: 'NQ',
  typeName: 'Nghị quyết',
  number: 4,
  year: 2026,
  symbol: 'NQ-HĐND',
  yearInNumber: true,
  issuer: 'Hội đồng nhân dân thành phố Hải Phòng',
  date: '2026-04-20',
  title: 'Quy định chính sách hỗ trợ một số thành viên thuộc hộ nghèo',
};
const kh187: CitableDocument = {
  code: 'kh-187',
  type: 'KH',
  typeName: 'Kế hoạch',
  number: 187,
  year: 2026,
  symbol: 'KH-UBND',
  yearInNumber: false,
  issuer: 'Ủy ban nhân dân thành phố Hải Phòng',
  date: '2026-05-21',
  title: 'Triển khai thực hiện Nghị quyết số 04/2026/NQ-HĐND ngày 20/4/2026 của Hội đồng nhân dân thành phố Hải Phòng quy định chính sách hỗ trợ',
};
const qd358: CitableDocument = {
  code: 'qd-358',
  type: 'QĐ',
  typeName: 'Quyết định',
  number: 358,
  year: 2026,
  symbol: 'QĐ-UBND',
  yearInNumber: false,
  issuer: 'Ủy ban nhân dân tỉnh Thái Nguyên',
  date: '2026-02-13',
  title: 'Về việc điều chỉnh kế hoạch phát triển kinh tế - xã hội tỉnh Thái Nguyên năm 2026',
};

describe('fullCitation (the forms the seeds write, with ND30 short dates)', () => {
  it.each<[string, CitableDocument, string]>([
    ['a resolution: its verb title follows the issuer', nq04, 'Nghị quyết số 04/2026/NQ-HĐND ngày 20/4/2026 của Hội đồng nhân dân thành phố Hải Phòng quy định chính sách hỗ trợ một số thành viên thuộc hộ nghèo'],
    ['a plan: "về" before its title (seed 001)', kh187, 'Kế hoạch số 187/KH-UBND ngày 21/5/2026 của Ủy ban nhân dân thành phố Hải Phòng về triển khai thực hiện Nghị quyết số 04/2026/NQ-HĐND ngày 20/4/2026 của Hội đồng nhân dân thành phố Hải Phòng quy định chính sách hỗ trợ'],
    ['a decision "Về việc …" (seed 003), February padded', qd358, 'Quyết định số 358/QĐ-UBND ngày 13/02/2026 của Ủy ban nhân dân tỉnh Thái Nguyên về việc điều chỉnh kế hoạch phát triển kinh tế - xã hội tỉnh Thái Nguyên năm 2026'],
    ['a law: loại and name only', { ...nq04, type: 'Luật', typeName: 'Luật', number: null, title: 'Tổ chức chính quyền địa phương' }, 'Luật Tổ chức chính quyền địa phương'],
    ['an undated document: no "ngày"', { ...kh187, date: null, title: 'Thực hiện công tác giảm nghèo' }, 'Kế hoạch số 187/KH-UBND của Ủy ban nhân dân thành phố Hải Phòng về thực hiện công tác giảm nghèo'],
  ])('%s', (_n, d, expected) => {
    expect(fullCitation(d)).toBe(expected);
  });

  it('leaves the trích yếu out when asked (a title that names its own scope after it)', () => {
    expect(fullCitation(nq04, { withTitle: false })).toBe('Nghị quyết số 04/2026/NQ-HĐND ngày 20/4/2026 của Hội đồng nhân dân thành phố Hải Phòng');
  });

  it('refuses an unnumbered document', () => {
    expect(() => fullCitation({ ...kh187, number: null })).toThrow(CitationError);
  });
});

describe('titleClause and lowerFirst', () => {
  it.each<[string, string, string]>([
    ['KH', 'Thực hiện Chương trình', 'về thực hiện Chương trình'],
    ['QĐ', 'Về việc giao chỉ tiêu', 'về việc giao chỉ tiêu'],
    ['QĐ', 'V/v giao chỉ tiêu', 'về việc giao chỉ tiêu'],
    ['TT', 'Ban hành Danh mục bệnh hiểm nghèo.', 'ban hành Danh mục bệnh hiểm nghèo'],
    ['BC', 'HĐND xã thông qua', 'về HĐND xã thông qua'],
  ])('%s "%s" → "%s"', (type, title, expected) => {
    expect(titleClause({ type, title })).toBe(expected);
  });

  it('keeps an acronym', () => {
    expect(lowerFirst('UBND tỉnh giao')).toBe('UBND tỉnh giao');
    expect(lowerFirst('Ủy ban')).toBe('ủy ban');
  });
});

describe('MentionTracker: full at first mention, short after', () => {
  it('cites in full once, then short', () => {
    const t = new MentionTracker([nq04, kh187]);
    expect(t.cite(nq04)).toBe(fullCitation(nq04));
    expect(t.cite(nq04)).toBe('Nghị quyết số 04/2026/NQ-HĐND');
    expect(t.codes()).toEqual(['nq-04']);
  });

  it('counts a document quoted in full inside another one’s trích yếu as mentioned', () => {
    const t = new MentionTracker([nq04, kh187]);
    t.cite(kh187);
    expect(t.has('nq-04')).toBe(true);
    expect(t.cite(nq04)).toBe('Nghị quyết số 04/2026/NQ-HĐND');
  });

  it('learns the mentions of a text written before', () => {
    const t = new MentionTracker([nq04, kh187]);
    t.noteText('Căn cứ Nghị quyết số 04/2026/NQ-HĐND ngày 20/4/2026 …');
    expect(t.cite(nq04)).toBe(shortCitation(nq04));
    expect(t.cite(kh187, { form: 'short' })).toBe('Kế hoạch số 187/KH-UBND');
  });

  it('property: whatever the order of mentions, each document is full exactly once, at its first mention', () => {
    const docs = [nq04, kh187, qd358];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 20 }), (order) => {
        const t = new MentionTracker(docs);
        const seen = new Set<string>();
        for (const i of order) {
          const d = docs[i];
          const out = t.cite(d);
          // kh187's full form quotes nq04 in full: nq04 is mentioned from then on
          const first = !seen.has(d.code);
          expect(out === fullCitation(d)).toBe(first);
          seen.add(d.code);
          if (d === kh187) seen.add(nq04.code);
        }
      }),
    );
  });
});
