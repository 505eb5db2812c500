import { formatPlaceDateLine } from './nd30-date';

describe('formatPlaceDateLine', () => {
  it.each([
    ['Kim Thành', '2026-05-26', 'Kim Thành, ngày 26 tháng 5 năm 2026'],
    ['Hà Nội', '2020-01-05', 'Hà Nội, ngày 05 tháng 01 năm 2020'],
    ['Hà Nội', '2020-03-05', 'Hà Nội, ngày 05 tháng 3 năm 2020'],
    ['Cát Hải', '2026-02-10', 'Cát Hải, ngày 10 tháng 02 năm 2026'],
    ['Thanh Thủy', '2026-12-31', 'Thanh Thủy, ngày 31 tháng 12 năm 2026'],
  ])('%s %s → %s', (place, iso, expected) => {
    expect(formatPlaceDateLine(place, iso, 2026)).toBe(expected);
  });

  it('leaves the day and month blank for an undated draft', () => {
    expect(formatPlaceDateLine('Cát Hải', null, 2026)).toBe('Cát Hải, ngày     tháng     năm 2026');
  });
});
