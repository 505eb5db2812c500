/**
 * Numbers and money in Vietnamese words ("Bằng chữ: Mười tám triệu đồng"), and the inverse.
 *
 * Library choice (issue #2 item 5: try npm first, write our own only if they fail our table).
 * Each was run against the hand-written table in money-words.spec.ts (41 core values first):
 * - read-vietnamese-number 2.3.1 (MIT, no dependencies): CHOSEN. Its defaults are "lẻ" and "tỉ",
 *   but every word is configurable (oddText, fourToneText, units), and configured as below it
 *   passes the whole table: mốt/tư/lăm, "không trăm" in inner groups, empty groups omitted,
 *   repeated tỷ from 10^18 on, BigInt input of any size.
 * - number-to-text-vietnamese 1.1.7: failed — "một trăm linh tư" for 104, omits "không trăm" in
 *   inner groups (1.001.000 -> "một triệu một nghìn"), throws "Your number is too big" at 10^18.
 * - vn-num2words 1.0.4: failed — misspells "muời" (11, 15, 18.000.000), "muời năm" for 15,
 *   "bẩy", writes empty groups ("một triệu không nghìn không trăm linh năm").
 * - read-vn-number 4.1.0: failed — "một nghìn không trăm lẻ lăm" for 1.005.
 * - n2vi, vietnamese-number-to-words, number-to-vietnamese-words: not on the npm registry.
 * None of them parses words back to a number, so wordsToNumber below is ours.
 *
 * Conventions (what administrative documents and invoices write; tested in the spec):
 * - 11 "mười một" but 21 "hai mươi mốt"; 15 "mười lăm", 25 "hai mươi lăm", 5 and 105 "năm";
 *   24 "hai mươi tư" (option `four: 'bốn'`), 14 "mười bốn", 104 "một trăm linh bốn".
 * - A zero tens digit after hundreds: "linh" (option `zeroTens: 'lẻ'`): 105 "một trăm linh năm".
 * - A group after a higher non-zero group is read in full: 1.005 "một nghìn không trăm linh năm".
 *   A group that is entirely zero is left out: 1.000.005 "một triệu không trăm linh năm" (not
 *   "… không nghìn …"), which is how invoice and accounting software writes it.
 * - Scales nghìn (option `thousand: 'ngàn'`), triệu, tỷ; above tỷ the count of tỷ is itself read as a
 *   number: 10^12 "một nghìn tỷ", 10^15 "một triệu tỷ", 10^18 "một tỷ tỷ",
 *   (10^9 + 1)·10^9 "một tỷ không trăm linh một tỷ".
 */
import { doReadNumber, ReadingConfig } from 'read-vietnamese-number';
import { nfc } from './nfc';
import { capitalizeFirst } from './text-case';

export interface NumberWordsOptions {
  /** Word for a zero tens digit after hundreds: "một trăm linh năm" / "một trăm lẻ năm". Default 'linh'. */
  zeroTens?: 'linh' | 'lẻ';
  /** Word for a units 4 after "mươi": "hai mươi tư" / "hai mươi bốn". Default 'tư'. */
  four?: 'tư' | 'bốn';
  /** Word for 1.000: Default 'nghìn' (northern and official); 'ngàn' is the southern form. */
  thousand?: 'nghìn' | 'ngàn';
}

export interface MoneyWordsOptions extends NumberWordsOptions {
  /** Append "chẵn" ("Mười tám triệu đồng chẵn"), as some agencies write for round sums. Default false. */
  appendChan?: boolean;
}

function readingConfig(opts: NumberWordsOptions): ReadingConfig {
  const zeroTens = opts.zeroTens ?? 'linh';
  const four = opts.four ?? 'tư';
  const thousand = opts.thousand ?? 'nghìn';
  if (zeroTens !== 'linh' && zeroTens !== 'lẻ') throw new RangeError(`zeroTens must be 'linh' or 'lẻ'`);
  if (four !== 'tư' && four !== 'bốn') throw new RangeError(`four must be 'tư' or 'bốn'`);
  if (thousand !== 'nghìn' && thousand !== 'ngàn') throw new RangeError(`thousand must be 'nghìn' or 'ngàn'`);
  const config = new ReadingConfig();
  config.unit = [];
  config.oddText = zeroTens;
  config.fourToneText = four;
  config.units = [[], [thousand], ['triệu'], ['tỷ']];
  config.digits = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
  config.negativeText = 'âm';
  return config;
}

function toBigInt(n: number | bigint): bigint {
  if (typeof n === 'bigint') return n;
  if (!Number.isSafeInteger(n)) throw new RangeError(`an integer is required, got ${n}`);
  return BigInt(n);
}

/** An integer in lower-case words: 18000000 -> "mười tám triệu"; -5 -> "âm năm". NFC, single spaces. */
export function numberInWords(n: number | bigint, opts: NumberWordsOptions = {}): string {
  const words = doReadNumber(toBigInt(n), readingConfig(opts));
  return nfc(words).trim().replace(/\s+/g, ' ');
}

/** Money as written after "Bằng chữ:": 18000000 -> "Mười tám triệu đồng" (first letter upper case). */
export function moneyInWords(n: number | bigint, opts: MoneyWordsOptions = {}): string {
  return `${capitalizeFirst(numberInWords(n, opts))} đồng${opts.appendChan ? ' chẵn' : ''}`;
}

// ---------------------------------------------------------------------------------------------------
// Words -> number. Lenient where the value is unambiguous (linh/lẻ, tư/bốn, nghìn/ngàn, tỷ/tỉ, bảy/bẩy,
// lăm/năm/nhăm, a missing "không trăm"), strict where colloquial shortcuts would change the value:
// "một nghìn năm" is 1.500 in speech, "một trăm mốt" is 110, "hai triệu rưỡi" is 2.500.000 — all
// rejected (null) rather than guessed.

/** Digits that may stand before "trăm" or "mươi" (and alone, as a units digit). */
const DIGIT: Record<string, number> = {
  không: 0,
  một: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  năm: 5,
  sáu: 6,
  bảy: 7,
  bẩy: 7,
  tám: 8,
  chín: 9,
};

/** Units after "mươi": mốt and tư are the usual forms, một/bốn accepted; lăm (or nhăm, năm) for 5. */
const UNIT_AFTER_MUOI: Record<string, number> = {
  ...DIGIT,
  không: NaN,
  mốt: 1,
  tư: 4,
  lăm: 5,
  nhăm: 5,
};

/** Units after "mười": 11 is "mười một", never "mười mốt". */
const UNIT_AFTER_MUOI_10: Record<string, number> = { ...UNIT_AFTER_MUOI, mốt: NaN };

/** Units after linh/lẻ: "một trăm linh năm" (lăm is wrong here), "linh tư" accepted. */
const UNIT_AFTER_LINH: Record<string, number> = { ...DIGIT, không: NaN, tư: 4 };

const SYNONYM: Record<string, string> = { ngàn: 'nghìn', tỉ: 'tỷ', lẻ: 'linh' };

function lookup(table: Record<string, number>, word: string | undefined, min: number, max: number): number | null {
  if (word === undefined || !Object.prototype.hasOwnProperty.call(table, word)) return null;
  const v = table[word];
  return Number.isInteger(v) && v >= min && v <= max ? v : null;
}

/**
 * One group of three digits (1–999). `leading`: the first group of the whole number, which has no
 * "không trăm" and may be a bare units digit; an inner group without hundreds must start with linh,
 * mười or a tens digit (a bare "năm" after "nghìn" would be the colloquial 1.500).
 */
function parseGroup(words: string[], leading: boolean): number | null {
  let value = 0;
  let pos = 0;
  const hasHundreds = words[1] === 'trăm';
  if (hasHundreds) {
    const h = lookup(DIGIT, words[0], leading ? 1 : 0, 9);
    if (h === null) return null;
    value = h * 100;
    pos = 2;
  }
  const rest = words.slice(pos);
  if (rest.length === 0) return hasHundreds && value > 0 ? value : null;

  if (rest[0] === 'linh') {
    if (!hasHundreds && leading) return null;
    const u = rest.length === 2 ? lookup(UNIT_AFTER_LINH, rest[1], 1, 9) : null;
    return u === null ? null : value + u;
  }
  if (rest[0] === 'mười') {
    if (rest.length === 1) return value + 10;
    const u = rest.length === 2 ? lookup(UNIT_AFTER_MUOI_10, rest[1], 1, 9) : null;
    return u === null ? null : value + 10 + u;
  }
  if (rest[1] === 'mươi') {
    const t = lookup(DIGIT, rest[0], 2, 9);
    if (t === null) return null;
    if (rest.length === 2) return value + t * 10;
    const u = rest.length === 3 ? lookup(UNIT_AFTER_MUOI, rest[2], 1, 9) : null;
    return u === null ? null : value + t * 10 + u;
  }
  if (!hasHundreds && leading && rest.length === 1) return lookup(DIGIT, rest[0], 1, 9);
  return null;
}

/** Below 10^9: [group triệu] [group nghìn] [group], each group present only when non-zero. */
function parseBelowBillion(words: string[], leading: boolean): bigint | null {
  if (words.length === 0) return null;
  let total = 0;
  let first = leading;
  let rest = words;
  for (const [scaleWord, scale] of [
    ['triệu', 1_000_000],
    ['nghìn', 1_000],
  ] as const) {
    const at = rest.indexOf(scaleWord);
    if (at < 0) continue;
    const g = parseGroup(rest.slice(0, at), first);
    if (g === null) return null;
    total += g * scale;
    first = false;
    rest = rest.slice(at + 1);
  }
  if (rest.length > 0) {
    const g = parseGroup(rest, first);
    if (g === null) return null;
    total += g;
  }
  return BigInt(total);
}

/** The number before the last "tỷ" counts tỷ (read recursively: "một nghìn tỷ", "một tỷ tỷ"). */
function parseWords(words: string[], leading: boolean): bigint | null {
  const at = words.lastIndexOf('tỷ');
  if (at < 0) return parseBelowBillion(words, leading);
  const high = parseWords(words.slice(0, at), leading);
  if (high === null || high === 0n) return null;
  const lowWords = words.slice(at + 1);
  const low = lowWords.length === 0 ? 0n : parseBelowBillion(lowWords, false);
  return low === null ? null : high * 1_000_000_000n + low;
}

/**
 * The inverse of numberInWords/moneyInWords, for comparing a "Bằng chữ" line with its figures:
 * "Mười tám triệu đồng" -> 18000000n. Accepts every option variant (linh/lẻ, tư/bốn, nghìn/ngàn) and
 * tỉ/tỷ, any case, any whitespace, commas between words, a trailing "đồng" and/or "chẵn", surrounding
 * brackets and a final "." or "./.", and a leading "âm". Returns null for anything it cannot read
 * unambiguously.
 */
export function wordsToNumber(text: string): bigint | null {
  const cleaned = nfc(text)
    .toLocaleLowerCase('vi')
    .trim()
    .replace(/^\(+|\)+$/g, '')
    .replace(/[\s.;/]+$/u, '')
    .replace(/,/g, ' ');
  const words = cleaned
    .split(/\s+/u)
    .filter((w) => w.length > 0)
    .map((w) => SYNONYM[w] ?? w);
  // "… đồng chẵn" or "… chẵn" or "… đồng"; at most one of each
  if (words[words.length - 1] === 'chẵn') words.pop();
  if (words[words.length - 1] === 'đồng') words.pop();
  let negative = false;
  if (words[0] === 'âm') {
    negative = true;
    words.shift();
  }
  if (words.length === 1 && words[0] === 'không') return 0n;
  const value = parseWords(words, true);
  if (value === null) return null;
  return negative ? -value : value;
}
