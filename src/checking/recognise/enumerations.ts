import type { AnalysedBlock } from './analyse';
import type { Quantity } from './quantities';

/**
 * Enumerations with a stated total:
 *   paren    "05 hộ (TDP Kè 02 hộ, TDP Pha 01 hộ, …)"
 *   marker   "22 hộ, gồm: thôn A 10 hộ, thôn B 12 hộ" ("bao gồm", "chia ra", "cụ thể", "trong đó:")
 *   list     "…: 19 hộ, trong đó:" followed by bullet items, each with its own count
 *   trailing "thôn A 10 hộ, thôn B 12 hộ; tổng cộng 22 hộ" and a bullet list closed by "Tổng cộng: 22 hộ"
 * "trong đó" without a colon often introduces overlapping subsets ("trong đó 23 hộ không có khả
 * năng lao động"), so it counts as a partition only when every part is labelled by a place (thôn, TDP…).
 */

export interface EnumerationPart {
  q: Quantity;
  block: AnalysedBlock;
}

export interface Enumeration {
  kind: 'paren' | 'marker' | 'list' | 'trailing' | 'list-trailing';
  total: Quantity;
  totalBlock: AnalysedBlock;
  parts: EnumerationPart[];
}

const PARTITION_WORDS = '(?:trong do|trong so do|bao gom|gom co|gom|chia ra|cu the|chi tiet)';
// a parenthetical between the total and the marker is skipped: "850.000.000 đồng (Bằng chữ: …), gồm: …"
const MARKER = new RegExp(`^([^\\d().;:]{0,45}?(?:\\s*\\([^()]*\\))?[^\\d().;:]{0,10}?)(?:,\\s*|\\s+|\\s*:\\s*)${PARTITION_WORDS}(\\s+co)?\\s*(:)?`);
const LIST_END = /^[^\d().;]{0,45}?(?:(?:,\s*|\s+)(?:trong do|bao gom|gom co|gom|chia ra|cu the(?: nhu sau)?|chi tiet(?: nhu sau)?|(?:phan bo |phan ra )?nhu sau))?\s*:\s*$/;
const NESTED_MARKER = new RegExp(`(?:^|[^a-z])${PARTITION_WORDS}(?:[^a-z]|$)`);
const PAREN = /^([^\d().,;:]{0,45}?)\s*\(/;
const NOT_A_PARTITION = /^\s*(?:tang|giam|so voi|bang|dat|chiem|tuong duong|tuong ung|tu\b|tinh den|gap|trong do co|trong do\s+\d|ke ca|khong ke)/;
const PLACE_LABEL = /(?:^|\s)(?:thon|tdp|to dan pho|xom|ban|khu|ap|to|xa|phuong|thi tran|khoi|lang|doi)(?:\s|$)/;
// "tổng cộng 29 hộ", "; tổng: 29 hộ", ", cộng 29 hộ" (not "thành công 29 hộ")
const TRAILING_TOTAL = /(?:(?:^|[^\p{L}])(?:tong cong|tong so|tong)|(?:^|[,;:(]\s*)cong)\s*(?:la|co|:)?\s*:?\s*$/u;

function summable(q: Quantity): boolean {
  return q.unit !== '%' && !q.approximate && q.per === undefined;
}

/** "36 hộ x 5.000.000 đồng = …": an operand of written-out arithmetic is not a part of a list. */
function inExpression(text: string, q: Quantity): boolean {
  return /^\s*[x×*]\s*\d/.test(text.slice(q.end, q.end + 6)) || /[x×*=]\s*$/.test(text.slice(Math.max(0, q.start - 4), q.start));
}

function depthAt(text: string, pos: number): number {
  let d = 0;
  for (let i = 0; i < pos; i++) {
    if (text[i] === '(') d++;
    else if (text[i] === ')') d = Math.max(0, d - 1);
  }
  return d;
}

function closingParen(text: string, open: number): number {
  let d = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') d++;
    else if (text[i] === ')') {
      d--;
      if (d === 0) return i;
    }
  }
  return text.length;
}

/** End of the sentence starting at or containing `from`: a "." followed by a space or the end. */
export function sentenceEnd(text: string, from: number): number {
  const re = /\.(?=\s|$)|\.\/\./g;
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index : text.length;
}

export function sentenceStart(text: string, at: number): number {
  const before = text.slice(0, at);
  const m = /.*\.(?=\s)/s.exec(before);
  return m ? m[0].length + 1 : 0;
}

function sameUnit(a: Quantity, b: Quantity): boolean {
  return a.unit === b.unit;
}

function inlineEnumeration(b: AnalysedBlock, t: Quantity): Enumeration | null {
  const { text, folded } = b.view;
  const after = folded.slice(t.end, t.end + 120);
  const depth = depthAt(text, t.start);
  const paren = PAREN.exec(after);
  if (paren) {
    const open = t.end + paren[0].length - 1;
    const close = closingParen(text, open);
    const inner = folded.slice(open + 1, close);
    const parts = b.quantities.filter(
      (q) => q !== t && q.start > open && q.end <= close && sameUnit(q, t) && depthAt(text, q.start) === depth + 1,
    );
    if (!NOT_A_PARTITION.test(inner) && parts.length >= 2 && parts.every(summable)) {
      return { kind: 'paren', total: t, totalBlock: b, parts: parts.map((q) => ({ q, block: b })) };
    }
  }
  const mk = MARKER.exec(after);
  if (mk) {
    const markerEnd = t.end + mk[0].length;
    const colon = mk[3] === ':';
    // "gồm", "bao gồm", "chia ra" partition; "trong đó", "cụ thể", "chi tiết" may list overlapping
    // subsets, so they need a colon or a place label on every part
    const trongDo = /trong (so )?do/.test(mk[0]);
    const elaboration = /cu the|chi tiet/.test(mk[0]);
    let end = sentenceEnd(text, markerEnd);
    const partsIn = (to: number) =>
      b.quantities.filter(
        (q) => q.start >= markerEnd && q.end <= to && sameUnit(q, t) && depthAt(text, q.start) === depth && !inExpression(text, q),
      );
    let parts = partsIn(end);
    // items separated by commas end at the first semicolon: "gồm: A 12 hộ, B 10 hộ; kinh phí …"
    if (parts.length >= 2 && !text.slice(parts[0].end, parts[1].start).includes(';')) {
      const semi = text.indexOf(';', parts[1].end);
      if (semi >= 0 && semi < end) {
        end = semi;
        parts = partsIn(end);
      }
    }
    if (parts.length < 2 || !parts.every(summable)) return null;
    // a nested breakdown without parentheses cannot be told apart from its parent's parts
    if (NESTED_MARKER.test(folded.slice(markerEnd, end))) return null;
    if ((trongDo && !colon) || elaboration) {
      // each item from the previous separator to its count must name a place
      let prev = markerEnd;
      for (const p of parts) {
        const item = folded.slice(prev, p.start);
        const lastSep = Math.max(item.lastIndexOf(','), item.lastIndexOf(';'));
        if (!PLACE_LABEL.test(item.slice(lastSep + 1))) return null;
        prev = p.end;
      }
    }
    return { kind: 'marker', total: t, totalBlock: b, parts: parts.map((q) => ({ q, block: b })) };
  }
  return null;
}

function trailingInline(b: AnalysedBlock, t: Quantity): Enumeration | null {
  const { text, folded } = b.view;
  if (!TRAILING_TOTAL.test(folded.slice(Math.max(0, t.start - 25), t.start))) return null;
  const depth = depthAt(text, t.start);
  const start = Math.max(sentenceStart(text, t.start), folded.lastIndexOf(':', Math.max(0, t.start - 25)) + 1);
  const parts = b.quantities.filter(
    (q) => q !== t && q.start >= start && q.end <= t.start && sameUnit(q, t) && depthAt(text, q.start) === depth,
  );
  if (parts.length < 2 || !parts.every(summable)) return null;
  return { kind: 'trailing', total: t, totalBlock: b, parts: parts.map((q) => ({ q, block: b })) };
}

/** Bullet items right after block i: same marker, nested items of other markers skipped. */
export function childBullets(blocks: AnalysedBlock[], i: number): AnalysedBlock[] {
  const parent = blocks[i].view.block;
  let j = i + 1;
  while (j < blocks.length && blocks[j].view.block.kind === 'footnote') j++;
  const first = blocks[j]?.view.block;
  if (!first || first.kind !== 'bullet' || first.bullet === undefined) return [];
  if (parent.kind === 'bullet' && parent.bullet === first.bullet) return [];
  const marker = first.bullet;
  const out: AnalysedBlock[] = [];
  for (; j < blocks.length; j++) {
    const blk = blocks[j].view.block;
    if (blk.kind === 'footnote') continue;
    if (blk.kind !== 'bullet') break;
    if (parent.kind === 'bullet' && blk.bullet === parent.bullet) break;
    if (blk.bullet === marker) out.push(blocks[j]);
  }
  return out;
}

function listEnumeration(blocks: AnalysedBlock[], i: number, t: Quantity): Enumeration | null {
  const b = blocks[i];
  if (!LIST_END.test(b.view.folded.slice(t.end))) return null;
  const children = childBullets(blocks, i);
  if (children.length < 2) return null;
  const parts: EnumerationPart[] = [];
  for (const c of children) {
    const q = c.quantities.find((x) => sameUnit(x, t));
    if (!q || !summable(q)) return null;
    parts.push({ q, block: c });
  }
  return { kind: 'list', total: t, totalBlock: b, parts };
}

function listTrailing(blocks: AnalysedBlock[], i: number): Enumeration | null {
  const b = blocks[i];
  // "Tổng cộng: 16 hộ", "Cộng 16 hộ" close the list; "Tổng số hộ dân: 1.250 hộ" is another figure
  if (!/^\s*(?:tong cong|tong|cong)\s*(?::|\d)/.test(b.view.folded)) return null;
  const t = b.quantities.find(summable);
  if (!t) return null;
  const parts: EnumerationPart[] = [];
  const marker = b.view.block.kind === 'bullet' ? b.view.block.bullet : undefined;
  for (let j = i - 1; j >= 0; j--) {
    const blk = blocks[j].view.block;
    if (blk.kind === 'footnote') continue;
    if (blk.kind !== 'bullet' || (marker !== undefined && blk.bullet !== marker)) break;
    if (marker === undefined && parts.length > 0 && blk.bullet !== parts[0].block.view.block.bullet) break;
    const q = blocks[j].quantities.find((x) => sameUnit(x, t));
    if (!q || !summable(q)) return null;
    parts.unshift({ q, block: blocks[j] });
  }
  if (parts.length < 2) return null;
  return { kind: 'list-trailing', total: t, totalBlock: b, parts };
}

/** Overlapping subsets, not a partition: one part alone is as large as the whole. */
function overlapping(e: Enumeration): boolean {
  const total = e.total.base;
  return e.parts.some((p) => {
    const d = Math.max(p.q.base.decimals, total.decimals);
    return p.q.base.scaled * 10n ** BigInt(d - p.q.base.decimals) >= total.scaled * 10n ** BigInt(d - total.decimals);
  });
}

export function findEnumerations(blocks: AnalysedBlock[]): Enumeration[] {
  return findCandidates(blocks).filter((e) => !overlapping(e));
}

function findCandidates(blocks: AnalysedBlock[]): Enumeration[] {
  const out: Enumeration[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const kind = b.view.block.kind;
    if (kind === 'table' || kind === 'heading') continue;
    const lt = listTrailing(blocks, i);
    if (lt) out.push(lt);
    for (const t of b.quantities) {
      if (!summable(t) || (lt && lt.total === t)) continue;
      const e = inlineEnumeration(b, t) ?? trailingInline(b, t) ?? listEnumeration(blocks, i, t);
      if (e) out.push(e);
    }
  }
  return out;
}
