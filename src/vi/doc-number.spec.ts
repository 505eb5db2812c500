import { formatDocNumber, formatNumberLine, parseDocNumber } from './doc-number';

describe('doc-number', () => {
  it.each([
    [{ number: 128, symbol: 'KH-UBND' }, '128/KH-UBND'],
    [{ number: 5, symbol: 'QĐ-UBND' }, '05/QĐ-UBND'],
    [{ number: 10, symbol: 'QĐ-UBND' }, '10/QĐ-UBND'],
    [{ number: 4, year: 2026, symbol: 'NQ-HĐND', yearInNumber: true }, '04/2026/NQ-HĐND'],
  ])('formats %j as %s', (d, expected) => {
    expect(formatDocNumber(d)).toBe(expected);
  });

  it('leaves a blank for an unnumbered draft', () => {
    expect(formatNumberLine({ number: null, symbol: 'KH-UBND' })).toBe('Số:      /KH-UBND');
    expect(formatNumberLine({ number: 128, symbol: 'KH-UBND' })).toBe('Số: 128/KH-UBND');
  });

  it.each([
    ['128/KH-UBND', { number: 128, symbol: 'KH-UBND' }],
    ['04/2026/NQ-HĐND', { number: 4, year: 2026, yearInNumber: true, symbol: 'NQ-HĐND' }],
    ['Số: 1525/QĐ-UBND', { number: 1525, symbol: 'QĐ-UBND' }],
    ['28/2013/TTLT-BYT-BLĐTBXH', { number: 28, year: 2013, yearInNumber: true, symbol: 'TTLT-BYT-BLĐTBXH' }],
  ])('parses %s', (s, expected) => {
    expect(parseDocNumber(s)).toEqual(expected);
  });

  it.each(['', 'abc', '128', '/KH-UBND'])('rejects %j', (s) => {
    expect(parseDocNumber(s)).toBeNull();
  });
});
