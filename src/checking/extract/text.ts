import { normaliseChars, startsLower } from '../text/fold';
import type { Block, ExtractedDoc, ExtractedTable, Footnote, SourceLine } from '../types';

/**
 * .txt / .md (and the line form the .docx and .pdf extractors produce) → lines, logical paragraphs,
 * tables and footnotes, with 1-based source line numbers.
 *
 * Markdown-ish input like the seeds: "## heading", **bold**, *italic*, "| a | b |" tables,
 * footnote lines "¹ text" or "[^1]: text" and markers "hộ nghèo¹" / "[^1]".
 */

type LineKind = 'blank' | 'table' | 'footnote' | 'heading' | 'bullet' | 'text';

interface ClassifiedLine {
  no: number;
  kind: LineKind;
  /** cleaned text (for bullets: without the marker) */
  text: string;
  bullet?: string;
  marker?: string;
  cells?: string[];
  separator?: boolean;
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const FOOTNOTE_LINE = new RegExp(`^\\s*([${SUPERSCRIPT_DIGITS}]+)\\s*(\\S.*)$`);
const MD_FOOTNOTE_LINE = /^\s*\[\^(\w+)\]:\s*(.*)$/;
const HEADING = /^\s*#{1,6}\s+/;
const BULLET = /^\s*([-+•*●○▪■◦]|[a-zđ]\)|\d{1,2}\))\s+(?=\S)/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** "²³" → "23" */
export function superscriptToDigits(s: string): string {
  let out = '';
  for (const ch of s) {
    const i = SUPERSCRIPT_DIGITS.indexOf(ch);
    out += i >= 0 ? String(i) : ch;
  }
  return out;
}

/** Markdown emphasis and escapes out; NBSP, dashes, quotes normalised; trailing spaces trimmed. */
export function cleanInline(s: string): string {
  return normaliseChars(s)
    .replace(/\*\*|__/g, '')
    .replace(/(^|[\s(])\*(?=\S)|(?<=\S)\*(?=$|[\s).,;:])/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .replace(/\s+$/, '');
}

function splitTableRow(line: string): string[] {
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|') && !t.endsWith('\\|')) t = t.slice(0, -1);
  return t.split(/(?<!\\)\|/).map((c) => cleanInline(c).trim());
}

function classify(raw: string, no: number): ClassifiedLine {
  const line = raw.replace(/\f/g, '');
  if (line.trim() === '') return { no, kind: 'blank', text: '' };
  const trimmed = line.trim();
  if (trimmed.startsWith('|')) {
    if (TABLE_SEPARATOR.test(trimmed)) return { no, kind: 'table', text: trimmed, separator: true, cells: [] };
    return { no, kind: 'table', text: trimmed, cells: splitTableRow(trimmed) };
  }
  const md = MD_FOOTNOTE_LINE.exec(line);
  if (md) return { no, kind: 'footnote', text: cleanInline(md[2]).trim(), marker: md[1] };
  const sup = FOOTNOTE_LINE.exec(line);
  if (sup) return { no, kind: 'footnote', text: cleanInline(sup[2]).trim(), marker: superscriptToDigits(sup[1]) };
  if (HEADING.test(line)) return { no, kind: 'heading', text: cleanInline(line.replace(HEADING, '')).trim() };
  const cleaned = cleanInline(line);
  const b = BULLET.exec(normaliseChars(line));
  if (b) {
    // a), b), c) are one list; so are 1), 2), 3)
    const marker = /^[a-zđ]\)$/.test(b[1]) ? 'a)' : /^\d{1,2}\)$/.test(b[1]) ? '1)' : b[1];
    return { no, kind: 'bullet', text: cleanInline(line.replace(BULLET, '')).trim(), bullet: marker };
  }
  return { no, kind: 'text', text: cleaned.trim() };
}

const LIST_ITEM_START = /^(\d{1,2}(\.\d{1,2})*\.|[IVXLC]+\.|[a-zđ]\)|\d{1,2}\))\s/;

/** Does `next` continue the sentence of `prev` across a (page or hard) line break? */
function continues(prev: string, next: string, blankBetween: boolean): 'space' | 'none' | false {
  const p = prev.trimEnd();
  const n = next.trimStart();
  if (p === '' || n === '') return false;
  if (/[\p{Lu}]-$/u.test(p) && /^[\p{Lu}]/u.test(n)) return 'none'; // "627/KH-" + "UBND"
  if (LIST_ITEM_START.test(n)) return false;
  // a clause ended by ";" or ":" goes on when the next line starts in lower case
  if (/[;:]["')\]]?$/.test(p)) return startsLower(n) ? 'space' : false;
  if (/[.!?]["')\]]?$/.test(p)) return false;
  if (startsLower(n)) return 'space';
  if (/^\(\s*\p{Ll}/u.test(n)) return 'space';
  if (/[,]$/.test(p)) return 'space';
  // hard-wrapped text without blank lines (PDF text layers): a long line without final punctuation
  // runs on into the next, whatever it starts with
  if (!blankBetween && p.length >= 50) return 'space';
  if (/^\d/.test(n)) return /(\bsố|\bngày|\bnăm|\btháng|\bkhoảng|\bcó|\blà|\bgồm)$/iu.test(p) ? 'space' : false;
  return false;
}

export function extractText(raw: string): ExtractedDoc {
  const rawLines = raw.normalize('NFC').split(/\r\n|\r|\n/);
  const lines: SourceLine[] = rawLines.map((text, i) => ({ no: i + 1, text: text.replace(/\f/g, '') }));
  const cls = rawLines.map((l, i) => classify(l, i + 1));

  const blocks: Block[] = [];
  const tables: ExtractedTable[] = [];
  const footnotes: Footnote[] = [];

  let i = 0;
  while (i < cls.length) {
    const c = cls[i];
    if (c.kind === 'blank') {
      i++;
      continue;
    }
    if (c.kind === 'footnote') {
      footnotes.push({ marker: c.marker ?? '', line: c.no, text: c.text });
      // a footnote's own wrapped continuation lines
      let j = i + 1;
      let text = c.text;
      while (j < cls.length && cls[j].kind === 'text' && continues(text, cls[j].text, false)) {
        text += ' ' + cls[j].text;
        j++;
      }
      footnotes[footnotes.length - 1].text = text;
      i = j;
      continue;
    }
    if (c.kind === 'table') {
      const start = i;
      const rows: { line: number; cells: string[] }[] = [];
      let separatorAt = -1;
      while (i < cls.length && cls[i].kind === 'table') {
        if (!cls[i].separator) rows.push({ line: cls[i].no, cells: cls[i].cells ?? [] });
        else if (separatorAt < 0) separatorAt = rows.length;
        i++;
      }
      if (rows.length > 0) {
        // a header written over several lines (above the "|---|" row) is one header
        const headerRows = separatorAt > 1 ? rows.slice(0, separatorAt) : rows.slice(0, 1);
        const width = Math.max(...headerRows.map((r) => r.cells.length));
        const header = Array.from({ length: width }, (_, k) =>
          headerRows
            .map((r) => r.cells[k] ?? '')
            .filter((x) => x !== '')
            .join(' '),
        );
        const body = rows.slice(headerRows.length);
        tables.push({ startLine: cls[start].no, header, rows: body });
        for (const r of rows) {
          const text = r.cells.join(' | ');
          blocks.push({ kind: 'table', startLine: r.line, endLine: r.line, text, segments: [{ offset: 0, line: r.line }] });
        }
      }
      continue;
    }
    if (c.kind === 'heading') {
      blocks.push({ kind: 'heading', startLine: c.no, endLine: c.no, text: c.text, segments: [{ offset: 0, line: c.no }] });
      i++;
      continue;
    }
    // paragraph or bullet: absorb continuation lines (skipping blank lines and footnotes in between)
    let text = c.text;
    const segments = [{ offset: 0, line: c.no }];
    let end = c.no;
    let j = i + 1;
    for (;;) {
      let k = j;
      let blank = false;
      while (k < cls.length && (cls[k].kind === 'blank' || cls[k].kind === 'footnote')) {
        if (cls[k].kind === 'blank') blank = true;
        k++;
      }
      if (k >= cls.length || cls[k].kind !== 'text' || segments.length >= 80) break;
      const how = continues(text, cls[k].text, blank);
      if (!how) break;
      const sep = how === 'space' ? ' ' : '';
      text = text.trimEnd() + sep;
      segments.push({ offset: text.length, line: cls[k].no });
      text += cls[k].text;
      end = cls[k].no;
      // footnotes skipped over are still collected by the outer loop
      for (let f = j; f < k; f++) if (cls[f].kind === 'footnote') footnotes.push({ marker: cls[f].marker ?? '', line: cls[f].no, text: cls[f].text });
      j = k + 1;
    }
    blocks.push({
      kind: c.kind === 'bullet' ? 'bullet' : 'paragraph',
      startLine: c.no,
      endLine: end,
      text,
      segments,
      ...(c.bullet ? { bullet: c.bullet } : {}),
    });
    i = j;
  }
  footnotes.sort((a, b) => a.line - b.line);
  for (const f of footnotes) {
    blocks.push({
      kind: 'footnote',
      startLine: f.line,
      endLine: f.line,
      text: f.text,
      segments: [{ offset: 0, line: f.line }],
      marker: f.marker,
    });
  }
  blocks.sort((a, b) => a.startLine - b.startLine);
  return { lines, blocks, tables, footnotes };
}

/** Line number of an offset inside a block. */
export function lineAt(block: Block, offset: number): number {
  let line = block.segments[0].line;
  for (const s of block.segments) {
    if (s.offset <= offset) line = s.line;
    else break;
  }
  return line;
}
