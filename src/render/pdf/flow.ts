/**
 * The vertical flow: everything on a page is a FlowItem (one line of a paragraph, one table row, the
 * page-1 header block, the Nơi nhận/signature block …) with its height, the space above it and
 * whether it must stay on the same page as the next item. Pagination (paginate.ts) only reads these;
 * drawing happens later, once the page and its position are known.
 */
import type { Canvas } from './canvas';
import type { Align } from './canvas';
import { breakLines, type Line, type Span } from './line-breaker';
import { loadFaces } from './fonts';
import { BODY_LINE, RULE_DROP, SINGLE } from './pdf-profile';

/** What a drawing item learns about where it landed. */
export interface DrawContext {
  /** 0-based index of the page in the PDF */
  page: number;
  /** the page's height in points (PDF y grows upwards) */
  pageHeight: number;
  /** the signature block reports the rectangle left for the signature and seal */
  signatureBox?: { x: number; top: number; width: number; height: number };
}

/** A footnote laid out for the page foot. */
export interface Note {
  height: number;
  draw(c: Canvas, x: number, top: number): void;
}

export interface FlowItem {
  height: number;
  /** space above, dropped when the item starts a page */
  before: number;
  /**
   * space below; between two items the larger of this and the next one's `before` applies, as
   * LibreOffice lays out a .docx ("Quyết định:" with 6 pt after, then a heading with 6 pt before: 6 pt)
   */
  after?: number;
  /** must be on the same page as the next item (headings, orphan/widow control, the signature) */
  keepWithNext?: boolean;
  /** footnotes whose markers are in this item: they go to the foot of the same page */
  notes?: Note[];
  /** a table row: the header rows to repeat above it when it starts a page */
  repeat?: FlowItem[];
  draw(c: Canvas, x: number, top: number, ctx: DrawContext): void;
}

/** Line metrics: an exact height, or "single" (from the font size). */
export type Leading = { exact: number } | { single: true };

export interface ParagraphStyle {
  align: Align;
  /** x offset of the first line / of the other lines, inside the box */
  first?: number;
  rest?: number;
  leading: Leading;
  before: number;
  after?: number;
  keepNext?: boolean;
}

/** Height of a line and the position of its baseline under the line's top. */
export function lineBox(leading: Leading, size: number): { height: number; baseline: number } {
  const f = loadFaces().regular;
  if ('exact' in leading) {
    // the free space of an exact line is shared above and below the text (LibreOffice puts our
    // lines within a few tenths of a point of this)
    const height = leading.exact;
    return { height, baseline: f.ascent * size + (height - (f.ascent + f.descent) * size) / 2 };
  }
  return { height: SINGLE * size, baseline: (f.ascent + f.lineGap / 2) * size };
}

export const BODY: Leading = { exact: BODY_LINE };
export const SINGLE_LINE: Leading = { single: true };

/**
 * A paragraph as flow items, one per line, with orphan and widow control: the first two and the
 * last two lines of a paragraph stay together. `notes` maps the index of a marker span to its note.
 */
export function paragraphItems(
  spans: Span[],
  width: number,
  style: ParagraphStyle,
  where: () => string,
  notes?: Map<number, Note>,
): { items: FlowItem[]; lines: Line[] } {
  const lines = breakLines(spans, { width, first: style.first ?? 0, rest: style.rest ?? 0 }, where);
  const size = Math.max(...spans.map((s) => (s.rise ? 0 : s.size)), 1);
  const box = lineBox(style.leading, size);
  const items: FlowItem[] = lines.map((line, i) => {
    const item: FlowItem = {
      height: box.height,
      before: i === 0 ? style.before : 0,
      draw: (c, x, top) => c.line(line, spans, x, top + box.baseline, style.align),
    };
    if (style.keepNext) item.keepWithNext = true;
    if (i === lines.length - 1 && style.after) item.after = style.after;
    if (notes) {
      const here = line.frags.map((f) => notes.get(f.span)).filter((n): n is Note => n !== undefined);
      if (here.length) item.notes = here;
    }
    return item;
  });
  const n = items.length;
  if (n >= 2) {
    items[0].keepWithNext = true;
    items[n - 2].keepWithNext = true;
  }
  return { items, lines };
}

/** A rule paragraph: `height` tall, the rule of `length` centred in `width` at its top. */
export function ruleItem(width: number, length: number, thickness: number, height: number): FlowItem {
  return {
    height,
    before: 0,
    keepWithNext: false,
    draw: (c, x, top) => c.hline(x + (width - length) / 2, x + (width + length) / 2, top + RULE_DROP, thickness),
  };
}
