import * as fs from 'node:fs';
import * as path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { parse } from 'yaml';
import { runCli, type CliIo } from '../../src/cli';
import { testDatabase, type TestDatabase } from '../harness';

/**
 * `vanthu check` in-process: exit codes, the DESIGN.md JSON shape, and the findings the issue asks
 * for on the seeds, with the registry imported from records/ and without any registry. Expected
 * line numbers are found by searching the seed text, not by asking the checker.
 */

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, '..', '..');
const SEEDS = path.join(ROOT, 'fixtures/seeds');
const seed = (prefix: string) => path.join(SEEDS, fs.readdirSync(SEEDS).find((f) => f.startsWith(prefix)) as string);
const fixture = (name: string) => path.join(ROOT, 'fixtures/check/docs', name);
const set = (name: string) => fs.readdirSync(path.join(ROOT, 'fixtures/check/sets', name)).map((f) => path.join(ROOT, 'fixtures/check/sets', name, f));

/**
 * The agency whose registry a seed is checked against: the one whose records/ document reconstructs
 * it (`seed: <file>`), else Kim Thành, the first commune in records/.
 */
function agencyOf(prefix: string): string {
  const yamls: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else if (/\.ya?ml$/.test(e.name)) yamls.push(path.join(dir, e.name));
    }
  };
  walk(path.join(ROOT, 'records'));
  const file = path.basename(seed(prefix));
  for (const y of yamls) {
    const docs = (parse(fs.readFileSync(y, 'utf8')) as { documents?: { seed?: string; agency: string }[] } | null)?.documents ?? [];
    const hit = docs.find((d) => d.seed === file);
    if (hit) return hit.agency;
  }
  return 'kim-thanh';
}

function lineOf(file: string, needle: string): number {
  const i = fs.readFileSync(file, 'utf8').normalize('NFC').split(/\r\n|\r|\n/).findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" not in ${file}`);
  return i + 1;
}

interface Finding {
  code: string;
  severity: string;
  message: string;
  line: number;
  excerpt: string;
  expected?: string;
  actual?: string;
}
interface Report {
  files: { file: string; findings: Finding[] }[];
}

describe('vanthu check', () => {
  let db: TestDatabase;
  let out: string[];
  let err: string[];
  const io: CliIo = { out: (s) => out.push(s), err: (s) => err.push(s) };
  const schemaEnv = process.env.VANTHU_DB_SCHEMA;

  beforeAll(() => {
    db = testDatabase();
    if (db.config.databaseSchema) process.env.VANTHU_DB_SCHEMA = db.config.databaseSchema;
  });
  afterAll(async () => {
    if (schemaEnv === undefined) delete process.env.VANTHU_DB_SCHEMA;
    else process.env.VANTHU_DB_SCHEMA = schemaEnv;
    await db?.cleanup();
  });
  beforeEach(() => {
    out = [];
    err = [];
  });

  const cli = (...args: string[]) => runCli(args, io);
  const withRecords = (...args: string[]) => runCli(['--data', db.config.dataDir, '--records', path.join(ROOT, 'records'), ...args], io);
  const report = (): Report => {
    expect(out).toHaveLength(1);
    return JSON.parse(out[0]) as Report;
  };
  const findings = (r: Report, i = 0) => r.files[i].findings;
  const pick = (fs_: Finding[], code: string) => fs_.filter((f) => f.code === code);

  describe('on the seeds, each with the registry of its agency imported from records/', () => {
    it('000: the reversed range and "tháng 05" in the date line; exit 1', async () => {
      const file = seed('000');
      expect(await withRecords('check', file, '--json', '--agency', agencyOf('000'))).toBe(1);
      const f = findings(report());
      expect(pick(f, 'date.range_reversed')).toEqual([
        expect.objectContaining({ severity: 'error', line: lineOf(file, 'đến hết ngày 01/6/2025'), excerpt: expect.stringContaining('29/5/2026') }),
      ]);
      expect(pick(f, 'date.format')).toEqual(
        expect.arrayContaining([expect.objectContaining({ severity: 'warning', line: lineOf(file, 'tháng 05 năm 2026'), actual: '26/05', expected: '26/5' })]),
      );
      // the NQ and the city KH it cites are in records/ with these numbers and dates
      expect(pick(f, 'citation.unknown')).toEqual([]);
      expect(pick(f, 'citation.mismatch')).toEqual([]);
      expect(err.join('\n')).toMatch(/1 error-level finding/);
    });

    it('001: 04/NQ-HĐND against 04/2026/NQ-HĐND, and the missing number of a draft as info; exit 1', async () => {
      const file = seed('001');
      expect(await withRecords('check', file, '--json', '--agency', agencyOf('001'))).toBe(1);
      const f = findings(report());
      const inconsistent = pick(f, 'citation.inconsistent');
      expect(inconsistent.length).toBeGreaterThanOrEqual(1);
      expect(inconsistent.every((x) => x.severity === 'error' && x.actual === '04/NQ-HĐND' && x.expected === '04/2026/NQ-HĐND')).toBe(true);
      expect(inconsistent.map((x) => x.line)).toContain(lineOf(file, 'Nghị quyết số 04/NQ-HĐND ngày 20/4/2026 của Hội đồng nhân dân thành phố Hải Phòng quy định'));
      expect(pick(f, 'number.missing')).toEqual([expect.objectContaining({ severity: 'info', line: lineOf(file, 'Số: /KH-UBND') })]);
    });

    it('003: the poverty-standard periods 2022 - 2025 and 2027 - 2030; exit 1', async () => {
      const file = seed('003');
      expect(await withRecords('check', file, '--json', '--agency', agencyOf('003'))).toBe(1);
      const periods = pick(findings(report()), 'period.invalid');
      expect(periods.every((p) => p.severity === 'error')).toBe(true);
      expect(new Set(periods.map((p) => p.actual))).toEqual(new Set(['2022-2025', '2027-2030']));
      expect(periods.map((p) => p.line)).toContain(lineOf(file, '2027 - 2030'));
    });

    it.each(['002', '004'])('%s: no error-level finding; exit 0', async (prefix) => {
      expect(await withRecords('check', seed(prefix), '--json', '--agency', agencyOf(prefix))).toBe(0);
      expect(findings(report()).filter((f) => f.severity === 'error')).toEqual([]);
    });

    it('all five at once: one report, files in the order given, exit 1', async () => {
      const files = ['000', '001', '002', '003', '004'].map(seed);
      expect(await withRecords('check', ...files, '--json', '--agency', agencyOf('000'))).toBe(1);
      expect(report().files.map((f) => f.file)).toEqual(files);
    });
  });

  describe('against the registry', () => {
    const dir = () => fs.mkdtempSync(path.join(db.config.dataDir, 'docs-'));
    const write = (d: string, name: string, text: string) => {
      fs.writeFileSync(path.join(d, name), text);
      return path.join(d, name);
    };

    it('citation.mismatch for a date other than the registry’s, citation.unknown for a document it lacks', async () => {
      const file = write(dir(), 'kh.txt', 'Căn cứ Nghị quyết số 04/2026/NQ-HĐND ngày 24/4/2026 của Hội đồng nhân dân thành phố Hải Phòng;\n\nCăn cứ Quyết định số 77/QĐ-UBND ngày 02/3/2026 của UBND xã.\n');
      expect(await withRecords('check', file, '--json', '--agency', agencyOf('000'))).toBe(1);
      expect(findings(report()).map((f) => [f.code, f.line, f.expected, f.actual])).toEqual([
        ['citation.mismatch', 1, '20/4/2026', '24/4/2026'],
        ['citation.unknown', 3, undefined, '77/QĐ-UBND'],
      ]);
    });

    it('the same file without a registry: no citation finding, exit 0', async () => {
      const file = write(dir(), 'kh.txt', 'Căn cứ Nghị quyết số 04/2026/NQ-HĐND ngày 24/4/2026 của Hội đồng nhân dân thành phố Hải Phòng.\n');
      expect(await cli('check', file, '--json')).toBe(0);
      expect(report()).toEqual({ files: [{ file, findings: [] }] });
    });

    it('takes --data and --records after the files too, as DESIGN.md writes them', async () => {
      const file = write(dir(), 'kh.txt', 'Căn cứ Nghị quyết số 04/2026/NQ-HĐND ngày 24/4/2026 của Hội đồng nhân dân thành phố Hải Phòng.\n');
      expect(await cli('check', file, '--json', '--records', path.join(ROOT, 'records'), '--data', db.config.dataDir, '--agency', agencyOf('000'))).toBe(1);
      expect(findings(report()).map((f) => f.code)).toEqual(['citation.mismatch']);
    });

    it('an unknown agency is a usage error (exit 2)', async () => {
      expect(await cli('--data', db.config.dataDir, 'check', seed('002'), '--agency', 'khong-co')).toBe(2);
      expect(err.join('\n')).toMatch(/khong-co/);
    });
  });

  describe('output and exit codes', () => {
    it('--json is exactly { files: [ { file, findings: [ {code, severity, message, line, excerpt, expected?, actual?} ] } ] }', async () => {
      expect(await cli('check', seed('000'), fixture('c20-clean-kh.txt'), '--json')).toBe(1);
      const r = report();
      expect(Object.keys(r)).toEqual(['files']);
      expect(r.files.map((f) => Object.keys(f))).toEqual([
        ['file', 'findings'],
        ['file', 'findings'],
      ]);
      const all = r.files.flatMap((f) => f.findings);
      expect(all.length).toBeGreaterThan(0);
      for (const f of all) {
        expect(Object.keys(f).filter((k) => !['expected', 'actual'].includes(k))).toEqual(['code', 'severity', 'message', 'line', 'excerpt']);
        expect(['error', 'warning', 'info']).toContain(f.severity);
        expect(Number.isInteger(f.line) && f.line >= 1).toBe(true);
      }
    });

    it.each(['c20-clean-kh.txt', 'c22-clean-qd.md', 'c25-budget-table.md', 'v05-clean-wrapped.txt'])('a clean document (%s) exits 0', async (name) => {
      expect(await cli('check', fixture(name), '--json')).toBe(0);
      expect(findings(report()).filter((f) => f.severity === 'error')).toEqual([]);
    });

    it('human text by default: file:line, severity, code and a summary', async () => {
      const file = seed('000');
      expect(await cli('check', file)).toBe(1);
      const text = out.join('\n');
      expect(text).toContain(`${file}:${lineOf(file, 'đến hết ngày 01/6/2025')}  LỖI  date.range_reversed`);
      expect(text).toMatch(/Tổng: 1 lỗi, \d+ cảnh báo, \d+ ghi chú trong 1 tệp$/);
    });

    it('--html writes the document with its findings at their lines', async () => {
      const html = path.join(db.config.dataDir, 'report.html');
      expect(await cli('check', seed('003'), '--html', html)).toBe(1);
      const page = fs.readFileSync(html, 'utf8');
      expect(page).toMatch(new RegExp(`<li class="error" id="L${lineOf(seed('003'), '2027 - 2030')}">`));
      expect(page).toContain('<code>period.invalid</code>');
    });

    it('documents given together are checked against each other', async () => {
      expect(await cli('check', ...set('s03-citation-peers'), '--json')).toBe(1);
      const r = report();
      const qd = r.files.find((f) => f.file.endsWith('qd-70.txt')) as Report['files'][number];
      expect(qd.findings.filter((f) => f.code === 'citation.mismatch').map((f) => f.expected)).toEqual(['08/2026/NQ-HĐND', '10/3/2026']);
      expect(await cli('check', ...set('s02-kh-bc-clean'), '--json')).toBe(0);
    });

    it('an unreadable or unsupported file: exit 2, the others still reported, the reasons on stderr', async () => {
      const missing = path.join(db.config.dataDir, 'khong-co.txt');
      const odt = path.join(db.config.dataDir, 'van-ban.odt');
      fs.writeFileSync(odt, 'x');
      expect(await cli('check', fixture('c20-clean-kh.txt'), missing, odt, '--json')).toBe(2);
      expect(report().files.map((f) => f.file)).toEqual([fixture('c20-clean-kh.txt')]);
      expect(err.join('\n')).toContain(missing);
      expect(err.join('\n')).toContain('unsupported file type ".odt"');
    });

    it('a broken .docx and a PDF without text are unreadable (exit 2)', async () => {
      const docx = path.join(db.config.dataDir, 'hong.docx');
      fs.writeFileSync(docx, 'not a zip');
      const scan = path.join(db.config.dataDir, 'scan.pdf');
      const pdf = await PDFDocument.create();
      pdf.addPage([595, 842]);
      fs.writeFileSync(scan, await pdf.save());
      expect(await cli('check', docx, scan, '--json')).toBe(2);
      expect(report()).toEqual({ files: [] });
      expect(err.join('\n')).toMatch(/hong\.docx/);
      expect(err.join('\n')).toMatch(/scan\.pdf has no text layer/);
    });

    it('no file is a usage error (exit 2)', async () => {
      expect(await cli('check')).toBe(2);
    });

    it('several agencies and no --agency is a usage error (exit 2)', async () => {
      const second = path.join(db.config.dataDir, 'second.yaml');
      fs.writeFileSync(
        second,
        [
          'agencies:',
          '  - { code: xa-hai, name: Ủy ban nhân dân xã Hai, shortName: UBND xã Hai, governingBody: [], issuerLines: [ỦY BAN NHÂN DÂN, XÃ HAI], abbreviation: UBND, placeName: Hai, numbering: single, units: [], villages: [] }',
          '',
        ].join('\n'),
      );
      expect(await cli('--data', db.config.dataDir, '--records', second, 'check', seed('002'))).toBe(2);
      expect(err.join('\n')).toMatch(/several agencies.*--agency/);
      expect(await cli('--data', db.config.dataDir, 'check', seed('002'), '--agency', 'xa-hai', '--json')).toBe(0);
    });
  });
});
