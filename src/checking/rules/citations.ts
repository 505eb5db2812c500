import type { AnalysedBlock } from '../recognise/analyse';
import { registryKey, TYPE_WORDS, type Citation } from '../recognise/citations';
import type { DateMention } from '../recognise/dates';
import { issuerDifference } from '../recognise/issuer';
import { fold } from '../text/fold';
import type { Finding, KnownDocument } from '../types';
import { findingAt, type Rule } from './finding';

interface Cited {
  c: Citation;
  b: AnalysedBlock;
}

function sameDate(a: DateMention | null, b: DateMention | null): boolean | null {
  if (!a || !b || a.kind !== 'full' || b.kind !== 'full') return null;
  return a.d === b.d && a.m === b.m && a.y === b.y;
}

function isoOf(d: DateMention): string | null {
  if (d.kind !== 'full' || d.y === undefined || d.m === undefined || d.d === undefined) return null;
  return `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
}

function viDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}/${m}/${y}`;
}

/** The document's own number on its "Số:" line is not a citation. */
function citedOccurrences(blocks: AnalysedBlock[], ownLine: number | null): Cited[] {
  const out: Cited[] = [];
  for (const b of blocks) {
    for (const c of b.citations) {
      const line = b.view.line(c.start);
      if (ownLine !== null && line === ownLine && /so\s*:\s*$/.test(b.view.folded.slice(Math.max(0, c.start - 8), c.start))) continue;
      out.push({ c, b });
    }
  }
  return out;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function symbolOnly(key: string): string {
  return key.split('/').slice(2).join('/');
}

function typeConflict(c: Citation): string | null {
  if (!c.typeWord || !c.symbolType) return null;
  const abbr = TYPE_WORDS.find((t) => t.word === c.typeWord)?.abbr;
  if (!abbr) return null;
  return fold(c.symbolType).toUpperCase().startsWith(fold(abbr).toUpperCase()) ? null : abbr;
}

export const citationRules: Rule = ({ analysis, context }) => {
  const findings: Finding[] = [];
  const cited = citedOccurrences(analysis.blocks, analysis.header.numberLine?.line ?? null);

  const knownKeys = new Set((context.knownDocuments ?? []).map((k) => registryKey(k.number)?.key).filter((k): k is string => k !== undefined));

  // --- within the text: one document, several forms -------------------------------------------
  const byNoYear = new Map<string, Cited[]>();
  for (const x of cited) {
    const list = byNoYear.get(x.c.keyNoYear) ?? [];
    list.push(x);
    byNoYear.set(x.c.keyNoYear, list);
  }
  const inconsistentKeys = new Set<string>();
  // a date that differs between two citations of one document: when the registry knows the right
  // date, the citation.mismatch at the wrong one says more, so this is reported only otherwise
  const dateInconsistent: { x: Cited; f: Finding }[] = [];
  const dateMismatched = new Set<Cited>();
  for (const [keyNoYear, group] of byNoYear) {
    const withYear = group.filter((x) => x.c.year !== null);
    const years = new Map<number, number>();
    for (const x of withYear) years.set(x.c.year as number, (years.get(x.c.year as number) ?? 0) + 1);
    const mainYear = [...years.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    const full = withYear.find((x) => x.c.year === mainYear);
    for (const x of group) {
      if (!full || x.c.year === mainYear) continue;
      // a different dated document with the same number (e.g. a non-normative NQ) is not the same one
      const dateSame = withYear.filter((y) => y.c.year === mainYear).map((y) => sameDate(x.c.date, y.c.date));
      if (dateSame.includes(false) && !dateSame.includes(true)) continue;
      // numbers restart every year: 04/2025/NQ-HĐND and 04/2026/NQ-HĐND are one document only on the same date
      if (x.c.year !== null && !dateSame.includes(true)) continue;
      // the registry knows a document with exactly this (year-less) number: a different one
      if (knownKeys.has(x.c.key)) continue;
      if (x.c.issuer && full.c.issuer && issuerDifference(x.c.issuer, full.c.issuer)) continue;
      inconsistentKeys.add(keyNoYear);
      findings.push(
        findingAt(
          'citation.inconsistent',
          x.c.year === null
            ? `Số hiệu ${x.c.printed} thiếu năm ban hành; cùng văn bản ở chỗ khác ghi ${full.c.printed}`
            : `Số hiệu ${x.c.printed} ghi năm khác với ${full.c.printed} của cùng văn bản`,
          x.b.view,
          x.c.numberStart,
          x.c.numberEnd,
          { expected: full.c.printed, actual: x.c.printed },
        ),
      );
    }
    // one full key cited with different dates (same issuer)
    const byKey = new Map<string, Cited[]>();
    for (const x of group) {
      if (!x.c.date || x.c.date.kind !== 'full') continue;
      const list = byKey.get(x.c.key) ?? [];
      list.push(x);
      byKey.set(x.c.key, list);
    }
    for (const list of byKey.values()) {
      const counts = new Map<string, number>();
      for (const x of list) counts.set(isoOf(x.c.date as DateMention) ?? '', (counts.get(isoOf(x.c.date as DateMention) ?? '') ?? 0) + 1);
      if (counts.size < 2) continue;
      const main = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
      const mainX = list.find((x) => isoOf(x.c.date as DateMention) === main) as Cited;
      for (const x of list) {
        const iso = isoOf(x.c.date as DateMention);
        if (iso === main) continue;
        if (x.c.issuer && mainX.c.issuer && issuerDifference(x.c.issuer, mainX.c.issuer)) continue;
        dateInconsistent.push({
          x,
          f: findingAt(
            'citation.inconsistent',
            `Văn bản ${x.c.printed} được dẫn với ngày khác nhau trong cùng văn bản`,
            x.b.view,
            x.c.start,
            (x.c.date as DateMention).end,
            { expected: viDate(main), actual: viDate(iso ?? '') },
          ),
        });
      }
    }
  }
  for (const x of cited) {
    const abbr = typeConflict(x.c);
    if (abbr) {
      findings.push(
        findingAt(
          'citation.inconsistent',
          `Tên loại "${capitalise(x.c.typeWord ?? '')}" không khớp ký hiệu ${x.c.symbol}`,
          x.b.view,
          Math.max(0, x.c.start - (x.c.typeWord ?? '').length - 4),
          x.c.numberEnd,
          { expected: abbr, actual: x.c.symbolType ?? '' },
        ),
      );
    }
  }

  // --- against the registry ------------------------------------------------------------------
  const known = context.knownDocuments;
  if (!known) return [...findings, ...dateInconsistent.map((d) => d.f)];
  const reg = known
    .map((k) => ({ k, id: registryKey(k.number) }))
    .filter((r): r is { k: KnownDocument; id: NonNullable<ReturnType<typeof registryKey>> } => r.id !== null);
  const unknownReported = new Set<string>();
  for (const x of cited) {
    const c = x.c;
    // a year-less number is reused every year: among several, the one of the cited date (or year)
    const sameKey = reg.filter((r) => r.id.key === c.key);
    const citedIso = c.date ? isoOf(c.date) : null;
    let match =
      sameKey.length > 1
        ? (sameKey.find((r) => citedIso !== null && r.k.date === citedIso) ??
          sameKey.find((r) => c.date?.y !== undefined && r.k.date?.slice(0, 4) === String(c.date.y)) ??
          sameKey[0])
        : sameKey[0];
    let numberProblem: string | null = null;
    if (!match) {
      const sameNoYear = reg.filter((r) => r.id.keyNoYear === c.keyNoYear);
      if (sameNoYear.length === 1) {
        match = sameNoYear[0];
        if (!inconsistentKeys.has(c.keyNoYear)) {
          numberProblem = c.year === null ? 'thiếu năm ban hành' : 'sai năm ban hành';
        }
      }
    }
    if (!match && c.date) {
      // same date and (same number+year, or same symbol): the number or the symbol is mistyped
      const iso = isoOf(c.date);
      const cand = reg.filter(
        (r) =>
          r.k.date === iso &&
          (symbolOnly(r.id.key) === symbolOnly(c.key) ||
            (r.id.key.split('/')[0] === String(c.number) && (r.id.year === c.year || c.year === null))),
      );
      if (cand.length === 1) {
        match = cand[0];
        numberProblem = 'số hoặc ký hiệu khác sổ đăng ký';
      }
    }
    if (!match) {
      // one note per document, whatever form it is cited in
      if (!unknownReported.has(c.keyNoYear)) {
        unknownReported.add(c.keyNoYear);
        findings.push(
          findingAt('citation.unknown', `Văn bản ${c.printed} không có trong sổ đăng ký`, x.b.view, c.numberStart, c.numberEnd, {
            actual: c.printed,
          }),
        );
      }
      continue;
    }
    const k = match.k;
    if (numberProblem) {
      findings.push(
        findingAt('citation.mismatch', `Số hiệu ${c.printed}: ${numberProblem} (sổ đăng ký: ${k.number})`, x.b.view, c.numberStart, c.numberEnd, {
          expected: k.number,
          actual: c.printed,
        }),
      );
    }
    if (c.date && k.date) {
      const iso = isoOf(c.date);
      if (iso && iso !== k.date) {
        dateMismatched.add(x);
        findings.push(
          findingAt('citation.mismatch', `Ngày của ${k.number} khác sổ đăng ký`, x.b.view, c.start, c.date.end, {
            expected: viDate(k.date),
            actual: viDate(iso),
          }),
        );
      }
    }
    if (c.issuer && k.issuer) {
      const diff = issuerDifference(c.issuer, k.issuer);
      if (diff) {
        findings.push(
          findingAt('citation.mismatch', `Cơ quan ban hành ${k.number} khác sổ đăng ký (${diff})`, x.b.view, c.start, c.end, {
            expected: k.issuer,
            actual: c.issuer,
          }),
        );
      }
    }
  }
  return [...findings, ...dateInconsistent.filter((d) => !dateMismatched.has(d.x)).map((d) => d.f)];
};

