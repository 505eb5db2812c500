import PizZip from 'pizzip';
import { DomainError } from '../../common/domain-error';

/**
 * .docx → lines in the same markdown-ish form the text extractor reads: one line per paragraph,
 * tables as "| a | b |" rows (the first is the header), footnote references as superscript
 * digits and the footnotes themselves as "¹ text" lines at the end. Line numbers of findings are
 * therefore paragraph/row numbers of the document body.
 */

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function sup(n: number): string {
  return String(n)
    .split('')
    .map((d) => SUPERSCRIPT[Number(d)])
    .join('');
}

export function decodeXml(s: string): string {
  return s
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

const TOKEN = /<w:(p|tbl|tr|tc|t|tab|br|cr|footnoteReference|delText)\b([^>]*?)(\/?)>|<\/w:(p|tbl|tr|tc|t)>/g;

interface Para {
  text: string;
}

/** Paragraphs and tables of one WordprocessingML part, in document order. */
function walk(xml: string, footnoteOrdinal: Map<string, number>): string[] {
  const lines: string[] = [];
  // a stack of open tables; each table is rows of cells of paragraph texts
  const tables: string[][][][] = [];
  let para: Para | null = null;
  let inText = false;
  let textStart = 0;
  for (const m of xml.matchAll(TOKEN)) {
    const [whole, open, attrs, selfClose, close] = m;
    if (open) {
      switch (open) {
        case 'p':
          if (!selfClose) para = { text: '' };
          else if (tables.length === 0) lines.push('');
          break;
        case 't':
          if (!selfClose) {
            inText = true;
            textStart = m.index + whole.length;
          }
          break;
        case 'tab':
          if (para) para.text += '\t';
          break;
        case 'br':
        case 'cr':
          if (para) para.text += ' ';
          break;
        case 'footnoteReference': {
          const id = /w:id="(-?\d+)"/.exec(attrs)?.[1];
          const n = id !== undefined ? footnoteOrdinal.get(id) : undefined;
          if (para && n !== undefined) para.text += sup(n);
          break;
        }
        case 'tbl':
          tables.push([]);
          break;
        case 'tr':
          tables[tables.length - 1]?.push([]);
          break;
        case 'tc': {
          const t = tables[tables.length - 1];
          t?.[t.length - 1]?.push([]);
          break;
        }
      }
    } else if (close) {
      switch (close) {
        case 't':
          if (inText && para) para.text += decodeXml(xml.slice(textStart, m.index));
          inText = false;
          break;
        case 'p': {
          const text = (para?.text ?? '').replace(/\s+$/, '');
          para = null;
          const t = tables[tables.length - 1];
          if (t) {
            const row = t[t.length - 1];
            const cell = row?.[row.length - 1];
            if (cell) cell.push(text);
          } else lines.push(text);
          break;
        }
        case 'tbl': {
          const t = tables.pop() ?? [];
          const rows = t.map((r) => '| ' + r.map((c) => c.join(' ').replace(/\|/g, '/').trim()).join(' | ') + ' |');
          const target = tables[tables.length - 1];
          if (target) {
            // a nested table flattens into its parent cell
            const row = target[target.length - 1];
            const cell = row?.[row.length - 1];
            cell?.push(rows.join(' '));
          } else if (rows.length > 0) {
            lines.push(...rows);
          }
          break;
        }
      }
    }
  }
  return lines;
}

/** All lines of a .docx (body, then footnotes), NFC. */
export function docxToLines(docx: Buffer): string[] {
  let zip: PizZip;
  try {
    zip = new PizZip(docx);
  } catch (e) {
    throw new DomainError('check.unreadable', `not a .docx (zip) file: ${(e as Error).message}`, 'unprocessable');
  }
  const document = zip.file('word/document.xml')?.asText();
  if (document === undefined) throw new DomainError('check.unreadable', 'word/document.xml missing', 'unprocessable');
  const footnotesXml = zip.file('word/footnotes.xml')?.asText() ?? '';
  const ordinal = new Map<string, number>();
  const footnoteLines: string[] = [];
  for (const fm of footnotesXml.matchAll(/<w:footnote\b([^>]*)>([\s\S]*?)<\/w:footnote>/g)) {
    const id = /w:id="(-?\d+)"/.exec(fm[1])?.[1];
    if (id === undefined || /w:type="(separator|continuationSeparator|continuationNotice)"/.test(fm[1])) continue;
    const n = ordinal.size + 1;
    ordinal.set(id, n);
    const text = walk(fm[2], new Map())
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .join(' ');
    footnoteLines.push(`${sup(n)} ${text}`);
  }
  const lines = walk(document, ordinal);
  return [...lines, ...(footnoteLines.length > 0 ? ['', ...footnoteLines] : [])].map((l) => l.normalize('NFC'));
}
