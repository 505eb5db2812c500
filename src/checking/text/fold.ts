/**
 * Character-level normalisation with a 1:1 length guarantee, so that an offset found in the folded
 * text is the same offset in the original: recognisers match keywords on the folded text
 * (lower case, no diacritics, đ → d) and read values from the original.
 */

const SPACES = /[\u00A0\u2000-\u200B\u202F\u205F\u3000\t]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const QUOTES_DOUBLE = /[\u201C\u201D\u201E\u00AB\u00BB]/g;
const QUOTES_SINGLE = /[\u2018\u2019\u201A]/g;

/** NFC; unusual spaces → " ", every dash → "-", curly quotes → straight. Length-preserving after NFC. */
export function normaliseChars(s: string): string {
  return s
    .normalize('NFC')
    .replace(SPACES, ' ')
    .replace(DASHES, '-')
    .replace(QUOTES_DOUBLE, '"')
    .replace(QUOTES_SINGLE, "'");
}

const foldCache = new Map<number, string>();

function foldCode(code: number, ch: string): string {
  if (code < 0x80) return ch.toLowerCase();
  if (code >= 0xd800 && code <= 0xdfff) return ch;
  const hit = foldCache.get(code);
  if (hit !== undefined) return hit;
  let out: string;
  if (ch === 'đ' || ch === 'Đ') out = 'd';
  else {
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    out = base.length === 1 ? base : ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
  }
  foldCache.set(code, out);
  return out;
}

/** Lower case without diacritics, one output char per input UTF-16 unit. Input should be NFC. */
export function fold(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += foldCode(s.charCodeAt(i), s[i]);
  return out;
}

/** For comparing names and keys: folded, whitespace collapsed, trimmed. Not length-preserving. */
export function foldKey(s: string): string {
  return fold(normaliseChars(s)).replace(/\s+/g, ' ').trim();
}


/**
 * A token written with its proper diacritics, or without any diacritics at all, matches the
 * canonical word; a token with other diacritics does not ("họ" is not "hộ", but "ho" is).
 */
export function sameWord(token: string, canonical: string): boolean {
  const t = token.normalize('NFC').toLowerCase();
  const c = canonical.normalize('NFC').toLowerCase();
  if (t === c) return true;
  // "uỷ" and "ủy" are the same word in old and new tone placement
  if (fold(t) !== fold(c)) return false;
  return isAscii(t) || sameIgnoringTonePlacement(t, c);
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

function sameIgnoringTonePlacement(a: string, b: string): boolean {
  const strip = (s: string) => s.normalize('NFD').replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '');
  const tones = (s: string) => s.normalize('NFD').replace(/[^\u0300\u0301\u0303\u0309\u0323]/g, '');
  return strip(a) === strip(b) && tones(a) === tones(b);
}

/** Vietnamese-aware upper-case test for the first letter of a string. */
export function startsUpper(s: string): boolean {
  const ch = s.trimStart().charAt(0);
  return ch !== '' && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function startsLower(s: string): boolean {
  const ch = s.trimStart().charAt(0);
  return ch !== '' && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}
