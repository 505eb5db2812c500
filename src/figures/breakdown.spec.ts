import { breakdownText, countBy, formatCount } from './breakdown';

describe('breakdownText', () => {
  const parts = [
    { label: 'TDP Sau', value: 2 },
    { label: 'TDP Kè', value: 1 },
    { label: 'TDP Phú Thái', value: 0 },
    { label: 'TDP Trước', value: 12 },
  ];
  it.each([
    { opts: { unit: 'hộ', pad: 2 }, want: 'TDP Sau 02 hộ, TDP Kè 01 hộ, TDP Trước 12 hộ' },
    { opts: { unit: 'hộ' }, want: 'TDP Sau 2 hộ, TDP Kè 1 hộ, TDP Trước 12 hộ' },
    { opts: { unit: 'hộ', skipZero: false }, want: 'TDP Sau 2 hộ, TDP Kè 1 hộ, TDP Phú Thái 0 hộ, TDP Trước 12 hộ' },
    { opts: { unit: 'người', separator: '; ' }, want: 'TDP Sau 2 người; TDP Kè 1 người; TDP Trước 12 người' },
  ])('$opts → $want', ({ opts, want }) => {
    expect(breakdownText(parts, opts)).toBe(want);
  });
});

describe('formatCount', () => {
  it.each([
    [2, 2, '02'],
    [12, 2, '12'],
    [1234, 2, '1.234'],
    [5, 0, '5'],
    [0, 2, '00'],
  ])('%p padded to %p → %p', (n, pad, want) => {
    expect(formatCount(n, pad)).toBe(want);
  });
});

describe('countBy', () => {
  it('counts in the given order, then first seen', () => {
    expect(countBy(['b', 'a', 'b', 'c'], (x) => x, ['a', 'z'])).toEqual([
      { label: 'a', value: 1 },
      { label: 'z', value: 0 },
      { label: 'b', value: 2 },
      { label: 'c', value: 1 },
    ]);
  });
});
