/**
 * Word sequences of a document's outputs, for the specs that compare them (the same rules as
 * test/clients/three-outputs.client-spec.ts states at its top):
 * - tokens: NFC, then runs of letters/marks/digits, and each other non-space character alone;
 * - footnotes: the marker printed after the word it follows ("nghèo" + "1" reads "nghèo1") is
 *   removed and the note's body ("n text…") is cut out and appended at the end, where the DOCX has it.
 */
import { inlineText, isFootnote, type Block, type DocModel, type Inline } from '../../src/drafting/doc-model';
import { extractDocxParagraphs } from '../../src/render/docx/docx-text';
import { renderDocx } from '../../src/render/docx/docx-renderer';

export function tokens(text: string): string[] {
  return text.normalize('NFC').match(/[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu) ?? [];
}

/** The DOCX's words: its paragraphs in order (table cells row by row), then the footnotes. */
export function docxTokens(model: DocModel): string[] {
  return extractDocxParagraphs(renderDocx(model)).flatMap(tokens);
}

/** The footnotes in numbering order, each with the text just before its marker. */
export function footnotes(model: DocModel): { before: string; text: string }[] {
  const out: { before: string; text: string }[] = [];
  const inlines = (runs: Inline[]) => {
    let before = '';
    for (const r of runs) {
      if (isFootnote(r)) out.push({ before, text: inlineText(r.footnote) });
      else before += r.text;
    }
  };
  const blocks = (bs: Block[]) => {
    for (const b of bs) {
      if (b.kind === 'heading' || b.kind === 'paragraph') inlines(b.runs);
      if (b.kind === 'article') {
        inlines(b.title);
        blocks(b.body);
      }
    }
  };
  model.canCu.forEach(inlines);
  blocks(model.body);
  model.annexes.forEach((a) => blocks(a.blocks));
  return out;
}

export function indexOfSeq(hay: string[], needle: string[], from: number): number {
  outer: for (let i = from; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

/** Removes footnote markers and bodies (moved to the end); throws if one is missing. */
export function moveFootnotes(seq: string[], model: DocModel, what: string): string[] {
  const out = [...seq];
  const moved: string[] = [];
  let at = 0;
  footnotes(model).forEach((note, i) => {
    const n = String(i + 1);
    const last = tokens(note.before).pop() ?? '';
    const wordBefore = /[\p{L}\p{M}\p{N}]$/u.test(last);
    let k = at;
    for (; k < out.length; k++) {
      if (wordBefore && out[k] === last + n) {
        out[k] = last;
        break;
      }
      if (out[k] === n && (k === 0 || out[k - 1] === last)) {
        out.splice(k, 1);
        k--;
        break;
      }
    }
    if (k >= out.length) throw new Error(`${what}: footnote marker ${n} after "${last}" not found`);
    const body = [n, ...tokens(note.text)];
    const j = indexOfSeq(out, body, Math.max(0, k));
    if (j < 0) throw new Error(`${what}: footnote ${n} text not found`);
    out.splice(j, body.length);
    moved.push(...body.slice(1));
    at = Math.max(0, k);
  });
  return [...out, ...moved];
}

/** The header rows of the tables that repeat them on every page, as tokens. */
export function tableHeaders(model: DocModel): string[][] {
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

/** Drops a table header repeated at the top of a page after its first appearance. */
export function dropRepeatedHeaders(pages: string[][], model: DocModel): string[][] {
  const headers = tableHeaders(model);
  const seen = new Set<string>();
  return pages.map((page) => {
    let t = page;
    for (const h of headers) if (seen.has(h.join(' ')) && indexOfSeq(t, h, 0) === 0) t = t.slice(h.length);
    for (const h of headers) if (indexOfSeq(t, h, 0) >= 0) seen.add(h.join(' '));
    return t;
  });
}

/** The first place two sequences differ, with some context, or null. */
export function firstDifference(a: string[], b: string[]): { at: number; a: string; b: string } | null {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return { at: i, a: a.slice(Math.max(0, i - 8), i + 8).join(' '), b: b.slice(Math.max(0, i - 8), i + 8).join(' ') };
  }
  return null;
}
