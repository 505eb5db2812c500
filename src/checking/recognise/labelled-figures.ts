import { fold } from '../text/fold';
import type { AnalysedBlock } from './analyse';
import type { Quantity } from './quantities';

/**
 * Named figures as a document states them: "<label>: <quantity>" or "<label> là/đạt <quantity>",
 * e.g. "Số hộ nghèo đầu năm 2026: 41 hộ", "Quy mô thực hiện (dự kiến): 73 người/năm", "Tổng kinh
 * phí thực hiện là 1,2 tỷ đồng". Two documents of a chain (a BC and the KH it reports on, a QĐ and
 * the KH it carries out) that state a figure under the same label must state the same value.
 *
 * Deliberately strict, because a wrong pairing is a false alarm: the label is the whole clause
 * before the link (back to the start of the block or the last , ; . : ( ), three to twelve words,
 * with no number in it but a year; the quantity follows the link directly and is not approximate.
 */

export interface LabelledFigure {
  /** the label as written ("Số hộ nghèo đầu năm 2026") */
  label: string;
  /** the comparison key: folded, spaces collapsed, a leading "tổng" dropped ("so ho ngheo dau nam 2026") */
  key: string;
  q: Quantity;
  b: AnalysedBlock;
}

const MIN_WORDS = 3;
const MAX_WORDS = 12;
// what may stand between the label and the quantity
const LINK = /\s*(?:\([^()]{0,40}\)\s*)?(?::|\s(?:la|dat|bang))\s*$/;
// a clause boundary before the label
const BOUNDARY = /[.;:,!?()"“”\n]/;
const LEADING_MARK = /^(?:[-+•*–]\s*|(?:\d{1,2}(?:\.\d{1,2})*\.?|[a-zđ]\)|[ivx]+\.)\s+)/;
// a clause that is itself about a change or a subset is not the figure's name
const NOT_A_NAME = /^(?:trong do|trong so|gom|bao gom|con|tang|giam|tu|den|va|hoac|voi|tuong ung|chiem|so voi)\b/;

export function labelKey(label: string): string {
  return label
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^tong (?=so |kinh phi |nguon |cong )/, '');
}

export function findLabelledFigures(blocks: AnalysedBlock[]): LabelledFigure[] {
  const out: LabelledFigure[] = [];
  for (const b of blocks) {
    const kind = b.view.block.kind;
    if (kind === 'table' || kind === 'footnote') continue;
    const { text, folded } = b.view;
    for (const q of b.quantities) {
      if (q.approximate) continue;
      const before = folded.slice(Math.max(0, q.start - 160), q.start);
      const link = LINK.exec(before);
      if (!link) continue;
      const head = before.slice(0, link.index);
      let from = head.length;
      while (from > 0 && !BOUNDARY.test(head[from - 1])) from--;
      const offset = q.start - before.length;
      const rawStart = offset + from;
      let label = text.slice(rawStart, offset + link.index).trim();
      const mark = LEADING_MARK.exec(fold(label));
      if (mark) label = label.slice(mark[0].length).trim();
      const key = labelKey(fold(label));
      const words = key.split(' ').filter((w) => w !== '');
      if (words.length < MIN_WORDS || words.length > MAX_WORDS) continue;
      if (NOT_A_NAME.test(key)) continue;
      // a number in the label other than a year belongs to another statement
      if (words.some((w) => /\d/.test(w) && !/^(?:19|20)\d{2}$/.test(w))) continue;
      out.push({ label, key, q, b });
    }
  }
  return out;
}
