import { dongOf, findAmountsInWords, readAmountWords } from './amount-words';
import { blocksOf } from './test-support';

const amounts = (text: string) =>
  findAmountsInWords(blocksOf(text)).map((a) => [dongOf(a.amount), a.wordsValue, a.words]);

describe('findAmountsInWords', () => {
  it.each([
    [
      'Tổng kinh phí: 125.400.000 đồng (Bằng chữ: Một trăm hai mươi lăm triệu bốn trăm nghìn đồng).',
      [[125_400_000n, 125_400_000n, 'Một trăm hai mươi lăm triệu bốn trăm nghìn đồng']],
    ],
    ['Kinh phí: 48.250.000 đ\n\nBằng chữ: Bốn mươi tám triệu hai trăm năm mươi nghìn đồng.', [[48_250_000n, 48_250_000n, 'Bốn mươi tám triệu hai trăm năm mươi nghìn đồng']]],
    ['Dự phòng 2,5 tỷ đồng (viết bằng chữ: Hai tỷ năm trăm triệu đồng)', [[2_500_000_000n, 2_500_000_000n, 'Hai tỷ năm trăm triệu đồng']]],
    ['Kinh phi 44.000.000 dong (Bang chu: Bon muoi lam trieu dong)', [[44_000_000n, 45_000_000n, 'Bon muoi lam trieu dong']]],
  ])('%s', (text, expected) => {
    expect(amounts(text)).toEqual(expected);
  });

  it('an amount far above is not paired with "Bằng chữ"', () => {
    expect(amounts('Kinh phí 5.000.000 đồng.\n\nNội dung khác.\n\nMục khác.\n\nBằng chữ: Năm triệu đồng')).toEqual([]);
  });
});

describe('readAmountWords', () => {
  it.each([
    // read by vi/wordsToNumber
    ['Hai mươi mốt triệu không trăm linh tư nghìn đồng chẵn', 21_004_000n],
    ['Một tỷ, hai trăm triệu đồng', 1_200_000_000n],
    // left by it to the checker's own reader
    ['Bon muoi lam trieu dong', 45_000_000n],
    ['Một trăm triệu đồng VNĐ', 100_000_000n],
    // neither reads it
    ['theo dự toán được duyệt', null],
  ])('%s → %s', (words, expected) => {
    expect(readAmountWords(words)).toBe(expected);
  });
});
