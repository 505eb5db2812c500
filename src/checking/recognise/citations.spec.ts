import { fold } from '../text/fold';
import { findCitations, registryKey } from './citations';
import { findDates } from './dates';
import { issuerDifference } from './issuer';

const cite = (s: string) => findCitations(s, fold(s), findDates(s, fold(s)));

describe('findCitations', () => {
  it.each([
    [
      'Triển khai Nghị quyết số 04/2026/NQ-HĐND ngày 20/4/2026 của Hội đồng nhân dân thành phố quy định chính sách',
      { printed: '04/2026/NQ-HĐND', year: 2026, typeWord: 'nghị quyết', issuer: 'Hội đồng nhân dân thành phố', date: { d: 20, m: 4, y: 2026 } },
    ],
    [
      'Kế hoạch số 187/KH-UBND ngày 21/05/2026 của Ủy ban nhân dân thành phố Hải Phòng về việc',
      { printed: '187/KH-UBND', year: null, typeWord: 'kế hoạch', issuer: 'Ủy ban nhân dân thành phố Hải Phòng' },
    ],
    ['theo Quyết định số 1525/QĐ-UBND.', { printed: '1525/QĐ-UBND', issuer: null, date: null }],
    ['Căn cứ Nghị định 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ quy định', { typeWord: 'nghị định', issuer: 'Chính phủ' }],
    [
      'Thông tư liên tịch số 28/2013/TTLT-BYT-BLDDTBXH ngày 27 tháng 9 năm 2013 của Bộ trưởng Bộ Y tế và Bộ trưởng Bộ Lao động Thương binh và Xã hội quy định',
      { symbol: 'TTLT-BYT-BLDDTBXH', typeWord: 'thông tư liên tịch', issuer: 'Bộ trưởng Bộ Y tế và Bộ trưởng Bộ Lao động Thương binh và Xã hội' },
    ],
    ['nhiệm kỳ 2025-2030 số 01-NQ/ĐH ngày 18/8/2025;', { printed: '01-NQ/ĐH', symbol: 'NQ/ĐH' }],
    ['Thông tư số 14/2022/TT-BTT&TT ngày 28/10/2022 của Bộ Thông tin và Truyền thông quy định', { key: '14/2022/TT-BTTTT', issuer: 'Bộ Thông tin và Truyền thông' }],
    ['Quyet dinh so 24/2021/QD-TTg ngay 16/7/2021 cua Thu tuong Chinh phu quy dinh', { key: '24/2021/QD-TTG', issuer: 'Thu tuong Chinh phu' }],
    ['Nghị quyết số 04/2026/NQ-HĐND của HĐND thành phố và Kế hoạch số 187/KH-UBND', { issuer: 'HĐND thành phố' }],
    ['Nghị quyết số 04/2026/NQ-HĐND ngày 20 tháng 4 năm 2026 của Hội đồng nhân dân thành phố đề Nhân dân được biết', { issuer: 'Hội đồng nhân dân thành phố' }],
  ])('%s', (text, expected) => {
    expect(cite(text)[0]).toMatchObject(expected);
  });

  it('reads a symbol broken over a line ("627/KH-" + "UBND") once the lines are joined', () => {
    expect(cite('Kế hoạch số 627/KH-UBND ngày 08/3/2023 của UBND tỉnh Hải Dương về')[0]).toMatchObject({
      printed: '627/KH-UBND',
      issuer: 'UBND tỉnh Hải Dương',
    });
  });

  it.each(['ngày 20/4/2026', '23/41 hộ', 'Lưu: VT, VH-XH.', 'Luật số 72/2025/QH15'])('%s is not a citation', (text) => {
    expect(cite(text)).toEqual([]);
  });
});

describe('registryKey', () => {
  it.each([
    ['04/2026/NQ-HĐND', '4/2026/NQ-HDND'],
    ['187/KH-UBND', '187//KH-UBND'],
    ['14/2022/TT-BTTTT', '14/2022/TT-BTTTT'],
    ['01-NQ/ĐH', '1//NQ/DH'],
  ])('%s → %s', (number, key) => {
    expect(registryKey(number)?.key).toBe(key);
  });
});

describe('issuerDifference', () => {
  it.each([
    ['Hội đồng nhân dân thành phố', 'Hội đồng nhân dân thành phố Hải Phòng', null],
    ['HĐND TP Hải Phòng', 'Hội đồng nhân dân thành phố Hải Phòng', null],
    ['Chủ tịch UBND tỉnh Tuyên Quang', 'Ủy ban nhân dân tỉnh Tuyên Quang', null],
    ['Bộ trưởng Bộ Y tế', 'Bộ Y tế', null],
    ['Thủ tướng Chính phủ', 'Thủ tướng Chính phủ', null],
    ['UBND huyện', 'Ủy ban nhân dân tỉnh Tuyên Quang', 'cấp'],
    ['UBND thành phố', 'Hội đồng nhân dân thành phố Hải Phòng', 'cơ quan ban hành'],
    ['Thủ tướng Chính phủ', 'Chính phủ', 'cơ quan ban hành'],
    ['UBND tỉnh Thái Nguyên', 'Ủy ban nhân dân tỉnh Tuyên Quang', 'địa danh'],
    ['Bộ Tài chính', 'Bộ Y tế', 'cơ quan ban hành'],
    ['UBND huyện Tứ Kỳ', 'Ủy ban nhân dân huyện Tứ Kỳ, tỉnh Hải Dương', null],
  ])('%s vs %s: %s', (cited, registry, expected) => {
    expect(issuerDifference(cited, registry)).toBe(expected);
  });
});
