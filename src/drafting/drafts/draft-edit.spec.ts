import type { DocumentRecord } from '../../registry/records/record-set';
import { bodyPart, citedCodes, DraftEditError, editTextSection, sectionText } from './draft-edit';
import type { RegistryDocument } from './draft-builder';

const nq: RegistryDocument = {
  id: 1,
  code: 'nq-04',
  agency: 'a',
  direction: 'incoming',
  type: 'NQ',
  typeName: 'Nghị quyết',
  number: 4,
  year: 2026,
  symbol: 'NQ-HĐND',
  yearInNumber: true,
  issuer: 'Hội đồng nhân dân thành phố Hải Phòng',
  date: '2026-04-20',
  title: 'Quy định chính sách hỗ trợ',
  status: 'issued',
  citations: [],
};
const kh: RegistryDocument = { ...nq, id: 2, code: 'kh-187', type: 'KH', typeName: 'Kế hoạch', number: 187, yearInNumber: false, symbol: 'KH-UBND', issuer: 'Ủy ban nhân dân thành phố Hải Phòng', date: '2026-05-21', title: 'Triển khai thực hiện Nghị quyết' };
const draftQd: RegistryDocument = { ...nq, id: 3, code: 'du-thao-qd', direction: 'outgoing', type: 'QĐ', typeName: 'Quyết định', number: null, status: 'draft' };

const NQ_FULL = 'Nghị quyết số 04/2026/NQ-HĐND ngày 20/4/2026 của Hội đồng nhân dân thành phố Hải Phòng quy định chính sách hỗ trợ';

function draft(): DocumentRecord {
  return {
    code: 'du-thao-1',
    agency: 'a',
    direction: 'outgoing',
    type: 'KH',
    typeName: 'Kế hoạch',
    number: null,
    year: 2026,
    symbol: 'KH-UBND',
    yearInNumber: false,
    issuer: 'Ủy ban nhân dân xã A',
    date: null,
    title: 'Triển khai',
    status: 'draft',
    citations: ['nq-04', 'du-thao-qd'],
    content: {
      canCu: [`Thực hiện ${NQ_FULL}.`],
      body: [{ h1: 'I. MỤC ĐÍCH' }, { p: 'Theo Nghị quyết số 04/2026/NQ-HĐND.' }, { h1: 'II. NỘI DUNG' }, { p: 'Cũ.' }, { h1: 'III. TỔ CHỨC' }, { p: 'Giữ.' }],
      recipients: ['- Như trên;', '- Lưu: VT.'],
      signature: { official: 'x', authority: [] },
      annexes: [{ label: 'Phụ lục', title: ['A'], body: [{ figureTable: 'giam' }] }],
      figures: { so_ho: { count: 'households' }, giam: { allocation: 'q' } },
    },
  };
}
const registry = [nq, kh, draftQd];

describe('bodyPart', () => {
  it.each<[string, [number, number] | null]>([
    ['I', [0, 2]],
    ['II', [2, 4]],
    ['III', [4, 6]],
    ['IV', null],
    ['dieu-1', null],
  ])('%s → %j', (part, range) => {
    expect(bodyPart(draft().content!.body, part)).toEqual(range);
  });

  it('finds a Điều', () => {
    expect(bodyPart([{ p: 'x' }, { article: { number: 1, title: 'A', body: [] } }, { article: { number: 2, title: 'B', body: [] } }], 'dieu-2')).toEqual([2, 3]);
  });
});

describe('editTextSection', () => {
  it('replaces one part of the body, the rest untouched; a document mentioned before is cited short', () => {
    const next = editTextSection(draft(), 'body', 'II', '# II. NỘI DUNG\n\nTheo {{cite "nq-04"}} và {{cite "187/KH-UBND"}}; {{fig "so_ho"}} hộ.', registry);
    expect(next.content!.body).toEqual([
      { h1: 'I. MỤC ĐÍCH' },
      { p: 'Theo Nghị quyết số 04/2026/NQ-HĐND.' },
      { h1: 'II. NỘI DUNG' },
      { p: 'Theo Nghị quyết số 04/2026/NQ-HĐND và Kế hoạch số 187/KH-UBND ngày 21/5/2026 của Ủy ban nhân dân thành phố Hải Phòng về triển khai thực hiện Nghị quyết; {{fig "so_ho"}} hộ.' },
      { h1: 'III. TỔ CHỨC' },
      { p: 'Giữ.' },
    ]);
    // links follow the texts (the Kế hoạch is now cited); an unnumbered linked draft stays linked
    expect(next.citations).toEqual(['nq-04', 'kh-187', 'du-thao-qd']);
  });

  it('cites in full in the căn cứ (nothing comes before it) and fixes the ND30 punctuation', () => {
    const next = editTextSection(draft(), 'canCu', undefined, 'Căn cứ {{cite "04/2026/NQ-HĐND"}}\n\nThực hiện {{cite "kh-187" form="short"}};', registry);
    expect(next.content!.canCu).toEqual([`Căn cứ ${NQ_FULL};`, 'Thực hiện Kế hoạch số 187/KH-UBND.']);
  });

  it('writes Nơi nhận the ND30 way and wants the Lưu line last', () => {
    expect(editTextSection(draft(), 'recipients', undefined, 'Như trên\nSở Tài chính (để b/c)\nLưu: VT, KT', registry).content!.recipients).toEqual(['- Như trên;', '- Sở Tài chính (để b/c);', '- Lưu: VT, KT.']);
    expect(() => editTextSection(draft(), 'recipients', undefined, 'Như trên', registry)).toThrow(/ends with the archive line/);
  });

  it('lists every problem of an edit, each where it is', () => {
    let problems: { path: string; message: string }[] = [];
    try {
      editTextSection(draft(), 'annexes', '0', '{{fig "so_ho"}}\n\n@figureTable so_ho\n\n@bang', registry);
    } catch (e) {
      problems = (e as DraftEditError).problems;
    }
    expect(problems).toEqual([
      { path: 'annexes/0:5', message: expect.stringContaining('unknown directive @bang') },
      { path: 'annexes/0', message: '@figureTable so_ho: not a table figure of this draft' },
    ]);
    expect(() => editTextSection(draft(), 'body', undefined, 'x {{cite "99/KH-UBND"}}', registry)).toThrow(/body:1:3: no document "99\/KH-UBND"/);
    expect(() => editTextSection(draft(), 'body', undefined, 'x {{cite "du-thao-qd"}}', registry)).toThrow(/has no number yet/);
    expect(() => editTextSection(draft(), 'body', undefined, 'x {{foo}}', registry)).toThrow(DraftEditError);
  });

  it('round-trips: a section read and written back is unchanged', () => {
    const d = draft();
    for (const [section, part] of [['body', undefined], ['body', 'II'], ['canCu', undefined], ['recipients', undefined], ['annexes', '0'], ['title', undefined]] as const) {
      const next = editTextSection(d, section, part, sectionText(d, section, part), registry);
      expect({ section, part, content: next.content, title: next.title }).toEqual({ section, part, content: d.content, title: d.title });
    }
  });
});

describe('citedCodes', () => {
  it('orders by first mention in the texts and skips what cannot be cited', () => {
    const d = draft();
    d.content!.canCu = ['Thực hiện Kế hoạch số 187/KH-UBND.', `Căn cứ ${NQ_FULL}.`];
    expect(citedCodes(d, registry)).toEqual(['kh-187', 'nq-04']);
  });
});
