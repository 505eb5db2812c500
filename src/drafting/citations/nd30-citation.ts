/**
 * Citing a registry document the ND30 way (PL I §II.6.a–b; nd30.md §3.1): the first mention in a
 * text is in full — loại, số/ký hiệu, ngày, cơ quan ban hành, trích yếu — and every later mention
 * gives only the loại and số/ký hiệu. A Luật or Pháp lệnh is cited by its loại and name only.
 *
 * Pure: no Nest, no TypeORM. The wording of the connector between the issuer and the trích yếu
 * follows the seeds: a decision's "Về việc …" becomes "về việc …"; a normative text's verb title
 * ("Quy định …", "Ban hành …") follows directly; a plan's or report's noun title ("Triển khai
 * thực hiện …") is introduced by "về".
 */
import { formatDocNumber } from '../../vi/doc-number';
import { formatShortDate } from '../../vi/nd30-date';
import { nfc } from '../../vi/nfc';

/** The registry fields a citation prints. */
export interface CitableDocument {
  code: string;
  type: string;
  typeName: string;
  number: number | null;
  year: number;
  symbol: string;
  yearInNumber: boolean;
  issuer: string;
  date: string | null;
  title: string;
}

/** Types whose trích yếu is a verb phrase that follows the issuer directly ("… của Chính phủ quy định …"). */
const VERB_TITLE_TYPES = new Set(['NQ', 'NĐ', 'TT', 'TTLT', 'QĐ', 'CT', 'QyĐ', 'PL', 'L']);

/** Types cited by loại and name only (ND30: "trừ luật, pháp lệnh"). */
const NAME_ONLY_TYPES = new Set(['Luật', 'Pháp lệnh', 'L', 'PL']);

export class CitationError extends Error {}

/** "04/2026/NQ-HĐND", "187/KH-UBND"; an unnumbered document cannot be cited. */
export function citationReference(d: CitableDocument): string {
  if (d.number === null) throw new CitationError(`${d.typeName} ${d.code} has no number yet: it cannot be cited`);
  return formatDocNumber({ number: d.number, year: d.year, symbol: d.symbol, yearInNumber: d.yearInNumber });
}

/** Lower-cases the first letter unless the first word is an acronym ("HĐND …", "UBND …"). */
export function lowerFirst(s: string): string {
  const t = nfc(s).trim();
  const word = /^\S+/u.exec(t)?.[0] ?? '';
  const letters = [...word].filter((c) => /\p{L}/u.test(c));
  if (letters.length > 1 && letters.every((c) => c === c.toLocaleUpperCase('vi'))) return t;
  return t.charAt(0).toLocaleLowerCase('vi') + t.slice(1);
}

/** The trích yếu as it follows "… của <issuer>": "về việc …", "quy định …", "về triển khai …". */
export function titleClause(d: Pick<CitableDocument, 'type' | 'title'>): string {
  const title = nfc(d.title).trim().replace(/[.;:,]+$/u, '');
  if (/^(về|v\/v)\s/iu.test(title)) return lowerFirst(title.replace(/^v\/v\s/iu, 'về việc '));
  if (VERB_TITLE_TYPES.has(d.type)) return lowerFirst(title);
  return `về ${lowerFirst(title)}`;
}

export interface CitationOptions {
  /** false: the full form without the trích yếu (a trích yếu that names its own scope after it) */
  withTitle?: boolean;
}

/** "Nghị quyết số 04/2026/NQ-HĐND ngày 20/4/2026 của Hội đồng nhân dân thành phố Hải Phòng quy định …". */
export function fullCitation(d: CitableDocument, opts: CitationOptions = {}): string {
  if (NAME_ONLY_TYPES.has(d.type) || NAME_ONLY_TYPES.has(d.typeName)) return nfc(`${d.typeName} ${d.title}`);
  const parts = [`${d.typeName} số ${citationReference(d)}`];
  if (d.date) parts.push(`ngày ${formatShortDate(d.date)}`);
  parts.push(`của ${d.issuer}`);
  if (opts.withTitle !== false) parts.push(titleClause(d));
  return nfc(parts.join(' '));
}

/** "Nghị quyết số 04/2026/NQ-HĐND". */
export function shortCitation(d: CitableDocument): string {
  if (NAME_ONLY_TYPES.has(d.type) || NAME_ONLY_TYPES.has(d.typeName)) return nfc(`${d.typeName} ${d.title}`);
  return nfc(`${d.typeName} số ${citationReference(d)}`);
}

/**
 * Remembers which documents a text has already mentioned, in reading order, so that `cite` gives
 * the full form the first time and the short form after. A full citation whose trích yếu itself
 * quotes another registry document in full (Kế hoạch 187 quoting Nghị quyết 04) counts as a mention
 * of that one too.
 */
export class MentionTracker {
  private readonly mentioned = new Set<string>();

  constructor(private readonly known: readonly CitableDocument[] = []) {}

  has(code: string): boolean {
    return this.mentioned.has(code);
  }

  /** Marks every known document whose "số <reference>" occurs in `text` (for text written before). */
  noteText(text: string): void {
    for (const d of this.known) {
      if (d.number === null || this.mentioned.has(d.code)) continue;
      if (nfc(text).includes(`số ${citationReference(d)}`)) this.mentioned.add(d.code);
    }
  }

  cite(d: CitableDocument, opts: CitationOptions & { form?: 'auto' | 'full' | 'short' } = {}): string {
    const form = opts.form ?? 'auto';
    const full = form === 'full' || (form === 'auto' && !this.mentioned.has(d.code));
    const text = full ? fullCitation(d, opts) : shortCitation(d);
    this.mentioned.add(d.code);
    if (full) this.noteText(text);
    return text;
  }

  /** Codes in order of first mention. */
  codes(): string[] {
    return [...this.mentioned];
  }
}
