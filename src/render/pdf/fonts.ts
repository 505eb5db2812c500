/**
 * The four Tinos faces vendored in templates/fonts (SIL OFL 1.1, see its README): loaded once per
 * process, measured directly with fontkit (advance widths, no shaping: the text is NFC and every
 * Vietnamese letter has a precomposed glyph), and checked for coverage so that a character the font
 * lacks is an error naming the character and where it appears, never a box in the PDF.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as fontkit from '@pdf-lib/fontkit';
import type { Font } from '@pdf-lib/fontkit';

export type FaceKey = 'regular' | 'bold' | 'italic' | 'boldItalic';

export const FACES: readonly FaceKey[] = ['regular', 'bold', 'italic', 'boldItalic'];

const FILES: Record<FaceKey, string> = {
  regular: 'Tinos-Regular.ttf',
  bold: 'Tinos-Bold.ttf',
  italic: 'Tinos-Italic.ttf',
  boldItalic: 'Tinos-BoldItalic.ttf',
};

export function faceOf(bold: boolean, italic: boolean): FaceKey {
  if (bold) return italic ? 'boldItalic' : 'bold';
  return italic ? 'italic' : 'regular';
}

/** A character the font cannot draw: the message names it, its code point and where it was found. */
export class MissingGlyphError extends Error {
  readonly code = 'render.missing_glyph';
  constructor(
    readonly char: string,
    readonly face: FaceKey,
    readonly where: string,
  ) {
    const cp = 'U+' + (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    super(`the font Tinos ${face} has no glyph for "${char}" (${cp}) in ${where}`);
    this.name = 'MissingGlyphError';
  }
}

/** templates/fonts, found upwards from this file (works from src/ under ts-jest and from dist/). */
export function fontsDir(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, 'templates', 'fonts');
    if (existsSync(join(candidate, FILES.regular))) return candidate;
    const up = dirname(dir);
    if (up === dir) throw new Error(`templates/fonts/${FILES.regular} not found above ${__dirname}`);
    dir = up;
  }
}

export interface Face {
  key: FaceKey;
  bytes: Uint8Array;
  font: Font;
  /** em fractions; the font's hhea metrics */
  ascent: number;
  descent: number;
  lineGap: number;
  /** code point → advance in em; filled lazily */
  advances: Map<number, number>;
}

let faces: Record<FaceKey, Face> | undefined;

export function loadFaces(): Record<FaceKey, Face> {
  if (faces) return faces;
  const dir = fontsDir();
  const out = {} as Record<FaceKey, Face>;
  for (const key of FACES) {
    const bytes = new Uint8Array(readFileSync(join(dir, FILES[key])));
    const font = fontkit.create(bytes);
    const em = font.unitsPerEm;
    out[key] = {
      key,
      bytes,
      font,
      ascent: font.ascent / em,
      descent: -font.descent / em,
      lineGap: font.lineGap / em,
      advances: new Map(),
    };
  }
  faces = out;
  return out;
}

/** Advance width of one code point in em; throws MissingGlyphError when the face lacks it. */
export function advanceOf(face: Face, cp: number, where: () => string): number {
  const known = face.advances.get(cp);
  if (known !== undefined) return known;
  if (!face.font.hasGlyphForCodePoint(cp)) throw new MissingGlyphError(String.fromCodePoint(cp), face.key, where());
  const w = face.font.glyphForCodePoint(cp).advanceWidth / face.font.unitsPerEm;
  face.advances.set(cp, w);
  return w;
}

/** Width of `text` in em (sum of advances: no kerning, as Word and LibreOffice do by default). */
export function emWidth(face: Face, text: string, where: () => string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      cp = text.codePointAt(i) ?? cp;
      i++;
    }
    w += advanceOf(face, cp, where);
  }
  return w;
}
