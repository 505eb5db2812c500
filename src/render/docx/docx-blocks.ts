/**
 * DocModel blocks → WordprocessingML strings for the `{@…}` slots of the base template.
 *
 * Output is collected in string arrays and joined once (a 10,000-row annex table must not be
 * built by repeated concatenation). Every run carries its size and emphasis directly, besides
 * the paragraph style, so readers of the XML (our checker, tests) need not resolve styles.
 */
import {
  isFootnote,
  type Align,
  type Annex,
  type ArticleBlock,
  type Block,
  type DocModel,
  type HeadingBlock,
  type Inline,
  type ParagraphBlock,
  type TableBlock,
  type TextRun,
} from '../../drafting/doc-model';
import {
  BODY_LINE,
  HEADER_LEFT,
  HEADER_RIGHT,
  INDENT_FIRST_LINE,
  PAGE,
  RULE_SIZE,
  SHORT_RULE_RATIO,
  TITLE_RULE_RATIO,
  SIZE,
  SPACE_BEFORE,
  TEXT_WIDTH,
  TEXT_WIDTH_LANDSCAPE,
} from './nd30-layout';
import { textWidthTwips } from './text-width';
import { text, val } from './xml';

/** Formatting a run inherits from its paragraph unless the run says otherwise. */
interface RunDefaults {
  size: number;
  bold?: boolean;
  italic?: boolean;
}

/** Collects footnotes in document order; ids start at 1 (-1 and 0 are the separators). */
export class Footnotes {
  private readonly notes: string[] = [];

  /** Registers a note and returns its id. */
  add(runs: TextRun[]): number {
    const id = this.notes.length + 1;
    const body = runs.map((r) => runXml(r, { size: SIZE.footnote })).join('');
    this.notes.push(
      `<w:footnote w:id="${id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>` +
        `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>` +
        `<w:r><w:rPr>${sizeXml(SIZE.footnote)}</w:rPr><w:t xml:space="preserve"> </w:t></w:r>${body}</w:p></w:footnote>`,
    );
    return id;
  }

  get count(): number {
    return this.notes.length;
  }

  xml(): string {
    return this.notes.join('');
  }
}

function sizeXml(halfPoints: number): string {
  return `${val('w:sz', halfPoints)}${val('w:szCs', halfPoints)}`;
}

/**
 * Emphasis is written when on; "off" is written only where the paragraph style would turn it
 * on (the styles in templates/docx/base/word/styles.xml match the RunDefaults passed here), which
 * keeps a 10,000-row table small.
 */
function runProps(run: TextRun, d: RunDefaults): string {
  const bold = run.bold ?? d.bold ?? false;
  const italic = run.italic ?? d.italic ?? false;
  return (
    '<w:rPr>' +
    (bold ? '<w:b/><w:bCs/>' : d.bold ? '<w:b w:val="0"/><w:bCs w:val="0"/>' : '') +
    (italic ? '<w:i/><w:iCs/>' : d.italic ? '<w:i w:val="0"/><w:iCs w:val="0"/>' : '') +
    sizeXml(d.size) +
    (run.underline ? '<w:u w:val="single"/>' : '') +
    '</w:rPr>'
  );
}

/** One text run; "\n" becomes a line break and "\t" a tab, spaces are kept. */
export function runXml(run: TextRun, d: RunDefaults): string {
  const rPr = runProps(run, d);
  const parts: string[] = [];
  const pieces = run.text.split(/(\n|\t)/);
  for (const piece of pieces) {
    if (piece === '\n') parts.push('<w:br/>');
    else if (piece === '\t') parts.push('<w:tab/>');
    else if (piece !== '') parts.push(`<w:t xml:space="preserve">${text(piece)}</w:t>`);
  }
  if (parts.length === 0) return '';
  return `<w:r>${rPr}${parts.join('')}</w:r>`;
}

function inlinesXml(runs: Inline[], d: RunDefaults, notes: Footnotes): string {
  const out: string[] = [];
  for (const r of runs) {
    if (isFootnote(r)) {
      const id = notes.add(r.footnote);
      out.push(
        `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/>${sizeXml(d.size)}<w:vertAlign w:val="superscript"/></w:rPr>` +
          `<w:footnoteReference w:id="${id}"/></w:r>`,
      );
    } else {
      out.push(runXml(r, d));
    }
  }
  return out.join('');
}

interface ParaProps {
  style: string;
  align?: Align;
  /** first-line indent in twips; 0 for none */
  firstLine?: number;
  left?: number;
  right?: number;
  before?: number;
  after?: number;
  /** exact line height in twips; undefined keeps the style's */
  line?: number;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  topBorder?: boolean;
}

const JC: Record<Align, string> = { justify: 'both', center: 'center', left: 'left', right: 'right' };

function pPr(p: ParaProps, extra = ''): string {
  const out: string[] = ['<w:pPr>', val('w:pStyle', p.style)];
  if (p.keepNext) out.push('<w:keepNext/>');
  if (p.pageBreakBefore) out.push('<w:pageBreakBefore/>');
  if (p.topBorder) out.push(`<w:pBdr><w:top w:val="single" w:sz="${RULE_SIZE}" w:space="0" w:color="000000"/></w:pBdr>`);
  if (p.before !== undefined || p.after !== undefined || p.line !== undefined) {
    out.push(
      '<w:spacing' +
        (p.before !== undefined ? ` w:before="${p.before}"` : '') +
        (p.after !== undefined ? ` w:after="${p.after}"` : '') +
        (p.line !== undefined ? ` w:line="${p.line}" w:lineRule="exact"` : '') +
        '/>',
    );
  }
  if (p.firstLine !== undefined || p.left !== undefined || p.right !== undefined) {
    out.push(
      '<w:ind' +
        (p.left !== undefined ? ` w:left="${p.left}"` : '') +
        (p.right !== undefined ? ` w:right="${p.right}"` : '') +
        (p.firstLine !== undefined ? ` w:firstLine="${p.firstLine}"` : '') +
        '/>',
    );
  }
  if (p.align) out.push(val('w:jc', JC[p.align]));
  out.push(extra, '</w:pPr>');
  return out.join('');
}

function para(p: ParaProps, content: string, extraPPr = ''): string {
  return `<w:p>${pPr(p, extraPPr)}${content}</w:p>`;
}

/** A body paragraph's properties: justified, first line 1 cm, 6 pt before, 18 pt lines. */
function bodyProps(style: string, align: Align | undefined, indent: boolean): ParaProps {
  const a = align ?? 'justify';
  return {
    style,
    align: a,
    firstLine: indent && a !== 'center' && a !== 'right' ? INDENT_FIRST_LINE : 0,
    before: SPACE_BEFORE,
    after: 0,
    line: BODY_LINE,
  };
}

/**
 * A short centred rule: an empty 2 pt paragraph whose top border is the line, inside a column
 * of `columnWidth` twips; `length` is clamped to the column.
 */
export function ruleXml(length: number, columnWidth: number, before = 0, after = 0): string {
  const len = Math.max(0, Math.min(Math.round(length), columnWidth));
  const side = Math.floor((columnWidth - len) / 2);
  return para(
    { style: 'Rule', left: side, right: columnWidth - len - side, firstLine: 0, before, after, topBorder: true },
    '',
    `<w:rPr>${sizeXml(4)}</w:rPr>`,
  );
}

interface ShortRule {
  lines: string[];
  halfPoints: number;
  bold: boolean;
  columnWidth: number;
  ratio: number;
  before?: number;
  after?: number;
}

/** The rule under a text block: `ratio` of its longest line (a line wraps at the column width). */
export function shortRuleXml(r: ShortRule): string {
  const longest = Math.max(0, ...r.lines.map((l) => Math.min(textWidthTwips(l, r.halfPoints, r.bold), r.columnWidth)));
  if (longest === 0) return '';
  return ruleXml(longest * r.ratio, r.columnWidth, r.before ?? 40, r.after ?? 0);
}

export function issuerRuleXml(issuer: string[]): string {
  return shortRuleXml({ lines: issuer, halfPoints: SIZE.issuer, bold: true, columnWidth: HEADER_LEFT, ratio: SHORT_RULE_RATIO });
}

export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

/** ND30: the rule under the Tiêu ngữ is as long as the Tiêu ngữ line. */
export function tieuNguRuleXml(): string {
  return ruleXml(textWidthTwips(TIEU_NGU, SIZE.tieuNgu, true), HEADER_RIGHT, 40);
}

/** Under the trích yếu (or the tên loại alone); a công văn has neither and no rule. */
export function titleRuleXml(model: DocModel): string {
  const lines = model.header.title.length ? model.header.title : model.header.typeName ? [model.header.typeName] : [];
  return shortRuleXml({ lines, halfPoints: SIZE.title, bold: true, columnWidth: TEXT_WIDTH, ratio: TITLE_RULE_RATIO });
}

function headingXml(b: HeadingBlock, notes: Footnotes): string {
  const d: RunDefaults = {
    size: SIZE.body,
    bold: b.level <= 3,
    italic: b.level >= 3,
  };
  const p = { ...bodyProps(`Heading${b.level}`, b.align, true), keepNext: true };
  return para(p, inlinesXml(b.runs, d, notes));
}

function paragraphXml(b: ParagraphBlock, notes: Footnotes): string {
  return para(bodyProps('Body', b.align, b.indent !== false), inlinesXml(b.runs, { size: SIZE.body }, notes));
}

function articleXml(b: ArticleBlock, notes: Footnotes, width: number, out: string[]): void {
  const label = runXml({ text: `Điều ${b.number}.` }, { size: SIZE.body, bold: true });
  const title = b.title.length ? runXml({ text: ' ' }, { size: SIZE.body }) + inlinesXml(b.title, { size: SIZE.body }, notes) : '';
  out.push(para({ ...bodyProps('Article', 'justify', true), keepNext: b.body.length > 0 }, label + title));
  blocksXml(b.body, notes, width, out);
}

/** Column widths in twips: proportional to the model's relative widths, summing exactly to `total`. */
export function columnWidths(relative: number[], total: number): number[] {
  const safe = relative.map((w) => (Number.isFinite(w) && w > 0 ? w : 1));
  const sum = safe.reduce((a, b) => a + b, 0);
  const widths = safe.map((w) => Math.floor((w * total) / sum));
  widths[widths.length - 1] += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function cellXml(width: number, paragraphs: string, header: boolean): string {
  return (
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${header ? '<w:vAlign w:val="center"/>' : ''}</w:tcPr>` +
    `${paragraphs}</w:tc>`
  );
}

/**
 * Cell paragraphs, kept lean because an annex may have tens of thousands of cells: the 12 pt
 * size comes from the TableText/TableHeading style, left alignment is the default, and only
 * emphasis is written on the run.
 */
function cellParagraphs(value: string, style: string, align: Align, bold: boolean): string {
  const pPrXml = `<w:pPr>${val('w:pStyle', style)}${align === 'left' ? '' : val('w:jc', JC[align])}</w:pPr>`;
  const rPr = bold ? '<w:rPr><w:b/><w:bCs/></w:rPr>' : '';
  const out: string[] = [];
  for (const line of value.split('\n')) {
    out.push(`<w:p>${pPrXml}${line === '' ? '' : `<w:r>${rPr}<w:t xml:space="preserve">${text(line)}</w:t></w:r>`}</w:p>`);
  }
  return out.join('');
}

function tableXml(b: TableBlock, width: number, out: string[]): void {
  if (b.caption) {
    out.push(
      para(
        { style: 'TableCaption', align: 'center', firstLine: 0, before: SPACE_BEFORE, after: SPACE_BEFORE, line: BODY_LINE, keepNext: true },
        runXml({ text: b.caption }, { size: SIZE.body, bold: true }),
      ),
    );
  }
  const widths = columnWidths(
    b.columns.map((c) => c.width),
    width,
  );
  const aligns: Align[] = b.columns.map((c) => c.align ?? (c.numeric ? 'right' : 'left'));
  out.push(
    `<w:tbl><w:tblPr>${val('w:tblStyle', 'TableGrid')}<w:tblW w:w="${width}" w:type="dxa"/>` +
      '<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>' +
      '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>' +
      '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>' +
      '<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000"/></w:tblPr>' +
      `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
  );
  const repeat = b.repeatHeader !== false;
  out.push(
    `<w:tr><w:trPr><w:cantSplit/>${repeat ? '<w:tblHeader/>' : ''}</w:trPr>` +
      b.columns.map((c, i) => cellXml(widths[i], cellParagraphs(c.header, 'TableHeading', 'center', true), true)).join('') +
      '</w:tr>',
  );
  for (const row of b.rows) {
    const bold = row.total === true;
    const cells: string[] = [];
    for (let i = 0; i < b.columns.length; i++) {
      cells.push(cellXml(widths[i], cellParagraphs(row.cells[i] ?? '', 'TableText', aligns[i], bold), false));
    }
    out.push(`<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells.join('')}</w:tr>`);
  }
  out.push('</w:tbl>');
}

/** Appends the XML of `blocks` to `out`; `width` is the text width of the section they are in. */
export function blocksXml(blocks: Block[], notes: Footnotes, width: number, out: string[]): void {
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        out.push(headingXml(b, notes));
        break;
      case 'paragraph':
        out.push(paragraphXml(b, notes));
        break;
      case 'article':
        articleXml(b, notes, width, out);
        break;
      case 'table':
        tableXml(b, width, out);
        break;
    }
  }
}

/** Word merges two tables with nothing between them, and a cell or body must not end on a table. */
export function endWithParagraph(out: string[]): void {
  if (out.length > 0 && out[out.length - 1].endsWith('</w:tbl>')) out.push(spacerXml());
}

/** An empty, nearly zero-height paragraph. */
export function spacerXml(extraPPr = ''): string {
  return `<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr>${sizeXml(2)}</w:rPr>${extraPPr}</w:pPr></w:p>`;
}

/** Thẩm quyền ban hành, Kính gửi, căn cứ and the enacting line, in the order ND30 Mẫu 1.x has them. */
export function preambleXml(model: DocModel, notes: Footnotes): string {
  const out: string[] = [];
  (model.authority ?? []).forEach((line, i) => {
    out.push(
      para(
        { style: 'Authority', align: 'center', firstLine: 0, before: i === 0 ? 240 : 0, after: 0, line: BODY_LINE, keepNext: true },
        runXml({ text: line }, { size: SIZE.body, bold: true }),
      ),
    );
  });
  out.push(...kinhGuiXml(model.kinhGui ?? []));
  for (const c of model.canCu) {
    out.push(para(bodyProps('CanCu', 'justify', true), inlinesXml(c, { size: SIZE.body, italic: true }, notes)));
  }
  if (model.enactingLine) {
    out.push(
      para(
        { style: 'EnactingLine', align: 'center', firstLine: 0, before: 240, after: SPACE_BEFORE, line: BODY_LINE, keepNext: true },
        runXml({ text: model.enactingLine }, { size: SIZE.body, bold: true }),
      ),
    );
  }
  return out.join('');
}

/**
 * "Kính gửi: X" alone is centred. With several recipients the first line starts at 4 cm and
 * the following "- …" lines start under the text after the colon (ND30 §3.4: dashes line up).
 */
function kinhGuiXml(lines: string[]): string[] {
  if (lines.length === 0) return [];
  if (lines.length === 1) {
    return [para({ ...bodyProps('KinhGui', 'center', false), before: 240 }, runXml({ text: lines[0] }, { size: SIZE.body }))];
  }
  const start = 2268;
  const colon = lines[0].indexOf(':');
  const label = colon >= 0 ? lines[0].slice(0, colon + 1) + ' ' : '';
  const hang = textWidthTwips(label, SIZE.body, false);
  return lines.map((line, i) =>
    para(
      { style: 'KinhGui', align: 'left', left: i === 0 ? start : start + hang, firstLine: 0, before: i === 0 ? 240 : 0, after: 0, line: BODY_LINE },
      runXml({ text: line }, { size: SIZE.body }),
    ),
  );
}

/**
 * The body. Its last paragraph keeps with the signature table (common practice, not ND30 text):
 * a page holding only "Nơi nhận" and the signature would look detached from what it signs.
 */
export function bodyXml(model: DocModel, notes: Footnotes): string {
  const out: string[] = [];
  blocksXml(model.body, notes, TEXT_WIDTH, out);
  const last = out.length - 1;
  if (last >= 0 && !out[last].endsWith('</w:tbl>') && !out[last].includes('<w:keepNext/>')) {
    out[last] = out[last].replace(/^(<w:p><w:pPr><w:pStyle w:val="[^"]+"\/>)/, '$1<w:keepNext/>');
  }
  endWithParagraph(out);
  return out.join('');
}

/** Section properties: A4, ND30 margins, no number on a section's first page, numbering from 1. */
export function sectPrXml(landscape: boolean): string {
  const size = landscape
    ? `<w:pgSz w:w="${PAGE.height}" w:h="${PAGE.width}" w:orient="landscape"/>`
    : `<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"/>`;
  return (
    '<w:sectPr>' +
    '<w:headerReference w:type="default" r:id="rIdHeaderDefault"/>' +
    '<w:headerReference w:type="first" r:id="rIdHeaderFirst"/>' +
    '<w:type w:val="nextPage"/>' +
    size +
    `<w:pgMar w:top="${PAGE.marginTop}" w:right="${PAGE.marginRight}" w:bottom="${PAGE.marginBottom}" w:left="${PAGE.marginLeft}"` +
    ` w:header="${PAGE.header}" w:footer="${PAGE.footer}" w:gutter="0"/>` +
    '<w:pgNumType w:start="1"/>' +
    '<w:cols w:space="720"/>' +
    '<w:titlePg/>' +
    '</w:sectPr>'
  );
}

function annexXml(annex: Annex, notes: Footnotes, out: string[]): void {
  const width = annex.landscape ? TEXT_WIDTH_LANDSCAPE : TEXT_WIDTH;
  out.push(
    para({ style: 'AnnexLabel', align: 'center', keepNext: true }, runXml({ text: annex.label }, { size: SIZE.body, bold: true })),
  );
  for (const line of annex.title) {
    out.push(para({ style: 'AnnexTitle', align: 'center', keepNext: true }, runXml({ text: line }, { size: SIZE.body, bold: true })));
  }
  if (annex.subtitle) {
    out.push(
      para({ style: 'AnnexSubtitle', align: 'center', keepNext: true }, runXml({ text: annex.subtitle }, { size: SIZE.body, italic: true })),
    );
    out.push(shortRuleXml({ lines: [annex.subtitle], halfPoints: SIZE.body, bold: false, columnWidth: width, ratio: TITLE_RULE_RATIO, after: 240 }));
  } else if (annex.title.length) {
    out.push(shortRuleXml({ lines: annex.title, halfPoints: SIZE.body, bold: true, columnWidth: width, ratio: TITLE_RULE_RATIO, after: 240 }));
  }
  blocksXml(annex.blocks, notes, width, out);
  endWithParagraph(out);
}

/**
 * The annexes, each a section of its own. A section's properties sit in the last paragraph of
 * the section, except the last section's, which close the body: so the main text ends with a
 * break carrying the portrait page, annex i ends with annex i's, and `finalSection` is the last.
 */
export function annexesXml(model: DocModel, notes: Footnotes): { annexes: string; finalSection: string } {
  const out: string[] = [];
  let current = false; // orientation of the section being closed
  if (model.annexes.length > 0) out.push(spacerXml(sectPrXml(false)));
  model.annexes.forEach((annex, i) => {
    annexXml(annex, notes, out);
    current = annex.landscape === true;
    if (i < model.annexes.length - 1) out.push(spacerXml(sectPrXml(current)));
  });
  const finalSection = (model.annexes.length === 0 ? spacerXml() : '') + sectPrXml(current);
  return { annexes: out.join(''), finalSection };
}
