import { fold, sameWord } from '../text/fold';
import type { DateMention } from './dates';

/**
 * Citations of other documents: "Nghị quyết số 04/2026/NQ-HĐND ngày 20/4/2026 của Hội đồng nhân
 * dân thành phố …", "Kế hoạch số 187/KH-UBND", "Nghị định 07/2021/NĐ-CP", "Quyết định 2269/QĐ-TTg",
 * party documents "số 01-NQ/ĐH". The number/symbol is the anchor; the type word, the date and the
 * issuer after "của" are optional.
 */

export interface Citation {
  /** "04" as written */
  numberRaw: string;
  number: number;
  year: number | null;
  /** "NQ-HĐND", "NQ/ĐH" for party documents */
  symbol: string;
  /** identity of the document: "4/2026/NQ-HDND" (year may be empty) */
  key: string;
  /** identity without the year: "4/NQ-HDND" */
  keyNoYear: string;
  /** as printed: "04/2026/NQ-HĐND" (spaces removed) */
  printed: string;
  /** canonical type word before the number ("Nghị quyết"), if any */
  typeWord: string | null;
  /** type abbreviation implied by the symbol ("NQ", "QĐ", "NĐ", "TTLT"…), null for công văn */
  symbolType: string | null;
  date: DateMention | null;
  issuer: string | null;
  /** offsets: the whole citation and the number token */
  start: number;
  end: number;
  numberStart: number;
  numberEnd: number;
}

export const TYPE_WORDS: readonly { word: string; abbr: string | null }[] = [
  { word: 'thông tư liên tịch', abbr: 'TTLT' },
  { word: 'nghị quyết', abbr: 'NQ' },
  { word: 'kế hoạch', abbr: 'KH' },
  { word: 'quyết định', abbr: 'QĐ' },
  { word: 'nghị định', abbr: 'NĐ' },
  { word: 'thông tư', abbr: 'TT' },
  { word: 'chỉ thị', abbr: 'CT' },
  { word: 'báo cáo', abbr: 'BC' },
  { word: 'tờ trình', abbr: 'TTr' },
  { word: 'thông báo', abbr: 'TB' },
  { word: 'hướng dẫn', abbr: 'HD' },
  { word: 'chương trình', abbr: 'CTr' },
  { word: 'đề án', abbr: 'ĐA' },
  { word: 'kết luận', abbr: 'KL' },
  { word: 'công văn', abbr: null },
  { word: 'văn bản', abbr: null },
];

const KNOWN_SYMBOL_TYPES = new Set(
  ['NQ', 'KH', 'QĐ', 'NĐ', 'TT', 'TTLT', 'CT', 'BC', 'TTr', 'TB', 'HD', 'CTr', 'ĐA', 'KL', 'QC', 'QyĐ', 'PA', 'L', 'PL', 'NQLT'].map((s) => fold(s)),
);

/** Identity key part of a symbol: folded, upper case, "&" and spaces dropped ("BTT&TT" = "BTTTT"). */
export function symbolKey(symbol: string): string {
  return fold(symbol).toUpperCase().replace(/[&\s]/g, '');
}

// number / [year /] SYMBOL-PARTS ; the symbol needs at least one hyphen
const STATE_NUMBER =
  /(?<![\p{L}\d/])(\d{1,5})\s?\/\s?(?:((?:19|20)\d{2})\s?\/\s?)?([A-ZĐ][A-Za-zĐđ&\d]*(?:\s?-\s?[A-ZĐ][A-Za-zĐđ&\d]*)+)(?![\p{L}\d])/gu;
// party documents: 01-NQ/ĐH, 12-CT/TW
const PARTY_NUMBER = /(?<![\p{L}\d/])(\d{1,4})-([A-ZĐ]{1,5})\/([A-ZĐ][A-Za-zĐđ\d]*(?:-[A-ZĐ][A-Za-zĐđ\d]*)*)(?![\p{L}\d])/gu;

// lower-case words that end an issuer ("… của UBND tỉnh về việc", "… của Chính phủ quy định")
const ISSUER_STOP = new Set([
  'về', 'giao', 'tại', 'nhằm', 'để', 'theo', 'cho', 'trong', 'trên', 'đã', 'đang', 'được', 'gửi', 'năm', 'lần',
  'kỳ', 'khóa', 'với', 'là', 'này', 'thì', 'có', 'đến', 'từ', 'ngày', 'số', 'v/v', 'ra', 'cũng', 'như', 'sau',
  'trước', 'đó',
]);
// two-word phrases that end it ("ban hành", not the "ban" of "Ủy ban")
const ISSUER_STOP_PHRASES = [
  'quy định', 'ban hành', 'phê duyệt', 'hướng dẫn', 'triển khai', 'điều chỉnh', 'thực hiện', 'sửa đổi', 'bổ sung',
  'kèm theo', 'đối với', 'phân công', 'phân bổ', 'quyết định', 'thông qua',
];

const LEVEL_LAST_WORDS = ['tỉnh', 'huyện', 'quận', 'xã', 'phường', 'trấn', 'phố', 'khu'];

function typeWordBefore(folded: string, text: string, pos: number): string | null {
  const before = folded.slice(Math.max(0, pos - 40), pos);
  const m = /([a-z ]+?)\s*(?:\bso\b\s*)?:?\s*$/.exec(before);
  if (!m) return null;
  for (const t of TYPE_WORDS) {
    const f = fold(t.word);
    const tail = m[1].trimEnd();
    if (tail === f || tail.endsWith(' ' + f)) {
      const at = Math.max(0, pos - 40) + m.index + m[1].trimEnd().length - f.length;
      const written = text.slice(at, at + f.length);
      if (written.split(' ').every((w, i) => sameWord(w, t.word.split(' ')[i]))) return t.word;
    }
  }
  return null;
}

/** Issuer after "của": words up to punctuation, a stop word, or a new citation ("và Kế hoạch …"). */
export function issuerAfter(text: string, folded: string, pos: number): { issuer: string; end: number } | null {
  const m = /^\s*,?\s*cua\s+/.exec(folded.slice(pos, pos + 12));
  if (!m) return null;
  let p = pos + m[0].length;
  const startP = p;
  const first = text.slice(p).match(/^[\p{L}]/u);
  if (!first || first[0] === first[0].toLowerCase()) return null;
  const words: string[] = [];
  let end = p;
  // after a level word ("tỉnh", "thành phố", "xã"…) only a capitalised place name may follow
  let placeMode = false;
  while (p < text.length && words.length < 16) {
    const wm = /^([^\s,;:()."“”]+)(\s*)/.exec(text.slice(p));
    if (!wm) break;
    const w = wm[1];
    const lower = w.toLowerCase();
    const isLowerWord = w === lower;
    if (words.length > 0 && isLowerWord && [...ISSUER_STOP].some((s) => sameWord(lower, s))) break;
    if (words.length > 0 && isLowerWord) {
      const two = text.slice(p).match(/^[^\s,;:()."“”]+\s+[^\s,;:()."“”]+/u)?.[0].toLowerCase().replace(/\s+/g, ' ');
      if (two && ISSUER_STOP_PHRASES.some((ph) => two.split(' ').every((w, i) => sameWord(w, ph.split(' ')[i])))) break;
    }
    if (sameWord(lower, 'và') && words.length > 0) {
      const next = text.slice(p + wm[0].length);
      const nextWord = /^[\p{L}]+/u.exec(next)?.[0] ?? '';
      const nf = fold(next.slice(0, 30));
      if (nextWord === '' || nextWord === nextWord.toLowerCase() || TYPE_WORDS.some((t) => nf.startsWith(fold(t.word)))) break;
    }
    if (/^\d/.test(w)) break;
    if (placeMode && isLowerWord && !/^\d/.test(w)) break;
    if (isLowerWord && LEVEL_LAST_WORDS.some((l) => sameWord(lower, l))) placeMode = true;
    words.push(w);
    end = p + w.length;
    p += wm[0].length;
  }
  if (words.length === 0) return null;
  return { issuer: text.slice(startP, end), end };
}

function makeCitation(
  text: string,
  folded: string,
  dates: DateMention[],
  numberRaw: string,
  year: number | null,
  symbol: string,
  start: number,
  end: number,
  party: boolean,
): Citation {
  const number = Number(numberRaw);
  const cleanSymbol = symbol.replace(/\s/g, '');
  const printed = party ? `${numberRaw}-${cleanSymbol}` : `${numberRaw}/${year !== null ? `${year}/` : ''}${cleanSymbol}`;
  const sk = symbolKey(cleanSymbol);
  const typeWord = typeWordBefore(folded, text, start);
  const firstPart = fold(cleanSymbol.split(/[-/]/)[0]);
  const symbolType = KNOWN_SYMBOL_TYPES.has(firstPart) ? cleanSymbol.split(/[-/]/)[0] : null;
  // a date right after: ", ngày 20/4/2026", " ngày 20 tháng 4 năm 2026", " 20/4/2026"
  let cursor = end;
  let date: DateMention | null = null;
  for (const d of dates) {
    if (d.start < end) continue;
    if (d.start - end > 16) break;
    if (d.kind !== 'full' && d.kind !== 'monthYear') continue;
    if (/^\s*,?\s*(?:ban hanh\s+)?(?:ngay\s*)?$/.test(folded.slice(end, d.start))) {
      date = d;
      cursor = d.end;
    }
    break;
  }
  const iss = issuerAfter(text, folded, cursor);
  return {
    numberRaw,
    number,
    year,
    symbol: cleanSymbol,
    key: `${number}/${year ?? ''}/${sk}`,
    keyNoYear: `${number}/${sk}`,
    printed,
    typeWord,
    symbolType,
    date,
    issuer: iss ? iss.issuer : null,
    start,
    end: iss ? iss.end : cursor,
    numberStart: start,
    numberEnd: end,
  };
}

export function findCitations(text: string, folded: string, dates: DateMention[]): Citation[] {
  const out: Citation[] = [];
  for (const m of text.matchAll(STATE_NUMBER)) {
    out.push(
      makeCitation(text, folded, dates, m[1], m[2] ? Number(m[2]) : null, m[3], m.index, m.index + m[0].length, false),
    );
  }
  for (const m of text.matchAll(PARTY_NUMBER)) {
    out.push(makeCitation(text, folded, dates, m[1], null, `${m[2]}/${m[3]}`, m.index, m.index + m[0].length, true));
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Parses a registry number "04/2026/NQ-HĐND" / "187/KH-UBND" / "01-NQ/ĐH" into its identity keys. */
export function registryKey(number: string): { key: string; keyNoYear: string; year: number | null } | null {
  const n = number.normalize('NFC').replace(/\s/g, '');
  let m = /^(\d{1,5})\/(?:((?:19|20)\d{2})\/)?(.+)$/.exec(n);
  if (m && !/^\d/.test(m[3])) {
    const sk = symbolKey(m[3]);
    return { key: `${Number(m[1])}/${m[2] ?? ''}/${sk}`, keyNoYear: `${Number(m[1])}/${sk}`, year: m[2] ? Number(m[2]) : null };
  }
  m = /^(\d{1,4})-([A-ZĐ]{1,5}\/.+)$/u.exec(n);
  if (m) {
    const sk = symbolKey(m[2]);
    return { key: `${Number(m[1])}//${sk}`, keyNoYear: `${Number(m[1])}/${sk}`, year: null };
  }
  return null;
}
