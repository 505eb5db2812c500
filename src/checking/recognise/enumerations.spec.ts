import { findEnumerations } from './enumerations';
import { blocksOf } from './test-support';

const enums = (text: string) =>
  findEnumerations(blocksOf(text)).map((e) => [e.kind, e.total.number.raw, e.parts.map((p) => p.q.number.raw).join('+')]);

describe('findEnumerations', () => {
  it.each([
    ['Tổng số 27 hộ, gồm: thôn Đông 10 hộ, thôn Tây 12 hộ, thôn Nam 6 hộ.', [['marker', '27', '10+12+6']]],
    ['Hỗ trợ 28 hộ, bao gồm : thôn A 10 hộ, thôn B 12 hộ và thôn C 06 hộ.', [['marker', '28', '10+12+06']]],
    ['là 05 hộ (TDP Kè 02 hộ, TDP Phú Thái 01 hộ, TDP Pha 02 hộ).', [['paren', '05', '02+01+02']]],
    ['120 người, chia ra: nghề may 45 người, nghề mộc 30 người, chăn nuôi 40 người.', [['marker', '120', '45+30+40']]],
    ['Tổng dự toán 2.340 triệu đồng, trong đó: trung ương 1.500 triệu đồng; tỉnh 640 triệu đồng; xã 100 triệu đồng.', [['marker', '2.340', '1.500+640+100']]],
    ['Thôn A 12 hộ, thôn B 9 hộ, thôn C 7 hộ; tổng cộng 29 hộ.', [['trailing', '29', '12+9+7']]],
    ['Phân bổ 36 hộ, gồm: thôn A 12 hộ, thôn B 10 hộ, thôn C 14 hộ; kinh phí 36 hộ x 5.000.000 đồng = 180.000.000 đồng.', [['marker', '36', '12+10+14']]],
    ['Tổng 850.000.000 đồng (Bằng chữ: Tám trăm năm mươi triệu đồng), gồm: trung ương 600 triệu đồng, tỉnh 250 triệu đồng.', [['marker', '850.000.000', '600+250']]],
    ['- Tổng số hộ thoát nghèo: 15 hộ, cụ thể như sau:\n\n+ TDP 1: 04 hộ;\n\n+ TDP 2: 05 hộ;\n\n+ TDP 3: 06 hộ.', [['list', '15', '04+05+06']]],
    ['- Thôn A: 05 hộ;\n- Thôn B: 06 hộ;\n- Tổng cộng: 11 hộ.', [['list-trailing', '11', '05+06']]],
  ])('%s', (text, expected) => {
    expect(enums(text)).toEqual(expected);
  });

  it.each([
    // overlapping subsets: not a partition
    'Toàn xã có 73 hộ nghèo, trong đó 40 hộ có người cao tuổi, 25 hộ có người khuyết tật.',
    'Hỗ trợ 50 hộ, cụ thể: giống cho 50 hộ, phân bón cho 35 hộ.',
    'Hỗ trợ 50 hộ, cụ thể: giống cho 45 hộ, phân bón cho 35 hộ.',
    // a change, not a breakdown
    'Giảm 16 hộ nghèo (từ 64 hộ xuống còn 48 hộ).',
    // a range and an approximation
    'Tạo việc làm cho 150 đến 180 lao động, gồm khoảng 100 lao động nữ.',
    // "Tổng số hộ dân" after a list is another figure, not its total
    '- Số hộ nghèo: 73 hộ;\n- Số hộ cận nghèo: 96 hộ;\n- Tổng số hộ dân: 1.973 hộ.',
    'thực hiện thành công 5 mô hình, hỗ trợ 12 hộ, cộng đồng 8 hộ',
  ])('%s: nothing to add up', (text) => {
    expect(enums(text)).toEqual([]);
  });

  it('a nested breakdown without parentheses: only the inner one, whose parts name places, is added up', () => {
    expect(enums('Tổng 19 hộ, gồm: nhóm A 11 hộ, trong đó thôn X 5 hộ, thôn Y 6 hộ; nhóm B 8 hộ.')).toEqual([['marker', '11', '5+6']]);
  });

  it('"trong đó" without a colon is a partition when every part names a place', () => {
    expect(enums('Giao 11 hộ, trong đó thôn Sau 02 hộ, thôn Kè 09 hộ.')).toEqual([['marker', '11', '02+09']]);
  });
});
