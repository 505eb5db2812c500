import fc from 'fast-check';
import {
  divideRoundHalfUp,
  formatInteger,
  formatPercent,
  formatScaled,
  parseViNumber,
  percentScaled,
} from './vi-number';

describe('formatInteger', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1.000'],
    [1234, '1.234'],
    [100000, '100.000'],
    [1234567, '1.234.567'],
    [18000000, '18.000.000'],
    [-1234, '-1.234'],
    [-999, '-999'],
    [-0, '0'],
    [Number.MAX_SAFE_INTEGER, '9.007.199.254.740.991'],
  ])('%d -> %s', (n, expected) => {
    expect(formatInteger(n)).toBe(expected);
  });

  it.each([1.5, NaN, Infinity, 2 ** 53])('throws RangeError on %d', (n) => {
    expect(() => formatInteger(n)).toThrow(RangeError);
  });
});

describe('formatScaled', () => {
  it.each([
    [6, 1, '0,6'],
    [561, 1, '56,1'],
    [800, 2, '8,00'],
    [1234567, 2, '12.345,67'],
    [-5, 1, '-0,5'],
    [5, 3, '0,005'],
    [0, 2, '0,00'],
    [100000, 1, '10.000,0'],
    [-123456, 2, '-1.234,56'],
    [1234567, 0, '1.234.567'],
    [-1234, 0, '-1.234'],
  ])('(%d, %d) -> %s', (scaled, decimals, expected) => {
    expect(formatScaled(scaled, decimals)).toBe(expected);
  });

  it.each([
    [1.5, 1],
    [10, -1],
    [10, 1.5],
  ])('throws RangeError on (%d, %d)', (s, d) => {
    expect(() => formatScaled(s, d)).toThrow(RangeError);
  });
});

describe('divideRoundHalfUp', () => {
  it.each([
    [7, 2, 4],
    [-7, 2, -4],
    [7, -2, -4],
    [-7, -2, 4],
    [5, 3, 2],
    [4, 3, 1],
    [-5, 3, -2],
    [1, 2, 1],
    [-1, 2, -1],
    [1, 3, 0],
    [0, 5, 0],
    [10, 5, 2],
    [Number.MAX_SAFE_INTEGER, 2, 4503599627370496],
    [Number.MAX_SAFE_INTEGER, 1, Number.MAX_SAFE_INTEGER],
  ])('(%d, %d) -> %d', (n, d, expected) => {
    expect(divideRoundHalfUp(n, d)).toBe(expected);
  });

  it('never returns -0', () => {
    expect(Object.is(divideRoundHalfUp(-1, 3), 0)).toBe(true);
  });

  it('throws RangeError on a zero denominator or a non-integer', () => {
    expect(() => divideRoundHalfUp(1, 0)).toThrow(RangeError);
    expect(() => divideRoundHalfUp(1.5, 2)).toThrow(RangeError);
  });

  it('property: the nearest integer, ties away from zero (checked in BigInt)', () => {
    const nonZero = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).filter((d) => d !== 0);
    fc.assert(
      fc.property(fc.maxSafeInteger(), nonZero, (n, d) => {
        const q = BigInt(divideRoundHalfUp(n, d));
        const N = BigInt(n);
        const D = BigInt(d);
        const err = q * D - N; // distance from the exact quotient, times |D|
        const absErr = err < 0n ? -err : err;
        const absD = D < 0n ? -D : D;
        expect(2n * absErr <= absD).toBe(true);
        // on a tie, q*D lies further from zero than N
        const absQD = q * D < 0n ? -(q * D) : q * D;
        const absN = N < 0n ? -N : N;
        expect(2n * absErr < absD || absQD > absN).toBe(true);
      }),
    );
  });
});

describe('percentScaled / formatPercent', () => {
  it.each([
    // hand-worked: 41/6833 = 0,600…% -> 0,6
    [41, 6833, 1, 6, '0,6%'],
    // 23/41 = 56,097…% -> 56,1
    [23, 41, 1, 561, '56,1%'],
    [8, 100, 2, 800, '8,00%'],
    [1, 3, 0, 33, '33%'],
    [2, 3, 0, 67, '67%'],
    [1, 3, 2, 3333, '33,33%'],
    // exactly half: 1/8 = 12,5% -> 13 at 0 decimals
    [1, 8, 0, 13, '13%'],
    // 1/16 = 6,25% -> 6,3 at 1 decimal (half away from zero)
    [1, 16, 1, 63, '6,3%'],
    [-1, 16, 1, -63, '-6,3%'],
    [0, 5, 1, 0, '0,0%'],
    [5, 5, 1, 1000, '100,0%'],
    [292, 100, 0, 292, '292%'],
    [1, 1000, 1, 1, '0,1%'],
    [1, 2001, 1, 0, '0,0%'],
  ])('%d/%d at %d decimals -> %d (%s)', (part, base, decimals, scaled, text) => {
    expect(percentScaled(part, base, decimals)).toBe(scaled);
    expect(formatPercent(part, base, decimals)).toBe(text);
  });

  it('is exact where binary floats are not (ties that a float computation would round down)', () => {
    // 1.005/1.000*100 = 100,5 exactly; float 1.005*100 = 100.49999999999999
    expect(percentScaled(1005, 1000, 0)).toBe(101);
    // 14.5/100 -> 14,5% at 0 decimals must round up to 15
    expect(percentScaled(145, 1000, 0)).toBe(15);
  });

  it('property: the result is within half a unit of the last decimal of the exact percentage', () => {
    const base = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).filter((b) => b !== 0);
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), base, fc.integer({ min: 0, max: 4 }), (part, b, d) => {
        const p = BigInt(percentScaled(part, b, d));
        // |p/10^d - part*100/b| <= 1/(2*10^d)  <=>  2*|p*b - part*100*10^d| <= |b|
        const diff = p * BigInt(b) - BigInt(part) * 100n * 10n ** BigInt(d);
        expect(2n * (diff < 0n ? -diff : diff) <= BigInt(Math.abs(b))).toBe(true);
      }),
    );
  });

  it('throws RangeError on a zero base', () => {
    expect(() => percentScaled(1, 0, 1)).toThrow(RangeError);
  });
});

describe('parseViNumber', () => {
  it.each([
    ['1.234.567', 1234567, 0],
    ['0,6', 6, 1],
    ['56,1', 561, 1],
    ['1.234,50', 123450, 2],
    ['292', 292, 0],
    ['0', 0, 0],
    ['1234', 1234, 0],
    ['-1.234', -1234, 0],
    ['-0,5', -5, 1],
    ['  18.000.000 ', 18000000, 0],
    ['8,00', 800, 2],
    ['12.345,67', 1234567, 2],
  ])('%j -> {scaled: %d, decimals: %d}', (text, scaled, decimals) => {
    expect(parseViNumber(text)).toEqual({ scaled, decimals });
  });

  it.each(['1,2,3', '12.34', '', ' ', '1.234.5678', '1..234', '.123', '1.', '1,', ',5', '0.123', 'abc', '1 234', '12a', '1.234.56', '9.007.199.254.740.992'])(
    'rejects %j',
    (text) => {
      expect(parseViNumber(text)).toBeNull();
    },
  );

  it('property: parses what formatScaled writes', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.integer({ min: 0, max: 6 }), (scaled, decimals) => {
        expect(parseViNumber(formatScaled(scaled, decimals))).toEqual({ scaled: scaled === 0 ? 0 : scaled, decimals });
      }),
    );
  });

  it('property: formatInteger groups digits by three and removing dots gives back the digits', () => {
    fc.assert(
      fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), (n) => {
        const s = formatInteger(n);
        expect(s.replace(/\./g, '')).toBe(String(n));
        const groups = s.split('.');
        expect(groups.slice(1).every((g) => g.length === 3)).toBe(true);
        expect(groups[0].length >= 1 && groups[0].length <= 3).toBe(true);
      }),
    );
  });
});
