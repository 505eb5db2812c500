/**
 * DocModel → sections of flow items, in ND30's order: (draft mark), the page-1 header block (ô 1–4),
 * tên loại and trích yếu (ô 5a), thẩm quyền, Kính gửi, căn cứ, "QUYẾT ĐỊNH:", the body (ô 6),
 * Nơi nhận and the signature (ô 9b, 7, 8) kept with the last two lines of the body; then each phụ lục
 * as its own section (new page, own page numbers, portrait or landscape).
 *
 * Items are also drawn in reading order, so that the text layer (`pdftotext -raw`) reads as the DOCX.
 */
import type {
  Annex,
  ArticleBlock,
  Block,
  DocModel,
  HeadingBlock,
  Inline,
  TableBlock,
  TextRun,
} from '../../drafting/doc-model';
import { isFootnote } from '../../drafting/doc-model';
import type { Align, Canvas } from './canvas';
import { emWidth, faceOf, loadFaces, type FaceKey } from './fonts';
import {
  BODY,
  lineBox,
  paragraphItems,
  ruleItem,
  SINGLE_LINE,
  type FlowItem,
  type Leading,
  type Note,
  type ParagraphStyle,
} from './flow';
import { breakLines, type Span } from './line-breaker';
import {
  A4,
  ANNEX_RULE_AFTER,
  AUTHORITY_BEFORE,
  CELL_PAD_X,
  CELL_PAD_Y,
  ENACTING_AFTER,
  ENACTING_BEFORE,
  FIRST_LINE_INDENT,
  FOOTNOTE_GAP,
  HEADER_LEFT,
  KINH_GUI_START,
  MARGIN,
  RECIPIENT_HANG,
  RULE_BEFORE,
  RULE_BLOCK,
  RULE_DROP,
  RULE_WIDTH,
  SHORT_RULE_RATIO,
  SIGNATURE_LINE,
  SIGNATURE_SPACE,
  SIGNATURE_TOP,
  SIZE,
  SPACE_BEFORE,
  SUPER_RISE,
  SUPER_SCALE,
  TABLE_BORDER,
  TIEU_NGU,
  TITLE_RULE_RATIO,
  TYPE_NAME_BEFORE,
  twips,
} from './pdf-profile';

export interface PageGeometry {
  width: number;
  height: number;
  left: number;
  top: number;
  /** text width and height */
  boxWidth: number;
  boxHeight: number;
}

export function geometry(landscape: boolean): PageGeometry {
  const width = landscape ? A4.height : A4.width;
  const height = landscape ? A4.width : A4.height;
  return {
    width,
    height,
    left: MARGIN.left,
    top: MARGIN.top,
    boxWidth: width - MARGIN.left - MARGIN.right,
    boxHeight: height - MARGIN.top - MARGIN.bottom,
  };
}

export interface Section {
  kind: 'main' | 'annex';
  /** index in model.annexes for an annex section */
  annex?: number;
  geometry: PageGeometry;
  items: FlowItem[];
}

const nfc = (s: string) => s.normalize('NFC');

/** Builds the sections; footnote numbers run through the whole document, as in the DOCX. */
export function documentSections(model: DocModel): { sections: Section[]; faces: Set<FaceKey> } {
  used = new Set<FaceKey>(['regular']);
  const b = new FlowBuilder(geometry(false));
  b.main(model);
  const sections: Section[] = [{ kind: 'main', geometry: b.geo, items: b.items }];
  model.annexes.forEach((annex, k) => {
    const ab = new FlowBuilder(geometry(annex.landscape === true), b.noteCount);
    ab.annex(annex, k);
    b.noteCount = ab.noteCount;
    sections.push({ kind: 'annex', annex: k, geometry: ab.geo, items: ab.items });
  });
  return { sections, faces: used };
}

interface BodyStyle {
  bold?: boolean;
  italic?: boolean;
}

class FlowBuilder {
  readonly items: FlowItem[] = [];

  constructor(
    readonly geo: PageGeometry,
    public noteCount = 0,
  ) {}

  get width(): number {
    return this.geo.boxWidth;
  }

  // ---- page 1 ---------------------------------------------------------------------------------

  main(m: DocModel): void {
    const h = m.header;
    if (h.draftMark) this.draftMark(nfc(h.draftMark));
    this.headerBlock(m);
    // the DOCX has an empty 14 pt paragraph after its header table (docxtemplater closes the table
    // with one): the same blank line here keeps the two layouts alike
    this.items.push({ height: lineBox(SINGLE_LINE, SIZE.body).height, before: 0, keepWithNext: true, draw: () => undefined });
    if (h.typeName) this.para(plain(h.typeName, 'bold', SIZE.typeName), center(SINGLE_LINE, TYPE_NAME_BEFORE, true), 'header.typeName');
    h.title.forEach((t, i) =>
      this.para(plain(t, 'bold', SIZE.title), center(SINGLE_LINE, !h.typeName && i === 0 ? TYPE_NAME_BEFORE : 0, true), `header.title[${i}]`),
    );
    // as the DOCX: TITLE_RULE_RATIO of the longest trích yếu (or tên loại) line, measured unwrapped
    const ruled = h.title.length ? h.title : h.typeName ? [h.typeName] : [];
    if (ruled.length) this.shortRule(longest(ruled, 'bold', SIZE.title, this.width) * TITLE_RULE_RATIO);

    (m.authority ?? []).forEach((line, i) =>
      this.para(plain(line, 'bold', SIZE.body), { align: 'center', leading: BODY, before: i === 0 ? AUTHORITY_BEFORE : 0, keepNext: true }, `authority[${i}]`),
    );
    this.kinhGui(m.kinhGui ?? []);
    m.canCu.forEach((runs, i) => this.inlines(runs, { italic: true }, this.bodyStyle(), `canCu[${i}]`));
    if (m.enactingLine) {
      this.para(
        plain(m.enactingLine, 'bold', SIZE.body),
        { align: 'center', leading: BODY, before: ENACTING_BEFORE, after: ENACTING_AFTER, keepNext: true },
        'enactingLine',
      );
    }
    m.body.forEach((block, i) => this.block(block, `body[${i}]`));
    // the last two lines of the body stay with Nơi nhận and the signature
    const n = this.items.length;
    if (n >= 1) this.items[n - 1].keepWithNext = true;
    if (n >= 2) this.items[n - 2].keepWithNext = true;
    this.signature(m);
  }

  /** A short centred rule: 2 pt below the text above, in a 6 pt paragraph, then `after`. */
  private shortRule(length: number, after = 0): void {
    const rule = ruleItem(this.width, Math.min(length, this.width), RULE_WIDTH, RULE_BLOCK);
    if (after) rule.after = after;
    rule.before = RULE_BEFORE;
    rule.keepWithNext = true;
    this.items.push(rule);
  }

  /**
   * "Kính gửi: X" alone is centred; with several lines the first starts 4 cm in and the "- …"
   * lines start under the text after the colon (as the DOCX does).
   */
  private kinhGui(lines: string[]): void {
    if (lines.length === 0) return;
    if (lines.length === 1) {
      this.para(plain(lines[0], 'regular', SIZE.body), { align: 'center', leading: BODY, before: AUTHORITY_BEFORE }, 'kinhGui[0]');
      return;
    }
    const start = twips(KINH_GUI_START);
    const colon = lines[0].indexOf(':');
    const label = colon >= 0 ? lines[0].slice(0, colon + 1) + ' ' : '';
    const hang = emWidth(loadFaces().regular, nfc(label), () => 'kinhGui[0]') * SIZE.body;
    lines.forEach((line, i) => {
      const indent = i === 0 ? start : start + hang;
      this.para(plain(line, 'regular', SIZE.body), { align: 'left', leading: BODY, before: i === 0 ? AUTHORITY_BEFORE : 0, first: indent, rest: indent }, `kinhGui[${i}]`);
    });
  }

  private draftMark(text: string): void {
    const x0 = twips(7371);
    const w = this.width - x0;
    const spans = plain(text, 'bold', SIZE.draftMark);
    const lines = breakLines(spans, { width: w - 8 }, () => 'header.draftMark');
    const lb = lineBox(SINGLE_LINE, SIZE.draftMark);
    const height = lines.length * lb.height + 4;
    this.items.push({
      height,
      before: 0,
      after: 6,
      keepWithNext: true,
      draw: (c, x, top) => {
        c.rect(x + x0, top, w, height, RULE_WIDTH);
        lines.forEach((l, i) => c.line(l, spans, x + x0 + 4, top + 2 + i * lb.height + lb.baseline, 'center'));
      },
    });
  }

  /** ô 1–4: a two-column block; Số and the date line share the second row. */
  private headerBlock(m: DocModel): void {
    const h = m.header;
    const leftW = HEADER_LEFT;
    const rightW = this.width - HEADER_LEFT;
    const left = new Column(leftW);
    h.governingBody.forEach((t, i) => left.text(plain(t, 'regular', SIZE.governingBody), 'center', `header.governingBody[${i}]`));
    h.issuer.forEach((t, i) => left.text(plain(t, 'bold', SIZE.issuer), 'center', `header.issuer[${i}]`));
    if (h.issuer.length) left.rule(longest(h.issuer, 'bold', SIZE.issuer, leftW) * SHORT_RULE_RATIO);
    const right = new Column(rightW);
    right.text(plain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'bold', SIZE.quocHieu), 'center', 'Quốc hiệu');
    right.text(plain(TIEU_NGU, 'bold', SIZE.tieuNgu), 'center', 'Tiêu ngữ');
    right.rule(longest([TIEU_NGU], 'bold', SIZE.tieuNgu, rightW));
    const row1 = Math.max(left.height, right.height);
    const left2 = new Column(leftW);
    left2.text(plain(h.numberLine, 'regular', SIZE.numberLine), 'center', 'header.numberLine', SPACE_BEFORE);
    if (h.vv) left2.text(plain(h.vv, 'regular', SIZE.vv), 'center', 'header.vv', SPACE_BEFORE);
    const right2 = new Column(rightW);
    right2.text(plain(h.placeDateLine, 'italic', SIZE.dateLine), 'center', 'header.placeDateLine', SPACE_BEFORE);
    const height = row1 + Math.max(left2.height, right2.height);
    this.items.push({
      height,
      before: 0,
      keepWithNext: true,
      draw: (c, x, top) => {
        left.draw(c, x, top);
        right.draw(c, x + leftW, top);
        left2.draw(c, x, top + row1);
        right2.draw(c, x + leftW, top + row1);
      },
    });
  }

  // ---- body -----------------------------------------------------------------------------------

  private bodyStyle(over: Partial<ParagraphStyle> = {}): ParagraphStyle {
    return { align: 'justify', first: FIRST_LINE_INDENT, leading: BODY, before: SPACE_BEFORE, ...over };
  }

  private block(block: Block, where: string): void {
    switch (block.kind) {
      case 'heading':
        return this.heading(block, where);
      case 'paragraph': {
        const align = block.align ?? 'justify';
        this.inlines(block.runs, {}, this.bodyStyle({ align, first: block.indent === false ? 0 : indentFor(align) }), where);
        return;
      }
      case 'article':
        return this.article(block, where);
      case 'table':
        return this.table(block, where);
    }
  }

  private heading(block: HeadingBlock, where: string): void {
    // as the DOCX: levels 1–3 bold, 3–4 italic
    const style: BodyStyle = { bold: block.level <= 3, italic: block.level >= 3 };
    const align = block.align ?? 'justify';
    this.inlines(block.runs, style, this.bodyStyle({ align, first: indentFor(align), keepNext: true }), where);
  }

  private article(block: ArticleBlock, where: string): void {
    // "Điều n." bold, then the title as its runs say (the DOCX writes it so)
    const runs: Inline[] = [{ text: `Điều ${block.number}.`, bold: true }];
    if (block.title.length) runs.push({ text: ' ' }, ...block.title);
    this.inlines(runs, {}, this.bodyStyle({ keepNext: block.body.length > 0 }), `${where}.title`);
    block.body.forEach((b, i) => this.block(b, `${where}.body[${i}]`));
  }

  /** Inlines → spans (footnote markers become superscript numbers) → paragraph lines. */
  private inlines(runs: Inline[], base: BodyStyle, style: ParagraphStyle, where: string, size: number = SIZE.body): number[] {
    const spans: Span[] = [];
    const notes = new Map<number, Note>();
    for (const r of runs) {
      if (isFootnote(r)) {
        const n = ++this.noteCount;
        notes.set(spans.length, this.note(n, r.footnote, `${where} footnote ${n}`));
        spans.push(marker(n, size));
      } else {
        spans.push(runSpan(r, base, size));
      }
    }
    return this.para(spans, style, where, notes.size ? notes : undefined);
  }

  /** Adds a paragraph; returns the natural widths of its lines. */
  private para(spans: Span[], style: ParagraphStyle, where: string, notes?: Map<number, Note>): number[] {
    const { items, lines } = paragraphItems(spans, this.width, style, () => where, notes);
    this.items.push(...items);
    return lines.map((l) => l.width);
  }

  private note(n: number, runs: TextRun[], where: string): Note {
    const spans: Span[] = [marker(n, SIZE.footnote), { text: ' ', face: 'regular', size: SIZE.footnote }];
    for (const r of runs) spans.push(runSpan(r, {}, SIZE.footnote));
    const lines = breakLines(spans, { width: this.width }, () => where);
    const lb = lineBox(SINGLE_LINE, SIZE.footnote);
    return {
      height: lines.length * lb.height,
      draw: (c, x, top) => lines.forEach((l, i) => c.line(l, spans, x, top + i * lb.height + lb.baseline, 'justify')),
    };
  }

  // ---- tables ---------------------------------------------------------------------------------

  private table(block: TableBlock, where: string): void {
    if (block.caption) {
      this.para(plain(block.caption, 'bold', SIZE.body), { align: 'center', leading: BODY, before: SPACE_BEFORE, after: 6, keepNext: true }, `${where}.caption`);
    }
    // relative widths as the DOCX normalises them (a missing or bad width counts 1)
    const safe = block.columns.map((c) => (Number.isFinite(c.width) && c.width > 0 ? c.width : 1));
    const total = safe.reduce((a, b) => a + b, 0);
    const widths = safe.map((w) => (w / total) * this.width);
    const xs: number[] = [0];
    for (const w of widths) xs.push(xs[xs.length - 1] + w);
    const lb = lineBox(SINGLE_LINE, SIZE.table);
    // a cell holds one paragraph per "\n"-separated line of its text, 2 pt above and below each
    const row = (cells: string[], face: FaceKey, aligns: Align[], rowWhere: string, middle: boolean): FlowItem => {
      const laid = widths.map((w, k) => {
        const paras = nfc(cells[k] ?? '')
          .split('\n')
          .map((text) => {
            const spans: Span[] = [{ text, face, size: SIZE.table }];
            return { spans, lines: breakLines(spans, { width: w - 2 * CELL_PAD_X }, () => `${rowWhere} cell ${k + 1}`) };
          });
        const height = paras.reduce((h, p) => h + p.lines.length * lb.height + 2 * CELL_PAD_Y, 0);
        return { paras, height };
      });
      // a row is as tall as its tallest cell plus the border line under it (LibreOffice counts it)
      const height = Math.max(...laid.map((c) => c.height)) + TABLE_BORDER;
      const right = xs[xs.length - 1];
      return {
        height,
        before: 0,
        draw: (c, x, top) => {
          laid.forEach((cell, k) => {
            let y = top + TABLE_BORDER + (middle ? (height - TABLE_BORDER - cell.height) / 2 : 0);
            for (const p of cell.paras) {
              y += CELL_PAD_Y;
              for (const l of p.lines) {
                c.line(l, p.spans, x + xs[k] + CELL_PAD_X, y + lb.baseline, aligns[k]);
                y += lb.height;
              }
              y += CELL_PAD_Y;
            }
          });
          // every row closes itself: a row that starts a page has its top border
          c.hline(x, x + right, top, TABLE_BORDER);
          c.hline(x, x + right, top + height, TABLE_BORDER);
          for (const vx of xs) c.vline(x + vx, top, top + height, TABLE_BORDER);
        },
      };
    };

    const headAligns: Align[] = block.columns.map(() => 'center');
    const bodyAligns: Align[] = block.columns.map((c) => (c.align ?? (c.numeric ? 'right' : 'left')) as Align);
    const header = row(
      block.columns.map((c) => c.header),
      'bold',
      headAligns,
      `${where} header`,
      true,
    );
    header.keepWithNext = true;
    this.items.push(header);
    const repeat = block.repeatHeader === false ? undefined : [header];
    block.rows.forEach((r, i) => {
      const item = row(r.cells, r.total ? 'bold' : 'regular', bodyAligns, `${where} row ${i + 1}`, false);
      if (repeat) item.repeat = repeat;
      this.items.push(item);
    });
  }

  // ---- Nơi nhận and signature -----------------------------------------------------------------

  private signature(m: DocModel): void {
    const leftW = HEADER_LEFT;
    const rightW = this.width - HEADER_LEFT;
    const left = new Column(leftW);
    if (m.recipients.entries.length) {
      left.text(plain('Nơi nhận:', 'boldItalic', SIZE.recipientsLabel), 'left', 'recipients', 0, { exact: SIGNATURE_LINE });
      m.recipients.entries.forEach((e, i) =>
        left.text(plain(e, 'regular', SIZE.recipients), 'left', `recipients.entries[${i}]`, 0, SINGLE_LINE, RECIPIENT_HANG),
      );
    }
    const right = new Column(rightW);
    m.signature.lines.forEach((l, i) =>
      right.text(plain(l, 'bold', SIZE.signature), 'center', `signature.lines[${i}]`, 0, { exact: SIGNATURE_LINE }),
    );
    const spaceTop = right.height;
    right.space(SIGNATURE_SPACE);
    right.text(plain(m.signature.name, 'bold', SIZE.signature), 'center', 'signature.name');
    const height = SIGNATURE_TOP + Math.max(left.height, right.height);
    this.items.push({
      height,
      before: 0,
      draw: (c, x, top, ctx) => {
        left.draw(c, x, top + SIGNATURE_TOP);
        right.draw(c, x + leftW, top + SIGNATURE_TOP);
        ctx.signatureBox = { x: x + leftW, top: top + SIGNATURE_TOP + spaceTop, width: rightW, height: SIGNATURE_SPACE };
      },
    });
  }

  // ---- annexes --------------------------------------------------------------------------------

  annex(a: Annex, k: number): void {
    const where = `annexes[${k}]`;
    this.para(plain(a.label, 'bold', SIZE.annex), center(SINGLE_LINE, 0, true), `${where}.label`);
    a.title.forEach((t, i) => this.para(plain(t, 'bold', SIZE.annex), center(SINGLE_LINE, 0, true), `${where}.title[${i}]`));
    if (a.subtitle) {
      this.para(plain(a.subtitle, 'italic', SIZE.annex), center(SINGLE_LINE, 0, true), `${where}.subtitle`);
      this.shortRule(longest([a.subtitle], 'italic', SIZE.annex, this.width) * TITLE_RULE_RATIO, ANNEX_RULE_AFTER);
    } else if (a.title.length) {
      this.shortRule(longest(a.title, 'bold', SIZE.annex, this.width) * TITLE_RULE_RATIO, ANNEX_RULE_AFTER);
    }
    a.blocks.forEach((b, i) => this.block(b, `${where}.blocks[${i}]`));
  }
}

/** A column of centred or left-aligned single lines (the header and signature blocks). */
class Column {
  height = 0;
  private readonly ops: ((c: Canvas, x: number, top: number) => void)[] = [];

  constructor(readonly width: number) {}

  /** Adds a paragraph; returns the widths of its lines. */
  text(spans: Span[], align: Align, where: string, before = 0, leading: Leading = SINGLE_LINE, hang = 0): number[] {
    const lines = breakLines(spans, { width: this.width, first: 0, rest: hang }, () => where);
    const lb = lineBox(leading, spans[0].size);
    const y0 = this.height + before;
    lines.forEach((l, i) => this.ops.push((c, x, top) => c.line(l, spans, x, top + y0 + i * lb.height + lb.baseline, align)));
    this.height = y0 + lines.length * lb.height;
    return lines.map((l) => l.width);
  }

  /** A centred rule 2 pt under the text above (top of a 6 pt rule paragraph). */
  rule(length: number): void {
    const y = this.height + RULE_BEFORE;
    const w = this.width;
    this.ops.push((c, x, top) => c.hline(x + (w - length) / 2, x + (w + length) / 2, top + y + RULE_DROP, RULE_WIDTH));
    this.height = y + RULE_BLOCK;
  }

  space(h: number): void {
    this.height += h;
  }

  draw(c: Canvas, x: number, top: number): void {
    for (const op of this.ops) op(c, x, top);
  }
}

/** Faces used by the document being built: only those are embedded. */
let used = new Set<FaceKey>();

function plain(text: string, face: FaceKey, size: number): Span[] {
  used.add(face);
  return [{ text: nfc(text), face, size }];
}

function center(leading: Leading, before: number, keepNext: boolean): ParagraphStyle {
  return { align: 'center', leading, before, keepNext };
}

function indentFor(align: Align): number {
  return align === 'center' || align === 'right' ? 0 : FIRST_LINE_INDENT;
}

/** The longest of `lines` set on one line, at most `max` (a longer line wraps at the column). */
function longest(lines: string[], face: FaceKey, size: number, max: number): number {
  const f = loadFaces()[face];
  return Math.max(0, ...lines.map((l, i) => Math.min(max, emWidth(f, nfc(l), () => `rule line ${i}`) * size)));
}

/** A run's own emphasis wins over its paragraph's (bold: false in a heading is upright regular). */
function runSpan(r: TextRun, base: BodyStyle, size: number): Span {
  const span: Span = { text: nfc(r.text), face: faceOf(r.bold ?? base.bold ?? false, r.italic ?? base.italic ?? false), size };
  used.add(span.face);
  if (r.underline) span.underline = true;
  return span;
}

function marker(n: number, size: number): Span {
  used.add('regular');
  return { text: String(n), face: 'regular', size: size * SUPER_SCALE, rise: size * SUPER_RISE };
}

/** The footnote separator: a gap, the rule, a gap. */
export const NOTE_SEPARATOR = FOOTNOTE_GAP * 2;
