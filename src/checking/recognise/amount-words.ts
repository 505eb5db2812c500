import type { AnalysedBlock } from './analyse';
import { wordsToNumber } from '../../vi/money-words';
import { parseNumberWords } from './number-words';
import type { Quantity } from './quantities';

/**
 * Money with its amount in words: "Tổng kinh phí: 125.400.000 đồng (Bằng chữ: Một trăm hai mươi
 * lăm triệu bốn trăm nghìn đồng)", also with "Bằng chữ" on the next line or in the next table row.
 */

export interface AmountInWords {
  amount: Quantity;
  amountBlock: AnalysedBlock;
  words: string;
  /** parsed words in đồng, null when they are not number words */
  wordsValue: bigint | null;
  block: AnalysedBlock;
  start: number;
  end: number;
}

const BANG_CHU = /bang chu\s*:?\s*/g;

/** Money amount as an integer number of đồng, or null when it has a fraction of a đồng. */
export function dongOf(q: Quantity): bigint | null {
  const div = 10n ** BigInt(q.base.decimals);
  return q.base.scaled % div === 0n ? q.base.scaled / div : null;
}

/**
 * vi/wordsToNumber reads the words; the checker's own reader only what it leaves (documents typed
 * without diacritics, "… đồng VNĐ"), since those are documents the product meets too.
 */
export function readAmountWords(words: string): bigint | null {
  return wordsToNumber(words) ?? parseNumberWords(words);
}

export function findAmountsInWords(blocks: AnalysedBlock[]): AmountInWords[] {
  const out: AmountInWords[] = [];
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi];
    const { text, folded } = b.view;
    for (const m of folded.matchAll(BANG_CHU)) {
      const wStart = m.index + m[0].length;
      // the words run to ")" or the end of the sentence/cell
      const rest = text.slice(wStart);
      const stop = rest.search(/[)|;]|\.(?:\s|$)|$/);
      const words = rest.slice(0, stop).replace(/[./]+$/, '').trim();
      // the nearest money amount before, in this block or the block just above (within two lines)
      let amount: Quantity | undefined;
      let amountBlock: AnalysedBlock = b;
      const here = b.quantities.filter((q) => q.unit === 'đồng' && q.end <= m.index && q.per === undefined);
      amount = here[here.length - 1];
      const prev = blocks[bi - 1];
      if (!amount && prev && b.view.block.startLine - prev.view.block.endLine <= 2) {
        const qs = prev.quantities.filter((q) => q.unit === 'đồng' && q.per === undefined);
        if (qs.length > 0) {
          amount = qs[qs.length - 1];
          amountBlock = prev;
        }
      }
      if (!amount || words === '') continue;
      out.push({ amount, amountBlock, words, wordsValue: readAmountWords(words), block: b, start: m.index, end: wStart + stop });
    }
  }
  return out;
}
