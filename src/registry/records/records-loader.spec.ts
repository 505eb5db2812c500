import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadRecords, RecordsError, type RecordsIssue } from './records-loader';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A records folder with these files (name → YAML text). */
function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-records-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function issuesOf(dir: string): Pick<RecordsIssue, 'file' | 'line' | 'path' | 'message'>[] {
  try {
    loadRecords(dir);
  } catch (e) {
    if (e instanceof RecordsError) return e.issues.map(({ file, line, path: p, message }) => ({ file, line, path: p, message }));
    throw e;
  }
  return [];
}

const AGENCY = `agencies:
  - code: xa-a
    name: Ủy ban nhân dân xã A
    shortName: UBND xã A
    issuerLines: [ỦY BAN NHÂN DÂN, XÃ A]
    abbreviation: UBND
    placeName: A
    villages:
      - { code: thon-1, name: Thôn 1, kind: thôn }
officials:
  - { code: ong-b, agency: xa-a, name: Nguyễn Văn B, position: Phó Chủ tịch }
`;

const PLAN = `documents:
  - code: kh-1
    agency: xa-a
    direction: outgoing
    type: KH
    typeName: Kế hoạch
    number: 1
    year: 2026
    symbol: KH-UBND
    issuer: Ủy ban nhân dân xã A
    date: "2026-05-26"
    title: Kế hoạch thử
    content:
      canCu: [Căn cứ X.]
      body:
        - h1: I. MỤC ĐÍCH
        - p: Nội dung.
      recipients: ['- Lưu VT.']
      signature: { official: ong-b, authority: [KT. CHỦ TỊCH] }
`;

describe('loadRecords', () => {
  it('reads a folder into a RecordSet with the defaults filled in, text NFC', () => {
    const set = loadRecords(folder({ 'a/a.yaml': AGENCY.normalize('NFD'), 'a/plan.yml': PLAN }));
    expect(set.agencies[0]).toMatchObject({ code: 'xa-a', name: 'Ủy ban nhân dân xã A', governingBody: [], numbering: 'single', units: [] });
    expect(set.agencies[0].name).toBe(set.agencies[0].name.normalize('NFC'));
    expect(set.documents[0]).toMatchObject({ status: 'issued', citations: [], yearInNumber: false });
    expect(set.documents[0].content).toMatchObject({ annexes: [], body: [{ h1: 'I. MỤC ĐÍCH' }, { p: 'Nội dung.' }] });
  });

  it.each<[string, string, { line: number; path: string; message: RegExp }]>([
    ['a misspelt field', PLAN.replace('    title: Kế hoạch thử', '    title: Kế hoạch thử\n    note: [x]'), { line: 13, path: 'documents.0.note', message: /unknown field "note"/ }],
    ['a missing field, at its record', PLAN.replace('    symbol: KH-UBND\n', ''), { line: 2, path: 'documents.0.symbol', message: /expected string/ }],
    ['an impossible date', PLAN.replace('2026-05-26', '2026-02-30'), { line: 11, path: 'documents.0.date', message: /no such calendar date/ }],
    ['a date not in the year', PLAN.replace('2026-05-26', '2025-05-26'), { line: 8, path: 'documents.0.year', message: /differs from the date's year 2025/ }],
    ['a bad enum value', PLAN.replace('direction: outgoing', 'direction: out'), { line: 4, path: 'documents.0.direction', message: /outgoing/ }],
    ['a block with two kinds', PLAN.replace('- p: Nội dung.', '- { p: Nội dung., h2: x }'), { line: 17, path: 'documents.0.content.body.1', message: /exactly one of/ }],
    ['an empty paragraph', PLAN.replace('- p: Nội dung.', "- p: ''"), { line: 17, path: 'documents.0.content.body.1.p', message: /must not be empty/ }],
    ['an unknown signer', PLAN.replace('official: ong-b', 'official: ong-c'), { line: 19, path: 'documents.0.content.signature.official', message: /unknown official ong-c/ }],
    ['a citation of nothing', PLAN.replace('    content:', '    citations: [nq-9]\n    content:'), { line: 13, path: 'documents.0.citations.0', message: /unknown document nq-9/ }],
    ['an unknown agency', PLAN.replace('agency: xa-a', 'agency: xa-z'), { line: 3, path: 'documents.0.agency', message: /unknown agency xa-z/ }],
    ['a YAML syntax error', PLAN.replace('    title: Kế hoạch thử', '    title: [Kế hoạch thử'), { line: 13, path: '', message: /./ }],
  ])('reports %s at its file and line', (_name, plan, want) => {
    const issues = issuesOf(folder({ 'a.yaml': AGENCY, 'b/plan.yaml': plan }));
    expect(issues).toEqual([{ file: path.join('b', 'plan.yaml'), line: want.line, path: want.path, message: expect.stringMatching(want.message) }]);
  });

  it('reports every problem of every file together, and throws before anything can be imported', () => {
    const bad = PLAN.replace('2026-05-26', 'hôm qua').replace('number: 1', 'number: -1').replace('official: ong-b', 'official: ong-c');
    const issues = issuesOf(folder({ 'a.yaml': AGENCY.replace('placeName: A', 'placeName: ""'), 'plan.yaml': bad, 'x.yaml': 'villages: []\n' }));
    expect(issues.map((i) => `${i.file}:${i.line} ${i.path}`)).toEqual([
      'a.yaml:7 agencies.0.placeName',
      'plan.yaml:7 documents.0.number',
      'plan.yaml:11 documents.0.date',
      'x.yaml:1 villages',
    ]);
    // the document with a bad field is left out whole, so its signer is not checked a second time
    expect(() => loadRecords(folder({ 'a.yaml': AGENCY, 'plan.yaml': bad }))).toThrow(RecordsError);
  });

  it('reports a duplicate code in another file with where the first one is', () => {
    const issues = issuesOf(folder({ 'a.yaml': AGENCY, 'b.yaml': PLAN, 'c.yaml': PLAN }));
    expect(issues).toEqual([{ file: 'c.yaml', line: 2, path: 'documents.0.code', message: 'duplicate document xa-a/kh-1 (first in b.yaml:2)' }]);
  });

  it('loads the records/ folder of this repository', () => {
    const set = loadRecords(path.join(__dirname, '..', '..', '..', 'records'));
    expect(set.agencies.length).toBeGreaterThan(0);
    expect(set.documents.filter((d) => d.seed).length).toBeGreaterThan(0);
  });
});
