import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { nfc } from '../vi/nfc';
import { signingError } from './errors';
import { fontkit, type FontkitFont } from './fontkit';
import { stampTime } from './vn-time';

/** A rectangle in PDF points, origin bottom-left of the page. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The visible part of a signature: a widget on `page` (0-based index) showing an image and/or
 * lines of text. Without an appearance the signature is invisible (a zero-size widget).
 */
export interface Appearance {
  /** 0-based page index */
  page: number;
  rect: Rect;
  /** PNG (transparency kept); drawn as large as fits in `rect`, aspect kept, centred */
  image?: Uint8Array;
  /** lines drawn top-down from the top-left of `rect`, black, Tinos (Times New Roman metrics) */
  text?: string[];
  /** points; default 10 (ND30 PL I §II.8: size 10 for these boxes) */
  fontSize?: number;
}

/** The space the layout leaves for the signature: between the position line and the name. */
export interface SignatureBox {
  /** 0-based page index */
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export const MM = 72 / 25.4;

/** Width and height in pixels from a PNG's IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((b, i) => png[i] !== b)) {
    throw signingError('signing.bad_image', 'the appearance image is not a PNG', 'appearance.image');
  }
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The largest rectangle of the image's aspect ratio inside `box`, centred. */
export function fitCentred(box: Rect, aspect: number): Rect {
  const width = Math.min(box.width, box.height * aspect);
  const height = width / aspect;
  return { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height };
}

/**
 * ND30 PL I §II.7.d, ô 7c: the leader's signature image, blue PNG, centred between the position
 * line and the name. The image is fitted into the box (`fill` of its height, default 90 %, so it
 * does not touch the lines) with its aspect kept; `rect` is where the image itself lands — pass it
 * to `sealAppearance` as `signatureImageRect`.
 */
export function leaderAppearance(opts: {
  page?: number;
  signatureBox: SignatureBox;
  signatureImagePng: Uint8Array;
  fill?: number;
}): Appearance {
  const { width, height } = pngSize(opts.signatureImagePng);
  const fill = opts.fill ?? 0.9;
  const box = opts.signatureBox;
  const inner: Rect = {
    x: box.x + (box.width * (1 - fill)) / 2,
    y: box.y + (box.height * (1 - fill)) / 2,
    width: box.width * fill,
    height: box.height * fill,
  };
  return { page: opts.page ?? box.page, rect: fitCentred(inner, width / height), image: opts.signatureImagePng };
}

/**
 * ND30 PL I §II.8, ô 8: the agency's seal image, red, at its real size (default 36 mm across),
 * covering about the LEFT third of the leader's signature image: the seal's right edge falls one
 * third into the image, vertically centred on it. The seal is larger than the gap between the
 * lines and overlaps the position line and the name, as a paper seal does.
 * `signatureImageRect` is the leader appearance's `rect`; without it the image is assumed to be
 * `leaderAppearance`'s default fit of a 600 × 220 px image (the usual scan aspect) in the box.
 */
export function sealAppearance(opts: {
  page?: number;
  signatureBox: SignatureBox;
  sealImagePng: Uint8Array;
  sealDiameterMm?: number;
  signatureImageRect?: Rect;
}): Appearance {
  const diameter = (opts.sealDiameterMm ?? 36) * MM;
  if (!(diameter > 0)) throw signingError('signing.bad_page', 'seal diameter must be positive', 'sealDiameterMm');
  const { width, height } = pngSize(opts.sealImagePng);
  const box = opts.signatureBox;
  const image =
    opts.signatureImageRect ??
    fitCentred(
      { x: box.x + box.width * 0.05, y: box.y + box.height * 0.05, width: box.width * 0.9, height: box.height * 0.9 },
      600 / 220,
    );
  // the seal's longer side is the diameter (a round seal scanned with a square canvas)
  const scale = diameter / Math.max(width, height);
  const w = width * scale;
  const h = height * scale;
  const right = image.x + image.width / 3;
  const centreY = image.y + image.height / 2;
  return { page: opts.page ?? box.page, rect: { x: right - w, y: centreY - h / 2, width: w, height: h }, image: opts.sealImagePng };
}

/**
 * ND30 PL I §II.8 for attachments in separate files: the agency signature at the top right of
 * page 1, no image, the text "Số: <số và ký hiệu>; <dd/mm/yyyy>; <hh:mm:ss> +07:00" in Times 10,
 * black. Pass the same `signingTime` to `signPdf` so the text and the signature agree.
 */
export function attachmentStamp(opts: {
  number: string;
  signingTime: Date;
  page?: number;
  /** page size in points; default A4 portrait */
  pageWidth?: number;
  pageHeight?: number;
  /** distance from the right and top paper edges, mm; default 15 (ND30 right margin) and 8 */
  marginRightMm?: number;
  marginTopMm?: number;
  fontSize?: number;
}): Appearance {
  const fontSize = opts.fontSize ?? 10;
  const text = nfc(`Số: ${opts.number}; ${stampTime(opts.signingTime)}`);
  const width = textWidth(text, fontSize) + 2;
  const height = fontSize * 1.25;
  const pageWidth = opts.pageWidth ?? 595.28;
  const pageHeight = opts.pageHeight ?? 841.89;
  const x = pageWidth - (opts.marginRightMm ?? 15) * MM - width;
  const y = pageHeight - (opts.marginTopMm ?? 8) * MM - height;
  return { page: opts.page ?? 0, rect: { x, y, width, height }, text: [text], fontSize };
}

const SYSTEM_TINOS = '/usr/share/fonts/truetype/croscore/Tinos-Regular.ttf';

/** Tinos (Times New Roman metrics): the copy vendored in templates/fonts/ if there is one, else Debian's. */
export function tinosPath(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'templates/fonts/Tinos-Regular.ttf');
    if (existsSync(candidate)) return candidate;
    if (existsSync(join(dir, 'package.json')) || dirname(dir) === dir) break;
  }
  if (existsSync(SYSTEM_TINOS)) return SYSTEM_TINOS;
  throw signingError('signing.missing_glyph', 'Tinos-Regular.ttf not found (templates/fonts/ or fonts-croscore)', 'font');
}

let tinosBytes: Uint8Array | undefined;
export function tinosFont(): Uint8Array {
  tinosBytes ??= new Uint8Array(readFileSync(tinosPath()));
  return tinosBytes;
}

let metrics: FontkitFont | undefined;

/** Advance width in points, from the font itself (so the stamp box fits its text). */
export function textWidth(text: string, fontSize: number): number {
  metrics ??= fontkit.create(tinosFont()) as FontkitFont;
  return (metrics.layout(nfc(text)).advanceWidth / metrics.unitsPerEm) * fontSize;
}
