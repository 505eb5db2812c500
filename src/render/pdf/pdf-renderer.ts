/**
 * DocModel → PDF, natively (pdf-lib + fontkit, no LibreOffice): ND30 layout equal to the DOCX one,
 * Tinos embedded as subsets, text NFC, a missing glyph is an error, PDF/A-2b (pdfa.ts). The layout is returned with the
 * bytes so that signing knows where the signature image and the seal go.
 */
import { PDFDocument, PDFName, type PDFPage } from 'pdf-lib';
import type { DocModel } from '../../drafting/doc-model';
import { nfcDeep } from '../../vi/nfc';
import { Canvas, type GlyphEncoder } from './canvas';
import { documentSections, NOTE_SEPARATOR, type Section } from './document-flow';
import type { DrawContext } from './flow';
import { lineBox, SINGLE_LINE } from './flow';
import { emWidth, loadFaces, type FaceKey } from './fonts';
import { flate, SubsetFont } from './subset-font';
import { paginate, type PageFlow } from './paginate';
import { makePdfA } from './pdfa';
import { FOOTNOTE_GAP, FOOTNOTE_SEPARATOR, HEADER_DISTANCE, SIZE, TABLE_BORDER } from './pdf-profile';

export interface RenderPdfOptions {
  /** creation and modification date written to the metadata; default: the model's date, else now */
  creationDate?: Date;
}

export interface PdfPageInfo {
  /** 0-based index in the PDF */
  index: number;
  width: number;
  height: number;
  section: 'main' | 'annex';
  /** index in model.annexes for annex pages */
  annex?: number;
  /** the page's number in its own numbering (each phụ lục starts again at 1) */
  number: number;
  /** ND30: no number on the first page of the document nor on the first page of a phụ lục */
  numberShown: boolean;
}

/** The rectangle left blank for the signature image and the seal, in PDF user space (points, origin bottom left). */
export interface SignatureBox {
  /** 0-based page index (pdf-lib `getPages()[page]`) */
  page: number;
  x: number;
  /** bottom edge */
  y: number;
  width: number;
  height: number;
}

export interface PdfLayout {
  pages: PdfPageInfo[];
  signature: SignatureBox;
}

const RESOURCE: Record<FaceKey, string> = { regular: 'TR', bold: 'TB', italic: 'TI', boldItalic: 'TBI' };
const SUBSET_TAG: Record<FaceKey, string> = { regular: 'VTHUAA', bold: 'VTHUAB', italic: 'VTHUAC', boldItalic: 'VTHUAD' };

class SubsetEncoder implements GlyphEncoder {
  constructor(private readonly fonts: Map<FaceKey, SubsetFont>) {}

  resource(face: FaceKey): string {
    return RESOURCE[face];
  }

  hex(face: FaceKey, text: string): string {
    const font = this.fonts.get(face);
    if (!font) throw new Error(`face ${face} was not embedded`);
    return font.hex(text);
  }
}

/** Sections → pages (no drawing): what tests and the bench need to reason about pagination. */
export function paginateSections(sections: Section[]): PageFlow[][] {
  const sep = NOTE_SEPARATOR + TABLE_BORDER;
  return sections.map((s) => paginate(s.items, s.geometry.boxHeight, sep));
}

export async function renderPdfWithLayout(model: DocModel, opts: RenderPdfOptions = {}): Promise<{ bytes: Uint8Array; layout: PdfLayout }> {
  const { sections, faces } = documentSections(model);
  const flows = paginateSections(sections);

  const doc = await PDFDocument.create();
  const loaded = loadFaces();
  const fonts = new Map<FaceKey, SubsetFont>();
  // a fixed subset tag (six capitals and "+"): the same model gives the same bytes
  for (const f of faces) fonts.set(f, new SubsetFont(doc, loaded[f], `${SUBSET_TAG[f]}+${loaded[f].font.postscriptName}`));
  const enc = new SubsetEncoder(fonts);

  const pages: PdfPageInfo[] = [];
  let signature: SignatureBox | undefined;
  const pageNo = lineBox(SINGLE_LINE, SIZE.pageNumber);

  sections.forEach((section, si) => {
    const g = section.geometry;
    flows[si].forEach((flow, pi) => {
      const page = doc.addPage([g.width, g.height]);
      const index = pages.length;
      const info: PdfPageInfo = { index, width: g.width, height: g.height, section: section.kind, number: pi + 1, numberShown: pi > 0 };
      if (section.annex !== undefined) info.annex = section.annex;
      pages.push(info);
      const c = new Canvas(enc, g.height);
      if (info.numberShown) {
        const text = String(info.number);
        const width = emWidth(loaded.regular, text, () => 'page number') * SIZE.pageNumber;
        c.text('regular', SIZE.pageNumber, text, g.left + (g.boxWidth - width) / 2, HEADER_DISTANCE + pageNo.baseline);
      }
      const ctx: DrawContext = { page: index, pageHeight: g.height };
      for (const p of flow.placed) p.item.draw(c, g.left, g.top + p.top, ctx);
      if (flow.notes.length) {
        const h = flow.notes.reduce((s, n) => s + n.height, 0);
        let top = g.top + g.boxHeight - h;
        c.hline(g.left, g.left + Math.min(FOOTNOTE_SEPARATOR, g.boxWidth / 3), top - FOOTNOTE_GAP, TABLE_BORDER);
        for (const n of flow.notes) {
          n.draw(c, g.left, top);
          top += n.height;
        }
      }
      if (ctx.signatureBox) {
        const b = ctx.signatureBox;
        signature = { page: index, x: b.x, y: g.height - b.top - b.height, width: b.width, height: b.height };
      }
      writeContent(doc, page, c, fonts);
    });
  });

  const date = opts.creationDate ?? (model.meta.date ? new Date(`${model.meta.date}T00:00:00+07:00`) : new Date());
  // PDF/A-2b: the Info dictionary, the same in XMP, an sRGB OutputIntent and the file identifier
  makePdfA(
    doc,
    { title: model.meta.title, author: model.meta.author, subject: model.meta.subject ?? model.meta.title, creator: 'vanthu', producer: 'vanthu (pdf-lib)', language: 'vi-VN', date },
    JSON.stringify(nfcDeep(model)),
  );
  for (const f of fonts.values()) await f.embed();
  const bytes = await doc.save({ useObjectStreams: true });
  if (!signature) throw new Error('the signature block was not placed');
  return { bytes, layout: { pages, signature } };
}

export async function renderPdf(model: DocModel, opts: RenderPdfOptions = {}): Promise<Uint8Array> {
  return (await renderPdfWithLayout(model, opts)).bytes;
}

function writeContent(doc: PDFDocument, page: PDFPage, c: Canvas, fonts: Map<FaceKey, SubsetFont>): void {
  for (const face of c.faces) {
    const font = fonts.get(face);
    if (font) page.node.setFontDictionary(PDFName.of(RESOURCE[face]), font.ref);
  }
  page.node.addContentStream(flate(doc.context, c.content()));
}
