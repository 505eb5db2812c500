/**
 * Every wording template, drafted for every agency of records/ it applies to, renders to DOCX, PDF
 * and HTML, and the cross-checker finds no error-level finding in any of the three (the DOCX read
 * from its XML, the PDF through poppler's text layer, the HTML as its text), with the agency's
 * registry as context so that every citation is checked against the cited document's own number,
 * date and issuer. For the synthetic xã Tân An, `vanthu check` (the CLI, in-process, on the same
 * registry) finds nothing wrong at all: no error and no warning.
 *
 * Which template applies to which agency is written out here (APPLIES), from what each agency's
 * records hold: Nghị quyết 04/2026 (Kim Thành, Cát Hải, Tân An), a quota split over villages
 * (Thanh Thủy, Tân An), poor households with 2026 expectations (Bách Quang, Tân An), the NQ 04
 * income policy with its members (Cát Hải, Tân An), a Trưởng phòng to sign a Tờ trình (Tân An).
 * Huyện Tứ Kỳ (2023) is of a level the templates are not written for.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../../src/app.module';
import { checkFiles, checkText, type CheckContext, type Finding } from '../../src/checking';
import { CheckService } from '../../src/checking/check.service';
import { runCli, type CliIo } from '../../src/cli';
import { DraftsService } from '../../src/drafting/drafts/drafts.service';
import { IssuingService } from '../../src/issuing/issuing.service';
import { AgenciesService } from '../../src/registry/agencies.service';
import { RecordsService } from '../../src/registry/records.service';
import { RenderService, type RenderFormat } from '../../src/render/render.service';
import { testDatabase, type TestDatabase } from '../harness';

jest.setTimeout(300_000);

const RECORDS = join(__dirname, '..', '..', 'records');

interface Case {
  template: string;
  agency: string;
  implements: string[];
  inputs?: Record<string, string>;
  /** documents to draft (and issue) first: their codes replace "$1", "$2" in `implements` */
  before?: { template: string; implements: string[]; inputs?: Record<string, string>; issue?: boolean }[];
}

const NQ04 = 'nq-04-2026-hdnd-hp';
const KH187 = 'kh-187-2026-ubnd-hp';
const MONTHS = { tu_thang: '2026-07', den_thang: '2026-12' };

const APPLIES: Case[] = [
  { template: 'kh-trien-khai', agency: 'kim-thanh', implements: [NQ04, KH187], inputs: { thoi_gian_tuyen_truyen: '2026-05-29..2026-06-01', thoi_gian_ra_soat: '2026-06-02..2026-06-10' } },
  { template: 'kh-trien-khai', agency: 'cat-hai', implements: [NQ04, KH187], inputs: { tram_y_te: 'true', thang: '6' } },
  { template: 'kh-trien-khai', agency: 'tan-an', implements: [NQ04, KH187], inputs: { thoi_gian_tuyen_truyen: '2026-06-15..2026-06-19', thoi_gian_ra_soat: '2026-06-22..2026-07-03' } },
  { template: 'kh-giam-ngheo-nam', agency: 'thanh-thuy', implements: ['qd-1525-2025-ubnd-tq', 'kh-46-2026-ubnd-tq'] },
  { template: 'kh-giam-ngheo-nam', agency: 'tan-an', implements: ['nq-15-2025-hdnd-tan-an'] },
  { template: 'kh-phan-cong-giup-do', agency: 'bach-quang', implements: ['qd-358-2026-ubnd-tn', 'qd-185-2026'], inputs: { tu_thang: '2026-05', den_thang: '2026-09' } },
  { template: 'kh-phan-cong-giup-do', agency: 'tan-an', implements: ['nq-15-2025-hdnd-tan-an'], inputs: { tu_thang: '2026-06', den_thang: '2026-10' } },
  { template: 'qd-giao-chi-tieu', agency: 'thanh-thuy', implements: ['qd-1525-2025-ubnd-tq', 'kh-46-2026-ubnd-tq'] },
  { template: 'qd-giao-chi-tieu', agency: 'tan-an', implements: ['nq-15-2025-hdnd-tan-an'] },
  { template: 'qd-phe-duyet-danh-sach', agency: 'cat-hai', implements: [NQ04, KH187], inputs: MONTHS },
  { template: 'qd-phe-duyet-danh-sach', agency: 'tan-an', implements: [NQ04], inputs: MONTHS },
  {
    template: 'tt-de-nghi-qd',
    agency: 'tan-an',
    before: [{ template: 'qd-phe-duyet-danh-sach', implements: [NQ04], inputs: MONTHS }],
    implements: ['$1', NQ04],
  },
  {
    template: 'bc-ket-qua',
    agency: 'tan-an',
    before: [{ template: 'qd-giao-chi-tieu', implements: ['nq-15-2025-hdnd-tan-an'], issue: true }],
    implements: ['$1'],
  },
];

const FORMATS: RenderFormat[] = ['docx', 'pdf', 'html'];

/** The text of our HTML rendition, one line per block element (the checker reads text, not HTML). */
function htmlText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<\/(p|div|h\d|tr|li|td|th)>|<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

describe('every template for every agency it applies to', () => {
  let db: TestDatabase;
  let ctx: INestApplicationContext;
  const work = mkdtempSync(join(tmpdir(), 'vanthu-drafts-'));

  beforeAll(async () => {
    db = testDatabase({ recordsDir: RECORDS });
    ctx = await NestFactory.createApplicationContext(AppModule.with(db.config), { logger: false });
    await ctx.get(RecordsService).importPath(RECORDS);
  });

  afterAll(async () => {
    await ctx?.close();
    await db?.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  it('covers every template and every agency of records/ but huyện Tứ Kỳ', async () => {
    const templates = ctx.get(DraftsService).templates().map((t) => t.name);
    expect([...new Set(APPLIES.map((c) => c.template))].sort()).toEqual(templates);
    const agencies = (await ctx.get(AgenciesService).list()).map((a) => a.code).filter((a) => a !== 'tu-ky');
    expect([...new Set(APPLIES.map((c) => c.agency))].sort()).toEqual(agencies.sort());
  });

  async function draftCase(c: Case): Promise<number> {
    const drafts = ctx.get(DraftsService);
    const made: string[] = [];
    for (const b of c.before ?? []) {
      const d = await drafts.create(c.agency, { template: b.template, implements: b.implements, inputs: b.inputs ?? {} });
      if (b.issue) {
        const scope = await ctx.get(AgenciesService).scope(c.agency);
        const issuing = ctx.get(IssuingService);
        for (const to of ['submitted', 'approved', 'signed']) await issuing.transition(scope, d.id, { to });
        made.push((await issuing.issue(scope, d.id)).reference);
      } else made.push(d.code);
    }
    const implementsDocs = c.implements.map((r) => (/^\$\d$/.test(r) ? made[Number(r.slice(1)) - 1] : r));
    return (await drafts.create(c.agency, { template: c.template, implements: implementsDocs, inputs: c.inputs ?? {} })).id;
  }

  describe.each(APPLIES.map((c) => [`${c.template} for ${c.agency}`, c] as const))('%s', (name, c) => {
    let files: Record<RenderFormat, string>;
    let context: CheckContext;

    beforeAll(async () => {
      const id = await draftCase(c);
      const rendered = await ctx.get(RenderService).render(c.agency, String(id), FORMATS);
      files = {} as Record<RenderFormat, string>;
      for (const r of rendered) {
        files[r.format] = join(work, `${name.replace(/\s+/g, '-')}.${r.format}`);
        writeFileSync(files[r.format], r.bytes);
      }
      context = await ctx.get(CheckService).context(c.agency);
    });

    const errors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error').map((f) => `${f.code} line ${f.line}: ${f.excerpt}`);

    it('DOCX and PDF: no error-level finding', async () => {
      const outcome = await checkFiles([files.docx, files.pdf], context);
      expect(outcome.unreadable).toEqual([]);
      for (const r of outcome.results) {
        expect(outcome.sources[r.file].join(' ').length).toBeGreaterThan(500);
        expect({ file: r.file, errors: errors(r.findings) }).toEqual({ file: r.file, errors: [] });
      }
    });

    it('HTML: no error-level finding', () => {
      const text = htmlText(readFileSync(files.html, 'utf8'));
      expect(text.length).toBeGreaterThan(500);
      expect(errors(checkText(text, { fileName: files.html, context }).findings)).toEqual([]);
    });

    if (c.agency === 'tan-an') {
      it('vanthu check --agency tan-an finds nothing wrong: no error, no warning', async () => {
        const out: string[] = [];
        const io: CliIo = { out: (s) => out.push(s), err: () => undefined };
        // the CLI reads its database from the environment: on PostgreSQL, this file's own schema
        const schemaBefore = process.env.VANTHU_DB_SCHEMA;
        if (db.config.databaseSchema) process.env.VANTHU_DB_SCHEMA = db.config.databaseSchema;
        const code = await runCli(['--data', db.config.dataDir, 'check', '--json', '--agency', 'tan-an', files.docx, files.pdf], io).finally(() => {
          if (schemaBefore === undefined) delete process.env.VANTHU_DB_SCHEMA;
          else process.env.VANTHU_DB_SCHEMA = schemaBefore;
        });
        const report = JSON.parse(out.join('')) as { files: { file: string; findings: Finding[] }[] };
        const wrong = report.files.flatMap((f) => f.findings.filter((x) => x.severity !== 'info').map((x) => `${f.file}: ${x.code} ${x.excerpt}`));
        expect(wrong).toEqual([]);
        expect(code).toBe(0);
      });
    }
  });
});
