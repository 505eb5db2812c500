import fc from 'fast-check';
import { fold, foldKey, normaliseChars, sameWord, startsLower, startsUpper } from './fold';

describe('fold', () => {
  it.each([
    ['Nghị quyết', 'nghi quyet'],
    ['HĐND', 'hdnd'],
    ['Ủy ban nhân dân', 'uy ban nhan dan'],
    ['hộ nghèo¹', 'ho ngheo¹'],
    ['ĐẶC KHU', 'dac khu'],
  ])('%s → %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('keeps the length of NFC text, so offsets carry over', () => {
    const alphabet = 'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐÂÊÔƠƯ 0123456789.,/%-';
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet.split('')), { maxLength: 60 }), (chars) => {
        const s = chars.join('').normalize('NFC');
        expect(fold(s)).toHaveLength(s.length);
      }),
    );
  });
});

describe('normaliseChars', () => {
  it.each([
    ['2021\u20132025', '2021-2025'],
    ['41\u00a0hộ', '41 hộ'],
    ['\u201cVì người nghèo\u201d', '"Vì người nghèo"'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseChars(input)).toBe(expected);
  });
});

describe('sameWord', () => {
  it.each([
    ['hộ', 'hộ', true],
    ['ho', 'hộ', true],
    ['Hộ', 'hộ', true],
    ['họ', 'hộ', false],
    ['hồ', 'hộ', false],
    ['uỷ', 'ủy', true],
    ['tài', 'tại', false],
  ])('%s ~ %s: %s', (token, canonical, expected) => {
    expect(sameWord(token, canonical)).toBe(expected);
  });
});

describe('case helpers', () => {
  it.each([
    ['Ủy ban', true, false],
    ['đồng', false, true],
    ['  Đ', true, false],
    ['1 hộ', false, false],
  ])('%j: upper %s, lower %s', (s, upper, lower) => {
    expect(startsUpper(s)).toBe(upper);
    expect(startsLower(s)).toBe(lower);
  });

  it('foldKey collapses spaces', () => {
    expect(foldKey('  Hội  đồng\u00a0nhân dân ')).toBe('hoi dong nhan dan');
  });
});
