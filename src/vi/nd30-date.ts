/** ND30 date forms: a leading zero only for days below 10 and for months 1 and 2. */

export function padDay(d: number): string {
  return d < 10 ? `0${d}` : String(d);
}

export function padMonth(m: number): string {
  return m <= 2 ? `0${m}` : String(m);
}

/** Blank left for the day and month a leader fills in when signing an undated draft. */
export const DATE_BLANK = '   ';

/** "Kim Thành, ngày 26 tháng 5 năm 2026"; without a date, blanks for day and month. */
export function formatPlaceDateLine(place: string, isoDate: string | null, year: number): string {
  if (!isoDate) return `${place}, ngày ${DATE_BLANK} tháng ${DATE_BLANK} năm ${year}`;
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${place}, ngày ${padDay(d)} tháng ${padMonth(m)} năm ${y}`;
}
