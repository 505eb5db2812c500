import { createHash } from 'node:crypto';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
  type PDFContext,
  type PDFFont,
  type PDFImage,
  type PDFPage,
} from '@cantoo/pdf-lib';
import { nfc } from '../vi/nfc';
import { loadFaces } from '../render/pdf/fonts';
import { fitCentred, pngSize, tinosFont, type Appearance } from './appearance';
import { buildCadesDetached } from './cms';
import { signingError } from './errors';
import { fontkit } from './fontkit';
import type { TextStamp } from './issue-slots';
import type { Signer } from './signer';
import { pdfDate } from './vn-time';

export interface SignPdfOptions {
  signer: Signer;
  /** unique among the document's fields; default "Signature<n>" with the next free n */
  fieldName?: string;
  /** e.g. "Ký ban hành", "Đóng dấu cơ quan" — written as UTF-16 text strings */
  reason?: string;
  location?: string;
  contactInfo?: string;
  /** default now; goes to /M and to the CMS signing-time attribute */
  signingTime?: Date;
  /** without one the signature is invisible */
  appearance?: Appearance;
  /** bytes reserved for the CMS (the hex placeholder is twice this); default fits the chain */
  placeholderSize?: number;
  /** see CadesOptions.signingTimeAttribute; default true */
  signingTimeAttribute?: boolean;
  /**
   * Text written onto pages in the same incremental update, so that this signature covers it and
   * earlier ones do not: the number and date the issue step assigns (see issue-slots.ts). Each is
   * a locked, printable Stamp annotation with its own appearance, never a change to the page's
   * content stream (an incremental update that rewrites signed page content is what "shadow"
   * attacks do, and verifiers flag it).
   */
  stamps?: TextStamp[];
}

/** Width of the /ByteRange placeholder, rewritten in place with the real offsets (space padded). */
const BYTE_RANGE_PLACEHOLDER = '**********';
/** as pdf-lib serialises the placeholder array */
const BYTE_RANGE_TEXT = `[ 0 /${BYTE_RANGE_PLACEHOLDER} /${BYTE_RANGE_PLACEHOLDER} /${BYTE_RANGE_PLACEHOLDER} ]`;

/**
 * Signs `pdf` with a PAdES (ETSI.CAdES.detached) signature appended as an incremental update: the
 * bytes of `pdf` are kept unchanged at the start of the result, so every earlier signature still
 * covers exactly its own revision. Steps: add the signature dictionary (placeholder /Contents of
 * hex zeros, /ByteRange placeholder), a signature field merged with its widget (and the appearance
 * stream when asked) with @cantoo/pdf-lib's incremental writer; then fill in /ByteRange, hash the
 * two ranges, have the Signer sign the CMS signed attributes, and write the CMS into /Contents.
 */
export async function signPdf(pdf: Uint8Array, opts: SignPdfOptions): Promise<Uint8Array> {
  const signingTime = opts.signingTime ?? new Date();
  const chain = await opts.signer.certificateChain();
  const chainBytes = chain.reduce((n, c) => n + c.length, 0);
  const placeholderSize = opts.placeholderSize ?? Math.max(8192, Math.ceil((chainBytes + 4096) / 1024) * 1024);

  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { forIncrementalUpdate: true, updateMetadata: false });
  } catch (e) {
    throw signingError('signing.bad_pdf', `cannot read the PDF: ${(e as Error).message}`, 'pdf');
  }
  const context = doc.context;
  const fieldName = nfc(opts.fieldName ?? nextFieldName(doc));
  if (fieldName === '' || fieldName.includes('.')) {
    throw signingError('signing.field_exists', `a field name may not be empty or contain '.': ${fieldName}`, 'fieldName');
  }
  if (existingFieldNames(doc).has(fieldName)) {
    throw signingError('signing.field_exists', `the document already has a field named ${fieldName}`, 'fieldName');
  }

  const who = opts.signer.describe();
  const sigDict = context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'ETSI.CAdES.detached',
  });
  sigDict.set(
    PDFName.of('ByteRange'),
    context.obj([0, PDFName.of(BYTE_RANGE_PLACEHOLDER), PDFName.of(BYTE_RANGE_PLACEHOLDER), PDFName.of(BYTE_RANGE_PLACEHOLDER)]),
  );
  sigDict.set(PDFName.of('Contents'), PDFHexString.of('0'.repeat(placeholderSize * 2)));
  sigDict.set(PDFName.of('M'), PDFString.of(pdfDate(signingTime)));
  const text = (key: string, value: string | undefined) => {
    if (value !== undefined && value !== '') sigDict.set(PDFName.of(key), PDFHexString.fromText(nfc(value)));
  };
  text('Name', who.name);
  text('Reason', opts.reason);
  text('Location', opts.location);
  text('ContactInfo', opts.contactInfo);
  const sigRef = context.register(sigDict);

  const pageIndex = opts.appearance?.page ?? 0;
  const pages = doc.getPages();
  const page = pages[pageIndex];
  if (!page) throw signingError('signing.bad_page', `page ${pageIndex} does not exist (0-based; ${pages.length} pages)`, 'appearance.page');

  const widget = context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    // Print + Locked: shown when printed, not movable in a viewer
    F: 132,
    P: page.ref,
  });
  widget.set(PDFName.of('T'), PDFHexString.fromText(fieldName));
  widget.set(PDFName.of('V'), sigRef);
  if (opts.appearance) {
    const r = opts.appearance.rect;
    widget.set(PDFName.of('Rect'), context.obj([r.x, r.y, r.x + r.width, r.y + r.height]));
    const ap = await appearanceStream(doc, opts.appearance);
    widget.set(PDFName.of('AP'), context.obj({ N: ap }));
  } else {
    widget.set(PDFName.of('Rect'), context.obj([0, 0, 0, 0]));
  }
  const widgetRef = context.register(widget);
  addAnnotation(page, widgetRef);
  const stampPages = new Set<PDFRef>([page.ref]);
  const fonts = new Map<TextStamp['face'], PDFFont>();
  for (const [i, stamp] of (opts.stamps ?? []).entries()) {
    const target = pages[stamp.page];
    if (!target) throw signingError('signing.bad_page', `page ${stamp.page} does not exist (0-based; ${pages.length} pages)`, `stamps.${i}.page`);
    addAnnotation(target, await stampAnnotation(doc, target, stamp, `${fieldName} ${i + 1}`, fonts, signingTime));
    stampPages.add(target.ref);
  }
  const acroForm = doc.catalog.getOrCreateAcroForm();
  acroForm.addField(widgetRef);
  // SignaturesExist | AppendOnly: viewers must save incrementally from now on
  acroForm.dict.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  markContainers(context, [...stampPages, doc.catalog]);

  const withPlaceholder = await doc.commit({ useObjectStreams: false });
  return fillSignature(withPlaceholder, pdf.length, placeholderSize, async (digest) =>
    buildCadesDetached({
      contentDigest: digest,
      signer: opts.signer,
      signingTime,
      signingTimeAttribute: opts.signingTimeAttribute,
    }),
  );
}

/**
 * Fills /ByteRange and /Contents of the placeholder written after `from`: ByteRange covers the
 * whole file except the hex string of /Contents (its angle brackets included in the gap).
 */
export async function fillSignature(
  bytes: Uint8Array,
  from: number,
  placeholderSize: number,
  makeCms: (digest: Uint8Array) => Promise<Uint8Array>,
): Promise<Uint8Array> {
  const out = new Uint8Array(bytes);
  const { byteRangeAt, contentsStart, contentsEnd } = locatePlaceholder(out, from, placeholderSize);
  const byteRange = [0, contentsStart, contentsEnd, out.length - contentsEnd];
  const rangeText = `[${byteRange.join(' ')}]`.padEnd(BYTE_RANGE_TEXT.length, ' ');
  if (rangeText.length > BYTE_RANGE_TEXT.length) throw signingError('signing.bad_pdf', 'file too large for the ByteRange placeholder');
  out.set(Buffer.from(rangeText, 'latin1'), byteRangeAt);

  const digest = createHash('sha256').update(out.subarray(0, contentsStart)).update(out.subarray(contentsEnd)).digest();
  const cms = await makeCms(new Uint8Array(digest));
  if (cms.length > placeholderSize) {
    throw signingError('signing.placeholder_too_small', `the signature needs ${cms.length} bytes, the placeholder has ${placeholderSize}`, 'placeholderSize');
  }
  out.set(Buffer.from(Buffer.from(cms).toString('hex'), 'latin1'), contentsStart + 1);
  return out;
}

/** Finds the placeholder written by `signPdf` after offset `from` (the previous revision's end). */
export function locatePlaceholder(
  bytes: Uint8Array,
  from: number,
  placeholderSize: number,
): { byteRangeAt: number; contentsStart: number; contentsEnd: number } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const byteRangeAt = buf.indexOf(BYTE_RANGE_TEXT, from, 'latin1');
  const hex = `<${'0'.repeat(placeholderSize * 2)}>`;
  const contentsStart = buf.indexOf(hex, from, 'latin1');
  if (byteRangeAt < 0 || contentsStart < 0) throw signingError('signing.bad_pdf', 'signature placeholder not found in the update');
  if (buf.indexOf(BYTE_RANGE_TEXT, byteRangeAt + 1, 'latin1') >= 0) throw signingError('signing.bad_pdf', 'more than one signature placeholder');
  return { byteRangeAt, contentsStart, contentsEnd: contentsStart + hex.length };
}

/**
 * Appends to the page's /Annots without pdf-lib's page "normalisation" (PDFPageLeaf.addAnnot
 * wraps the page's content streams in q…Q): an incremental update must not rewrite the page
 * content an earlier signature covers, or verifiers rightly report the page as changed.
 */
function addAnnotation(page: PDFPage, ref: PDFRef): void {
  const context = page.doc.context;
  const annots = page.node.get(PDFName.of('Annots'));
  if (annots instanceof PDFRef) {
    context.lookup(annots, PDFArray).push(ref);
    context.snapshot?.markRefForSave(annots);
  } else if (annots instanceof PDFArray) {
    annots.push(ref);
  } else {
    page.node.set(PDFName.of('Annots'), context.obj([ref]));
  }
  context.snapshot?.markRefForSave(page.ref);
}

/** Make sure the incremental writer rewrites the objects we changed (pdf-lib tracks most itself). */
function markContainers(context: PDFContext, objects: Array<PDFRef | PDFDict>): void {
  const snapshot = context.snapshot;
  if (!snapshot) return;
  for (const o of objects) {
    if (o instanceof PDFRef) snapshot.markRefForSave(o);
    else snapshot.markObjForSave(o);
  }
  const acroForm = context.lookup(context.trailerInfo.Root, PDFDict)?.get(PDFName.of('AcroForm'));
  if (acroForm instanceof PDFRef) {
    snapshot.markRefForSave(acroForm);
    const fields = context.lookup(acroForm, PDFDict).get(PDFName.of('Fields'));
    if (fields instanceof PDFRef) snapshot.markRefForSave(fields);
  }
}

/** Fully qualified names of every field (parents' /T joined with '.'). */
export function existingFieldNames(doc: PDFDocument): Set<string> {
  const names = new Set<string>();
  const acroForm = doc.catalog.getAcroForm();
  if (!acroForm) return names;
  const visit = (ref: unknown, prefix: string, depth: number) => {
    if (depth > 32) return;
    const dict = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
    if (!(dict instanceof PDFDict)) return;
    const t = dict.lookup(PDFName.of('T'));
    const part = t instanceof PDFString || t instanceof PDFHexString ? t.decodeText() : undefined;
    const name = part === undefined ? prefix : prefix ? `${prefix}.${part}` : part;
    if (part !== undefined) names.add(nfc(name));
    const kids = dict.lookup(PDFName.of('Kids'));
    if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) visit(kids.get(i), name, depth + 1);
  };
  const fields = acroForm.dict.lookup(PDFName.of('Fields'));
  if (fields instanceof PDFArray) for (let i = 0; i < fields.size(); i++) visit(fields.get(i), '', 0);
  return names;
}

function nextFieldName(doc: PDFDocument): string {
  const names = existingFieldNames(doc);
  for (let n = 1; ; n++) if (!names.has(`Signature${n}`)) return `Signature${n}`;
}

/** A Form XObject: the image fitted and centred, then the text lines from the top-left. */
async function appearanceStream(doc: PDFDocument, appearance: Appearance): Promise<PDFRef> {
  const { width, height } = appearance.rect;
  if (!(width > 0 && height > 0)) throw signingError('signing.bad_page', 'the appearance rectangle must have a positive size', 'appearance.rect');
  const ops: string[] = [];
  const resources: { XObject?: Record<string, PDFRef>; Font?: Record<string, PDFRef> } = {};
  const n = (v: number) => Number(v.toFixed(3)).toString();
  if (appearance.image) {
    const size = pngSize(appearance.image);
    const image: PDFImage = await doc.embedPng(appearance.image);
    const fit = fitCentred({ x: 0, y: 0, width, height }, size.width / size.height);
    resources.XObject = { Im0: image.ref };
    ops.push(`q ${n(fit.width)} 0 0 ${n(fit.height)} ${n(fit.x)} ${n(fit.y)} cm /Im0 Do Q`);
  }
  if (appearance.text && appearance.text.length > 0) {
    const fontSize = appearance.fontSize ?? 10;
    doc.registerFontkit(fontkit);
    const font: PDFFont = await doc.embedFont(tinosFont(), { subset: true });
    const covered = new Set(font.getCharacterSet());
    const lines = appearance.text.map((l) => nfc(l));
    for (const line of lines) {
      for (const ch of line) {
        const cp = ch.codePointAt(0) as number;
        if (!covered.has(cp)) throw signingError('signing.missing_glyph', `the font has no glyph for U+${cp.toString(16).toUpperCase().padStart(4, '0')} in "${line}"`, 'appearance.text');
      }
    }
    resources.Font = { F0: font.ref };
    const leading = fontSize * 1.2;
    ops.push('BT', `/F0 ${n(fontSize)} Tf`, '0 g', `${n(leading)} TL`, `1 ${n(height - fontSize)} Td`);
    lines.forEach((line, i) => ops.push(`${i === 0 ? '' : 'T* '}${font.encodeText(line).toString()} Tj`));
    ops.push('ET');
  }
  const stream = doc.context.flateStream(ops.join('\n'), {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, width, height],
    Resources: resources,
  });
  return doc.context.register(stream);
}

/** Annotation flags: Print | ReadOnly | Locked | LockedContents (ISO 32000-1 §12.5.3). */
const STAMP_FLAGS = 4 | 64 | 128 | 512;

/** A Stamp annotation showing `stamp.text` (Tinos, black) with its baseline where the stamp says. */
async function stampAnnotation(
  doc: PDFDocument,
  page: PDFPage,
  stamp: TextStamp,
  name: string,
  fonts: Map<TextStamp['face'], PDFFont>,
  when: Date,
): Promise<PDFRef> {
  const text = nfc(stamp.text);
  let font = fonts.get(stamp.face);
  if (!font) {
    doc.registerFontkit(fontkit);
    font = await doc.embedFont(loadFaces()[stamp.face].bytes, { subset: true });
    fonts.set(stamp.face, font);
  }
  const covered = new Set(font.getCharacterSet());
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (!covered.has(cp)) throw signingError('signing.missing_glyph', `the font has no glyph for U+${cp.toString(16).toUpperCase().padStart(4, '0')} in "${text}"`, 'stamps');
  }
  const natural = font.widthOfTextAtSize(text, stamp.size);
  const scale = stamp.maxWidth !== undefined && natural > stamp.maxWidth ? stamp.maxWidth / natural : 1;
  const width = natural * scale;
  // the box reaches below the baseline for descenders and above it for Vietnamese stacked marks
  const below = stamp.size * 0.25;
  const height = stamp.size * 1.25;
  const n = (v: number) => Number(v.toFixed(3)).toString();
  const ops = ['BT', `/F0 ${n(stamp.size)} Tf`, '0 g', `${n(scale * 100)} Tz`, `0 ${n(below)} Td`, `${font.encodeText(text).toString()} Tj`, 'ET'];
  const ap = doc.context.register(
    doc.context.flateStream(ops.join('\n'), {
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, width, height],
      Resources: { Font: { F0: font.ref } },
    }),
  );
  const annot = doc.context.obj({
    Type: 'Annot',
    Subtype: 'Stamp',
    F: STAMP_FLAGS,
    P: page.ref,
    Rect: [stamp.x, stamp.baseline - below, stamp.x + width, stamp.baseline - below + height],
    AP: { N: ap },
  });
  annot.set(PDFName.of('NM'), PDFHexString.fromText(nfc(name)));
  annot.set(PDFName.of('Contents'), PDFHexString.fromText(nfc(`${stamp.description}: ${text}`)));
  annot.set(PDFName.of('M'), PDFString.of(pdfDate(when)));
  return doc.context.register(annot);
}
