import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef } from 'pdf-lib';
import { loadFaces } from './fonts';
import { SubsetFont } from './subset-font';

async function embedded(text: string) {
  const doc = await PDFDocument.create();
  const font = new SubsetFont(doc, loadFaces().regular, 'VTHUAA+Tinos');
  const codes = font.hex(text);
  await font.embed();
  const ctx = doc.context;
  const type0 = ctx.lookup(font.ref, PDFDict);
  const cid = ctx.lookup((type0.get(PDFName.of('DescendantFonts')) as PDFArray).get(0) as PDFRef, PDFDict);
  const w = (cid.get(PDFName.of('W')) as PDFArray).asArray().map((o) => (o instanceof PDFArray ? o.asArray().map((n) => (n as PDFNumber).asNumber()) : (o as PDFNumber).asNumber()));
  const cmap = inflateSync((ctx.lookup(type0.get(PDFName.of('ToUnicode')) as PDFRef) as PDFRawStream).contents).toString('latin1');
  return { codes, type0, cid, w, cmap };
}

describe('SubsetFont', () => {
  it('numbers glyphs in order of first use (0 is .notdef) and reuses a code for a repeated letter', async () => {
    const { codes } = await embedded('Aă ĐăA');
    expect(codes).toBe(['0001', '0002', '0003', '0004', '0002', '0001'].join(''));
  });

  it('writes widths in 1/1000 em — Times New Roman metrics: A 722, ă 444, space 250, Đ 722', async () => {
    const { w } = await embedded('Aă Đ');
    // Tinos has 2048 units per em: its widths are the AFM ones to within one unit
    expect(w.filter((_, i) => i % 2 === 0)).toEqual([1, 2, 3, 4]);
    const widths = w.filter((_, i) => i % 2 === 1).map((x) => (x as number[])[0]);
    [722, 444, 250, 722].forEach((want, i) => expect(Math.abs(widths[i] - want)).toBeLessThan(1));
  });

  it('maps every glyph back to the character drawn with it (ToUnicode), in UTF-16', async () => {
    const { cmap } = await embedded('Aă Đữ');
    expect(cmap).toContain('5 beginbfchar\n<0001> <0041>\n<0002> <0103>\n<0003> <0020>\n<0004> <0110>\n<0005> <1EEF>\nendbfchar');
    expect(cmap).toContain('/Registry (Adobe) /Ordering (UCS)');
  });

  it('is a Type0 font over an embedded CIDFontType2 with Identity-H', async () => {
    const { type0, cid } = await embedded('a');
    expect(String(type0.get(PDFName.of('Subtype')))).toBe('/Type0');
    expect(String(type0.get(PDFName.of('Encoding')))).toBe('/Identity-H');
    expect(String(type0.get(PDFName.of('BaseFont')))).toBe('/VTHUAA+Tinos');
    expect(String(cid.get(PDFName.of('Subtype')))).toBe('/CIDFontType2');
    expect(String(cid.get(PDFName.of('CIDToGIDMap')))).toBe('/Identity');
  });
});
