import fc from 'fast-check';
import { findNumbers, formatScaled, parseNumberToken, roundHalfUpScaled } from './numbers';

describe('parseNumberToken', () => {
  it.each([
    ['1.234.567', 1234567, 0],
    ['0,6', 0.6, 1],
    ['56,1', 56.1, 1],
    ['03', 3, 0],
    ['1.234,5', 1234.5, 1],
    ['56.1', 56.1, 1],
    ['2.340.000', 2340000, 0],
    ['100', 100, 0],
  ])('%s → %d (%d decimals)', (raw, value, decimals) => {
    expect(parseNumberToken(raw)).toMatchObject({ value, decimals });
  });

  it.each(['1.23.4', 'abc', '1,2,3', '', '012.345', '1.234.5678'])('%j is not a number', (raw) => {
    expect(parseNumberToken(raw)).toBeNull();
  });
});

describe('findNumbers', () => {
  it.each([
    ['có 41 hộ nghèo, chiếm 0,6%', ['41', '0,6']],
    ['ngày 20/4/2026 số 04/2026/NQ-HĐND', []],
    ['TDP Tân Mỹ 1 01 hộ', ['1', '01']],
    ['kinh phí 1.234.567 đồng.', ['1.234.567']],
    ['23/41 hộ', []],
    ['Mục 3.', ['3']],
  ])('%s → %j', (text, raws) => {
    expect(findNumbers(text).map((n) => n.raw)).toEqual(raws);
  });
});

describe('roundHalfUpScaled', () => {
  it.each([
    [23n * 100n, 41n, 1, 561n], // 56,097… → 56,1
    [18n * 100n, 41n, 1, 439n], // 43,902… → 43,9
    [1n, 8n, 2, 13n], // 0,125 → 0,13 (half up)
    [1n, 3n, 0, 0n],
    [2n, 3n, 0, 1n],
    [-1n, 8n, 2, -13n],
  ])('%d/%d at %d decimals → %d', (num, den, decimals, expected) => {
    expect(roundHalfUpScaled(num, den, decimals)).toBe(expected);
  });

  it('returns r with r − ½ ≤ num/den·10^d < r + ½ (the definition, checked by cross-multiplying)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 9n }), fc.integer({ min: 0, max: 4 }), (num, den, d) => {
        const r = roundHalfUpScaled(num, den, d);
        const x2 = 2n * num * 10n ** BigInt(d); // 2·num·10^d compared with den·(2r ± 1)
        expect(x2 >= den * (2n * r - 1n)).toBe(true);
        expect(x2 < den * (2n * r + 1n)).toBe(true);
      }),
    );
  });
});

describe('formatScaled', () => {
  it.each([
    [1234567n, 0, '1.234.567'],
    [561n, 1, '56,1'],
    [6n, 1, '0,6'],
    [-1500n, 0, '-1.500'],
    [100n, 2, '1,00'],
  ])('%d/10^%d → %s', (scaled, decimals, expected) => {
    expect(formatScaled(scaled, decimals)).toBe(expected);
  });
});
