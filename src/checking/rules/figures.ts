import type { Analysis, AnalysedBlock } from '../recognise/analyse';
import { registryKey } from '../recognise/citations';
import { formatScaled } from '../recognise/numbers';
import type { Quantity } from '../recognise/quantities';
import { foldKey, fold } from '../text/fold';
import type { ContextFigure, Finding } from '../types';
import { identityOf } from './between-documents';
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

/** Is the text being checked the registry document the figure belongs to? */
function isDocument(analysis: Analysis, doc: NonNullable<ContextFigure['document']>): boolean {
  const id = identityOf(analysis.header);
  if (doc.reference && id) return registryKey(doc.reference)?.key === id.key;
  // unnumbered (or its number unreadable): its trích yếu, the first words of it, in the first lines
  const head = foldKey(analysis.doc.lines.slice(0, 40).map((l) => l.text).join(' '));
  const title = foldKey(doc.title).split(' ').slice(0, 12).join(' ');
  return title.length > 0 && head.includes(title);
}

function show(n: number): string {
  const [i, f = ''] = String(n).split('.');
  return formatScaled(BigInt(i + f), f.length);
}

export const figureRules: Rule = ({ analysis, context }) => {
  const out: Finding[] = [];
  const mine = new Map<string, boolean>();
  for (const fig of context.figures ?? []) {
    if (fig.document) {
      const key = `${fig.document.reference}|${fig.document.title}`;
      if (!mine.has(key)) mine.set(key, isDocument(analysis, fig.document));
      if (!mine.get(key)) continue;
    }
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
