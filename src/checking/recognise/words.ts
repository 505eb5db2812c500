import { fold, sameWord } from '../text/fold';

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * If the words of `canonical` ("triệu đồng") stand at `pos` of `text` (spaces between words may
 * vary), returns the end offset, else -1. Each word is written with its diacritics or with none.
 */
const splitCache = new Map<string, { words: string[]; folded: string[] }>();

function split(canonical: string): { words: string[]; folded: string[] } {
  let hit = splitCache.get(canonical);
  if (!hit) {
    const words = canonical.split(' ');
    hit = { words, folded: words.map((w) => fold(w)) };
    splitCache.set(canonical, hit);
  }
  return hit;
}

export function matchWordsAt(text: string, folded: string, pos: number, canonical: string): number {
  const { words, folded: foldedWords } = split(canonical);
  // cheap rejection before the per-word diacritics check
  if (!folded.startsWith(foldedWords[0], pos)) return -1;
  let p = pos;
  for (let w = 0; w < words.length; w++) {
    if (w > 0) {
      const ws = /^[ \t]+/.exec(text.slice(p, p + 4));
      if (!ws) return -1;
      p += ws[0].length;
    }
    const word = words[w];
    const fw = foldedWords[w];
    if (folded.slice(p, p + fw.length) !== fw) return -1;
    const token = text.slice(p, p + word.length);
    if (/^\p{L}/u.test(word) && !sameWord(token, word)) return -1;
    p += fw.length;
  }
  if (/\p{L}$/u.test(canonical) && p < text.length && WORD_CHAR.test(text[p])) return -1;
  return p;
}

/** First of `canonicals` matching at `pos` (longest listed first wins). */
export function matchAnyAt(
  text: string,
  folded: string,
  pos: number,
  canonicals: readonly string[],
): { form: string; end: number } | null {
  for (const c of canonicals) {
    const end = matchWordsAt(text, folded, pos, c);
    if (end >= 0) return { form: c, end };
  }
  return null;
}

/** Skips spaces from `pos`. */
export function skipSpaces(text: string, pos: number): number {
  while (pos < text.length && (text[pos] === ' ' || text[pos] === '\t')) pos++;
  return pos;
}

/** The folded word ending right before `pos` (skipping spaces), or "". */
export function wordBefore(folded: string, pos: number): string {
  const m = /([\p{L}]+)\s*$/u.exec(folded.slice(Math.max(0, pos - 30), pos));
  return m ? m[1] : '';
}
