import type { Analysis, AnalysedBlock } from '../recognise/analyse';
import { registryKey, type Citation } from '../recognise/citations';
import type { DateMention } from '../recognise/dates';
import type { Header } from '../recognise/header';
import { issuerDifference, issuerParts } from '../recognise/issuer';
import { findLabelledFigures, type LabelledFigure } from '../recognise/labelled-figures';
import { formatScaled } from '../recognise/numbers';
import type { Unit } from '../recognise/quantities';
import { fold, foldKey } from '../text/fold';
import type { CheckContext, Finding } from '../types';
import { finding, findingAt } from './finding';
import { shapeOf, tableCount } from './tables';

/**
 * Checks between documents given together (`vanthu check a.txt b.docx …`, one upload of several
 * files). Each document is also the authority on itself: its own "Số:" and date lines say what the
 * others must cite.
 *
 * - citation.mismatch: A cites B with another date, or without the year B's number carries.
 * - citation.inconsistent: one document cited in different forms in different files (another date,
 *   the year left out), when neither the registry nor the document itself is there to say which
 *   form is right; reported at every form that is not the one most files use.
 * - figure.cross_document: A cites B and both state a figure under the same label with another
 *   value ("Số hộ nghèo đầu năm 2026: 41 hộ" in the KH, "…: 45 hộ" in the BC on it); and the scale
 *   of a KH ("Quy mô thực hiện: 73 người/năm") against the list of the QĐ that carries it out.
 *
 * Documents the registry knows are left to the registry rules: the registry outranks a file.
 */

export interface CheckedDocument {
  file: string;
  analysis: Analysis;
}

/** Who a document says it is: its own number (ô 3) and date line (ô 4). */
export interface DocumentIdentity {
  /** "45/KH-UBND", "04/2026/NQ-HĐND" */
  printed: string;
  key: string;
  keyNoYear: string;
  /** number carries its year ("04/2026/NQ-HĐND") */
  yearInNumber: boolean;
  /** ISO date of the date line when complete */
  date: string | null;
  /** place of the date line, folded ("kim thanh") */
  place: string | null;
  /** symbol type, upper case: "KH", "QĐ" */
  type: string;
}

export function identityOf(header: Header): DocumentIdentity | null {
  const n = header.numberLine;
  if (!n || n.number === null || !n.symbol) return null;
  const printed = `${n.number}/${n.symbol.replace(/\s/g, '')}`;
  const id = registryKey(printed);
  if (!id) return null;
  const d = header.dateLine;
  let date: string | null = null;
  if (d && /^\d{1,2}$/.test(d.dayRaw) && /^\d{1,2}$/.test(d.monthRaw)) {
    const day = Number(d.dayRaw);
    const month = Number(d.monthRaw);
    const probe = new Date(Date.UTC(d.year, month - 1, day));
    if (probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day) {
      date = `${d.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    }
  }
  return {
    printed,
    key: id.key,
    keyNoYear: id.keyNoYear,
    yearInNumber: id.year !== null,
    date,
    place: d && d.place ? foldKey(d.place) : null,
    type: printed.split('/').filter((p) => !/^\d/.test(p))[0].split('-')[0],
  };
}

interface Occurrence {
  doc: number;
  c: Citation;
  b: AnalysedBlock;
}

function isoOf(d: DateMention | null): string | null {
  if (!d || d.kind !== 'full' || d.y === undefined || d.m === undefined || d.d === undefined) return null;
  return `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
}

function viDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}/${m}/${y}`;
}

function citationsOf(docs: CheckedDocument[]): Occurrence[] {
  const out: Occurrence[] = [];
  docs.forEach((d, doc) => {
    const own = d.analysis.header.numberLine?.line ?? null;
    for (const b of d.analysis.blocks) {
      for (const c of b.citations) {
        // the document's own number on its "Số:" line is not a citation
        if (own !== null && b.view.line(c.start) === own && /so\s*:\s*$/.test(b.view.folded.slice(Math.max(0, c.start - 8), c.start))) continue;
        out.push({ doc, c, b });
      }
    }
  });
  return out;
}

/** The citation names a place ("của UBND xã Kim Thành") that is not the place of the document. */
function otherPlace(c: Citation, id: DocumentIdentity): boolean {
  if (!c.issuer || !id.place) return false;
  const place = issuerParts(c.issuer).place;
  if (!place) return false;
  return !(place === id.place || place.startsWith(id.place + ' ') || id.place.startsWith(place + ' '));
}

/** Is occurrence `o` a citation of document `id`? (same number and symbol; a year, if written, the same) */
function cites(c: Citation, id: DocumentIdentity): boolean {
  if (c.keyNoYear !== id.keyNoYear) return false;
  if (c.key !== id.key && c.year !== null) return false;
  return !otherPlace(c, id);
}

function registryNoYearKeys(context: CheckContext): Set<string> {
  return new Set(
    (context.knownDocuments ?? []).map((k) => registryKey(k.number)?.keyNoYear).filter((k): k is string => k !== undefined),
  );
}

function citationAgainstPeers(docs: CheckedDocument[], ids: (DocumentIdentity | null)[], occ: Occurrence[], known: Set<string>): Finding[][] {
  const out: Finding[][] = docs.map(() => []);
  for (const o of occ) {
    if (known.has(o.c.keyNoYear)) continue;
    ids.forEach((id, peer) => {
      if (!id || peer === o.doc || !cites(o.c, id)) return;
      const source = `${docs[peer].file}`;
      if (o.c.year === null && id.yearInNumber) {
        out[o.doc].push(
          findingAt('citation.mismatch', `Số hiệu ${o.c.printed} thiếu năm ban hành (văn bản ${source} ghi số ${id.printed})`, o.b.view, o.c.numberStart, o.c.numberEnd, {
            expected: id.printed,
            actual: o.c.printed,
          }),
        );
      }
      const iso = isoOf(o.c.date);
      if (iso && id.date && iso !== id.date && o.c.date) {
        out[o.doc].push(
          findingAt('citation.mismatch', `Ngày của ${id.printed} khác ngày ghi trên chính văn bản đó (${source}: ${viDate(id.date)})`, o.b.view, o.c.start, o.c.date.end, {
            expected: viDate(id.date),
            actual: viDate(iso),
          }),
        );
      }
    });
  }
  return out;
}

function compatibleIssuers(a: Citation, b: Citation): boolean {
  return !(a.issuer && b.issuer && issuerDifference(a.issuer, b.issuer));
}

/** One document cited in different forms across files, with no authority to say which is right. */
function formsAcrossFiles(docs: CheckedDocument[], ids: (DocumentIdentity | null)[], occ: Occurrence[], known: Set<string>): Finding[][] {
  const out: Finding[][] = docs.map(() => []);
  const peerKeys = new Set(ids.filter((i): i is DocumentIdentity => i !== null).map((i) => i.keyNoYear));
  const groups = new Map<string, Occurrence[]>();
  for (const o of occ) {
    if (known.has(o.c.keyNoYear) || peerKeys.has(o.c.keyNoYear)) continue;
    groups.set(o.c.keyNoYear, [...(groups.get(o.c.keyNoYear) ?? []), o]);
  }
  for (const group of groups.values()) {
    if (new Set(group.map((o) => o.doc)).size < 2) continue;
    // --- dates: by full key, each file votes once for each date it writes
    const byKey = new Map<string, Occurrence[]>();
    for (const o of group) if (isoOf(o.c.date)) byKey.set(o.c.key, [...(byKey.get(o.c.key) ?? []), o]);
    for (const list of byKey.values()) {
      const votes = new Map<string, Set<number>>();
      for (const o of list) {
        const iso = isoOf(o.c.date) as string;
        votes.set(iso, (votes.get(iso) ?? new Set()).add(o.doc));
      }
      if (votes.size < 2) continue;
      const ranked = [...votes.entries()].sort((a, b) => b[1].size - a[1].size);
      const winner = ranked[0][1].size > ranked[1][1].size ? ranked[0][0] : null;
      for (const o of list) {
        const iso = isoOf(o.c.date) as string;
        if (iso === winner) continue;
        // only files that disagree: the other form must come from another file
        const others = list.filter((x) => x.doc !== o.doc && isoOf(x.c.date) !== iso && compatibleIssuers(x.c, o.c));
        // numbers restart every year: a year-less number dated in two years is two documents
        const sameDoc = others.filter((x) => x.c.year !== null || (x.c.date?.y ?? 0) === (o.c.date?.y ?? 0));
        if (sameDoc.length === 0) continue;
        const other = winner !== null ? (sameDoc.find((x) => isoOf(x.c.date) === winner) ?? sameDoc[0]) : sameDoc[0];
        const otherIso = isoOf(other.c.date) as string;
        out[o.doc].push(
          findingAt(
            'citation.inconsistent',
            `Văn bản ${o.c.printed} được dẫn ngày ${viDate(iso)}, còn ${docs[other.doc].file} dẫn ngày ${viDate(otherIso)}`,
            o.b.view,
            o.c.start,
            (o.c.date as DateMention).end,
            { expected: viDate(otherIso), actual: viDate(iso) },
          ),
        );
      }
    }
    // --- year left out in one file, written in another for the same dated document
    const withYear = group.filter((o) => o.c.year !== null && isoOf(o.c.date));
    for (const o of group) {
      if (o.c.year !== null) continue;
      const iso = isoOf(o.c.date);
      if (!iso) continue;
      const full = withYear.find((x) => x.doc !== o.doc && isoOf(x.c.date) === iso && compatibleIssuers(x.c, o.c));
      if (!full) continue;
      out[o.doc].push(
        findingAt(
          'citation.inconsistent',
          `Số hiệu ${o.c.printed} thiếu năm ban hành; ${docs[full.doc].file} dẫn cùng văn bản là ${full.c.printed}`,
          o.b.view,
          o.c.numberStart,
          o.c.numberEnd,
          { expected: full.c.printed, actual: o.c.printed },
        ),
      );
    }
  }
  return out;
}

function show(f: LabelledFigure | { scaled: bigint; decimals: number; unit: string; per?: string }): string {
  const x = 'q' in f ? { scaled: f.q.base.scaled, decimals: f.q.base.decimals, unit: f.q.unit, per: f.q.per } : f;
  return `${formatScaled(x.scaled, x.decimals)} ${x.unit}${x.per ? `/${x.per}` : ''}`;
}

function sameValue(a: LabelledFigure, b: LabelledFigure): boolean {
  const d = Math.max(a.q.base.decimals, b.q.base.decimals);
  return a.q.base.scaled * 10n ** BigInt(d - a.q.base.decimals) === b.q.base.scaled * 10n ** BigInt(d - b.q.base.decimals);
}

const sameRate = (a: LabelledFigure, b: LabelledFigure) => fold(a.q.per ?? '') === fold(b.q.per ?? '');

const LIST_UNITS = new Set<Unit>(['người', 'hộ', 'đối tượng', 'lao động']);

/** Figures along the chain: A cites B, both name a figure the same way. */
function figuresAlongChain(docs: CheckedDocument[], ids: (DocumentIdentity | null)[], occ: Occurrence[]): Finding[][] {
  const out: Finding[][] = docs.map(() => []);
  const figures = docs.map((d) => findLabelledFigures(d.analysis.blocks));
  const pairs = new Set<string>();
  for (const o of occ) {
    ids.forEach((id, peer) => {
      if (id && peer !== o.doc && cites(o.c, id)) pairs.add(`${o.doc}>${peer}`);
    });
  }
  for (const pair of pairs) {
    const [a, b] = pair.split('>').map(Number);
    const source = `${ids[b]?.printed} (${docs[b].file})`;
    const reported = new Set<LabelledFigure>();
    for (const fa of figures[a]) {
      const matches = figures[b].filter((fb) => fb.key === fa.key && fb.q.unit === fa.q.unit && sameRate(fa, fb));
      // a label stated twice with two values in the source names no single figure
      if (matches.length === 0 || matches.some((m) => !sameValue(m, matches[0]))) continue;
      const fb = matches[0];
      if (sameValue(fa, fb) || reported.has(fa)) continue;
      reported.add(fa);
      out[a].push(
        findingAt('figure.cross_document', `"${fa.label}": văn bản này ghi ${show(fa)}, ${source} ghi ${show(fb)}`, fa.b.view, fa.q.start, fa.q.end, {
          expected: `${show(fb)} (${ids[b]?.printed})`,
          actual: show(fa),
        }),
      );
    }
    // the scale of a plan against the list of the decision that carries it out
    if (ids[a]?.type !== 'QĐ' || ids[b]?.type !== 'KH') continue;
    const scales = figures[b].filter((f) => /^quy mo\b/.test(f.key) && LIST_UNITS.has(f.q.unit) && f.q.base.decimals === 0);
    if (scales.length !== 1) continue;
    const scale = scales[0];
    const lists = docs[a].analysis.doc.tables
      .map((t) => ({ t, count: tableCount(shapeOf(t), scale.q.unit) }))
      .filter((x): x is { t: typeof x.t; count: NonNullable<typeof x.count> } => x.count !== null);
    if (lists.length !== 1) continue;
    const { t, count } = lists[0];
    if (count.value === scale.q.base.scaled) continue;
    out[a].push(
      finding(
        'figure.cross_document',
        `Danh sách có ${count.value} ${scale.q.unit}, ${source} ghi "${scale.label}" ${show(scale)}`,
        t.startLine,
        `${t.header.join(' | ')}`.slice(0, 140),
        { expected: `${show({ scaled: scale.q.base.scaled, decimals: 0, unit: scale.q.unit })} (${ids[b]?.printed})`, actual: `${count.value} ${scale.q.unit}` },
      ),
    );
  }
  return out;
}

/**
 * A document given in the same set stands in for the registry: "not in the registry" (info) is
 * dropped for a citation of one of the other documents.
 */
export function withoutPeerUnknowns(findings: Finding[], self: number, docs: CheckedDocument[]): Finding[] {
  const peers = new Set(
    docs
      .map((d, i) => (i === self ? null : identityOf(d.analysis.header)))
      .filter((id): id is DocumentIdentity => id !== null)
      .map((id) => id.keyNoYear),
  );
  if (peers.size === 0) return findings;
  return findings.filter((f) => !(f.code === 'citation.unknown' && f.actual !== undefined && peers.has(registryKey(f.actual)?.keyNoYear ?? '')));
}

/** Findings for each document (same order as `docs`) from comparing it with the others. */
export function betweenDocuments(docs: CheckedDocument[], context: CheckContext = {}): Finding[][] {
  if (docs.length < 2) return docs.map(() => []);
  const ids = docs.map((d) => identityOf(d.analysis.header));
  const occ = citationsOf(docs);
  const known = registryNoYearKeys(context);
  const parts = [citationAgainstPeers(docs, ids, occ, known), formsAcrossFiles(docs, ids, occ, known), figuresAlongChain(docs, ids, occ)];
  return docs.map((_, i) => parts.flatMap((p) => p[i]));
}
