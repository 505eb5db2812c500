import fc from 'fast-check';
import { cellText, cleanText, columnLetter, readCell } from './cell-value';

describe('readCell', () => {
  it.each([
    ['a string, trimmed, spaces collapsed', '  Nguyễn   Văn\u00a0An ', { kind: 'text', text: 'Nguyễn Văn An' }],
    ['NFD text, made NFC', 'Nguyễn'.normalize('NFD'), { kind: 'text', text: 'Nguyễn' }],
    ['blank text', '   ', { kind: 'empty' }],
    ['null', null, { kind: 'empty' }],
    ['a number', 1950, { kind: 'number', value: 1950 }],
    ['a date at UTC midnight', new Date(Date.UTC(1950, 1, 3)), { kind: 'date', iso: '1950-02-03' }],
    ['a boolean', true, { kind: 'boolean', value: true }],
    ['rich text', { richText: [{ text: 'Thôn ' }, { text: 'Đông' }] }, { kind: 'text', text: 'Thôn Đông' }],
    ['a formula with its cached result', { formula: 'A1+1', result: 7 }, { kind: 'number', value: 7 }],
    ['a text formula', { formula: '"Thôn 1"', result: 'Thôn 1' }, { kind: 'text', text: 'Thôn 1' }],
    ['a shared formula', { sharedFormula: 'A2', result: 3 }, { kind: 'number', value: 3 }],
    ['a formula never computed', { formula: 'A1+1' }, { kind: 'formula', formula: 'A1+1' }],
    ['a formula whose result is an error', { formula: '1/0', result: { error: '#DIV/0!' } }, { kind: 'error', error: '#DIV/0!' }],
    ['an error', { error: '#N/A' }, { kind: 'error', error: '#N/A' }],
    ['a hyperlink', { text: 'Thôn Nam', hyperlink: 'http://x' }, { kind: 'text', text: 'Thôn Nam' }],
  ])('%s', (_, value, want) => {
    expect(readCell(value)).toEqual(want);
  });

  it('gives NFC text without outer or double spaces, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'ê', 'ộ', 'ư', 'Đ', ' ', '\t', '\u00a0', 'e\u0302', 'o\u031b\u0300') }), (s) => {
        const t = cleanText(s);
        expect(t).toBe(t.normalize('NFC'));
        expect(t).toBe(t.trim());
        expect(t).not.toMatch(/\s{2}/);
      }),
    );
  });
});

describe('cellText and columnLetter', () => {
  it.each([
    [{ kind: 'date' as const, iso: '1950-02-03' }, '03/02/1950'],
    [{ kind: 'formula' as const, formula: 'A1+1' }, '=A1+1'],
    [{ kind: 'empty' as const }, ''],
  ])('%j reads %s', (c, text) => expect(cellText(c)).toBe(text));

  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [703, 'AAA'],
  ])('column %i is %s', (n, letter) => expect(columnLetter(n)).toBe(letter));
});
