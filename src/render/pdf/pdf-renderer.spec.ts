import { PDFDocument } from 'pdf-lib';
import type { DocModel } from '../../drafting/doc-model';
import { documentSections } from './document-flow';
import { featureModel, qdWithAnnex } from './fixtures/sample-models';
import { seedModel } from './fixtures/seed-models';
import { MissingGlyphError } from './fonts';
import { paginateSections, renderPdf, renderPdfWithLayout } from './pdf-renderer';

jest.setTimeout(30_000);

// A4 and the ND30 margins in points, from millimetres by hand: 1 mm = 72 / 25.4 pt
const A4 = [595.276, 841.89];
const LEFT = 85.039; // 30 mm
const TEXT_WIDTH = 467.717; // 210 - 30 - 15 mm = 165 mm
const HEADER_LEFT = 210; // 4200 twips: the signature column starts there

describe('renderPdfWithLayout', () => {
  let feature: { bytes: Uint8Array; layout: Awaited<ReturnType<typeof renderPdfWithLayout>>['layout'] };
  beforeAll(async () => {
    feature = await renderPdfWithLayout(featureModel());
  });

  it('writes a PDF whose pages are A4, portrait for the text and landscape for the annex that asks for it', async () => {
    const doc = await PDFDocument.load(feature.bytes);
    const sizes = doc.getPages().map((p) => [p.getWidth(), p.getHeight()].map((v) => Math.round(v * 1000) / 1000));
    expect(sizes.length).toBe(feature.layout.pages.length);
    const landscape = feature.layout.pages.filter((p) => p.annex === 1).map((p) => p.index);
    expect(landscape.length).toBeGreaterThan(0);
    sizes.forEach((s, i) => expect(s).toEqual(landscape.includes(i) ? [A4[1], A4[0]] : A4));
  });

  it('numbers the main text and each phụ lục on their own, hiding the number on each first page', () => {
    const bySection = new Map<string, number[]>();
    for (const p of feature.layout.pages) {
      const key = p.section === 'main' ? 'main' : `annex ${p.annex}`;
      bySection.set(key, [...(bySection.get(key) ?? []), p.number]);
      expect(p.numberShown).toBe(p.number > 1);
    }
    for (const numbers of bySection.values()) expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect([...bySection.keys()]).toEqual(['main', 'annex 0', 'annex 1']);
  });

  it('leaves 30 mm for the signature and seal in the right column of the last page of the main text', () => {
    const s = feature.layout.signature;
    const lastMain = Math.max(...feature.layout.pages.filter((p) => p.section === 'main').map((p) => p.index));
    expect(s.page).toBe(lastMain);
    expect(s.x).toBeCloseTo(LEFT + HEADER_LEFT, 2);
    expect(s.width).toBeCloseTo(TEXT_WIDTH - HEADER_LEFT, 2);
    expect(s.height).toBeCloseTo((30 * 72) / 25.4, 1);
    // inside the text area: above the 20 mm bottom margin, below the 20 mm top one
    expect(s.y).toBeGreaterThan(56.69);
    expect(s.y + s.height).toBeLessThan(A4[1] - 56.69);
  });

  it('writes the metadata: title, author = the agency, subject, the document date', async () => {
    const doc = await PDFDocument.load(feature.bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Quyết định 15/QĐ-UBND: Phê duyệt danh sách hộ được hỗ trợ thu nhập năm 2026');
    expect(doc.getAuthor()).toBe('Ủy ban nhân dân xã Kim Thành');
    expect(doc.getSubject()).toBe('Phê duyệt danh sách hộ được hỗ trợ thu nhập năm 2026');
    // 2026-06-02 in Việt Nam (UTC+7) is 17:00 UTC the day before
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-06-01T17:00:00.000Z');
  });

  it('gives the same bytes for the same model, and for the same text in NFD', async () => {
    const model = qdWithAnnex(5);
    const nfd = JSON.parse(JSON.stringify(model).normalize('NFD')) as DocModel;
    const [a, b, c] = await Promise.all([renderPdf(model), renderPdf(model), renderPdf(nfd)]);
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(c).equals(Buffer.from(a))).toBe(true);
  });

  it.each([
    ['a body paragraph', (m: DocModel) => m.body.push({ kind: 'paragraph', runs: [{ text: 'Hộ ông A \u{1F600}' }] }), /U\+1F600\) in body\[3\]/],
    ['a table cell', (m: DocModel) => m.annexes[0].blocks.push({ kind: 'table', columns: [{ header: 'A', width: 1 }], rows: [{ cells: ['x\u0378'] }] }), /U\+0378\) in annexes\[0\]\.blocks\[1\] row 1 cell 1/],
    ['the signer', (m: DocModel) => (m.signature.name = 'Nguyễn \u2603'), /U\+2603\) in signature\.name/],
  ])('refuses a character the font lacks in %s, naming it and where it is', async (_, spoil, message) => {
    const model = qdWithAnnex(3);
    spoil(model);
    await expect(renderPdf(model)).rejects.toThrow(MissingGlyphError);
    await expect(renderPdf(model)).rejects.toThrow(message);
  });
});

describe('pagination of the seeds', () => {
  it.each(['000', '001', '002', '003'])('seed %s: Nơi nhận and the signature share a page with the last two lines of the body', (name) => {
    const { sections } = documentSections(seedModel(name));
    const [main] = paginateSections(sections);
    const items = sections[0].items;
    const sigIndex = items.length - 1;
    const page = main.find((p) => p.placed.some((x) => x.src === sigIndex));
    expect(page).toBeDefined();
    const srcs = (page?.placed ?? []).map((x) => x.src);
    expect(srcs).toEqual(expect.arrayContaining([sigIndex - 2, sigIndex - 1, sigIndex]));
  });

  it('lays out a 10,000-row annex with the header row on top of every annex page', () => {
    const { sections } = documentSections(qdWithAnnex(10_000));
    const [, annex] = paginateSections(sections);
    const header = sections[1].items.find((i) => i.repeat === undefined && i.keepWithNext && i.height > 20);
    expect(annex.length).toBeGreaterThan(200);
    annex.slice(1).forEach((p) => expect(p.placed[0].src).toBe(-1));
    // every data row once, in order
    const rows = annex.flatMap((p) => p.placed.filter((x) => x.src >= 0 && x.item.repeat).map((x) => x.src));
    expect(rows.length).toBe(10_001); // 10,000 rows and the total
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(header).toBeDefined();
  });
});
