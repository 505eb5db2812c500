/**
 * One text, three outputs: for every example DocModel the DOCX (read back with extractDocxParagraphs),
 * the PDF (read back with poppler) and the HTML (tags stripped, entities decoded) carry the same
 * sequence of words, in the same order.
 *
 * How each output is read, and every normalisation, stated once:
 * - Tokens: NFC, then runs of letters/marks/digits, and each other non-space character alone. White
 *   space is not compared: pdftotext cannot say whether a space followed a superscript marker.
 * - DOCX: `extractDocxParagraphs` — body paragraphs in order (table cells row by row), then the
 *   footnote texts; footnote reference marks are not text.
 * - PDF: `pdftotext -raw` (content-stream order, which the renderer draws in reading order: left header
 *   column before right, Nơi nhận before the signature, a table cell by cell). Per page (form feeds):
 *   the page number, when the renderer's layout says one is shown, must be the first token and is
 *   dropped; a table header row repeated at the top of a page is dropped after its first appearance;
 *   no hyphenation happens (lines break at spaces, or after a hyphen before a letter — the tokens are
 *   the same either way).
 * - HTML: the <body>; inline tags (span, a, sup) removed, other tags read as a space; the five
 *   Handlebars entities and numeric ones decoded.
 * - Footnotes (PDF and HTML): the marker n printed after the word it follows ("nghèo" + "1" reads
 *   "nghèo1") is removed; the note body "n text…" (page foot in the PDF, end of section in the HTML)
 *   is cut out and appended at the end, where the DOCX has it. Both must be found, in order.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOC_MODEL_FIXTURES } from '../../fixtures/docmodels';
import type { DocModel } from '../../src/drafting/doc-model';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../src/database/data-source';
import { FigureSetsService } from '../../src/figure-sets/figure-sets.service';
import { AgenciesService } from '../../src/registry/agencies.service';
import { DocumentsService } from '../../src/registry/documents.service';
import { OfficialsService } from '../../src/registry/officials.service';
import { importRecordSet } from '../../src/registry/records-import';
import { loadRecords } from '../../src/registry/records/records-loader';
import { RenderService } from '../../src/render/render.service';
import { testDatabase, type TestDatabase } from '../harness';
import { dropRepeatedHeaders, firstDifference, moveFootnotes, tokens } from '../render-support/word-sequence';
import { extractDocxParagraphs } from '../../src/render/docx/docx-text';
import { renderDocx } from '../../src/render/docx/docx-renderer';
import { renderHtml } from '../../src/render/html/html-renderer';
import { featureModel, qdWithAnnex } from '../../src/render/pdf/fixtures/sample-models';
import { SEED_KH_NAMES, seedModel } from '../../src/render/pdf/fixtures/seed-models';
import { renderPdfWithLayout, type PdfLayout } from '../../src/render/pdf/pdf-renderer';

jest.setTimeout(120_000);

const work = mkdtempSync(join(tmpdir(), 'vanthu-three-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function pdfTokens(pdf: Uint8Array, layout: PdfLayout, model: DocModel, name: string): string[] {
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  const r = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  const pages = r.stdout.split('\f');
  if (pages[pages.length - 1].trim() === '') pages.pop();
  expect(pages.length).toBe(layout.pages.length);
  const numbered = pages.map((text, i) => {
    const t = tokens(text);
    const info = layout.pages[i];
    if (!info.numberShown) return t;
    expect({ page: i + 1, first: t[0] }).toEqual({ page: i + 1, first: String(info.number) });
    return t.slice(1);
  });
  return moveFootnotes(dropRepeatedHeaders(numbered, model).flat(), model, `${name}.pdf`);
}

function htmlTokens(html: string, model: DocModel, name: string): string[] {
  const body = html.slice(html.indexOf('<body>'));
  const text = body
    .replace(/<\/?(span|a|sup)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return moveFootnotes(tokens(text), model, `${name}.html`);
}

const MODELS: [string, () => DocModel][] = [
  ...SEED_KH_NAMES.map((n): [string, () => DocModel] => [`seed-${n}`, () => seedModel(n)]),
  ['feature', featureModel],
  ['qd-2000-rows', () => qdWithAnnex(2000)],
  ['qd-landscape', () => qdWithAnnex(60, { landscape: true })],
  ...DOC_MODEL_FIXTURES.map((f): [string, () => DocModel] => [f.name, () => f.model]),
];

/** Our documents in records/: composed as the service does, figures computed from the registry. */
const RECORD_DOCUMENTS = loadRecords(join(__dirname, '../../records'))
  .documents.filter((d) => d.direction === 'outgoing' && d.content)
  .map((d): [string, string] => [d.agency, d.code]);

async function expectSameWords(name: string, model: DocModel): Promise<void> {
  const docx = extractDocxParagraphs(renderDocx(model)).flatMap(tokens);
  const { bytes, layout } = await renderPdfWithLayout(model);
  const pdf = pdfTokens(bytes, layout, model, name);
  const html = htmlTokens(renderHtml(model), model, name);
  expect(docx.length).toBeGreaterThan(50);
  expect({ pdf: firstDifference(pdf, docx), html: firstDifference(html, docx) }).toEqual({ pdf: null, html: null });
}

describe('one text, three outputs: records/', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let render: RenderService;

  beforeAll(async () => {
    db = testDatabase();
    ds = await openDatabase(db.config);
    await importRecordSet(ds, loadRecords(join(__dirname, '../../records')));
    render = new RenderService(new AgenciesService(ds), new OfficialsService(ds), new DocumentsService(ds), new FigureSetsService(ds));
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.cleanup();
  });

  it.each(RECORD_DOCUMENTS)('%s %s: DOCX, PDF and HTML read the same words', async (agency, code) => {
    const { model } = await render.model(agency, code);
    await expectSameWords(`${agency}-${code}`, model);
  });
});

describe('one text, three outputs', () => {
  it.each(MODELS)('%s: DOCX, PDF and HTML read the same words', async (name, make) => {
    await expectSameWords(name, make());
  });

  it('would notice a dropped word (the comparison can fail)', async () => {
    const model = qdWithAnnex(3);
    const docx = extractDocxParagraphs(renderDocx(model)).flatMap(tokens);
    const spoilt = { ...model, body: model.body.slice(1) };
    const { bytes, layout } = await renderPdfWithLayout(spoilt);
    expect(firstDifference(pdfTokens(bytes, layout, spoilt, 'spoilt'), docx)).not.toBeNull();
  });
});
