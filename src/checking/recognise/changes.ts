import { superscriptToDigits } from '../extract/text';
import type { AnalysedBlock } from './analyse';
import { sentenceEnd, sentenceStart } from './enumerations';
import type { Quantity } from './quantities';

/**
 * Before / after / change: "từ 292 hộ … xuống còn 238 hộ", "tăng từ 10 hộ lên 12 hộ", "giảm 54 hộ",
 * "giảm từ 0,6% xuống còn 0,4%". A change is tied to a from/to pair in the same sentence, in the
 * same block when there is only one of each, or through a footnote marker ("giảm 54 hộ nghèo¹" with
 * "¹ Từ 292 hộ … xuống còn 238 hộ").
 */

export interface FromTo {
  from: Quantity;
  to: Quantity;
  direction: 'down' | 'up';
  block: AnalysedBlock;
}

export interface Change {
  q: Quantity;
  direction: 'down' | 'up';
  block: AnalysedBlock;
  /** footnote markers right after the change ("¹" → "1") */
  markers: string[];
}

export interface ChangeStatement {
  change: Change;
  fromTo: FromTo;
}

const TO_WORD = /^(?:[^;:]{0,80}?)\s(xuong con|xuong muc|xuong|con lai|con|len muc|len|tang len)\s+$/;
// "tăng cường", "giảm nghèo", "tăng trưởng", "tăng thu nhập", "giảm thiểu" are not changes of a count
const CHANGE_VERB =
  /(?:^|[^\p{L}])(giam|tang)(?!\s+(?:cuong|ngheo|truong|thu nhap|thieu|gia|ca|chat|nang|toc))(?:\s+(?:duoc|them|di|xuong|len))?(?:[^\d.;:()]{0,45}?)\s*$/u;

export function findFromTos(b: AnalysedBlock): FromTo[] {
  const out: FromTo[] = [];
  const { folded } = b.view;
  const qs = b.quantities;
  for (let i = 0; i < qs.length; i++) {
    const a = qs[i];
    if (!/(?:^|[^\p{L}])tu\s+$/u.test(folded.slice(Math.max(0, a.start - 6), a.start))) continue;
    for (let j = i + 1; j < qs.length; j++) {
      const c = qs[j];
      if (c.unit !== a.unit) continue;
      const between = folded.slice(a.end, c.start);
      const m = TO_WORD.exec(' ' + between);
      if (m) out.push({ from: a, to: c, direction: m[1].startsWith('xuong') || m[1].startsWith('con') ? 'down' : 'up', block: b });
      break;
    }
  }
  return out;
}

export function findChanges(b: AnalysedBlock, fromTos: FromTo[]): Change[] {
  const out: Change[] = [];
  const { text, folded } = b.view;
  const used = new Set(fromTos.flatMap((f) => [f.from, f.to]));
  for (const q of b.quantities) {
    if (used.has(q) || q.approximate) continue;
    const before = folded.slice(Math.max(0, q.start - 60), q.start);
    const m = CHANGE_VERB.exec(before);
    if (!m) continue;
    // "giảm từ …" introduces a from/to, not a change
    if (/\btu\s*$/.test(before)) continue;
    const after = text.slice(q.end, q.end + 30);
    const markers = [...after.matchAll(/([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|\[\^(\w+)\]/g)]
      .filter((x) => x.index < 25)
      .map((x) => (x[1] ? superscriptToDigits(x[1]) : x[2]));
    out.push({ q, direction: m[1] === 'giam' ? 'down' : 'up', block: b, markers });
  }
  return out;
}

export function findChangeStatements(blocks: AnalysedBlock[]): ChangeStatement[] {
  const fromTosByBlock = new Map<AnalysedBlock, FromTo[]>();
  for (const b of blocks) fromTosByBlock.set(b, findFromTos(b));
  const out: ChangeStatement[] = [];
  for (const b of blocks) {
    const fts = fromTosByBlock.get(b) ?? [];
    const changes = findChanges(b, fts);
    for (const ch of changes) {
      const sStart = sentenceStart(b.view.text, ch.q.start);
      const sEnd = sentenceEnd(b.view.text, ch.q.end);
      const others = changes.filter((o) => o !== ch);
      // the nearest from/to of the same unit in the same sentence, with no other change in between
      const candidates = fts
        .filter((f) => f.from.unit === ch.q.unit && f.from.start >= sStart && f.to.end <= sEnd + 1)
        .map((f) => {
          const lo = Math.min(f.from.start, ch.q.start);
          const hi = Math.max(f.to.end, ch.q.end);
          return { f, dist: f.from.start > ch.q.start ? f.from.start - ch.q.end : ch.q.start - f.to.end, lo, hi };
        })
        .filter((c) => !others.some((o) => o.q.start > c.lo && o.q.end < c.hi && o.q.unit === ch.q.unit))
        .sort((x, y) => x.dist - y.dist);
      let ft: FromTo | undefined = candidates[0]?.f;
      if (!ft && ch.markers.length > 0) ft = viaFootnote(blocks, fromTosByBlock, ch);
      if (ft) out.push({ change: ch, fromTo: ft });
    }
  }
  return out;
}

function viaFootnote(blocks: AnalysedBlock[], byBlock: Map<AnalysedBlock, FromTo[]>, ch: Change): FromTo | undefined {
  for (const b of blocks) {
    const blk = b.view.block;
    if (blk.kind !== 'footnote') continue;
    if (blk.marker === undefined || !ch.markers.includes(blk.marker)) continue;
    const fts = (byBlock.get(b) ?? []).filter((f) => f.from.unit === ch.q.unit);
    if (fts.length === 1) return fts[0];
  }
  return undefined;
}

