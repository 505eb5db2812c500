import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import PizZip from 'pizzip';
import { PageSizes, PDFDocument, StandardFonts } from 'pdf-lib';
import { runCli, type CliIo } from '../../src/cli';
import { testDatabase, type TestDatabase } from '../harness';

/**
 * `vanthu lint` in-process: a document of the registry (records/kim-thanh imported into a temp data
 * folder) rendered to DocModel, DOCX and PDF and linted; produced files linted as they are; files
 * spoilt here on purpose (US Letter with a non-embedded font, a DOCX with 1 cm margins) found; exit
 * codes 0, 1 and 2.
 */

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, '..', '..');
const RECORDS = path.join(ROOT, 'records', 'kim-thanh');

interface Finding {
  code: string;
  severity: string;
  message: string;
  where?: string;
}
interface Report {
  targets: { target: string; document?: { agency: string; id: number }; outputs: { output: string; file?: string; findings: Finding[] }[] }[];
}

describe('vanthu lint', () => {
  let db: TestDatabase;
  let work: string;
  let out: string[];
  let err: string[];
  const io: CliIo = { out: (s) => out.push(s), err: (s) => err.push(s) };
  const schemaEnv = process.env.VANTHU_DB_SCHEMA;

  beforeAll(() => {
    db = testDatabase();
    if (db.config.databaseSchema) process.env.VANTHU_DB_SCHEMA = db.config.databaseSchema;
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-lint-cli-'));
  });
  afterAll(async () => {
    if (schemaEnv === undefined) delete process.env.VANTHU_DB_SCHEMA;
    else process.env.VANTHU_DB_SCHEMA = schemaEnv;
    fs.rmSync(work, { recursive: true, force: true });
    await db?.cleanup();
  });
  beforeEach(() => {
    out = [];
    err = [];
  });

  const cli = (...args: string[]) => runCli(args, io);
  const withRegistry = (...args: string[]) => runCli(['--data', db.config.dataDir, '--records', RECORDS, ...args], io);
  const report = (): Report => {
    expect(out).toHaveLength(1);
    return JSON.parse(out[0]) as Report;
  };
  const errorsOf = (fs_: Finding[]) => fs_.filter((f) => f.severity === 'error');

  describe('a document of the registry', () => {
    it('128/KH-UBND: the DocModel, its DOCX and its PDF are linted, none has an error; exit 0', async () => {
      expect(await withRegistry('lint', '128/KH-UBND', '--json')).toBe(0);
      const r = report();
      expect(r.targets).toHaveLength(1);
      const [t] = r.targets;
      expect(t.target).toBe('128/KH-UBND');
      expect(t.document).toEqual({ agency: 'kim-thanh', id: expect.any(Number) });
      expect(t.outputs.map((o) => o.output)).toEqual(['model', 'docx', 'pdf']);
      expect(t.outputs.map((o) => o.file)).toEqual([undefined, expect.stringMatching(/\.docx$/), expect.stringMatching(/\.pdf$/)]);
      for (const o of t.outputs) expect({ output: o.output, errors: errorsOf(o.findings) }).toEqual({ output: o.output, errors: [] });
    });

    it('by its code, in text: one line per output', async () => {
      expect(await withRegistry('lint', 'kh-128-2026')).toBe(0);
      const text = out.join('\n');
      expect(text).toMatch(/^kh-128-2026 \(kim-thanh, record \d+\)$/m);
      expect(text).toMatch(/^ {2}model: /m);
      expect(text).toMatch(/^ {2}docx \S+\.docx: /m);
      expect(text).toMatch(/^ {2}pdf \S+\.pdf: /m);
    });

    it('an unknown document: exit 2, said on stderr, nothing on stdout but an empty report', async () => {
      expect(await withRegistry('lint', '999/KH-UBND', '--json')).toBe(2);
      expect(report()).toEqual({ targets: [] });
      expect(err.join('\n')).toMatch(/no document "999\/KH-UBND"/);
    });
  });

  describe('files', () => {
    it('the PDF and DOCX that `vanthu render` writes pass; exit 0', async () => {
      const dir = path.join(work, 'rendered');
      expect(await withRegistry('render', '128/KH-UBND', '--format', 'docx,pdf', '--out', dir)).toBe(0);
      const files = out.map((l) => l.trim());
      expect(files.map((f) => path.extname(f)).sort()).toEqual(['.docx', '.pdf']);
      out = [];
      expect(await cli('lint', ...files, '--json')).toBe(0);
      const r = report();
      expect(r.targets.map((t) => t.target)).toEqual(files);
      expect(r.targets.map((t) => t.outputs.map((o) => o.output))).toEqual(files.map((f) => [path.extname(f).slice(1)]));
      expect(r.targets.flatMap((t) => t.outputs.flatMap((o) => errorsOf(o.findings)))).toEqual([]);
    });

    it('a US Letter PDF drawn with a non-embedded Helvetica: page size and font errors; exit 1', async () => {
      const doc = await PDFDocument.create();
      const font = await doc.embedFont(StandardFonts.Helvetica);
      doc.addPage(PageSizes.Letter).drawText('Ke hoach', { x: 100, y: 700, size: 14, font });
      const file = path.join(work, 'letter.pdf');
      fs.writeFileSync(file, await doc.save());
      expect(await cli('lint', file, '--json')).toBe(1);
      const codes = report().targets[0].outputs[0].findings.filter((f) => f.severity === 'error').map((f) => f.code);
      expect(codes).toEqual(expect.arrayContaining(['nd30.pdf.page_size', 'nd30.pdf.font_not_embedded']));
      expect(err.join('\n')).toMatch(/error-level finding/);
    });

    it('a DOCX whose margins were set to 1 cm: a margin error per side; exit 1', async () => {
      const dir = path.join(work, 'spoilt');
      expect(await withRegistry('render', '128/KH-UBND', '--format', 'docx', '--out', dir)).toBe(0);
      const zip = new PizZip(fs.readFileSync(out[0].trim()));
      const xml = zip.file('word/document.xml')?.asText() ?? '';
      expect(xml).toMatch(/<w:pgMar\b/);
      zip.file('word/document.xml', xml.replace(/<w:pgMar\b[^>]*\/>/g, '<w:pgMar w:top="567" w:right="567" w:bottom="567" w:left="567" w:header="0" w:footer="0" w:gutter="0"/>'));
      const file = path.join(work, 'margins.docx');
      fs.writeFileSync(file, zip.generate({ type: 'nodebuffer' }));
      out = [];
      expect(await cli('lint', file)).toBe(1);
      const text = out.join('\n');
      for (const side of ['top', 'bottom', 'left', 'right']) expect(text).toMatch(new RegExp(`error +nd30\\.docx\\.margins .*: ${side} margin is 10\\.0 mm`));
    });

    it.each([
      ['a text file named .pdf', 'fake.pdf', 'not a PDF at all', /not a PDF file/],
      ['a text file named .docx', 'fake.docx', 'not a zip', /not a \.docx/],
      ['a missing .pdf', 'missing.pdf', undefined, /ENOENT|no such file/i],
      ['a .txt file', 'notes.txt', 'Số: 128/KH-UBND', /reads \.pdf and \.docx/],
    ])('%s: exit 2', async (_, name, content, message) => {
      const file = path.join(work, name);
      if (content !== undefined) fs.writeFileSync(file, content);
      expect(await cli('lint', file)).toBe(2);
      expect(err.join('\n')).toMatch(message);
    });

    it('no target: usage error, exit 2', async () => {
      expect(await cli('lint')).toBe(2);
    });
  });
});
