import { nfc, nfcDeep } from './nfc';

describe('nfc', () => {
  it.each([
    ['Thu\u0309y', 'Th\u1ee7y'], // decomposed hook above → ủ
    ['Ho\u0300a', 'H\u00f2a'],
    ['Vie\u0302\u0323t', 'Vi\u1ec7t'],
  ])('composes %j', (input, expected) => {
    expect(nfc(input)).toBe(expected);
  });
});

describe('nfcDeep', () => {
  it('normalises strings nested in objects and arrays, keeps other values', () => {
    const input = { name: 'Thu\u0309y', lines: ['Ho\u0300a', 3], nested: { ok: true, v: null } };
    expect(nfcDeep(input)).toEqual({ name: 'Th\u1ee7y', lines: ['H\u00f2a', 3], nested: { ok: true, v: null } });
  });
});
