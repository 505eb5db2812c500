import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchCheck } from './bench';
import { checkExitCode, checkFiles, checkFileWithSource, checkReportJson, checkText, checkUploads, formatCheckHtml, formatCheckText } from './check';
import { FINDING_CODES } from './codes';
import type { CheckFileResult } from './types';

const DOC = [
  'Số: 12/KH-UBND',
  '',
  'Bình Minh, ngày 12 tháng 3 năm 2026',
  '',
  'Tổng số 27 hộ, gồm: thôn Đông 10 hộ, thôn Tây 12 hộ, thôn Nam 6 hộ.',
  '',
  'Báo cáo trước ngày 08/03/2026 <script>alert("x")</script> & "ký".',
].join('\n');

describe('checkText', () => {
  it('returns findings with the DESIGN.md fields, sorted by line', () => {
    const r = checkText(DOC, { fileName: 'kh.txt' });
    expect(r.file).toBe('kh.txt');
    expect(r.findings.map((f) => [f.code, f.severity, f.line])).toEqual([
      ['sum.mismatch', 'error', 5],
      ['date.format', 'warning', 7],
    ]);
    expect(r.findings[0]).toEqual({
      code: 'sum.mismatch',
      severity: 'error',
      message: expect.any(String),
      line: 5,
      excerpt: expect.stringContaining('27 hộ'),
      expected: '28 hộ',
      actual: '27 hộ',
    });
  });

  it.each([
    [undefined, 'error'],
    [true, 'info'],
  ])('number.missing of a dated document with isDraft %s is %s', (isDraft, severity) => {
    const r = checkText('Số: /QĐ-UBND\nHồng Phong, ngày 12 tháng 6 năm 2026', { fileName: 'qd.txt', context: { isDraft } });
    expect(r.findings).toEqual([expect.objectContaining({ code: 'number.missing', severity })]);
  });

  it('uses only codes of the fixed vocabulary, each with its documented severity (number.missing may be info)', () => {
    const r = checkText(DOC, { fileName: 'kh.txt' });
    const wrong = r.findings.filter((f) => !(f.code in FINDING_CODES) || (f.code !== 'number.missing' && f.severity !== FINDING_CODES[f.code].severity));
    expect(wrong).toEqual([]);
  });

  it('reports citation.unknown only when a registry is given', () => {
    const text = 'Căn cứ Quyết định số 999/QĐ-UBND ngày 01/3/2026.';
    expect(checkText(text, { fileName: 'a.txt' }).findings).toEqual([]);
    expect(checkText(text, { fileName: 'a.txt', context: { knownDocuments: [] } }).findings.map((f) => f.code)).toEqual(['citation.unknown']);
  });
});

describe('reports', () => {
  const results: CheckFileResult[] = [
    checkText(DOC, { fileName: 'kh.txt' }),
    checkText('Không có gì để kiểm tra.', { fileName: 'sach.txt' }),
  ];

  it('checkReportJson is exactly { files: [ { file, findings } ] }', () => {
    const json = checkReportJson(results);
    expect(Object.keys(json)).toEqual(['files']);
    expect(json.files.map((f) => Object.keys(f))).toEqual([
      ['file', 'findings'],
      ['file', 'findings'],
    ]);
    for (const f of json.files.flatMap((x) => x.findings)) {
      expect(Object.keys(f).every((k) => ['code', 'severity', 'message', 'line', 'excerpt', 'expected', 'actual'].includes(k))).toBe(true);
    }
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it.each([
    [[], 0],
    [[{ file: 'a', findings: [{ code: 'date.format', severity: 'warning', message: '', line: 1, excerpt: '' }] }], 0],
    [[{ file: 'a', findings: [{ code: 'citation.unknown', severity: 'info', message: '', line: 1, excerpt: '' }] }], 0],
    [[{ file: 'a', findings: [] }, { file: 'b', findings: [{ code: 'sum.mismatch', severity: 'error', message: '', line: 1, excerpt: '' }] }], 1],
  ] as [CheckFileResult[], number][])('checkExitCode %# → %d', (rs, code) => {
    expect(checkExitCode(rs)).toBe(code);
  });

  it('formatCheckText lists file:line, severity, code and a summary', () => {
    const text = formatCheckText(results);
    expect(text).toContain('kh.txt:5  LỖI  sum.mismatch');
    expect(text).toContain('kh.txt:7  CẢNH BÁO  date.format');
    expect(text).toContain('sach.txt: 0 lỗi, 0 cảnh báo, 0 ghi chú');
    expect(text).toMatch(/Tổng: 1 lỗi, 1 cảnh báo, 0 ghi chú trong 2 tệp\n$/);
  });

  it('formatCheckHtml shows the document, marks finding lines and escapes everything', () => {
    const html = formatCheckHtml(results, { 'kh.txt': DOC.split('\n'), 'sach.txt': ['Không có gì để kiểm tra.'] });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;ký&quot;');
    expect(html).toMatch(/<li class="error" id="L5">/);
    expect(html).toMatch(/<li class="warning" id="L7">/);
    expect(html).toContain('<code>sum.mismatch</code>');
    expect(html.match(/<li /g)?.length).toBe(8);
  });

  it('formatCheckHtml takes a Map as well', () => {
    expect(formatCheckHtml(results, new Map([['kh.txt', DOC.split('\n')]]))).toContain('id="L7"');
  });
});

describe('checkFileWithSource', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-check-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('returns the lines the findings point at', async () => {
    const file = join(dir, 'kh.md');
    writeFileSync(file, DOC);
    const { result, lines } = await checkFileWithSource(file, undefined, 'kh.md');
    expect(result.file).toBe('kh.md');
    expect(lines[result.findings[0].line - 1]).toContain('27 hộ');
  });
});

describe('checkFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-check-files-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('checks every readable file, lists the unreadable ones and exits 2 when there are any', async () => {
    writeFileSync(join(dir, 'a.txt'), DOC);
    writeFileSync(join(dir, 'b.odt'), 'x');
    const out = await checkFiles([join(dir, 'a.txt'), join(dir, 'b.odt')]);
    expect(out.results.map((r) => r.findings.length)).toEqual([2]);
    expect(out.unreadable).toEqual([{ file: join(dir, 'b.odt'), code: 'check.unsupported', message: expect.any(String) }]);
    expect(out.exitCode).toBe(2);
    expect(out.sources[join(dir, 'a.txt')]).toHaveLength(7);
  });

  it('exits 1 on an error-level finding and 0 on a clean file', async () => {
    writeFileSync(join(dir, 'clean.txt'), 'Không có gì.');
    expect((await checkFiles([join(dir, 'a.txt')])).exitCode).toBe(1);
    expect((await checkFiles([join(dir, 'clean.txt')])).exitCode).toBe(0);
  });
});

describe('checkUploads', () => {
  it('reads bytes by the name’s extension, checks them together and lists the unreadable ones', async () => {
    const out = await checkUploads([
      { fileName: 'kh.md', bytes: Buffer.from(DOC) },
      { fileName: 'ghi-chu.txt', bytes: Buffer.from('\uFEFFKhông có gì.') },
      { fileName: 'a.odt', bytes: Buffer.from('x') },
      { fileName: 'nhi-phan.txt', bytes: Buffer.from([0, 1, 2]) },
    ]);
    expect(out.results.map((r) => [r.file, r.findings.map((f) => f.code)])).toEqual([
      ['kh.md', ['sum.mismatch', 'date.format']],
      ['ghi-chu.txt', []],
    ]);
    expect(out.unreadable.map((u) => [u.file, u.code])).toEqual([
      ['a.odt', 'check.unsupported'],
      ['nhi-phan.txt', 'check.unreadable'],
    ]);
    expect(out.exitCode).toBe(2);
  });
});

describe('benchCheck', () => {
  it('checks a 10-page document and reports timings (no time is asserted)', () => {
    const b = benchCheck({ runs: 2 });
    expect(b.pages).toBe(10);
    expect(b.characters).toBe(30000);
    expect(b.findings).toBeGreaterThan(0);
    expect(b.medianMs).toBeGreaterThan(0);
  });
});
