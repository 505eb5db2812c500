import { findHeader, looksLikeDraft } from './header';

const header = (text: string) => findHeader(text.split('\n').map((t, i) => ({ no: i + 1, text: t })));

describe('findHeader', () => {
  it.each([
    ['Số: 128/KH-UBND', '128', 'KH-UBND'],
    ['Số: /KH-UBND', null, 'KH-UBND'],
    ['Số:           /KH-UBND Tứ Kỳ, ngày        tháng 4 năm 2023', null, 'KH-UBND'],
    ['Số: .../QĐ-UBND', null, 'QĐ-UBND'],
    ['So: 14/KH-UBND', '14', 'KH-UBND'],
    ['Số: 04/2026/NQ-HĐND', '04', '2026/NQ-HĐND'],
  ])('%s', (line, number, symbol) => {
    expect(header(line).numberLine).toMatchObject({ line: 1, number, symbol });
  });

  it.each([
    ['Kim Thành, ngày 26 tháng 05 năm 2026', 'Kim Thành', '26', '05', 2026],
    ['Cát Hải, ngày tháng 6 năm 2026', 'Cát Hải', '', '6', 2026],
    ['Số: /KH-UBND Tứ Kỳ, ngày        tháng 4 năm 2023', 'Tứ Kỳ', '', '4', 2023],
    ['*Hồng Phong, ngày 12 tháng 6 năm 2026*', 'Hồng Phong', '12', '6', 2026],
    ['Lien Son, ngay 05 thang 02 nam 2026', 'Lien Son', '05', '02', 2026],
  ])('%s', (line, place, dayRaw, monthRaw, year) => {
    expect(header(line).dateLine).toMatchObject({ place, dayRaw, monthRaw, year });
  });

  it.each([
    ['Số: /KH-UBND\nCát Hải, ngày tháng 6 năm 2026', undefined, true],
    ['Số: /QĐ-UBND\nHồng Phong, ngày 12 tháng 6 năm 2026', undefined, false],
    ['DỰ THẢO\nSố: .../KH-UBND\nHồng Phong, ngày 12 tháng 6 năm 2026', undefined, true],
    ['Số: /QĐ-UBND\nHồng Phong, ngày 12 tháng 6 năm 2026', true, true],
    ['Số: /KH-UBND\nCát Hải, ngày tháng 6 năm 2026', false, false],
    ['KẾ HOẠCH\nkhông có dòng ngày tháng', undefined, true],
  ])('%j (isDraft %s) → draft %s', (text, isDraft, draft) => {
    expect(looksLikeDraft(header(text), isDraft)).toBe(draft);
  });
});
