import fc from 'fast-check';
import { moneyInWords, NumberWordsOptions, numberInWords, wordsToNumber } from './money-words';

// Hand-written: each line was read aloud digit group by digit group, not produced by the code.
const DEFAULT_TABLE: Array<[number | bigint, string]> = [
  // units
  [0, 'không'],
  [1, 'một'],
  [2, 'hai'],
  [3, 'ba'],
  [4, 'bốn'],
  [5, 'năm'],
  [6, 'sáu'],
  [7, 'bảy'],
  [8, 'tám'],
  [9, 'chín'],
  // 10–19: mười; 15 lăm; 11 một (never mốt); 14 bốn (never tư)
  [10, 'mười'],
  [11, 'mười một'],
  [12, 'mười hai'],
  [13, 'mười ba'],
  [14, 'mười bốn'],
  [15, 'mười lăm'],
  [16, 'mười sáu'],
  [17, 'mười bảy'],
  [18, 'mười tám'],
  [19, 'mười chín'],
  // tens: mươi; 1 -> mốt, 4 -> tư, 5 -> lăm
  [20, 'hai mươi'],
  [21, 'hai mươi mốt'],
  [22, 'hai mươi hai'],
  [23, 'hai mươi ba'],
  [24, 'hai mươi tư'],
  [25, 'hai mươi lăm'],
  [26, 'hai mươi sáu'],
  [27, 'hai mươi bảy'],
  [28, 'hai mươi tám'],
  [29, 'hai mươi chín'],
  [30, 'ba mươi'],
  [31, 'ba mươi mốt'],
  [34, 'ba mươi tư'],
  [35, 'ba mươi lăm'],
  [40, 'bốn mươi'],
  [41, 'bốn mươi mốt'],
  [44, 'bốn mươi tư'],
  [45, 'bốn mươi lăm'],
  [50, 'năm mươi'],
  [51, 'năm mươi mốt'],
  [54, 'năm mươi tư'],
  [55, 'năm mươi lăm'],
  [60, 'sáu mươi'],
  [61, 'sáu mươi mốt'],
  [65, 'sáu mươi lăm'],
  [69, 'sáu mươi chín'],
  [70, 'bảy mươi'],
  [71, 'bảy mươi mốt'],
  [74, 'bảy mươi tư'],
  [77, 'bảy mươi bảy'],
  [80, 'tám mươi'],
  [81, 'tám mươi mốt'],
  [85, 'tám mươi lăm'],
  [88, 'tám mươi tám'],
  [90, 'chín mươi'],
  [91, 'chín mươi mốt'],
  [94, 'chín mươi tư'],
  [95, 'chín mươi lăm'],
  [99, 'chín mươi chín'],
  // hundreds: linh for a zero tens digit; after linh: một, bốn, năm (not mốt, tư, lăm)
  [100, 'một trăm'],
  [101, 'một trăm linh một'],
  [102, 'một trăm linh hai'],
  [103, 'một trăm linh ba'],
  [104, 'một trăm linh bốn'],
  [105, 'một trăm linh năm'],
  [106, 'một trăm linh sáu'],
  [107, 'một trăm linh bảy'],
  [108, 'một trăm linh tám'],
  [109, 'một trăm linh chín'],
  [110, 'một trăm mười'],
  [111, 'một trăm mười một'],
  [114, 'một trăm mười bốn'],
  [115, 'một trăm mười lăm'],
  [119, 'một trăm mười chín'],
  [120, 'một trăm hai mươi'],
  [121, 'một trăm hai mươi mốt'],
  [124, 'một trăm hai mươi tư'],
  [125, 'một trăm hai mươi lăm'],
  [150, 'một trăm năm mươi'],
  [155, 'một trăm năm mươi lăm'],
  [199, 'một trăm chín mươi chín'],
  [200, 'hai trăm'],
  [201, 'hai trăm linh một'],
  [210, 'hai trăm mười'],
  [211, 'hai trăm mười một'],
  [221, 'hai trăm hai mươi mốt'],
  [300, 'ba trăm'],
  [305, 'ba trăm linh năm'],
  [315, 'ba trăm mười lăm'],
  [345, 'ba trăm bốn mươi lăm'],
  [400, 'bốn trăm'],
  [404, 'bốn trăm linh bốn'],
  [414, 'bốn trăm mười bốn'],
  [444, 'bốn trăm bốn mươi tư'],
  [500, 'năm trăm'],
  [505, 'năm trăm linh năm'],
  [515, 'năm trăm mười lăm'],
  [555, 'năm trăm năm mươi lăm'],
  [600, 'sáu trăm'],
  [671, 'sáu trăm bảy mươi mốt'],
  [700, 'bảy trăm'],
  [707, 'bảy trăm linh bảy'],
  [777, 'bảy trăm bảy mươi bảy'],
  [800, 'tám trăm'],
  [808, 'tám trăm linh tám'],
  [881, 'tám trăm tám mươi mốt'],
  [900, 'chín trăm'],
  [901, 'chín trăm linh một'],
  [910, 'chín trăm mười'],
  [990, 'chín trăm chín mươi'],
  [999, 'chín trăm chín mươi chín'],
  // thousands: an inner group is read in full, with "không trăm"
  [1000, 'một nghìn'],
  [1001, 'một nghìn không trăm linh một'],
  [1004, 'một nghìn không trăm linh bốn'],
  [1005, 'một nghìn không trăm linh năm'],
  [1010, 'một nghìn không trăm mười'],
  [1011, 'một nghìn không trăm mười một'],
  [1015, 'một nghìn không trăm mười lăm'],
  [1020, 'một nghìn không trăm hai mươi'],
  [1021, 'một nghìn không trăm hai mươi mốt'],
  [1024, 'một nghìn không trăm hai mươi tư'],
  [1025, 'một nghìn không trăm hai mươi lăm'],
  [1099, 'một nghìn không trăm chín mươi chín'],
  [1100, 'một nghìn một trăm'],
  [1101, 'một nghìn một trăm linh một'],
  [1105, 'một nghìn một trăm linh năm'],
  [1234, 'một nghìn hai trăm ba mươi tư'],
  [1500, 'một nghìn năm trăm'],
  [1999, 'một nghìn chín trăm chín mươi chín'],
  [2000, 'hai nghìn'],
  [2020, 'hai nghìn không trăm hai mươi'],
  [2021, 'hai nghìn không trăm hai mươi mốt'],
  [2025, 'hai nghìn không trăm hai mươi lăm'],
  [2026, 'hai nghìn không trăm hai mươi sáu'],
  [4004, 'bốn nghìn không trăm linh bốn'],
  [5000, 'năm nghìn'],
  [5555, 'năm nghìn năm trăm năm mươi lăm'],
  [9999, 'chín nghìn chín trăm chín mươi chín'],
  [10000, 'mười nghìn'],
  [10001, 'mười nghìn không trăm linh một'],
  [10005, 'mười nghìn không trăm linh năm'],
  [10010, 'mười nghìn không trăm mười'],
  [10100, 'mười nghìn một trăm'],
  [11000, 'mười một nghìn'],
  [14000, 'mười bốn nghìn'],
  [15000, 'mười lăm nghìn'],
  [20000, 'hai mươi nghìn'],
  [21000, 'hai mươi mốt nghìn'],
  [24000, 'hai mươi tư nghìn'],
  [25000, 'hai mươi lăm nghìn'],
  [50000, 'năm mươi nghìn'],
  [55500, 'năm mươi lăm nghìn năm trăm'],
  [99999, 'chín mươi chín nghìn chín trăm chín mươi chín'],
  [100000, 'một trăm nghìn'],
  [100001, 'một trăm nghìn không trăm linh một'],
  [101000, 'một trăm linh một nghìn'],
  [101101, 'một trăm linh một nghìn một trăm linh một'],
  [105000, 'một trăm linh năm nghìn'],
  [110000, 'một trăm mười nghìn'],
  [115000, 'một trăm mười lăm nghìn'],
  [121000, 'một trăm hai mươi mốt nghìn'],
  [150000, 'một trăm năm mươi nghìn'],
  [200000, 'hai trăm nghìn'],
  [250000, 'hai trăm năm mươi nghìn'],
  [500000, 'năm trăm nghìn'],
  [750000, 'bảy trăm năm mươi nghìn'],
  [999999, 'chín trăm chín mươi chín nghìn chín trăm chín mươi chín'],
  // millions: an all-zero group is left out (no "không nghìn")
  [1000000, 'một triệu'],
  [1000001, 'một triệu không trăm linh một'],
  [1000005, 'một triệu không trăm linh năm'],
  [1000010, 'một triệu không trăm mười'],
  [1000100, 'một triệu một trăm'],
  [1000500, 'một triệu năm trăm'],
  [1001000, 'một triệu không trăm linh một nghìn'],
  [1001001, 'một triệu không trăm linh một nghìn không trăm linh một'],
  [1005000, 'một triệu không trăm linh năm nghìn'],
  [1010000, 'một triệu không trăm mười nghìn'],
  [1050000, 'một triệu không trăm năm mươi nghìn'],
  [1100000, 'một triệu một trăm nghìn'],
  [1200000, 'một triệu hai trăm nghìn'],
  [1500000, 'một triệu năm trăm nghìn'],
  [1234567, 'một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy'],
  [2000000, 'hai triệu'],
  [2500000, 'hai triệu năm trăm nghìn'],
  [5000000, 'năm triệu'],
  [10000000, 'mười triệu'],
  [15000000, 'mười lăm triệu'],
  [18000000, 'mười tám triệu'],
  [20000000, 'hai mươi triệu'],
  [21000000, 'hai mươi mốt triệu'],
  [24000000, 'hai mươi tư triệu'],
  [25500000, 'hai mươi lăm triệu năm trăm nghìn'],
  [45000000, 'bốn mươi lăm triệu'],
  [100000000, 'một trăm triệu'],
  [101000000, 'một trăm linh một triệu'],
  [105000000, 'một trăm linh năm triệu'],
  [115000000, 'một trăm mười lăm triệu'],
  [123456789, 'một trăm hai mươi ba triệu bốn trăm năm mươi sáu nghìn bảy trăm tám mươi chín'],
  [500000000, 'năm trăm triệu'],
  [999999999, 'chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín'],
  // tỷ, and the count of tỷ read as a number
  [1000000000, 'một tỷ'],
  [1000000001, 'một tỷ không trăm linh một'],
  [1000000005, 'một tỷ không trăm linh năm'],
  [1000001000, 'một tỷ không trăm linh một nghìn'],
  [1000005000, 'một tỷ không trăm linh năm nghìn'],
  [1001000000, 'một tỷ không trăm linh một triệu'],
  [1005000000, 'một tỷ không trăm linh năm triệu'],
  [1010000000, 'một tỷ không trăm mười triệu'],
  [1500000000, 'một tỷ năm trăm triệu'],
  [2500000000, 'hai tỷ năm trăm triệu'],
  [10000000000, 'mười tỷ'],
  [15000000000, 'mười lăm tỷ'],
  [21000000000, 'hai mươi mốt tỷ'],
  [100000000000, 'một trăm tỷ'],
  [105000000000, 'một trăm linh năm tỷ'],
  [
    999999999999,
    'chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín',
  ],
  [1000000000000, 'một nghìn tỷ'],
  [1000000000005, 'một nghìn tỷ không trăm linh năm'],
  [1000000001000, 'một nghìn tỷ không trăm linh một nghìn'],
  [1005000000000, 'một nghìn không trăm linh năm tỷ'],
  [1500000000000, 'một nghìn năm trăm tỷ'],
  [2024000000000, 'hai nghìn không trăm hai mươi tư tỷ'],
  [10000000000000, 'mười nghìn tỷ'],
  [100000000000000, 'một trăm nghìn tỷ'],
  [1000000000000000, 'một triệu tỷ'],
  [1000000000000001, 'một triệu tỷ không trăm linh một'],
  [
    1234567890123456,
    'một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy tỷ tám trăm chín mươi triệu một trăm hai mươi ba nghìn bốn trăm năm mươi sáu',
  ],
  [
    Number.MAX_SAFE_INTEGER, // 9.007.199.254.740.991
    'chín triệu không trăm linh bảy nghìn một trăm chín mươi chín tỷ hai trăm năm mươi tư triệu bảy trăm bốn mươi nghìn chín trăm chín mươi mốt',
  ],
  [10n ** 18n, 'một tỷ tỷ'],
  [10n ** 18n + 5n, 'một tỷ tỷ không trăm linh năm'],
  [2n * 10n ** 18n, 'hai tỷ tỷ'],
  [10n ** 21n, 'một nghìn tỷ tỷ'],
  [10n ** 27n, 'một tỷ tỷ tỷ'],
  [10n ** 18n + 10n ** 9n, 'một tỷ không trăm linh một tỷ'],
  [25n, 'hai mươi lăm'],
  // negative
  [-5, 'âm năm'],
  [-1005, 'âm một nghìn không trăm linh năm'],
];

const OPTION_TABLE: Array<[number, NumberWordsOptions, string]> = [
  [101, { zeroTens: 'lẻ' }, 'một trăm lẻ một'],
  [104, { zeroTens: 'lẻ' }, 'một trăm lẻ bốn'],
  [105, { zeroTens: 'lẻ' }, 'một trăm lẻ năm'],
  [1005, { zeroTens: 'lẻ' }, 'một nghìn không trăm lẻ năm'],
  [1000005, { zeroTens: 'lẻ' }, 'một triệu không trăm lẻ năm'],
  [105000, { zeroTens: 'lẻ' }, 'một trăm lẻ năm nghìn'],
  [125, { zeroTens: 'lẻ' }, 'một trăm hai mươi lăm'],
  [24, { four: 'bốn' }, 'hai mươi bốn'],
  [44, { four: 'bốn' }, 'bốn mươi bốn'],
  [124, { four: 'bốn' }, 'một trăm hai mươi bốn'],
  [24000, { four: 'bốn' }, 'hai mươi bốn nghìn'],
  [14, { four: 'bốn' }, 'mười bốn'],
  [104, { four: 'bốn' }, 'một trăm linh bốn'],
  [4, { four: 'bốn' }, 'bốn'],
  [14, { four: 'tư' }, 'mười bốn'],
  [104, { four: 'tư' }, 'một trăm linh bốn'],
  [1000, { thousand: 'ngàn' }, 'một ngàn'],
  [1005, { thousand: 'ngàn' }, 'một ngàn không trăm linh năm'],
  [15000, { thousand: 'ngàn' }, 'mười lăm ngàn'],
  [1001000, { thousand: 'ngàn' }, 'một triệu không trăm linh một ngàn'],
  [1000000000000, { thousand: 'ngàn' }, 'một ngàn tỷ'],
  [
    1024105,
    { zeroTens: 'lẻ', four: 'bốn', thousand: 'ngàn' },
    'một triệu không trăm hai mươi bốn ngàn một trăm lẻ năm',
  ],
  [
    1024105,
    { zeroTens: 'linh', four: 'tư', thousand: 'nghìn' },
    'một triệu không trăm hai mươi tư nghìn một trăm linh năm',
  ],
];

describe('numberInWords', () => {
  it('has a few hundred hand-written expectations', () => {
    expect(DEFAULT_TABLE.length + OPTION_TABLE.length).toBeGreaterThan(250);
  });

  it.each(DEFAULT_TABLE)('%s -> %s', (n, words) => {
    expect(numberInWords(n)).toBe(words);
  });

  it.each(OPTION_TABLE)('%d with %j -> %s', (n, opts, words) => {
    expect(numberInWords(n, opts)).toBe(words);
  });

  it('reads a safe number and the same bigint alike', () => {
    expect(numberInWords(18000000n)).toBe(numberInWords(18000000));
  });

  it.each([1.5, NaN, Infinity, 2 ** 53])('throws RangeError on %d', (n) => {
    expect(() => numberInWords(n)).toThrow(RangeError);
  });

  it('throws RangeError on an unknown option value', () => {
    expect(() => numberInWords(5, { thousand: 'ngan' as 'ngàn' })).toThrow(RangeError);
  });
});

describe('moneyInWords', () => {
  it.each([
    [18000000, {}, 'Mười tám triệu đồng'],
    [0, {}, 'Không đồng'],
    [5, {}, 'Năm đồng'],
    [15, {}, 'Mười lăm đồng'],
    [21, {}, 'Hai mươi mốt đồng'],
    [101, {}, 'Một trăm linh một đồng'],
    [1005, {}, 'Một nghìn không trăm linh năm đồng'],
    [250000, {}, 'Hai trăm năm mươi nghìn đồng'],
    [1500000, {}, 'Một triệu năm trăm nghìn đồng'],
    [1000000000000, {}, 'Một nghìn tỷ đồng'],
    [18000000, { appendChan: true }, 'Mười tám triệu đồng chẵn'],
    [5000, { thousand: 'ngàn' as const }, 'Năm ngàn đồng'],
    [105, { zeroTens: 'lẻ' as const }, 'Một trăm lẻ năm đồng'],
    [4000000, {}, 'Bốn triệu đồng'],
    [8000000, {}, 'Tám triệu đồng'],
  ])('%d %j -> %s', (n, opts, words) => {
    expect(moneyInWords(n, opts)).toBe(words);
  });

  it('property: upper-case first letter, "đồng" at the end, lower case in between', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const s = moneyInWords(n);
        expect(s).toMatch(/^[\p{Lu}]\P{Lu}* đồng$/u);
        expect(s.slice(1)).toBe(numberInWords(n).slice(1) + ' đồng');
      }),
    );
  });
});

describe('wordsToNumber', () => {
  it.each(DEFAULT_TABLE)('%s <- %s', (n, words) => {
    expect(wordsToNumber(words)).toBe(BigInt(n));
  });

  it.each(OPTION_TABLE)('%d <- (options %j) %s', (n, _opts, words) => {
    expect(wordsToNumber(words)).toBe(BigInt(n));
  });

  it.each([
    ['Mười tám triệu đồng', 18000000n],
    ['MƯỜI TÁM TRIỆU ĐỒNG', 18000000n],
    ['  mười   tám\ttriệu  ', 18000000n],
    ['Mười tám triệu đồng chẵn', 18000000n],
    ['mười tám triệu chẵn', 18000000n],
    ['Mười tám triệu đồng./.', 18000000n],
    ['Mười tám triệu đồng.', 18000000n],
    ['(Mười tám triệu đồng)', 18000000n],
    ['Mười tám triệu đồng'.normalize('NFD'), 18000000n],
    ['Hai triệu, năm trăm nghìn đồng', 2500000n],
    ['một trăm lẻ năm', 105n],
    ['một trăm linh tư', 104n],
    ['một trăm lẻ tư', 104n],
    ['hai mươi bốn', 24n],
    ['hai mươi một', 21n],
    ['hai mươi nhăm', 25n],
    ['mười tư', 14n],
    ['mười năm', 15n],
    ['bẩy trăm', 700n],
    ['một ngàn', 1000n],
    ['một tỉ', 1000000000n],
    ['một nghìn tỉ', 1000000000000n],
    ['một nghìn linh năm', 1005n], // "không trăm" left out: still unambiguous
    ['một nghìn mười lăm', 1015n],
    ['một triệu linh năm', 1000005n],
    ['một triệu năm trăm', 1000500n],
    ['âm năm', -5n],
    ['Không đồng', 0n],
    ['không', 0n],
    ['Một tỷ tỷ đồng', 10n ** 18n],
  ])('%j -> %s', (text, n) => {
    expect(wordsToNumber(text)).toBe(n);
  });

  it.each([
    '',
    '   ',
    'đồng',
    'chẵn',
    'âm',
    'một nghìn năm', // colloquial 1.500, never guessed
    'hai triệu rưỡi',
    'một trăm mốt', // colloquial 110
    'một trăm tư', // colloquial 140
    'mười mốt',
    'mốt',
    'tư',
    'lăm',
    'hai lăm', // colloquial 25
    'không trăm',
    'không trăm linh năm',
    'linh năm',
    'một nghìn không trăm',
    'nghìn',
    'tỷ',
    'tỷ một',
    'một mươi',
    'một triệu một triệu',
    'một nghìn triệu',
    'ba mươi tám mươi',
    'một trăm trăm',
    'một trăm linh lăm',
    'một trăm linh mười',
    'mười tám triệu đồng đồng',
    'không không',
    'một không',
    '18.000.000',
    'eighteen million',
  ])('rejects %j', (text) => {
    expect(wordsToNumber(text)).toBeNull();
  });
});

const OPTION_COMBOS: NumberWordsOptions[] = [];
for (const zeroTens of ['linh', 'lẻ'] as const)
  for (const four of ['tư', 'bốn'] as const)
    for (const thousand of ['nghìn', 'ngàn'] as const) OPTION_COMBOS.push({ zeroTens, four, thousand });

describe('numberInWords / wordsToNumber properties', () => {
  const upTo1e15 = fc.bigInt({ min: 0n, max: 10n ** 15n });
  const combo = fc.constantFrom(...OPTION_COMBOS);

  it('round-trips every n up to 10^15 in every option combination', () => {
    fc.assert(
      fc.property(upTo1e15, combo, (n, opts) => {
        expect(wordsToNumber(numberInWords(n, opts))).toBe(n);
        expect(wordsToNumber(moneyInWords(n, { ...opts, appendChan: n % 2n === 0n }))).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips numbers made of sparse digit groups (many zero groups)', () => {
    const group = fc.constantFrom(0, 0, 0, 1, 4, 5, 10, 11, 14, 15, 21, 24, 25, 100, 101, 105, 110, 999);
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 9 }), combo, (groups, opts) => {
        const n = groups.reduce((acc, g) => acc * 1000n + BigInt(g), 0n);
        expect(wordsToNumber(numberInWords(n, opts))).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips every n from 0 to 20.000 with default options', () => {
    for (let n = 0n; n <= 20000n; n++) {
      if (wordsToNumber(numberInWords(n)) !== n) throw new Error(`round trip failed for ${n}`);
    }
    expect(wordsToNumber(numberInWords(20000n))).toBe(20000n);
  });

  it('output is NFC, lower case, single-spaced, and uses only the chosen variants', () => {
    fc.assert(
      fc.property(upTo1e15, combo, (n, opts) => {
        const s = numberInWords(n, opts);
        expect(s).toBe(s.normalize('NFC'));
        expect(s).toBe(s.toLocaleLowerCase('vi'));
        expect(s).not.toMatch(/\s{2}|^\s|\s$/u);
        const words = s.split(' ');
        expect(words).not.toContain(opts.zeroTens === 'linh' ? 'lẻ' : 'linh');
        expect(words).not.toContain(opts.thousand === 'nghìn' ? 'ngàn' : 'nghìn');
        expect(words).not.toContain('tỉ');
        // mốt only after mươi; lăm only after mười/mươi; tư only after mươi and only when chosen
        const misplaced = words.filter(
          (w, i) =>
            (w === 'mốt' && words[i - 1] !== 'mươi') ||
            (w === 'lăm' && words[i - 1] !== 'mười' && words[i - 1] !== 'mươi') ||
            (w === 'tư' && (words[i - 1] !== 'mươi' || opts.four !== 'tư')),
        );
        expect(misplaced).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});
