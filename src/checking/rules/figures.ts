import type { AnalysedBlock } from '../recognise/analyse';
import { formatScaled } from '../recognise/numbers';
import type { Quantity } from '../recognise/quantities';
import { foldKey, fold } from '../text/fold';
import type { ContextFigure, Finding } from '../types';
import { findingAt, type Rule } from './finding';

/**
 * figure.registry_mismatch and figure.cross_document: the value stated after a named figure's anchor
 * ("Quy mô thực hiện … : 73 người/năm") against the registry now and against the same figure in the
 * other documents of the chain (province target → commune KH → village allocation; KH scale → QĐ list).
 */

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function locateFigure(blocks: AnalysedBlock[], fig: ContextFigure): { q: Quantity; b: AnalysedBlock } | null {
  const words = foldKey(fig.anchor).split(' ').filter((w) => w !== '');
  if (words.length === 0) return null;
  const re = new RegExp(words.map(escapeRe).join('\\s+'), 'g');
  const unit = fig.unit ? fold(fig.unit) : null;
  for (const b of blocks) {
    for (const m of b.view.folded.matchAll(re)) {
      const from = m.index + m[0].length;
      const q = b.quantities.find((x) => x.start >= from && x.start - from <= 120 && (unit === null || fold(x.unit) === unit));
      if (q) return { q, b };
    }
  }
  return null;
}

function show(n: number): string {
  const [i, f = ''] = String(n).split('.');
  return formatScaled(BigInt(i + f), f.length);
}

export const figureRules: Rule = ({ analysis, context }) => {
  const out: Finding[] = [];
  for (const fig of context.figures ?? []) {
    const at = locateFigure(analysis.blocks, fig);
    if (!at) continue;
    const stated = at.q.base.value;
    const unit = at.q.unit;
    if (fig.registryValue !== undefined && Math.abs(stated - fig.registryValue) > 1e-9) {
      out.push(
        findingAt('figure.registry_mismatch', `"${fig.anchor}": văn bản ghi ${show(stated)} ${unit}, sổ đăng ký hiện là ${show(fig.registryValue)} ${unit}`, at.b.view, at.q.start, at.q.end, {
          expected: `${show(fig.registryValue)} ${unit}`,
          actual: `${show(stated)} ${unit}`,
        }),
      );
    }
    for (const r of fig.related ?? []) {
      if (Math.abs(stated - r.value) <= 1e-9) continue;
      out.push(
        findingAt(
          'figure.cross_document',
          `"${fig.anchor}": văn bản này ghi ${show(stated)} ${unit}, ${r.document} ghi ${show(r.value)} ${unit}${r.note ? ` (${r.note})` : ''}`,
          at.b.view,
          at.q.start,
          at.q.end,
          { expected: `${show(r.value)} ${unit} (${r.document})`, actual: `${show(stated)} ${unit}` },
        ),
      );
    }
  }
  return out;
};
