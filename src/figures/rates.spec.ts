import fc from 'fast-check';
import { beforeAfter, pointChange, rate } from './rates';

describe('rate', () => {
  it.each([
    // seed 003: 41 poor of 6.833 households = 0,600…% ; 23 of 41 = 56,097…%
    { part: 41, base: 6833, decimals: 1, text: '0,6', scaled: 6 },
    { part: 23, base: 41, decimals: 1, text: '56,1', scaled: 561 },
    { part: 8, base: 100, decimals: 2, text: '8,00', scaled: 800 },
    // exactly half: 1/8 = 12,5% → 13 with no decimals, 12,50 with two
    { part: 1, base: 8, decimals: 0, text: '13', scaled: 13 },
    { part: 1, base: 8, decimals: 2, text: '12,50', scaled: 1250 },
    // 1/3 = 33,333…
    { part: 1, base: 3, decimals: 2, text: '33,33', scaled: 3333 },
    { part: 2, base: 3, decimals: 2, text: '66,67', scaled: 6667 },
    { part: 0, base: 5, decimals: 1, text: '0,0', scaled: 0 },
    { part: 5, base: 5, decimals: 1, text: '100,0', scaled: 1000 },
    // Hà Nội writes 0,095% (3 decimals): 19/20.000
    { part: 19, base: 20000, decimals: 3, text: '0,095', scaled: 95 },
  ])('$part/$base with $decimals decimals → $text', ({ part, base, decimals, text, scaled }) => {
    expect(rate(part, base, decimals)).toEqual({ scaled, decimals, text });
  });

  it.each([
    [1, 0],
    [-1, 5],
    [1.5, 5],
  ])('refuses %p/%p', (part, base) => {
    expect(() => rate(part, base, 1)).toThrow(RangeError);
  });
});

describe('pointChange', () => {
  it('is the difference of the printed rates: 0,6% → 0,4% is 0,2 points', () => {
    expect(pointChange(rate(41, 6833, 1), rate(27, 6833, 1))).toEqual({ scaled: 2, decimals: 1, text: '0,2' });
  });
  it('refuses rates printed with different decimals', () => {
    expect(() => pointChange(rate(1, 3, 1), rate(1, 3, 2))).toThrow(RangeError);
  });
});

describe('beforeAfter', () => {
  it.each([
    { before: 292, after: 238, change: 54, direction: 'giảm', text: 'từ 292 hộ xuống còn 238 hộ, giảm 54 hộ' },
    { before: 1200, after: 1350, change: 150, direction: 'tăng', text: 'từ 1.200 hộ lên 1.350 hộ, tăng 150 hộ' },
    { before: 7, after: 7, change: 0, direction: 'không đổi', text: 'giữ nguyên 7 hộ' },
  ])('$before → $after', ({ before, after, change, direction, text }) => {
    expect(beforeAfter(before, after, 'hộ')).toEqual({ before, after, change, direction, text });
  });

  it('always agrees: before − after = ±change', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(1_000_000), (b, a) => {
        const t = beforeAfter(b, a, 'hộ');
        expect(t.direction === 'giảm' ? b - t.change : t.direction === 'tăng' ? b + t.change : b).toBe(a);
      }),
    );
  });
});

describe('rate properties', () => {
  it('is within half a unit of the last decimal of the exact percentage', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 3 }), (p, b, d) => {
        const r = rate(p, b, d);
        // |scaled/10^d − 100p/b| ≤ 1/2 · 10^-d  ⇔  |scaled·b − 100p·10^d| · 2 ≤ b
        const diff = BigInt(r.scaled) * BigInt(b) - 100n * BigInt(p) * 10n ** BigInt(d);
        expect((diff < 0n ? -diff : diff) * 2n <= BigInt(b)).toBe(true);
      }),
    );
  });
});
