import type { AgencyRecord, BlockRecord, DocumentRecord, OfficialRecord } from '../../registry/records/record-set';
import { formatDocNumber, formatNumberLine } from '../../vi/doc-number';
import { DATE_BLANK, formatPlaceDateLine, padDay, padMonth } from '../../vi/nd30-date';
import type { Block, DocModel, Inline } from '../doc-model';

export interface ComposeInput {
  document: DocumentRecord;
  agency: AgencyRecord;
  officials: OfficialRecord[];
  cited: DocumentRecord[];
  draft?: boolean;
  /** applied to every text before parsing (where figures are substituted) */
  renderText?: (s: string) => string;
}

/** **bold**, *italic*, ^[footnote] → runs. */
export function parseInlineMarkup(s: string): Inline[] {
  const out: Inline[] = [];
  const re = /\*\*\*(.+?)\*\*\*|\*\*(.+?)\*\*|\*(.+?)\*|\^\[(.+?)\]/g;
  let last = 0;
  for (const m of s.matchAll(re)) {
    if (m.index > last) out.push({ text: s.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ text: m[1], bold: true, italic: true });
    else if (m[2] !== undefined) out.push({ text: m[2], bold: true });
    else if (m[3] !== undefined) out.push({ text: m[3], italic: true });
    else out.push({ footnote: [{ text: m[4] }] });
    last = m.index + m[0].length;
  }
  if (last < s.length) out.push({ text: s.slice(last) });
  return out;
}

function block(b: BlockRecord, t: (s: string) => Inline[]): Block {
  if ('h1' in b) return { kind: 'heading', level: 1, runs: t(b.h1) };
  if ('h2' in b) return { kind: 'heading', level: 2, runs: t(b.h2) };
  if ('h3' in b) return { kind: 'heading', level: 3, runs: t(b.h3) };
  if ('h4' in b) return { kind: 'heading', level: 4, runs: t(b.h4) };
  if ('p' in b) return { kind: 'paragraph', runs: t(b.p), align: b.align, indent: b.indent };
  if ('article' in b) {
    return { kind: 'article', number: b.article.number, title: t(b.article.title), body: b.article.body.map((x) => block(x, t)) };
  }
  if ('figureTable' in b) throw new Error(`table figure "${b.figureTable}" must be filled in before compose`);
  return {
    kind: 'table',
    columns: b.table.columns.map((c) => ({ header: c.header, width: c.width ?? 1, align: c.align, numeric: c.numeric })),
    rows: b.table.rows,
    caption: b.table.caption,
  };
}

/**
 * The place-and-date line: the date when there is one; for an undated document, blanks for the
 * day and, unless the clerk already knows it (`monthWhenUndated`), the month.
 */
export function placeDateLine(d: DocumentRecord, placeName: string): string {
  const month = d.content?.monthWhenUndated;
  if (d.date || month === undefined) return formatPlaceDateLine(placeName, d.date, d.year);
  return `${placeName}, ngày ${DATE_BLANK} tháng ${padMonth(month)} năm ${d.year}`;
}

/**
 * The header's agency lines. A document one of the agency's units issues in its own name (a phòng's
 * Tờ trình: `issuer` is the unit's name) has the agency above it as cơ quan chủ quản, abbreviated as
 * ND30 allows ("UBND XÃ TÂN AN"), and the unit as cơ quan ban hành ("PHÒNG KINH TẾ").
 */
export function headerLines(d: DocumentRecord, agency: AgencyRecord): { governingBody: string[]; issuer: string[] } {
  const unit = d.direction === 'outgoing' && d.issuer !== agency.name ? agency.units.find((u) => u.name === d.issuer) : undefined;
  if (!unit) return { governingBody: agency.governingBody, issuer: agency.issuerLines };
  const parent = agency.issuerLines.length > 1 ? [agency.abbreviation, ...agency.issuerLines.slice(1)].join(' ') : agency.issuerLines[0];
  return { governingBody: [...agency.governingBody, parent], issuer: [unit.name.toLocaleUpperCase('vi')] };
}

/**
 * "(Kèm theo Quyết định số 05/QĐ-UBND ngày 02 tháng 6 năm 2026 của Chủ tịch …)" for an annex of
 * the document itself, from its own number and date: blanks while it has none, so that the number
 * and date the issue step assigns reach the annex too (ND30 PL I: phụ lục kèm theo văn bản).
 */
export function kemTheoLine(d: DocumentRecord, of: string): string {
  const number = formatDocNumber({ number: d.number, year: d.year, symbol: d.symbol, yearInNumber: d.yearInNumber });
  const date = d.date
    ? `ngày ${padDay(Number(d.date.slice(8, 10)))} tháng ${padMonth(Number(d.date.slice(5, 7)))} năm ${d.date.slice(0, 4)}`
    : `ngày${DATE_BLANK}tháng${DATE_BLANK}năm ${d.year}`;
  return `(Kèm theo ${d.typeName} số ${number} ${date} của ${of})`;
}

/** A registry document with content → the DocModel the renderers print. */
export function composeDocument(input: ComposeInput): DocModel {
  const { document: d, agency } = input;
  const c = d.content;
  if (!c) throw new Error(`document ${d.code} has no content to compose`);
  const render = input.renderText ?? ((s: string) => s);
  const t = (s: string): Inline[] => parseInlineMarkup(render(s));
  const signer = input.officials.find((o) => o.code === c.signature.official);
  if (!signer) throw new Error(`document ${d.code}: unknown signer ${c.signature.official}`);
  return {
    meta: { title: `${d.typeName} ${d.title}`, author: agency.name, subject: d.title, ...(d.date ? { date: d.date } : {}), draft: input.draft },
    header: {
      ...headerLines(d, agency),
      numberLine: formatNumberLine({ number: d.number, year: d.year, symbol: d.symbol, yearInNumber: d.yearInNumber }),
      placeDateLine: placeDateLine(d, agency.placeName),
      typeName: d.typeName.toLocaleUpperCase('vi'),
      title: (c.titleLines ?? [d.title]).map(render),
      ...(input.draft ? { draftMark: 'DỰ THẢO' } : {}),
    },
    ...(c.authority ? { authority: c.authority } : {}),
    ...(c.kinhGui ? { kinhGui: c.kinhGui } : {}),
    canCu: c.canCu.map(t),
    ...(c.enactingLine ? { enactingLine: c.enactingLine } : {}),
    body: c.body.map((b) => block(b, t)),
    recipients: { entries: c.recipients },
    signature: { lines: [...c.signature.authority, signer.position.toLocaleUpperCase('vi')], name: signer.name },
    annexes: c.annexes.map((a) => ({
      label: a.label,
      title: a.title,
      subtitle: a.kemTheo ? kemTheoLine(d, a.kemTheo) : a.subtitle,
      landscape: a.landscape,
      blocks: a.body.map((b) => block(b, t)),
    })),
  };
}
