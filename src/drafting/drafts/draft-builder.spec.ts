import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RecordSet } from '../../registry/records/record-set';
import { loadRecords } from '../../registry/records/records-loader';
import { defaultTemplatesDir, loadTemplate, templateNames } from '../templates/template-source';
import { TemplateError, type TemplateProblem } from '../templates/template-problems';
import { buildDraft, ndCanCu, ndRecipients, roman, templateProblems, type DraftRequest } from './draft-builder';
import { registryFromRecords } from './records-registry';

const ROOT = path.join(__dirname, '..', '..', '..');
const TEMPLATES = defaultTemplatesDir();
const PLANTED = path.join(ROOT, 'fixtures', 'templates', 'planted');

let records: RecordSet;
beforeAll(() => {
  records = loadRecords(path.join(ROOT, 'records'));
});

const request = (implementsDocs: string[], inputs: Record<string, unknown> = {}): DraftRequest => ({ implements: implementsDocs, inputs, code: 'du-thao-1', today: '2026-06-01' });

function problemsOf(fn: () => unknown): TemplateProblem[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof TemplateError) return e.problems;
    throw e;
  }
  throw new Error('no TemplateError');
}

/** 1-based line and column of the first occurrence of `needle` in a file (found by searching). */
function placeOf(file: string, needle: string): { line: number; column: number } {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  if (line < 0) throw new Error(`"${needle}" not in ${file}`);
  return { line: line + 1, column: lines[line].indexOf(needle) + 1 };
}

describe('a template with three planted mistakes', () => {
  const dir = path.join(PLANTED, 'kh-ba-loi');
  const rel = (f: string) => path.relative(process.cwd(), path.join(dir, f)).split(path.sep).join('/');

  it('reports all three, each at its file, line and column, in one error, before drafting anything', () => {
    const problems = problemsOf(() => buildDraft(loadTemplate(PLANTED, 'kh-ba-loi'), registryFromRecords(records, 'kim-thanh'), request(['nq-04-2026-hdnd-hp'])));
    const fig = placeOf(path.join(dir, 'body.hbs'), '"so_ho_ngheo"');
    const cite = placeOf(path.join(dir, 'body.hbs'), '"nghi_quyet"');
    const syntax = placeOf(path.join(dir, 'can-cu.hbs'), '}.');
    expect(problems.map((p) => ({ file: p.file, line: p.line, column: p.column, code: p.code }))).toEqual([
      { file: rel('body.hbs'), ...fig, code: 'template.unknown_figure' },
      { file: rel('body.hbs'), ...cite, code: 'template.helper_misuse' },
      { file: rel('can-cu.hbs'), ...syntax, code: 'template.syntax' },
    ]);
    // and the same three without any agency (vanthu template check)
    expect(templateProblems(loadTemplate(PLANTED, 'kh-ba-loi')).map((p) => p.code)).toEqual(['template.unknown_figure', 'template.helper_misuse', 'template.syntax']);
  });
});

describe('template mistakes, one at a time (a copy of kh-trien-khai with one file changed)', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-tpl-'));
    fs.cpSync(path.join(TEMPLATES, 'kh-trien-khai'), path.join(tmp, 'kh-trien-khai'), { recursive: true });
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it.each<[string, string, string, TemplateProblem['code'], RegExp]>([
    ['an unknown helper', 'body.hbs', 'A {{tong "x"}} B', 'template.unknown_helper', /unknown helper "tong"/],
    ['an unknown agency field', 'body.hbs', 'Tại {{agency.plceName}}.', 'template.unknown_value', /unknown agency field "plceName"/],
    ['an input the manifest does not declare', 'body.hbs', '{{inputs.khong_khai_bao}}', 'template.unknown_value', /unknown input "khong_khai_bao"/],
    ['a slot the manifest does not declare', 'can-cu.hbs', 'Căn cứ {{cite implements.quyet_dinh}}.', 'template.unknown_value', /unknown document slot "quyet_dinh"/],
    ['fig used as a block', 'body.hbs', '{{#fig "quy_mo"}}x{{/fig}}', 'template.helper_misuse', /"fig" is not a block helper/],
    ['fig without quotes', 'body.hbs', '{{fig quy_mo}}', 'template.helper_misuse', /takes a name in quotes/],
    ['a count given to figureTable', 'body.hbs', '{{figureTable "quy_mo"}}', 'template.helper_misuse', /has no table/],
    ['an unknown option', 'body.hbs', '{{fig "quy_mo" dem=2}}', 'template.helper_misuse', /no option dem=/],
    ['an unknown markup directive', 'body.hbs', '@bang\n| a |', 'template.markup', /unknown directive @bang/],
    ['an unclosed block', 'body.hbs', '{{#if inputs.tram_y_te}}\nx', 'template.syntax', /Parse error|doesn't match/],
  ])('%s', (_n, file, text, code, message) => {
    fs.writeFileSync(path.join(tmp, 'kh-trien-khai', file), text);
    const problems = templateProblems(loadTemplate(tmp, 'kh-trien-khai'));
    expect(problems).toEqual([expect.objectContaining({ code, message: expect.stringMatching(message), file: expect.stringMatching(new RegExp(`kh-trien-khai/${file}$`)) })]);
  });

  it('reports a misspelt manifest field at its line', () => {
    const m = path.join(tmp, 'kh-trien-khai', 'manifest.yaml');
    fs.writeFileSync(m, fs.readFileSync(m, 'utf8').replace('levels: [', 'level: ['));
    const problems = templateProblems(loadTemplate(tmp, 'kh-trien-khai'));
    expect(problems).toEqual([expect.objectContaining({ code: 'template.manifest', line: placeOf(m, 'level:').line, message: 'unknown field "level"' })]);
  });

  it('checks an agency override like the template, at the override’s own path', () => {
    const over = path.join(tmp, 'override');
    fs.mkdirSync(over);
    fs.writeFileSync(path.join(over, 'noi-nhan.hbs'), 'Như trên;\n{{agency.ten}};\nLưu: VT.');
    fs.writeFileSync(path.join(over, 'khac.hbs'), 'x');
    const problems = templateProblems(loadTemplate(tmp, 'kh-trien-khai', over));
    expect(problems.map((p) => [path.basename(p.file), p.line, p.code])).toEqual([
      ['khac.hbs', 1, 'template.override'],
      ['noi-nhan.hbs', 2, 'template.unknown_value'],
    ]);
    expect(problems[1].file).toMatch(/override\/noi-nhan\.hbs$/);
  });
});

describe('every template of templates/', () => {
  it.each(templateNames(TEMPLATES))('%s has no problem of its own', (name) => {
    expect(templateProblems(loadTemplate(TEMPLATES, name))).toEqual([]);
  });

  it('the agency overrides in records/ have none either', () => {
    const overrides = fs
      .readdirSync(path.join(ROOT, 'records'))
      .flatMap((a) => (fs.existsSync(path.join(ROOT, 'records', a, 'templates')) ? fs.readdirSync(path.join(ROOT, 'records', a, 'templates')).map((t) => [a, t]) : []));
    expect(overrides.length).toBeGreaterThan(0);
    for (const [a, t] of overrides) expect(templateProblems(loadTemplate(TEMPLATES, t, path.join(ROOT, 'records', a, 'templates', t)))).toEqual([]);
  });
});

describe('drafting on the records', () => {
  const kh = () => loadTemplate(TEMPLATES, 'kh-trien-khai');

  it('refuses a reversed date range (seed 000: "đến hết ngày 01/6/2025") at the input’s manifest line', () => {
    const problems = problemsOf(() => buildDraft(kh(), registryFromRecords(records, 'kim-thanh'), request(['nq-04-2026-hdnd-hp'], { thoi_gian_tuyen_truyen: '29/5/2026..01/6/2025' })));
    const manifest = path.join(TEMPLATES, 'kh-trien-khai', 'manifest.yaml');
    expect(problems).toEqual([expect.objectContaining({ code: 'draft.bad_input', line: placeOf(manifest, 'thoi_gian_tuyen_truyen:').line, message: expect.stringContaining('ends (2025-06-01) before it starts (2026-05-29)') })]);
  });

  it('says why a template does not apply to an agency: level, documents, data', () => {
    const problems = problemsOf(() => buildDraft(loadTemplate(TEMPLATES, 'kh-giam-ngheo-nam'), registryFromRecords(records, 'tu-ky'), request(['kh-627-2023-ubnd-hd'])));
    expect(problems.map((p) => p.code).sort()).toEqual(['draft.bad_input', 'draft.not_applicable']);
    expect(problems.map((p) => p.message).join('\n')).toMatch(/written for xã, phường, đặc khu; Ủy ban nhân dân huyện Tứ Kỳ is a huyện/);
    expect(problems.map((p) => p.message).join('\n')).toMatch(/no quota \(chỉ tiêu\) recorded/);
  });

  it('writes the scale only where the registry has the people (Cát Hải, not Kim Thành)', () => {
    const body = (agency: string) => JSON.stringify(buildDraft(kh(), registryFromRecords(records, agency), request(['nq-04-2026-hdnd-hp'])).document.content!.body);
    expect(body('cat-hai')).toContain('Quy mô thực hiện trên địa bàn (dự kiến): {{fig \\"quy_mo\\"}} người/năm.');
    expect(body('cat-hai')).toContain('5. Quy mô và kinh phí thực hiện');
    expect(body('kim-thanh')).not.toContain('quy_mo');
    expect(body('kim-thanh')).toContain('5. Kinh phí thực hiện');
  });

  it('numbers the parts it writes consecutively (Trạm Y tế only where asked)', () => {
    const headings = (inputs: Record<string, unknown>) =>
      buildDraft(kh(), registryFromRecords(records, 'cat-hai'), request(['nq-04-2026-hdnd-hp'], inputs))
        .document.content!.body.flatMap((b) => ('h2' in b ? [b.h2] : []))
        .slice(7);
    expect(headings({ tram_y_te: true }).map((h) => h.split('.')[0])).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(headings({}).map((h) => h.split('.')[0])).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(headings({ tram_y_te: true })[3]).toBe('4. Trạm Y tế');
  });

  it('selects a beneficiary list’s people when one is named (where.list), the eligible members otherwise', () => {
    const reg = registryFromRecords(records, 'tan-an');
    reg.snapshot.lists = [{ code: 'ds-nq04-2026', entries: [{ member: 'ta-tv-01', attributes: {} }] }];
    const t = loadTemplate(TEMPLATES, 'qd-phe-duyet-danh-sach');
    const withList = buildDraft(t, reg, request(['nq-04-2026-hdnd-hp'], { danh_sach: 'ds-nq04-2026', tu_thang: '2026-07', den_thang: '2026-12' }));
    expect(withList.document.content!.figures!.so_nguoi).toEqual({ count: 'members', where: { list: 'ds-nq04-2026', attributes: {} } });
    const without = buildDraft(t, reg, request(['nq-04-2026-hdnd-hp'], { tu_thang: '7/2026', den_thang: '12/2026' }));
    expect(without.document.content!.figures!.so_nguoi).toEqual({ count: 'members', where: { attributes: { thu_huong_nq04: true } } });
    const problems = problemsOf(() => buildDraft(t, reg, request(['nq-04-2026-hdnd-hp'], { danh_sach: 'khong-co', tu_thang: '2026-07', den_thang: '2026-12' })));
    expect(problems).toEqual([expect.objectContaining({ code: 'draft.bad_input', message: expect.stringContaining('no beneficiary list "khong-co" (lists: ds-nq04-2026)') })]);
  });
});

describe('ND30 punctuation of the lists a template writes', () => {
  it.each<[string[], string[]]>([
    [['Căn cứ A;', 'Căn cứ B;'], ['Căn cứ A;', 'Căn cứ B.']],
    [['Căn cứ A.', 'Căn cứ B,'], ['Căn cứ A;', 'Căn cứ B.']],
    [['Thực hiện A, ban hành như sau:'], ['Thực hiện A, ban hành như sau:']],
  ])('căn cứ %j → %j', (input, out) => {
    expect(ndCanCu(input)).toEqual(out);
  });

  it.each<[string[], string[]]>([
    [['Như trên;', 'Lưu: VT, KT.'], ['- Như trên;', '- Lưu: VT, KT.']],
    [['- A', '- B;', 'Lưu: VT;'], ['- A;', '- B;', '- Lưu: VT.']],
  ])('nơi nhận %j → %j', (input, out) => {
    expect(ndRecipients(input)).toEqual(out);
  });

  it.each([
    [1, 'I'],
    [4, 'IV'],
    [9, 'IX'],
    [14, 'XIV'],
  ])('roman(%i) = %s', (n, r) => {
    expect(roman(n)).toBe(r);
  });
});
