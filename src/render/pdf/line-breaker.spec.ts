import fc from 'fast-check';
import { breakLines, type Line, type Span } from './line-breaker';
import { MissingGlyphError } from './fonts';

// Tinos advance widths in 1/1000 em, read off the Times New Roman metric tables (Adobe AFM of
// Times-Roman): the expectations below are worked by hand with these, not with the code under test.
const TIMES: Record<string, number> = { '0': 500, '1': 500, '2': 500, '3': 500, '6': 500, '8': 500, '/': 278, K: 722, U: 722, B: 667, ' ': 250, a: 444, b: 500, m: 778, '-': 333, H: 722, N: 722, Q: 722, Đ: 722, D: 722 };
const w = (s: string, size: number) => [...s].reduce((t, c) => t + TIMES[c], 0) * (size / 1000);

const where = () => 'spec';
const span = (text: string, size = 10): Span => ({ text, face: 'regular', size });
const texts = (lines: Line[]) => lines.map((l) => l.frags.map((f) => f.text).join(''));

describe('breakLines', () => {
  it.each([
    // "aa aa" is 4.44+4.44+2.5+4.44+4.44 = 20.26 pt at 10 pt: it does not fit in 20, "aa" does
    ['aa aa aa', 20, ['aa', 'aa', 'aa']],
    ['aa aa aa', 20.3, ['aa aa', 'aa']],
    // all three: 3 × 8.88 + 2 × 2.5 = 31.64
    ['aa aa aa', 31.64, ['aa aa aa']],
    ['aa aa aa', 31.6, ['aa aa', 'aa']],
    // a mandatory break
    ['aa\naa aa', 100, ['aa', 'aa aa']],
    // breaks after a hyphen before a letter, as Word does: "NQ-" | "HĐND" …
    ['aa NQ-HĐND', w('aa NQ-', 10) + 1, ['aa NQ-', 'HĐND']],
    // … but never at a slash nor inside "2026-2030" (hyphen before a digit)
  ])('%j in %d pt → %j', (text, width, expected) => {
    expect(texts(breakLines([span(text)], { width }, where))).toEqual(expected);
  });

  it('keeps "2026-2030" and "128/KH" whole', () => {
    // "aa 2026-2030" = 54.71, "128/KH-" another 35.55 after a space: more than 70; "128/KH-UBND" = 64.1
    const lines = breakLines([span('aa 2026-2030 128/KH-UBND')], { width: 70 }, where);
    expect(texts(lines)).toEqual(['aa 2026-2030', '128/KH-UBND']);
  });

  it('puts the first-line indent into the first line only', () => {
    // 20.26 pt of "aa aa" fits a 25 pt line, not one of 25 - 5
    const lines = breakLines([span('aa aa aa aa')], { width: 25, first: 5 }, where);
    expect(texts(lines)).toEqual(['aa', 'aa aa', 'aa']);
    expect(lines.map((l) => [l.indent, l.avail])).toEqual([
      [5, 20],
      [0, 25],
      [0, 25],
    ]);
  });

  it('measures widths and counts the stretchable spaces of each line', () => {
    const [first, last] = breakLines([span('aa bb m'), span(' mm', 20)], { width: 45 }, where);
    // "aa bb m" = 8.88 + 2.5 + 10 + 2.5 + 7.78 = 31.66; the 20 pt " mm" (5 + 31.12) does not fit
    // Tinos has 2048 units per em, the AFM 1000: widths agree to a few thousandths of a point
    expect(Math.abs(first.width - 31.66)).toBeLessThan(0.01);
    expect(first.spaces).toBe(2);
    expect(first.last).toBe(false);
    expect(last.frags).toEqual([{ span: 1, text: 'mm', width: expect.closeTo(31.12, 1), spaces: 0 }]);
    expect(last.last).toBe(true);
  });

  it('keeps the runs of a line apart (one fragment per span)', () => {
    const [line] = breakLines([span('aa '), { text: 'bb', face: 'bold', size: 10 }, span(' aa')], { width: 100 }, where);
    expect(line.frags.map((f) => [f.span, f.text])).toEqual([
      [0, 'aa '],
      [1, 'bb'],
      [2, ' aa'],
    ]);
  });

  it('cuts a word longer than the line between characters', () => {
    // "mmmmm" = 38.9 pt; 20 pt hold two m (15.56)
    expect(texts(breakLines([span('mmmmm')], { width: 20 }, where))).toEqual(['mm', 'mm', 'm']);
  });

  it('names the character and the place when the font lacks a glyph', () => {
    expect(() => breakLines([span('aa \u{1F600}')], { width: 100 }, () => 'body[3]')).toThrow(MissingGlyphError);
    expect(() => breakLines([span('aa \u{1F600}')], { width: 100 }, () => 'body[3]')).toThrow(/"\u{1F600}" \(U\+1F600\) in body\[3\]/u);
  });

  const word = fc.constantFrom('a', 'aa', 'bab', 'Đa', 'mm', 'ma-ba', 'NQ-HĐND', '2026-2030');
  const words = fc.array(word, { minLength: 1, maxLength: 40 });

  it('loses no word and never splits one (property)', () => {
    fc.assert(
      fc.property(words, fc.integer({ min: 45, max: 200 }), (ws, width) => {
        const lines = breakLines([span(ws.join(' '))], { width }, where);
        // joined at spaces, or directly after a hyphen where the line broke there
        const joined = texts(lines).reduce((acc, t) => (acc === '' ? t : acc.endsWith('-') ? acc + t : `${acc} ${t}`), '');
        expect(joined).toBe(ws.join(' '));
      }),
    );
  });

  it('fills lines greedily: no line is too long, and the next word would not have fitted (property)', () => {
    fc.assert(
      fc.property(words, fc.integer({ min: 45, max: 200 }), (ws, width) => {
        const lines = texts(breakLines([span(ws.join(' '))], { width }, where));
        const tooLong = lines.filter((l) => w(l, 10) > width + 1e-6);
        // the first piece of the next line (up to a space, or a hyphen before a letter) did not fit
        const wouldFit = lines.slice(0, -1).filter((l, i) => {
          const next = lines[i + 1].split(/(?<=-)(?=\p{L})| /u)[0];
          return w(l + (l.endsWith('-') ? '' : ' ') + next, 10) <= width;
        });
        expect({ tooLong, wouldFit }).toEqual({ tooLong: [], wouldFit: [] });
      }),
    );
  });
});
