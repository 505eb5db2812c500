import type { CellRead } from './cell-value';
import { listPeriodFromTitle, listPeriodLine, payableCategories } from './list-period';

const rows = (...texts: string[]) => texts.map((t, i) => ({ number: i + 1, cells: [{ kind: 'text', text: t } as CellRead] }));

describe('the months above the header', () => {
  it('reads back the line an export writes', () => {
    const line = listPeriodLine({ fromMonth: '2026-07', toMonth: '2026-12', period: '2026-2030' });
    expect(line).toBe('Thời gian hỗ trợ: từ tháng 07/2026 đến tháng 12/2026; chuẩn nghèo giai đoạn 2026-2030');
    expect(listPeriodFromTitle(rows('DANH SÁCH', line))).toEqual({ fromMonth: '2026-07', toMonth: '2026-12', period: '2026-2030' });
  });

  it.each([
    ['Hỗ trợ từ tháng 7/2026 đến tháng 9/2026', { fromMonth: '2026-07', toMonth: '2026-09' }],
    ['TU THANG 01/2027 DEN THANG 12/2027', { fromMonth: '2027-01', toMonth: '2027-12' }],
    ['từ tháng 13/2026 đến tháng 12/2026', null],
    ['năm 2026', null],
  ])('%s', (text, want) => expect(listPeriodFromTitle(rows(text))).toEqual(want));
});

describe('payableCategories', () => {
  const p = (name: string, effectiveFrom = '2026-01-01', effectiveTo: string | null = null) => ({ name, effectiveFrom, effectiveTo });
  it.each<[string, string, ReturnType<typeof p>[], string[] | 'any' | null]>([
    ['fixed amounts by category', 'fixed-by-category', [p('muc_ho_tro.nghèo'), p('muc_ho_tro.cận nghèo')], ['nghèo', 'cận nghèo']],
    ['one threshold for all', 'top-up', [p('nguong')], 'any'],
    ['a threshold per category', 'top-up', [p('nguong.nghèo')], ['nghèo']],
    ['BHYT shares', 'bhyt-share', [p('luong_co_so'), p('bhyt_ho_tro.nghèo')], ['nghèo']],
    ['an amount no longer in force', 'fixed-by-category', [p('muc_ho_tro.nghèo', '2020-01-01', '2026-06-30')], []],
    ['an amount in force from a month inside the list', 'fixed-by-category', [p('muc_ho_tro.nghèo', '2026-10-01')], ['nghèo']],
    ['a rule that pays no list', 'quota', [], null],
  ])('%s', (_, rule, params, want) => {
    const got = payableCategories(rule, params, '2026-07', '2026-12');
    expect(got instanceof Set ? [...got] : got).toEqual(want);
  });
});
