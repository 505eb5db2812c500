import type { AnalysedBlock } from './analyse';
import type { Enumeration } from './enumerations';
import type { NumberToken } from './numbers';
import type { Quantity } from './quantities';

/**
 * Percentage statements whose part and base are both in the text:
 *   "tổng số hộ … là 23 hộ, chiếm 56,1%" after "41 hộ nghèo … Trong đó, …" (the base is the total
 *   that "trong đó" refers to), "23 hộ = 56,1%", "23/41 hộ, đạt 56,1%", "đạt 56,1% (23/41 hộ)",
 *   "56,1% (23 hộ trên tổng số 41 hộ)", and parts of an enumeration "…: 11 hộ (57,9%)".
 * A percentage without a base in the text ("41 hộ nghèo, chiếm 0,6%") is not checked.
 */

export interface PercentStatement {
  percent: Quantity;
  part: { value: NumberToken | Quantity['base']; start: number };
  base: { value: NumberToken | Quantity['base']; start: number };
  block: AnalysedBlock;
}

const LINK = /^[^\d;()]{0,60}?(?:,\s*|\s+|\s*\(\s*)(?:chiem|=|dat|bang|tuong duong|tuong ung|ty le|bang ty le)\s*(?:ty le\s*)?:?\s*$/;
const NAMED_BASE = /^\s*(?:so voi|tren|cua|trong)?\s*(?:tong so|tong dan so|dan so|ke hoach|chi tieu|cung ky|nam truoc|muc|binh quan|trung binh)/;
const PAREN_LINK = /^\s*\(\s*$/;
const RATIO = /(?<![\d/.,])(\d{1,3}(?:\.\d{3})*|\d+)\s?\/\s?(\d{1,3}(?:\.\d{3})*|\d+)(?![\d/])/g;

function parseInt0(s: string): { value: number; decimals: number; scaled: bigint } {
  const v = s.replace(/\./g, '');
  return { value: Number(v), decimals: 0, scaled: BigInt(v) };
}

export function findPercentStatements(blocks: AnalysedBlock[], enumerations: Enumeration[]): PercentStatement[] {
  const out: PercentStatement[] = [];
  const enumTotalOf = new Map<Quantity, Quantity>();
  for (const e of enumerations) for (const p of e.parts) enumTotalOf.set(p.q, e.total);

  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi];
    if (b.view.block.kind === 'table') continue;
    const { text, folded } = b.view;
    for (const pq of b.quantities) {
      if (pq.unit !== '%' || pq.approximate) continue;
      // explicit ratio next to the percentage: "(23/41 hộ)" right after, or "23/41 hộ, đạt" right before
      let ratio: { part: string; base: string; start: number } | null = null;
      const windowStart = Math.max(0, pq.start - 50);
      for (const m of text.slice(windowStart, pq.end + 40).matchAll(RATIO)) {
        const abs = windowStart + m.index;
        const absEnd = abs + m[0].length;
        if (abs >= pq.end) {
          if (!/^\s*\(\s*$/.test(text.slice(pq.end, abs))) continue;
        } else if (absEnd <= pq.start) {
          const between = folded.slice(absEnd, pq.start);
          if (!/^[^\d;()]{0,30}?(?:(?:,\s*|\s+)(?:dat|chiem|=|bang|ty le|tuong duong)\s*:?\s*|\s*\(\s*)$/.test(between)) continue;
        } else continue;
        ratio = { part: m[1], base: m[2], start: abs };
        break;
      }
      if (ratio) {
        out.push({
          percent: pq,
          part: { value: parseInt0(ratio.part), start: ratio.start },
          base: { value: parseInt0(ratio.base), start: ratio.start },
          block: b,
        });
        continue;
      }
      // the part right before "chiếm X%" / "= X%" / "(X%)"
      const partQ = [...b.quantities].reverse().find((q) => q.end <= pq.start && q.unit !== '%');
      if (!partQ || partQ.approximate) continue;
      const between = folded.slice(partQ.end, pq.start);
      if (!LINK.test(between) && !PAREN_LINK.test(between)) continue;
      // explicit base after: "trên tổng số 41 hộ", "so với 41 hộ", "của 41 hộ"
      const after = b.quantities.find(
        (q) => q.start > pq.end && q.start - pq.end < 40 && q.unit === partQ.unit && /(?:tren|so voi|trong tong so|cua tong so)\s+(?:tong so\s+)?(?:\p{L}+\s+){0,3}$/u.test(folded.slice(pq.end, q.start)),
      );
      let base: Quantity | undefined = after;
      // "chiếm 13,13% so với tổng số hộ nghèo DTTS": the writer names a base that has no figure here
      if (!base && NAMED_BASE.test(folded.slice(pq.end, pq.end + 40))) continue;
      if (!base) base = enumTotalOf.get(partQ);
      if (!base) base = trongDoBase(blocks, bi, partQ);
      if (!base || base === partQ) continue;
      out.push({ percent: pq, part: { value: partQ.base, start: partQ.start }, base: { value: base.base, start: base.start }, block: b });
    }
  }
  return out;
}

/** Offset of the innermost "(" still open at `pos`, -1 outside parentheses: identifies a clause level. */
function openParenAt(text: string, pos: number): number {
  const stack: number[] = [];
  for (let i = 0; i < pos; i++) {
    if (text[i] === '(') stack.push(i);
    else if (text[i] === ')') stack.pop();
  }
  return stack.length > 0 ? stack[stack.length - 1] : -1;
}

const CATEGORY_WORDS: [RegExp, string][] = [
  [/^ho moi thoat ngheo/, 'mới thoát nghèo'],
  [/^ho thoat can ngheo/, 'thoát cận nghèo'],
  [/^ho thoat ngheo/, 'thoát nghèo'],
  [/^ho can ngheo/, 'cận nghèo'],
  [/^ho ngheo/, 'nghèo'],
];

/**
 * "41 hộ nghèo, chiếm 0,6%. Trong đó, … 23 hộ, chiếm 56,1%": the base is the nearest earlier
 * quantity of the same unit before "trong đó" / "trong số"; "trong số hộ nghèo" picks the nearest
 * earlier count of that category (not the "96 hộ cận nghèo" just before it).
 */
function trongDoBase(blocks: AnalysedBlock[], bi: number, part: Quantity): Quantity | undefined {
  const b = blocks[bi];
  const level = openParenAt(b.view.text, part.start);
  // the base is at the part's clause level, not in a parenthetical beside it
  const earlier = b.quantities.filter(
    (q) => q.end <= part.start && q.unit === part.unit && q.unit !== '%' && openParenAt(b.view.text, q.start) === level,
  );
  const last = earlier[earlier.length - 1];
  if (!last) return undefined;
  const between = b.view.folded.slice(last.end, part.start);
  const markers = [...between.matchAll(/\btrong (?:so do|tong so|do|so)\b\s*/g)];
  const marker = markers[markers.length - 1];
  if (!marker) return undefined;
  const after = between.slice(marker.index + marker[0].length);
  const category = CATEGORY_WORDS.find(([re]) => re.test(after))?.[1];
  if (category === undefined) return last;
  const markerAt = last.end + marker.index;
  const ofCategory = earlier.filter((q) => q.end <= markerAt && q.category === category);
  return ofCategory[ofCategory.length - 1];
}
