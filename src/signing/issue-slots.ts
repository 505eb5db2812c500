/**
 * The number and date of an electronic document are assigned by the system at issue (ND30 Đ15.3),
 * after the leader has signed (Đ14: number and date → register → agency signature). The leader
 * therefore signs the document with blanks — "Số:      /KH-UBND", "Kim Thành, ngày     tháng
 * năm 2026" — and the văn thư's issue step writes the number, day and month into those blanks in
 * the same incremental update as the agency's signature, which covers them; the leader's signature
 * still covers its own revision unchanged.
 *
 * This module finds where the blanks are on the page. It lays the model out with the PDF
 * renderer's own flow code (the same code that drew the page the leader signs) and records where
 * the two header lines land, then measures the text before each blank with the renderer's fonts.
 * The PDF layout does not report these positions itself (it reports only the signature box).
 */
import type { DocModel } from '../drafting/doc-model';
import { Canvas, type Align } from '../render/pdf/canvas';
import { documentSections } from '../render/pdf/document-flow';
import { emWidth, loadFaces, type FaceKey } from '../render/pdf/fonts';
import type { Line, Span } from '../render/pdf/line-breaker';
import { paginateSections } from '../render/pdf/pdf-renderer';
import { formatNumberLine, padNumber } from '../vi/doc-number';
import { formatPlaceDateLine, padDay, padMonth } from '../vi/nd30-date';
import { signingError } from './errors';

/** A blank on a page: from `left` to `right` (points from the left edge) on a baseline (points from the bottom). */
export interface TextSlot {
  /** 0-based page index */
  page: number;
  left: number;
  right: number;
  baseline: number;
  face: 'regular' | 'italic';
  size: number;
}

export interface IssueSlots {
  /** the blank before the first "/" of the Số line: the number ends where the "/" begins */
  number: TextSlot;
  day: TextSlot;
  month: TextSlot;
  /** the year the date line (and, with yearInNumber, the number) already shows */
  year: number;
}

/** A run of text to draw over the page in the issue update. */
export interface TextStamp {
  page: number;
  /** left end of the text, points */
  x: number;
  baseline: number;
  text: string;
  face: 'regular' | 'italic';
  size: number;
  /** compress horizontally (Tz) to at most this width */
  maxWidth?: number;
  /** what the stamp is, for the annotation's /Contents: "Số văn bản" */
  description: string;
}

/**
 * The model as the leader signs it: number and date left blank for the issue step, no DỰ THẢO
 * mark. `year` is the year the document will be issued in (the signing year).
 */
export function unnumberedModel(
  model: DocModel,
  d: { symbol: string; yearInNumber: boolean; placeName: string; year: number },
): DocModel {
  const { draftMark: _draft, ...header } = model.header;
  const { date: _date, ...meta } = model.meta;
  return {
    ...model,
    meta: { ...meta, draft: false },
    header: {
      ...header,
      numberLine: formatNumberLine({ number: null, year: d.year, symbol: d.symbol, yearInNumber: d.yearInNumber }),
      placeDateLine: formatPlaceDateLine(d.placeName, null, d.year),
    },
  };
}

interface RecordedLine {
  page: number;
  text: string;
  x0: number;
  baseline: number;
  face: FaceKey;
  size: number;
}

/** Where the first page's lines land, recorded by a canvas that draws nothing. */
function firstPageLines(model: DocModel): { lines: RecordedLine[]; pageHeight: number } {
  const { sections } = documentSections(model);
  const flows = paginateSections(sections);
  const g = sections[0].geometry;
  const lines: RecordedLine[] = [];
  class Recorder extends Canvas {
    override line(line: Line, spans: Span[], x: number, baseline: number, align: Align): void {
      if (line.frags.length === 0) return;
      const free = line.avail - line.width;
      const x0 = x + line.indent + (align === 'center' ? free / 2 : align === 'right' ? free : 0);
      const first = spans[line.frags[0].span];
      lines.push({ page: 0, text: line.frags.map((f) => f.text).join(''), x0, baseline, face: first.face, size: first.size });
    }
  }
  const canvas = new Recorder({ hex: () => '', resource: () => 'F' }, g.height);
  for (const p of flows[0][0].placed) p.item.draw(canvas, g.left, g.top + p.top, { page: 0, pageHeight: g.height });
  return { lines, pageHeight: g.height };
}

/** Finds the blanks of an unnumbered model (see unnumberedModel). */
export function issueSlots(model: DocModel): IssueSlots {
  const { lines, pageHeight } = firstPageLines(model);
  const faces = loadFaces();
  const find = (text: string, what: string): RecordedLine => {
    const hit = lines.find((l) => l.text === text.normalize('NFC'));
    if (!hit) throw signingError('signing.slot_not_found', `the ${what} "${text}" was not found on page 1`, 'layout');
    if (hit.face !== 'regular' && hit.face !== 'italic') {
      throw signingError('signing.slot_not_found', `the ${what} is set in ${hit.face}, not a face the issue stamp draws`, 'layout');
    }
    return hit;
  };
  const width = (l: RecordedLine, prefix: string) => emWidth(faces[l.face], prefix, () => 'issue slot') * l.size;
  const slot = (l: RecordedLine, from: string, to: string): TextSlot => ({
    page: l.page,
    left: l.x0 + width(l, from),
    right: l.x0 + width(l, to),
    baseline: pageHeight - l.baseline,
    face: l.face as 'regular' | 'italic',
    size: l.size,
  });

  const numberLine = find(model.header.numberLine, 'Số line');
  const slash = numberLine.text.indexOf('/');
  const blank = /^(Số:)(\s+)\//u.exec(numberLine.text);
  if (slash < 0 || !blank) throw signingError('signing.slot_not_found', `the Số line "${numberLine.text}" has no blank number`, 'layout');
  const number = slot(numberLine, blank[1], numberLine.text.slice(0, slash));

  const dateLine = find(model.header.placeDateLine, 'date line');
  const m = /^(.*ngày)(\s+)(tháng)(\s+)(năm (\d{4}))$/u.exec(dateLine.text);
  if (!m) throw signingError('signing.slot_not_found', `the date line "${dateLine.text}" has no blank day and month`, 'layout');
  const day = slot(dateLine, m[1], m[1] + m[2]);
  const month = slot(dateLine, m[1] + m[2] + m[3], m[1] + m[2] + m[3] + m[4]);
  return { number, day, month, year: Number(m[6]) };
}

/** Text width in points with the renderer's metrics. */
export function stampWidth(face: 'regular' | 'italic', size: number, text: string): number {
  return emWidth(loadFaces()[face], text, () => 'issue stamp') * size;
}

/**
 * The number, day and month written into the blanks: the number right-aligned against the "/"
 * (as "05/KH-UBND" reads when typeset), day and month centred in their gaps. A text wider than its
 * blank (three digits and more) is compressed horizontally rather than run over "Số:".
 */
export function issueStamps(slots: IssueSlots, issued: { number: number; date: string }): TextStamp[] {
  const [, month, day] = issued.date.split('-').map(Number);
  const space = (s: TextSlot) => stampWidth(s.face, s.size, ' ');
  const place = (s: TextSlot, text: string, align: 'right' | 'center', description: string, gap: number): TextStamp => {
    const room = s.right - s.left - gap;
    const natural = stampWidth(s.face, s.size, text);
    const w = Math.min(natural, room);
    const x = align === 'right' ? s.right - w : s.left + (s.right - s.left - w) / 2;
    return {
      page: s.page,
      x,
      baseline: s.baseline,
      text,
      face: s.face,
      size: s.size,
      description,
      ...(natural > room ? { maxWidth: room } : {}),
    };
  };
  return [
    // keep at least a thin (half) space after "Số:": the six-space blank holds two digits with a
    // full space, a three-digit number (128) slightly condensed
    place(slots.number, padNumber(issued.number), 'right', 'Số văn bản (cấp khi ban hành)', space(slots.number) / 2),
    place(slots.day, padDay(day), 'center', 'Ngày ban hành', space(slots.day) / 2),
    place(slots.month, padMonth(month), 'center', 'Tháng ban hành', space(slots.month) / 2),
  ];
}
