/**
 * What a signature covers: which revision of the file it signed, and what later incremental
 * updates added or changed. Adding annotations (the issue stamps) and further signatures after a
 * signature is what an issued document's life looks like; rewriting the page content a signature
 * covered is not (a "shadow attack" shows other text while the old signature still verifies), so
 * that is reported as a problem of the signature it hides behind.
 */
import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFString, type PDFObject } from '@cantoo/pdf-lib';
import { nfc } from '../vi/nfc';
import type { SignatureReport } from './verify';

export interface AddedAnnotation {
  /** 1-based page number */
  page: number;
  subtype: string;
  /** /Contents (a stamp's description and text) or a signature field's name */
  text?: string;
}

export interface Coverage {
  /** [offset1, length1, offset2, length2] */
  byteRange: number[];
  signedBytes: number;
  fileBytes: number;
  wholeFile: boolean;
  /** 1-based revision of the file this signature signed, of `revisions` */
  revision: number;
  revisions: number;
  /** what the later revisions add: annotations, other signatures */
  addedAfter: AddedAnnotation[];
  /** 1-based pages whose content or resources were rewritten after this signature */
  pagesChangedAfter: number[];
  pagesAddedAfter: number;
}

/** End offsets of the file's revisions (each ends with %%EOF and an optional end-of-line). */
export function revisionEnds(bytes: Uint8Array): number[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ends: number[] = [];
  for (let at = buf.indexOf('%%EOF', 0, 'latin1'); at >= 0; at = buf.indexOf('%%EOF', at + 5, 'latin1')) {
    let end = at + 5;
    if (buf[end] === 0x0d) end++;
    if (buf[end] === 0x0a) end++;
    ends.push(end);
  }
  return ends;
}

async function load(bytes: Uint8Array): Promise<PDFDocument | null> {
  try {
    return await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    return null;
  }
}

function textOf(obj: PDFObject | undefined): string | undefined {
  return obj instanceof PDFString || obj instanceof PDFHexString ? nfc(obj.decodeText()) : undefined;
}

function annotationRefs(doc: PDFDocument, pageIndex: number): Map<string, PDFDict> {
  const out = new Map<string, PDFDict>();
  const annots = doc.getPages()[pageIndex]?.node.lookup(PDFName.of('Annots'));
  if (!(annots instanceof PDFArray)) return out;
  for (let i = 0; i < annots.size(); i++) {
    const ref = annots.get(i);
    const dict = doc.context.lookup(ref);
    if (dict instanceof PDFDict) out.set(ref instanceof PDFRef ? ref.tag : `direct-${i}`, dict);
  }
  return out;
}

/** Hash of what a page shows: its content streams' bytes and its resources. */
function pageFingerprint(doc: PDFDocument, pageIndex: number): string {
  const h = createHash('sha256');
  const node = doc.getPages()[pageIndex].node;
  const add = (obj: PDFObject | undefined, depth: number): void => {
    if (obj === undefined || depth > 6) return;
    const resolved = obj instanceof PDFRef ? doc.context.lookup(obj) : obj;
    if (resolved instanceof PDFRawStream) {
      h.update(resolved.dict.toString());
      h.update(resolved.contents);
    } else if (resolved instanceof PDFArray) {
      for (let i = 0; i < resolved.size(); i++) add(resolved.get(i), depth + 1);
    } else if (resolved instanceof PDFDict) {
      for (const [k, v] of resolved.entries()) {
        h.update(k.toString());
        add(v, depth + 1);
      }
    } else if (resolved) h.update(resolved.toString());
  };
  add(node.get(PDFName.of('Contents')), 0);
  add(node.get(PDFName.of('Resources')), 0);
  add(node.get(PDFName.of('MediaBox')), 0);
  return h.digest('hex');
}

/** The coverage of each signature, in the order given (verifyPdf's: by signed length). */
export async function coverageOf(bytes: Uint8Array, reports: SignatureReport[]): Promise<Coverage[]> {
  const ends = revisionEnds(bytes);
  const revisions = Math.max(ends.length, 1);
  const full = await load(bytes);
  const out: Coverage[] = [];
  for (const r of reports) {
    const revision = Math.max(1, ends.filter((e) => e <= r.signedLength).length);
    const c: Coverage = {
      byteRange: r.byteRange,
      signedBytes: r.signedLength,
      fileBytes: bytes.length,
      wholeFile: r.coversWholeFile,
      revision,
      revisions,
      addedAfter: [],
      pagesChangedAfter: [],
      pagesAddedAfter: 0,
    };
    if (!r.coversWholeFile && full && r.signedLength > 0 && r.signedLength < bytes.length) {
      const before = await load(bytes.subarray(0, r.signedLength));
      if (before) {
        const pagesBefore = before.getPageCount();
        c.pagesAddedAfter = Math.max(0, full.getPageCount() - pagesBefore);
        for (let i = 0; i < Math.min(pagesBefore, full.getPageCount()); i++) {
          if (pageFingerprint(before, i) !== pageFingerprint(full, i)) c.pagesChangedAfter.push(i + 1);
          const had = annotationRefs(before, i);
          for (const [key, dict] of annotationRefs(full, i)) {
            if (had.has(key)) continue;
            const subtype = dict.lookup(PDFName.of('Subtype'));
            const kind = subtype instanceof PDFName ? subtype.decodeText() : '?';
            const isSig = dict.lookup(PDFName.of('FT')) instanceof PDFName && (dict.lookup(PDFName.of('FT')) as PDFName).decodeText() === 'Sig';
            const text = isSig ? textOf(dict.lookup(PDFName.of('T'))) : textOf(dict.lookup(PDFName.of('Contents')));
            c.addedAfter.push({ page: i + 1, subtype: isSig ? 'Signature' : kind, ...(text !== undefined ? { text } : {}) });
          }
        }
      }
    }
    out.push(c);
  }
  return out;
}

/** One line saying what a signature covers, for people. */
export function describeCoverage(c: Coverage): string {
  const what = c.wholeFile
    ? `the whole file (revision ${c.revision} of ${c.revisions})`
    : `revision ${c.revision} of ${c.revisions}: bytes 0–${c.signedBytes} of ${c.fileBytes}`;
  const added = c.addedAfter.length
    ? `; added after it: ${c.addedAfter.map((a) => `${a.subtype}${a.text ? ` "${a.text}"` : ''} (page ${a.page})`).join(', ')}`
    : '';
  const changed = c.pagesChangedAfter.length ? `; page content changed after it on page(s) ${c.pagesChangedAfter.join(', ')}` : '';
  const pages = c.pagesAddedAfter ? `; ${c.pagesAddedAfter} page(s) added after it` : '';
  return `covers ${what}${added}${changed}${pages}`;
}
