import { thrown } from '../common/thrown';
import type { DocumentContent } from '../registry/records/record-set';
import { FigureError, type FigureSet } from './figure-set';
import { figureNamesIn, fillFigures } from './fill-figures';

const SET: FigureSet = {
  computedAt: 'now',
  figures: {
    so_ho: { name: 'so_ho', value: 11, unit: 'hộ', text: '11', formula: 'count', sources: [] },
    ty_le: { name: 'ty_le', value: 6, decimals: 1, unit: '%', text: '0,6', formula: 'rate', sources: [] },
    tdp: {
      name: 'tdp',
      value: 3,
      unit: 'hộ',
      text: 'TDP Sau 2 hộ, TDP Kè 1 hộ',
      formula: 'breakdown',
      sources: [],
      parts: [
        { label: 'TDP Sau', value: 2 },
        { label: 'TDP Kè', value: 1 },
      ],
    },
  },
  tables: {
    giam: {
      name: 'giam',
      formula: 'allocation',
      columns: [
        { key: 'village', header: 'Thôn' },
        { key: 'quota', header: 'Chỉ tiêu', numeric: true },
      ],
      rows: [
        { cells: { village: 'Thôn 1', quota: '2' }, sources: [] },
        { cells: { village: 'Tổng cộng', quota: '2' }, total: true, sources: [] },
      ],
    },
  },
};

const content = (body: DocumentContent['body'], canCu: string[] = []): DocumentContent => ({
  canCu,
  body,
  recipients: ['- Lưu: VT.'],
  signature: { official: 'x', authority: [] },
  annexes: [],
});

describe('fillFigures', () => {
  it.each([
    ['có {{fig "so_ho"}} hộ nghèo, chiếm {{fig "ty_le"}}%', 'có 11 hộ nghèo, chiếm 0,6%'],
    ['{{fig "so_ho" pad=3}} hộ', '011 hộ'],
    ['(Trong đó: {{fig "tdp" pad=2}})', '(Trong đó: TDP Sau 02 hộ, TDP Kè 01 hộ)'],
    ['{{fig "tdp"}}', 'TDP Sau 2 hộ, TDP Kè 1 hộ'],
    ['no figures here', 'no figures here'],
  ])('%p → %p', (text, want) => {
    expect(fillFigures(content([{ p: text }]), SET).body).toEqual([{ p: want }]);
  });

  it('expands a table figure into a table block with right-aligned numbers', () => {
    expect(fillFigures(content([{ figureTable: 'giam', caption: 'Bảng {{fig "so_ho"}}' }]), SET).body).toEqual([
      {
        table: {
          caption: 'Bảng 11',
          columns: [{ header: 'Thôn' }, { header: 'Chỉ tiêu', align: 'right', numeric: true }],
          rows: [{ cells: ['Thôn 1', '2'] }, { cells: ['Tổng cộng', '2'], total: true }],
        },
      },
    ]);
  });

  it('reports every unknown figure and template error with its path, and fills nothing', () => {
    const e = thrown(() =>
      fillFigures(
        content([{ h1: 'I. {{fig "khong_co"}}' }, { p: 'ok {{fig "so_ho"}}' }, { p: '{{fig "x"' }, { figureTable: 'bang_khong_co' }], ['Căn cứ {{fig "cung_khong"}};']),
        SET,
      ),
    );
    expect(e).toBeInstanceOf(FigureError);
    expect((e as FigureError).problems.map((p) => [p.code, p.path])).toEqual([
      ['figure.unknown', 'canCu[0]'],
      ['figure.unknown', 'body[0].h1'],
      ['figure.template_error', 'body[2].p'],
      ['figure.unknown', 'body[3].figureTable'],
    ]);
    expect((e as FigureError).message).toContain('"khong_co"');
  });

  it('rejects a helper other than fig and a bare variable', () => {
    expect(() => fillFigures(content([{ p: '{{so_ho}}' }]), SET)).toThrow(FigureError);
    expect(() => fillFigures(content([{ p: '{{figure "so_ho"}}' }]), SET)).toThrow(FigureError);
  });
});

describe('figureNamesIn', () => {
  it('lists the names a text uses', () => {
    expect(figureNamesIn('{{fig "a"}} và {{ fig "b" pad=2}}')).toEqual(['a', 'b']);
  });
});
