import { cleanInline } from '../extract/text';
import { fold } from '../text/fold';
import type { SourceLine } from '../types';

/**
 * The document's own header: the "Số: …/KH-UBND" line (ô 3), the "<Địa danh>, ngày … tháng … năm …"
 * line (ô 4) and a "DỰ THẢO" mark. Looked for in the first lines only.
 */

export interface NumberLine {
  line: number;
  text: string;
  /** "128" or null when the slot is blank ("Số: /KH-UBND", "Số:    /QĐ-UBND", "Số: .../KH-UBND") */
  number: string | null;
  /** "KH-UBND" */
  symbol: string | null;
}

export interface DateLine {
  line: number;
  text: string;
  place: string;
  /** as written; "" when blank (a draft waiting for its issue date) */
  dayRaw: string;
  monthRaw: string;
  year: number;
  /** offsets of the day/month digits inside `text`, for excerpts */
  start: number;
  end: number;
}

export interface Header {
  numberLine: NumberLine | null;
  dateLine: DateLine | null;
  draftMark: boolean;
}

const HEADER_LINES = 40;
const NUMBER_SLOT =
  /(?:^|\s)Số\s*:\s*([0-9]*)\s*([.…_ ]*)\s*\/\s*((?:\d{4}\s*\/\s*)?[A-ZĐ][A-Za-zĐđ&\d]*(?:-[A-ZĐ][A-Za-zĐđ&\d]*)*)/u;
const NUMBER_SLOT_FOLDED = /(?:^|\s)so\s*:\s*([0-9]*)\s*[.… _]*\s*\/\s*((?:\d{4}\s*\/\s*)?[a-z][a-z&\d]*(?:-[a-z][a-z&\d]*)*)/;
const DATE_LINE = /([\p{L}][\p{L}\d .'-]{0,50}?)\s*,\s*ngay\s*([0-9]{0,2}|[.…_ ]*)\s*thang\s*([0-9]{0,2}|[.…_ ]*)\s*(?:,\s*)?nam\s*((?:19|20)\d{2})/u;

export function findHeader(lines: SourceLine[]): Header {
  let numberLine: NumberLine | null = null;
  let dateLine: DateLine | null = null;
  let draftMark = false;
  for (const l of lines.slice(0, HEADER_LINES)) {
    const text = cleanInline(l.text);
    const f = fold(text);
    if (!draftMark && /(^|[\s(])du thao(\s|$|[)\s:.])/.test(f) && /DỰ THẢO|Dự thảo|DU THAO|Du thao/.test(text)) draftMark = true;
    if (!numberLine) {
      const m = NUMBER_SLOT.exec(text);
      const mf = m ? null : NUMBER_SLOT_FOLDED.exec(f);
      if (m) numberLine = { line: l.no, text: text.trim(), number: m[1] !== '' ? m[1] : null, symbol: m[3] };
      else if (mf) {
        const idx = mf.index + mf[0].indexOf('/');
        numberLine = { line: l.no, text: text.trim(), number: mf[1] !== '' ? mf[1] : null, symbol: text.slice(idx + 1).trim().split(/\s+/)[0] };
      }
    }
    if (!dateLine) {
      const m = DATE_LINE.exec(f);
      if (m) {
        const place = text.slice(m.index, m.index + m[1].length).replace(/^(?:\S*[/-]\S*\s+)+/, '').trim();
        dateLine = {
          line: l.no,
          text: text.trim(),
          place,
          dayRaw: m[2].trim().replace(/[.…_]/g, ''),
          monthRaw: m[3].trim().replace(/[.…_]/g, ''),
          year: Number(m[4]),
          start: m.index + m[0].search(/ngay/),
          end: m.index + m[0].length,
        };
      }
    }
    if (numberLine && dateLine && draftMark) break;
  }
  return { numberLine, dateLine, draftMark };
}

/** A draft when the context says so; otherwise when marked "DỰ THẢO" or the issue day is left blank. */
export function looksLikeDraft(h: Header, isDraft?: boolean): boolean {
  if (isDraft !== undefined) return isDraft;
  if (h.draftMark) return true;
  // no issue date, or its day left blank: not issued yet
  return h.dateLine === null || h.dateLine.dayRaw === '';
}
