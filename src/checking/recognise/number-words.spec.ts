import fc from 'fast-check';
import { parseNumberWords } from './number-words';

describe('parseNumberWords', () => {
  it.each([
    ['Một trăm hai mươi lăm triệu bốn trăm nghìn đồng', 125_400_000n],
    ['Ba triệu đồng chẵn', 3_000_000n],
    ['một triệu không trăm năm mươi ngàn đồng', 1_050_000n],
    ['Hai mươi mốt triệu không trăm linh tư nghìn đồng', 21_004_000n],
    ['Hai tỷ năm trăm triệu đồng', 2_500_000_000n],
    ['Mười lăm nghìn đồng', 15_000n],
    ['một trăm lẻ năm đồng', 105n],
    ['Bon muoi lam trieu dong', 45_000_000n],
    ['hai nghìn tỷ đồng', 2_000_000_000_000n],
    ['mười', 10n],
    ['Một tỷ hai trăm triệu', 1_200_000_000n],
  ])('%s → %d', (words, expected) => {
    expect(parseNumberWords(words)).toBe(expected);
  });

  it.each(['', 'đồng', 'mười hai con gà'])('%j is not an amount in words', (words) => {
    expect(parseNumberWords(words)).toBeNull();
  });

  // an independent writer of Vietnamese number words (the common reading), to read back
  const DIGIT = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
  function triple(n: number, full: boolean): string[] {
    const h = Math.floor(n / 100);
    const t = Math.floor((n % 100) / 10);
    const u = n % 10;
    const out: string[] = [];
    if (full || h > 0) out.push(DIGIT[h], 'trăm');
    if (t === 0 && u > 0 && (full || h > 0)) out.push('linh', DIGIT[u]);
    else if (t === 1) out.push('mười', ...(u > 0 ? [u === 5 ? 'lăm' : DIGIT[u]] : []));
    else if (t > 1) out.push(DIGIT[t], 'mươi', ...(u > 0 ? [u === 1 ? 'mốt' : u === 5 ? 'lăm' : DIGIT[u]] : []));
    else if (u > 0) out.push(DIGIT[u]);
    return out;
  }
  function toWords(n: number): string {
    if (n === 0) return 'không';
    const groups: number[] = [];
    for (let x = n; x > 0; x = Math.floor(x / 1000)) groups.unshift(x % 1000);
    const scales = ['', 'nghìn', 'triệu', 'tỷ'];
    const words: string[] = [];
    groups.forEach((g, i) => {
      const scale = scales[groups.length - 1 - i];
      if (g === 0) return;
      words.push(...triple(g, i > 0), ...(scale ? [scale] : []));
    });
    return words.join(' ');
  }

  it('reads back what an independent writer wrote, up to 999 tỷ', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999_999 }), (n) => {
        expect(parseNumberWords(toWords(n) + ' đồng')).toBe(BigInt(n));
      }),
    );
  });
});
