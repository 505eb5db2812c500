/**
 * The block markup a wording template writes (and a clerk may send to PATCH /api/drafts): plain
 * lines that become the content blocks of a document record — structure only, never layout.
 *
 *   # I. MỤC ĐÍCH, YÊU CẦU          heading level 1 (## 2, ### 3, #### 4)
 *   text …                          a paragraph; consecutive lines join with one space,
 *                                   a blank line ends it; a line starting "- ", "+ ", "1. ", "1.1. "
 *                                   or "a) " starts a new paragraph (list items)
 *   @dieu Tiêu đề                   Điều n (numbered in order): the blocks after it are its body
 *   @end                            ends the current Điều (optional before the next @dieu)
 *   @center text  /  @noindent text a centred / unindented paragraph
 *   @figureTable name               the table of a table figure (quota allocation, budget)
 *   @table                          a table: "| a | b |" rows, the first is the header; a row
 *                                   "| --- | ---: |" sets alignment (":" right = numeric);
 *                                   "|= Tổng cộng | … |" is a total row; a blank line ends it
 *   \# text                         a backslash keeps a leading "#", "@" or "|" literal
 *
 * Inline markup inside texts stays as the records use it: **bold**, *italic*, ^[footnote],
 * {{fig "name"}}.
 */
import type { BlockRecord } from '../../registry/records/record-set';
import { nfc } from '../../vi/nfc';

export interface MarkupProblem {
  /** 1-based line of the markup text */
  line: number;
  message: string;
}

export const MARKUP_DIRECTIVES = ['dieu', 'end', 'center', 'noindent', 'figureTable', 'table'] as const;

const LIST_ITEM = /^(?:[-+]\s|\d+(?:\.\d+)*\.\s|[a-zđ]\)\s)/u;

type TableRecord = Extract<BlockRecord, { table: unknown }>['table'];

function splitRow(line: string): string[] {
  const inner = line.trim().replace(/^\|=?/, '').replace(/\|\s*$/, '');
  return inner.split('|').map((c) => c.trim());
}

export function parseBlockMarkup(source: string): { blocks: BlockRecord[]; problems: MarkupProblem[] } {
  const lines = nfc(source).split(/\r\n|\r|\n/);
  const top: BlockRecord[] = [];
  const problems: MarkupProblem[] = [];
  let article: { number: number; title: string; body: BlockRecord[] } | null = null;
  let articles = 0;
  let para: string[] = [];
  let table: { t: TableRecord; line: number; aligned: boolean } | null = null;

  const target = (): BlockRecord[] => (article ? article.body : top);
  const flushPara = () => {
    if (para.length) target().push({ p: para.join(' ') });
    para = [];
  };
  const flushTable = () => {
    if (!table) return;
    if (table.t.columns.length === 0) problems.push({ line: table.line, message: '@table without a header row' });
    else target().push({ table: table.t });
    table = null;
  };
  const closeArticle = () => {
    flushPara();
    flushTable();
    if (article) top.push({ article });
    article = null;
  };

  lines.forEach((raw, i) => {
    const n = i + 1;
    const line = raw.trim();
    if (table) {
      if (line.startsWith('|')) {
        const cells = splitRow(line);
        if (table.t.columns.length === 0) {
          table.t.columns = cells.map((header) => ({ header }));
          return;
        }
        if (!table.aligned && table.t.rows.length === 0 && cells.every((c) => /^:?-{3,}:?$/.test(c))) {
          table.aligned = true;
          if (cells.length !== table.t.columns.length) problems.push({ line: n, message: `alignment row has ${cells.length} cells, the header ${table.t.columns.length}` });
          cells.forEach((c, k) => {
            const col = table!.t.columns[k];
            if (!col) return;
            if (c.startsWith(':') && c.endsWith(':')) col.align = 'center';
            else if (c.endsWith(':')) Object.assign(col, { align: 'right', numeric: true });
          });
          return;
        }
        if (cells.length !== table.t.columns.length) problems.push({ line: n, message: `table row has ${cells.length} cells, the header ${table.t.columns.length}` });
        table.t.rows.push({ cells, ...(line.startsWith('|=') ? { total: true } : {}) });
        return;
      }
      flushTable();
    }
    if (line === '') return flushPara();
    const directive = /^@([A-Za-z]+)(?:\s+(.*))?$/.exec(line);
    if (directive) {
      flushPara();
      const [, name, rest = ''] = directive;
      switch (name) {
        case 'dieu':
          closeArticle();
          if (!rest.trim()) problems.push({ line: n, message: '@dieu needs a title (ND30: every Điều has one)' });
          article = { number: ++articles, title: rest.trim(), body: [] };
          return;
        case 'end':
          if (!article) problems.push({ line: n, message: '@end without an open @dieu' });
          return closeArticle();
        case 'center':
        case 'noindent':
          if (!rest.trim()) problems.push({ line: n, message: `@${name} needs a text` });
          else target().push(name === 'center' ? { p: rest.trim(), align: 'center', indent: false } : { p: rest.trim(), indent: false });
          return;
        case 'figureTable': {
          const [fig, caption] = rest.split('|').map((s) => s.trim());
          if (!fig || !/^[a-z][a-z0-9_]*$/.test(fig)) problems.push({ line: n, message: '@figureTable needs the name of a table figure' });
          else target().push({ figureTable: fig, ...(caption ? { caption } : {}) });
          return;
        }
        case 'table':
          table = { t: { columns: [], rows: [], ...(rest.trim() ? { caption: rest.trim() } : {}) }, line: n, aligned: false };
          return;
        default:
          problems.push({ line: n, message: `unknown directive @${name} (known: ${MARKUP_DIRECTIVES.map((d) => `@${d}`).join(', ')})` });
          return;
      }
    }
    const heading = /^(#{1,4})\s+(.+)$/.exec(line);
    if (heading) {
      flushPara();
      const text = heading[2].trim();
      const level = heading[1].length as 1 | 2 | 3 | 4;
      target().push(level === 1 ? { h1: text } : level === 2 ? { h2: text } : level === 3 ? { h3: text } : { h4: text });
      return;
    }
    if (/^#{5,}\s/.test(line)) problems.push({ line: n, message: 'headings go down to #### (level 4)' });
    const text = line.replace(/^\\(?=[#@|])/, '');
    if (para.length && LIST_ITEM.test(text)) flushPara();
    para.push(text);
  });
  closeArticle();
  return { blocks: top, problems };
}

/** Blocks back to markup (for GET of a draft's section, and so that PATCH can round-trip it). */
export function blocksToMarkup(blocks: BlockRecord[]): string {
  const out: string[] = [];
  const esc = (s: string) => (/^[#@|]/.test(s) ? `\\${s}` : s);
  const one = (b: BlockRecord) => {
    if ('h1' in b) out.push(`# ${b.h1}`);
    else if ('h2' in b) out.push(`## ${b.h2}`);
    else if ('h3' in b) out.push(`### ${b.h3}`);
    else if ('h4' in b) out.push(`#### ${b.h4}`);
    else if ('p' in b) out.push(b.align === 'center' ? `@center ${b.p}` : b.indent === false ? `@noindent ${b.p}` : esc(b.p));
    else if ('figureTable' in b) out.push(`@figureTable ${b.figureTable}${b.caption ? ` | ${b.caption}` : ''}`);
    else if ('table' in b) {
      const t = b.table;
      out.push(`@table${t.caption ? ` ${t.caption}` : ''}`);
      out.push(`| ${t.columns.map((c) => c.header).join(' | ')} |`);
      if (t.columns.some((c) => c.align)) out.push(`| ${t.columns.map((c) => (c.align === 'center' ? ':---:' : c.align === 'right' ? '---:' : '---')).join(' | ')} |`);
      for (const r of t.rows) out.push(`${r.total ? '|=' : '|'} ${r.cells.join(' | ')} |`);
    } else if ('article' in b) {
      out.push(`@dieu ${b.article.title}`, '');
      b.article.body.forEach((x, i) => {
        if (i) out.push('');
        one(x);
      });
      out.push('', '@end');
    }
  };
  blocks.forEach((b, i) => {
    if (i) out.push('');
    one(b);
  });
  return out.join('\n');
}
