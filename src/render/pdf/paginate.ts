/**
 * Flow items → pages. Items fill a page top-down, separated by the larger of the space after the one
 * and the space before the next; when one does not fit (with the footnotes it brings),
 * the page ends before the start of the chain of `keepWithNext` items that leads to it, unless that
 * chain fills the whole page, in which case the chain is broken where the page is full. A table row
 * that starts a page has its table's header rows repeated above it.
 */
import type { FlowItem, Note } from './flow';

export interface Placed {
  item: FlowItem;
  /** top of the item's box, from the top of the content area (space before already added) */
  top: number;
  /** index in the flow, or -1 for a repeated table header row */
  src: number;
}

export interface PageFlow {
  placed: Placed[];
  notes: Note[];
}

const EPS = 1e-6;

/**
 * @param capacity height of the content area
 * @param separator height taken by the footnote separator when a page has footnotes
 */
export function paginate(items: FlowItem[], capacity: number, separator: number): PageFlow[] {
  const pages: PageFlow[] = [];
  let page: PageFlow = { placed: [], notes: [] };
  let used = 0;
  let notesH = 0;
  let own = 0; // items of the flow on this page (not repeated headers)
  let pageStart = 0;

  const notesHeight = (notes: Note[]) => (notes.length ? separator + notes.reduce((h, n) => h + n.height, 0) : 0);
  const gapBefore = (item: FlowItem) => {
    const prev = page.placed[page.placed.length - 1];
    return prev ? Math.max(prev.item.after ?? 0, item.before) : 0;
  };
  const place = (item: FlowItem, src: number) => {
    const before = gapBefore(item);
    page.placed.push({ item, top: used + before, src });
    used += before + item.height;
    if (item.notes) {
      page.notes.push(...item.notes);
      notesH = notesHeight(page.notes);
    }
    if (src >= 0) own++;
  };
  const newPage = (start: number) => {
    pages.push(page);
    page = { placed: [], notes: [] };
    used = 0;
    notesH = 0;
    own = 0;
    pageStart = start;
  };

  let i = 0;
  while (i < items.length) {
    const item = items[i];
    if (page.placed.length === 0 && item.repeat) for (const h of item.repeat) place(h, -1);
    const before = gapBefore(item);
    const extraNotes = item.notes ? notesHeight([...page.notes, ...item.notes]) - notesH : 0;
    if (own === 0 || used + before + item.height + notesH + extraNotes <= capacity + EPS) {
      place(item, i);
      i++;
      continue;
    }
    let j = i;
    while (j > pageStart && items[j - 1].keepWithNext) j--;
    if (j === pageStart) j = i;
    while (page.placed.length && page.placed[page.placed.length - 1].src >= j) {
      const gone = page.placed.pop() as Placed;
      if (gone.item.notes) page.notes.splice(page.notes.length - gone.item.notes.length, gone.item.notes.length);
    }
    newPage(j);
    i = j;
  }
  if (page.placed.length || pages.length === 0) pages.push(page);
  return pages;
}
