import { nfc } from './nfc';

describe('nfc', () => {
  it.each([
    ['Thu\u0309y', 'Th\u1ee7y'], // decomposed hook above → ủ
    ['Ho\u0300a', 'H\u00f2a'],
    ['Vie\u0302\u0323t', 'Vi\u1ec7t'],
  ])('composes %j', (input, expected) => {
    expect(nfc(input)).toBe(expected);
  });
});
