import { bookDate, recipientColumns, REGISTER_HEADERS, typeAndTitle } from './register';

describe('register columns', () => {
  it('has the ten ND30 columns in order', () => {
    expect(REGISTER_HEADERS).toHaveLength(10);
    expect(REGISTER_HEADERS[0]).toBe('Số, ký hiệu văn bản');
    expect(REGISTER_HEADERS[9]).toBe('Ghi chú');
  });

  it.each([
    [
      'seed 000',
      ['- TTĐU, TTHĐND xã (để báo cáo);', '- Lãnh đạo UBND xã;', '- Các Phòng, đơn vị liên quan;', '- Các thôn, thị tứ trên địa bàn xã;', '- Lưu: VT, VH-XH.'],
      [],
      {
        recipients: ['TTĐU, TTHĐND xã (để báo cáo)', 'Lãnh đạo UBND xã', 'Các Phòng, đơn vị liên quan', 'Các thôn, thị tứ trên địa bàn xã'],
        archiveUnits: 'VT, VH-XH',
        copies: 6,
      },
    ],
    ['"Lưu VT." without a colon', ['- BQL các thôn;', '- Lưu VT.'], [], { recipients: ['BQL các thôn'], archiveUnits: 'VT', copies: 2 }],
    ['counted lưu copies', ['- Sở Tài chính;', '- Lưu: VT, HC (2).'], [], { recipients: ['Sở Tài chính'], archiveUnits: 'VT, HC (2)', copies: 4 }],
    [
      '"Như trên" counts the Kính gửi lines',
      ['- Như trên;', '- Lưu: VT.'],
      ['Phòng Kinh tế', 'Phòng Văn hóa - Xã hội'],
      { recipients: ['Như trên'], archiveUnits: 'VT', copies: 3 },
    ],
    ['indented lines of seed 003', [' - Thường trực HĐND phường;', '- Lưu: VT.'], [], { recipients: ['Thường trực HĐND phường'], archiveUnits: 'VT', copies: 2 }],
    ['nothing at all', [], [], { recipients: [], archiveUnits: '', copies: 0 }],
  ])('%s', (_name, printed, kinhGui, expected) => {
    expect(recipientColumns(printed, kinhGui)).toEqual(expected);
  });

  it('writes dates as the book does', () => {
    expect(bookDate('2026-05-06')).toBe('06/05/2026');
  });

  it('joins tên loại and trích yếu', () => {
    expect(typeAndTitle('Kế hoạch', 'Triển khai thực hiện Nghị quyết số 04/2026/NQ-HĐND')).toBe(
      'Kế hoạch: Triển khai thực hiện Nghị quyết số 04/2026/NQ-HĐND',
    );
  });
});
