/**
 * LibreOffice as the judge of our PDF layout: for each Kế hoạch, our PDF has as many pages as
 * LibreOffice's conversion of our DOCX, and every page starts and ends with the same words.
 *
 * Read with `pdftotext -raw` page by page; compared: the first and the last three words of the body
 * of each page (the page number and the footnote texts at the page foot left out, since the two PDFs
 * draw them in a different order in their content streams).
 *
 * One documented difference is neutralised before converting: LibreOffice (7.x) lays a table that
 * opens the body of a .docx one empty 14 pt line lower than Word does (our DOCX starts with the ND30
 * header table). Putting a 1-twip paragraph before that table, which Word ignores, makes LibreOffice
 * place it at the top margin too; the spec adds it when the body starts with a table, so it has no
 * effect once the DOCX renderer writes such a paragraph itself.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { khDraftThanhThuy, khKimThanh, qdPheDuyet } from '../../fixtures/docmodels';
import { inlineText, isFootnote, type Block, type DocModel, type Inline } from '../../src/drafting/doc-model';
import { renderDocx } from '../../src/render/docx/docx-renderer';
import { featureModel } from '../../src/render/pdf/fixtures/sample-models';
import { SEED_KH_NAMES, seedModel } from '../../src/render/pdf/fixtures/seed-models';
import { renderPdf } from '../../src/render/pdf/pdf-renderer';

jest.setTimeout(240_000);

const work = mkdtempSync(join(tmpdir(), 'vanthu-lo-judge-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const KH: [string, DocModel][] = [
  ...SEED_KH_NAMES.map((n): [string, DocModel] => [`seed-${n}`, seedModel(n)]),
  ['kh-kim-thanh', khKimThanh],
  ['kh-draft-thanh-thuy', khDraftThanhThuy],
  // and Quyết định with phụ lục (one landscape), footnotes and a draft mark
  ['qd-phe-duyet', qdPheDuyet],
  ['qd-feature', featureModel()],
];

function tokens(text: string): string[] {
  return text.normalize('NFC').match(/[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu) ?? [];
}

function noteTexts(model: DocModel): string[][] {
  const out: string[][] = [];
  const inl = (runs: Inline[]) => runs.forEach((r) => isFootnote(r) && out.push(tokens(inlineText(r.footnote))));
  const blocks = (bs: Block[]) =>
    bs.forEach((b) => {
      if (b.kind === 'heading' || b.kind === 'paragraph') inl(b.runs);
      if (b.kind === 'article') {
        inl(b.title);
        blocks(b.body);
      }
    });
  model.canCu.forEach(inl);
  blocks(model.body);
  model.annexes.forEach((a) => blocks(a.blocks));
  return out;
}

function tableHeaders(model: DocModel): string[][] {
  const out: string[][] = [];
  const blocks = (bs: Block[]) =>
    bs.forEach((b) => {
      if (b.kind === 'table' && b.repeatHeader !== false) out.push(b.columns.flatMap((c) => tokens(c.header)));
      if (b.kind === 'article') blocks(b.body);
    });
  blocks(model.body);
  model.annexes.forEach((a) => blocks(a.blocks));
  return out;
}

const startsWith = (t: string[], h: string[]) => h.length > 0 && h.every((w, i) => t[i] === w);

/**
 * Pages of a PDF as body tokens: the page number (first token, a bare number), a table header row
 * repeated at the top of a page, and footnote texts removed.
 */
function bodyPages(pdf: string, model: DocModel): string[][] {
  const r = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`pdftotext: ${r.stderr}`);
  const pages = r.stdout.split('\f');
  if (pages[pages.length - 1].trim() === '') pages.pop();
  const notes = noteTexts(model);
  const headers = tableHeaders(model);
  return pages.map((p, i) => {
    let t = tokens(p);
    if (i > 0 && /^\d+$/.test(t[0] ?? '')) t = t.slice(1);
    const seenBefore = (h: string[]) => pages.slice(0, i).some((q) => tokens(q).join(' ').includes(h.join(' ')));
    const repeated = i > 0 ? headers.find((h) => startsWith(t, h) && seenBefore(h)) : undefined;
    if (repeated) t = t.slice(repeated.length);
    for (const [k, note] of notes.entries()) {
      const body = [String(k + 1), ...note];
      for (let at = 0; at + body.length <= t.length; at++) {
        if (body.every((w, j) => t[at + j] === w)) {
          t = [...t.slice(0, at), ...t.slice(at + body.length)];
          break;
        }
      }
    }
    return t;
  });
}

/** The LibreOffice workaround described above. */
function withLeadingParagraph(docx: Buffer): Buffer {
  const zip = new PizZip(docx);
  const xml = zip.file('word/document.xml')?.asText() ?? '';
  const fixed = xml.replace(/(<w:body>(?:\s|<!--[\s\S]*?-->)*)(<w:tbl>)/, '$1<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr></w:p>$2');
  zip.file('word/document.xml', fixed);
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const ends = (t: string[]) => ({ first: t.slice(0, 3).join(' '), last: t.slice(-3).join(' ') });

describe('our PDF and LibreOffice’s PDF of our DOCX break pages alike', () => {
  beforeAll(async () => {
    const docs: string[] = [];
    for (const [name, model] of KH) {
      writeFileSync(join(work, `${name}.ours.pdf`), await renderPdf(model));
      const docx = join(work, `${name}.docx`);
      writeFileSync(docx, withLeadingParagraph(renderDocx(model)));
      docs.push(docx);
    }
    // one soffice run for all documents, with a profile of its own
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${join(work, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, ...docs], {
      encoding: 'utf8',
      timeout: 230_000,
    });
    if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  });

  it.each(KH)('%s: same page count, same first and last words on every page', (name, model) => {
    const lo = join(work, `${name}.pdf`);
    expect(existsSync(lo)).toBe(true);
    const theirs = bodyPages(lo, model).map(ends);
    const ours = bodyPages(join(work, `${name}.ours.pdf`), model).map(ends);
    expect(ours).toEqual(theirs);
  });
});
