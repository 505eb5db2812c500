import fc from 'fast-check';
import { capitalizeFirst, foldForMatch, lowerVi, stripDiacritics, upperVi } from './text-case';

describe('stripDiacritics', () => {
  it.each([
    ['Họ và tên', 'Ho va ten'],
    ['Đặng Thị Ngọc Thịnh', 'Dang Thi Ngoc Thinh'],
    ['ĐỒNG', 'DONG'],
    ['đồng', 'dong'],
    ['Nguyễn Văn Ưng', 'Nguyen Van Ung'],
    ['Thủy', 'Thuy'],
    ['Thu\u0309y', 'Thuy'], // decomposed input
    ['ă â ê ô ơ ư', 'a a e o o u'],
    ['Ă Â Ê Ô Ơ Ư', 'A A E O O U'],
    ['ỳ ý ỷ ỹ ỵ', 'y y y y y'],
    ['Bách Quang, Tứ Kỳ', 'Bach Quang, Tu Ky'],
    ['UBND xã Kim Thành', 'UBND xa Kim Thanh'],
    ['Số: 05/QĐ-UBND', 'So: 05/QD-UBND'],
    ['plain ASCII 123', 'plain ASCII 123'],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(stripDiacritics(input)).toBe(expected);
  });
});

describe('upperVi / lowerVi', () => {
  it.each([
    ['ủy ban nhân dân', 'ỦY BAN NHÂN DÂN'],
    ['cộng hòa xã hội chủ nghĩa việt nam', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    ['kế hoạch', 'KẾ HOẠCH'],
    ['quyết định', 'QUYẾT ĐỊNH'],
    ['phó chủ tịch', 'PHÓ CHỦ TỊCH'],
    ['đồng ý', 'ĐỒNG Ý'],
    ['Thu\u0309y', 'THỦY'],
  ])('%j <-> %j', (lower, upper) => {
    expect(upperVi(lower)).toBe(upper);
    expect(lowerVi(upper)).toBe(lower.normalize('NFC').toLowerCase());
  });

  it('returns NFC for decomposed input', () => {
    expect(lowerVi('THU\u0309Y')).toBe('th\u1ee7y');
  });
});

describe('foldForMatch', () => {
  it.each([
    ['Họ và tên', 'ho va ten'],
    ['HỌ VÀ TÊN', 'ho va ten'],
    ['Ho va ten', 'ho va ten'],
    ['  họ   và\ttên \n', 'ho va ten'],
    ['Ho\u0323 va\u0300 te\u0302n', 'ho va ten'],
    ['Số CCCD/CMND', 'so cccd/cmnd'],
    ['Địa chỉ (thôn, xóm)', 'dia chi (thon, xom)'],
    ['Năm sinh', 'nam sinh'],
    ['Đối tượng', 'doi tuong'],
    ['Ghi\u00a0chú', 'ghi chu'], // no-break space from Excel
  ])('%j -> %j', (input, expected) => {
    expect(foldForMatch(input)).toBe(expected);
  });
});

describe('capitalizeFirst', () => {
  it.each([
    ['mười tám triệu đồng', 'Mười tám triệu đồng'],
    ['đồng', 'Đồng'],
    ['ủy ban', 'Ủy ban'],
    ['(một trăm nghìn đồng)', '(Một trăm nghìn đồng)'],
    ['  năm', '  Năm'],
    ['Đã viết hoa', 'Đã viết hoa'],
    ['123 abc', '123 Abc'],
    ['', ''],
    ['...', '...'],
    ['u\u0309y', 'Ủy'],
  ])('%j -> %j', (input, expected) => {
    expect(capitalizeFirst(input)).toBe(expected);
  });
});

// A generated Vietnamese letter together with its base letter, computed independently of the code:
// base vowels and their plain form by hand, tones as combining marks.
const VOWELS: Array<[string, string]> = [
  ['a', 'a'],
  ['ă', 'a'],
  ['â', 'a'],
  ['e', 'e'],
  ['ê', 'e'],
  ['i', 'i'],
  ['o', 'o'],
  ['ô', 'o'],
  ['ơ', 'o'],
  ['u', 'u'],
  ['ư', 'u'],
  ['y', 'y'],
];
const CONSONANTS: Array<[string, string]> = [...'bcdghklmnpqrstvx'].map((c) => [c, c] as [string, string]).concat([['đ', 'd']]);
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

const letter = fc
  .oneof(
    fc.tuple(fc.constantFrom(...VOWELS), fc.constantFrom(...TONES)).map(([[v, plain], tone]) => [(v + tone).normalize('NFC'), plain]),
    fc.constantFrom(...CONSONANTS),
    fc.constant([' ', ' ']),
  )
  .chain(([l, plain]) => fc.boolean().map((up) => (up ? [l.toUpperCase(), plain.toUpperCase()] : [l, plain])));
const viText = fc.array(letter, { maxLength: 40 }).map((pairs) => ({
  text: pairs.map((p) => p[0]).join(''),
  plain: pairs.map((p) => p[1]).join(''),
}));

describe('properties', () => {
  it('stripDiacritics gives each letter its base letter (checked against a hand-made map)', () => {
    fc.assert(
      fc.property(viText, ({ text, plain }) => {
        expect(stripDiacritics(text)).toBe(plain);
        expect(stripDiacritics(text.normalize('NFD'))).toBe(plain);
      }),
    );
  });

  it('every function returns NFC, and is idempotent', () => {
    fc.assert(
      fc.property(viText, ({ text }) => {
        const nfd = text.normalize('NFD');
        for (const f of [stripDiacritics, upperVi, lowerVi, foldForMatch, capitalizeFirst]) {
          const out = f(nfd);
          expect(out).toBe(out.normalize('NFC'));
          expect(f(out)).toBe(out);
        }
      }),
    );
  });

  it('foldForMatch ignores case, diacritics, normalisation form and spacing', () => {
    fc.assert(
      fc.property(viText, ({ text, plain }) => {
        const folded = foldForMatch(text);
        expect(foldForMatch(upperVi(text))).toBe(folded);
        expect(foldForMatch(text.normalize('NFD'))).toBe(folded);
        expect(foldForMatch(`  ${text.replace(/ /g, '   ')}  `)).toBe(folded);
        expect(folded).toBe(plain.toLowerCase().replace(/\s+/g, ' ').trim());
      }),
    );
  });

  it('upperVi and lowerVi are inverse on Vietnamese letters', () => {
    fc.assert(
      fc.property(viText, ({ text }) => {
        expect(lowerVi(upperVi(text))).toBe(lowerVi(text));
        expect(upperVi(lowerVi(text))).toBe(upperVi(text));
      }),
    );
  });
});
