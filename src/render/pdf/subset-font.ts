/**
 * A TrueType subset embedded as a Type0 / CIDFontType2 font (Identity-H), written with pdf-lib's
 * low-level objects instead of `PDFDocument.embedFont`:
 *
 * - pdf-lib shapes every `encodeText` call with fontkit's layout engine, whose first use per font
 *   parses GSUB/GPOS (≈ 34 ms a face, most of the time of a 13-page document); our text is NFC with
 *   a precomposed glyph per letter, so the cmap alone gives the glyph;
 * - pdf-lib writes ToUnicode from fontkit's per-process glyph cache, which is wrong for the second
 *   document that shares a parsed font; ours is written from the characters actually drawn;
 * - the parsed font (loadFaces) is shared by all documents: a subset only reads it.
 *
 * Codes in the content stream are subset glyph ids (CIDToGIDMap Identity), four hex digits.
 */
import { deflateSync } from 'node:zlib';
import { PDFString, type PDFContext, type PDFDocument, type PDFRef } from 'pdf-lib';
import type { Subset } from '@pdf-lib/fontkit';
import type { Face } from './fonts';

/** ToUnicode entries per bfchar block (the CMap format allows at most 100). */
const BFCHAR_BLOCK = 100;

/** A Flate stream compressed by Node's zlib (pdf-lib's own uses pako, several times slower). */
export function flate(ctx: PDFContext, data: Uint8Array | string, dict: Record<string, number> = {}): PDFRef {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  return ctx.register(ctx.stream(deflateSync(bytes), { ...dict, Filter: 'FlateDecode' }));
}

function hex4(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, '0');
}

function utf16Hex(cp: number): string {
  return [...String.fromCodePoint(cp)].reduce((s, ch) => {
    let out = s;
    for (let i = 0; i < ch.length; i++) out += hex4(ch.charCodeAt(i));
    return out;
  }, '');
}

export class SubsetFont {
  readonly ref: PDFRef;
  private readonly subset: Subset;
  /** code point → four hex digits of its subset glyph id */
  private readonly codes = new Map<number, string>();
  /** subset glyph id → the code point drawn with it and its advance (1/1000 em) */
  private readonly used = new Map<number, { cp: number; width: number }>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly face: Face,
    /** "VTHUAA+Tinos": a subset tag and the PostScript name */
    readonly baseFont: string,
  ) {
    this.ref = doc.context.nextRef();
    this.subset = face.font.createSubset();
  }

  /** The glyph codes of `text` (coverage was checked when the text was measured). */
  hex(text: string): string {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff) {
        cp = text.codePointAt(i) as number;
        i++;
      }
      let code = this.codes.get(cp);
      if (code === undefined) code = this.add(cp);
      out += code;
    }
    return out;
  }

  private add(cp: number): string {
    const font = this.face.font;
    const glyph = font.glyphForCodePoint(cp);
    if (glyph.id === 0 && !font.hasGlyphForCodePoint(cp)) throw new Error(`no glyph for U+${hex4(cp)} in ${this.baseFont}`);
    const gid = this.subset.includeGlyph(glyph.id);
    if (!this.used.has(gid)) this.used.set(gid, { cp, width: (glyph.advanceWidth * 1000) / font.unitsPerEm });
    const code = hex4(gid);
    this.codes.set(cp, code);
    return code;
  }

  private subsetBytes(): Promise<Uint8Array> {
    return new Promise((resolve) => {
      const parts: Uint8Array[] = [];
      this.subset
        .encodeStream()
        .on('data', (b: Uint8Array) => parts.push(b))
        .on('end', () => {
          const total = parts.reduce((n, p) => n + p.length, 0);
          const out = new Uint8Array(total);
          let at = 0;
          for (const p of parts) {
            out.set(p, at);
            at += p.length;
          }
          resolve(out);
        });
    });
  }

  private toUnicode(): string {
    const entries = [...this.used.entries()].sort((a, b) => a[0] - b[0]);
    const blocks: string[] = [];
    for (let i = 0; i < entries.length; i += BFCHAR_BLOCK) {
      const chunk = entries.slice(i, i + BFCHAR_BLOCK);
      blocks.push(`${chunk.length} beginbfchar\n${chunk.map(([gid, u]) => `<${hex4(gid)}> <${utf16Hex(u.cp)}>`).join('\n')}\nendbfchar`);
    }
    return [
      '/CIDInit /ProcSet findresource begin',
      '12 dict begin',
      'begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /Adobe-Identity-UCS def',
      '/CMapType 2 def',
      '1 begincodespacerange',
      '<0000> <FFFF>',
      'endcodespacerange',
      ...blocks,
      'endcmap',
      'CMapName currentdict /CMap defineresource pop',
      'end',
      'end',
    ].join('\n');
  }

  /** Widths of the used glyphs: [gid [w] gid [w] …] (.notdef is never drawn). */
  private widths(): (number | number[])[] {
    const out: (number | number[])[] = [];
    for (const [gid, u] of [...this.used.entries()].sort((a, b) => a[0] - b[0])) out.push(gid, [Math.round(u.width * 1000) / 1000]);
    return out;
  }

  /** Writes the font objects; call once, after the last `hex`. */
  async embed(): Promise<void> {
    const ctx = this.doc.context;
    const font = this.face.font;
    const scale = 1000 / font.unitsPerEm;
    const bytes = await this.subsetBytes();
    const file = flate(ctx, bytes, { Length1: bytes.length });
    const familyClass = font['OS/2'].sFamilyClass >> 8;
    // flags: serif (2), symbolic (3: glyphs outside the standard Latin set), italic (7)
    const italic = font.italicAngle !== 0;
    const flags = (familyClass >= 1 && familyClass <= 7 ? 1 << 1 : 0) | (1 << 2) | (italic ? 1 << 6 : 0);
    const bbox = font.bbox;
    const descriptor = ctx.register(
      ctx.obj({
        Type: 'FontDescriptor',
        FontName: this.baseFont,
        Flags: flags,
        FontBBox: [bbox.minX * scale, bbox.minY * scale, bbox.maxX * scale, bbox.maxY * scale].map(Math.round),
        ItalicAngle: font.italicAngle,
        Ascent: Math.round(font.ascent * scale),
        Descent: Math.round(font.descent * scale),
        CapHeight: Math.round((font.capHeight || font.ascent) * scale),
        XHeight: Math.round((font.xHeight || 0) * scale),
        StemV: 80,
        FontFile2: file,
      }),
    );
    const cid = ctx.register(
      ctx.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: this.baseFont,
        CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
        FontDescriptor: descriptor,
        W: this.widths(),
        CIDToGIDMap: 'Identity',
      }),
    );
    const toUnicode = flate(ctx, this.toUnicode());
    ctx.assign(
      this.ref,
      ctx.obj({
        Type: 'Font',
        Subtype: 'Type0',
        BaseFont: this.baseFont,
        Encoding: 'Identity-H',
        DescendantFonts: [cid],
        ToUnicode: toUnicode,
      }),
    );
  }
}
