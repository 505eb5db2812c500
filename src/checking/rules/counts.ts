import type { AnalysedBlock } from '../recognise/analyse';
import { childBullets } from '../recognise/enumerations';
import type { Quantity, Unit } from '../recognise/quantities';
import type { Finding } from '../types';
import { findingAt, type Rule } from './finding';
import { shapeOf, tableCount } from './tables';

/**
 * count.mismatch: "gồm 04 thôn: Thôn A, Thôn B, Thôn C" (inline names), "Thành phần gồm 05 thành
 * viên:" followed by bullets, "Danh sách 11 hộ như sau:" followed by a table.
 */

const COUNT_UNITS = new Set<Unit>(['thôn', 'tổ dân phố', 'xã', 'hộ', 'người', 'thành viên', 'đối tượng', 'trường hợp', 'lao động']);

function countable(q: Quantity): boolean {
  return COUNT_UNITS.has(q.unit) && !q.approximate && q.base.decimals === 0 && q.per === undefined;
}

const INLINE_COLON = /^([^\d().;:]{0,45}?)\s*:\s*/;
const INLINE_PAREN = /^([^\d().,;:]{0,30}?)\s*\(/;
const BULLET_INTRO = /^[^\d().;]{0,45}?(?:\s+(?:nhu sau|sau day|sau|gom|bao gom|cu the))?\s*:\s*$/;
const NAME_LEAD = /^(?:thôn|tổ|xóm|bản|khu|ấp|xã|phường|ông|bà|anh|chị|đồng chí|đ\/c|cháu|em)\s/iu;
const TABLE_INTRO = /(?::|nhu sau\.?|sau day\.?)\s*$/;

function countItems(segment: string, foldedSegment: string): number | null {
  if (/\d/.test(segment)) return null;
  const pieces: string[] = [];
  let last = 0;
  for (const m of foldedSegment.matchAll(/\s*(?:,|;|\s+va\s+|\s+hoac\s+)\s*/g)) {
    pieces.push(segment.slice(last, m.index));
    last = m.index + m[0].length;
  }
  pieces.push(segment.slice(last));
  const items = pieces.map((p) => p.trim()).filter((p) => p !== '');
  if (items.length < 2) return null;
  if (items.some((i) => i.split(/\s+/).length > 8)) return null;
  // names only: a list of reasons or tasks after a colon is not a list of the counted things
  if (items.some((i) => !/^\p{Lu}/u.test(i) && !NAME_LEAD.test(i))) return null;
  return items.length;
}

function inlineCounts(b: AnalysedBlock): Finding[] {
  const out: Finding[] = [];
  const { text, folded } = b.view;
  for (const q of b.quantities) {
    if (!countable(q)) continue;
    const after = folded.slice(q.end, q.end + 60);
    let start = -1;
    let end = -1;
    const colon = INLINE_COLON.exec(after);
    if (colon) {
      start = q.end + colon[0].length;
      const dot = text.slice(start).search(/\.(?:\s|$)|$/);
      end = start + dot;
    } else {
      const paren = INLINE_PAREN.exec(after);
      if (paren) {
        start = q.end + paren[0].length;
        const close = text.indexOf(')', start);
        end = close < 0 ? text.length : close;
      }
    }
    if (start < 0 || end <= start) continue;
    const n = countItems(text.slice(start, end), folded.slice(start, end));
    if (n === null || BigInt(n) === q.base.scaled) continue;
    out.push(
      findingAt('count.mismatch', `Nêu ${q.number.raw} ${q.unit} nhưng liệt kê ${n}`, b.view, q.start, end, {
        expected: `${n} ${q.unit}`,
        actual: `${q.number.raw} ${q.unit}`,
      }),
    );
  }
  return out;
}

function bulletCounts(blocks: AnalysedBlock[], i: number): Finding[] {
  const b = blocks[i];
  const qs = b.quantities.filter(countable);
  const q = qs[qs.length - 1];
  if (!q || !BULLET_INTRO.test(b.view.folded.slice(q.end))) return [];
  const children = childBullets(blocks, i);
  if (children.length === 0) return [];
  // items that carry their own count of the same unit form a sum, not a count
  if (children.every((c) => c.quantities.some((x) => x.unit === q.unit))) return [];
  if (BigInt(children.length) === q.base.scaled) return [];
  return [
    findingAt('count.mismatch', `Nêu ${q.number.raw} ${q.unit} nhưng danh sách bên dưới có ${children.length} mục`, b.view, q.start, q.end, {
      expected: `${children.length} ${q.unit}`,
      actual: `${q.number.raw} ${q.unit}`,
    }),
  ];
}

export const countRules: Rule = ({ analysis }) => {
  const out: Finding[] = [];
  const blocks = analysis.blocks;
  const tableAt = new Map(analysis.doc.tables.map((t) => [t.startLine, t]));
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const kind = b.view.block.kind;
    if (kind === 'table' || kind === 'heading' || kind === 'footnote') continue;
    out.push(...inlineCounts(b), ...bulletCounts(blocks, i));
    const next = blocks[i + 1];
    const table = next && next.view.block.kind === 'table' ? tableAt.get(next.view.block.startLine) : undefined;
    if (table && TABLE_INTRO.test(b.view.folded.trimEnd())) {
      const qs = b.quantities.filter(countable);
      const q = qs[qs.length - 1];
      if (!q) continue;
      const tc = tableCount(shapeOf(table), q.unit);
      if (tc && tc.value !== q.base.scaled) {
        out.push(
          findingAt('count.mismatch', `Nêu ${q.number.raw} ${q.unit}, bảng bên dưới có ${tc.value} (${tc.how})`, b.view, q.start, q.end, {
            expected: `${tc.value} ${q.unit}`,
            actual: `${q.number.raw} ${q.unit}`,
          }),
        );
      }
    }
  }
  return out;
};
