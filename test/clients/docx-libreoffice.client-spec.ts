/**
 * LibreOffice as the judge of our .docx: it must open each fixture and print it to an A4 PDF
 * whose text (read back by poppler) has the title, the signer and the page numbers where ND30
 * puts them. Each soffice call has its own profile, or a second call is handed to the first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOC_MODEL_FIXTURES, qdPheDuyet } from '../../fixtures/docmodels';
import type { DocModel } from '../../src/drafting/doc-model';
import { renderDocx } from '../../src/render/docx/docx-renderer';

jest.setTimeout(60_000);

const work = mkdtempSync(join(tmpdir(), 'vanthu-docx-lo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(cmd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 55_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** .docx → .pdf with LibreOffice; returns the PDF path. */
function convert(name: string, model: DocModel): { status: number | null; pdf: string; stderr: string } {
  const dir = mkdtempSync(join(work, `${name}-`));
  const docx = join(dir, `${name}.docx`);
  writeFileSync(docx, renderDocx(model));
  const profile = `file://${join(dir, 'lo-profile')}`;
  const r = run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx]);
  return { status: r.status, pdf: join(dir, `${name}.pdf`), stderr: r.stderr };
}

/** Page sizes in points, one per page. */
function pageSizes(pdf: string): Array<[number, number]> {
  const out = run('pdfinfo', ['-f', '1', '-l', '9999', pdf]).stdout;
  return [...out.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

/** Text of each page (pdftotext separates pages with form feeds), white space collapsed. */
function pageTexts(pdf: string): string[] {
  const out = run('pdftotext', ['-enc', 'UTF-8', pdf, '-']).stdout;
  return out
    .split('\f')
    .slice(0, -1)
    .map((t) => t.normalize('NFC').replace(/\s+/g, ' ').trim());
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1;

describe('LibreOffice opens our .docx', () => {
  it.each(DOC_MODEL_FIXTURES.map((f) => [f.name, f.model] as const))('%s: converts to an A4 PDF with the title and the signer', (name, model) => {
    const { status, pdf, stderr } = convert(name, model);
    expect({ status, stderr: status === 0 ? '' : stderr }).toEqual({ status: 0, stderr: '' });
    expect(existsSync(pdf)).toBe(true);

    const sizes = pageSizes(pdf);
    expect(sizes.length).toBeGreaterThan(0);
    // A4 = 595 × 842 pt: portrait pages, or landscape pages in a landscape annex
    for (const [w, h] of sizes) expect((near(w, 595) && near(h, 842)) || (near(w, 842) && near(h, 595))).toBe(true);
    expect(near(sizes[0][0], 595) && near(sizes[0][1], 842)).toBe(true);

    const text = pageTexts(pdf).join(' ');
    expect(text).toContain(model.header.typeName ?? 'Số:'); // a công văn has no tên loại
    const titleWords = [...model.header.title, model.header.vv ?? ''].join(' ').split(/\s+/).filter(Boolean).slice(0, 6).join(' ');
    expect(text).toContain(titleWords);
    expect(text).toContain(model.header.numberLine.replace(/\s+/g, ' '));
    expect(text).toContain(model.signature.name);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });

  it('numbers pages from 2 at the top, restarts in each annex, and turns the landscape annex', () => {
    const { status, pdf } = convert('qd-pages', qdPheDuyet);
    expect(status).toBe(0);
    const pages = pageTexts(pdf);
    const sizes = pageSizes(pdf);
    // page 1 starts with the agency, not a number; page 2 of the main text starts with "2"
    expect(pages[0].startsWith('ỦY BAN NHÂN DÂN')).toBe(true);
    expect(pages[1]).toMatch(/^2 /);
    const annexI = pages.findIndex((t) => t.startsWith('Phụ lục I '));
    const annexII = pages.findIndex((t) => t.startsWith('Phụ lục II '));
    expect(annexI).toBeGreaterThan(1);
    expect(annexII).toBeGreaterThan(annexI);
    // the landscape list runs over more than one page; its second page is numbered 2 again
    expect(pages[annexII + 1]).toMatch(/^2 STT /);
    expect(near(sizes[annexI][0], 595)).toBe(true);
    expect(near(sizes[annexII][0], 842) && near(sizes[annexII][1], 595)).toBe(true);
    expect(near(sizes[annexII + 1][0], 842)).toBe(true);
  });
});
