import fc from 'fast-check';
import type { BlockRecord } from '../../registry/records/record-set';
import { blocksToMarkup, parseBlockMarkup } from './block-markup';

describe('parseBlockMarkup', () => {
  it.each<[string, string, BlockRecord[]]>([
    ['headings of four levels', '# I. MỤC ĐÍCH\n## 1. Mục đích\n### 1.1. Tuyên truyền\n#### a) Hình thức', [{ h1: 'I. MỤC ĐÍCH' }, { h2: '1. Mục đích' }, { h3: '1.1. Tuyên truyền' }, { h4: 'a) Hình thức' }]],
    ['wrapped lines join into one paragraph', 'Cụ thể hóa và tổ chức\n  triển khai kịp thời.\n\nGóp phần.', [{ p: 'Cụ thể hóa và tổ chức triển khai kịp thời.' }, { p: 'Góp phần.' }]],
    ['list items start new paragraphs', 'Kết quả:\n- Một;\n+ Hai;\n1. Ba;\n1.2. Bốn;\na) Năm.', [{ p: 'Kết quả:' }, { p: '- Một;' }, { p: '+ Hai;' }, { p: '1. Ba;' }, { p: '1.2. Bốn;' }, { p: 'a) Năm.' }]],
    ['Điều are numbered in order and hold their blocks', '@dieu Giao chỉ tiêu\nGiao cho các thôn.\n@dieu Tổ chức thực hiện\n1. Trưởng thôn.\n@end\nSau.', [
      { article: { number: 1, title: 'Giao chỉ tiêu', body: [{ p: 'Giao cho các thôn.' }] } },
      { article: { number: 2, title: 'Tổ chức thực hiện', body: [{ p: '1. Trưởng thôn.' }] } },
      { p: 'Sau.' },
    ]],
    ['centred and unindented paragraphs', '@center (Có danh sách kèm theo)\n@noindent Ghi chú', [{ p: '(Có danh sách kèm theo)', align: 'center', indent: false }, { p: 'Ghi chú', indent: false }]],
    ['a table figure with a caption', '@figureTable giam_ho_ngheo | Đơn vị: hộ', [{ figureTable: 'giam_ho_ngheo', caption: 'Đơn vị: hộ' }]],
    ['a static table with alignment and a total', '@table\n| STT | Nội dung | Số hộ |\n| :---: | --- | ---: |\n| 1 | A | 2 |\n|= | Tổng cộng | 2 |\nSau bảng.', [
      { table: { columns: [{ header: 'STT', align: 'center' }, { header: 'Nội dung' }, { header: 'Số hộ', align: 'right', numeric: true }], rows: [{ cells: ['1', 'A', '2'] }, { cells: ['', 'Tổng cộng', '2'], total: true }] } },
      { p: 'Sau bảng.' },
    ]],
    ['a backslash keeps a leading # literal', '\\# không phải tiêu đề', [{ p: '# không phải tiêu đề' }]],
  ])('%s', (_n, src, blocks) => {
    expect(parseBlockMarkup(src)).toEqual({ blocks, problems: [] });
  });

  it.each<[string, string, { line: number; message: RegExp }[]]>([
    ['unknown directive', 'a\n@dieux X', [{ line: 2, message: /unknown directive @dieux/ }]],
    ['Điều without a title', '@dieu', [{ line: 1, message: /needs a title/ }]],
    ['row of the wrong width and a stray @end', '@table\n| a | b |\n| 1 |\n\n@end', [{ line: 3, message: /1 cells, the header 2/ }, { line: 5, message: /@end without/ }]],
    ['figure table without a name', '@figureTable', [{ line: 1, message: /needs the name/ }]],
  ])('reports %s with its line', (_n, src, problems) => {
    expect(parseBlockMarkup(src).problems).toEqual(problems.map((p) => ({ line: p.line, message: expect.stringMatching(p.message) })));
  });
});

describe('blocksToMarkup', () => {
  const words = ['Kế', 'hoạch', 'thôn', 'giảm', 'nghèo', 'hộ', '2026', 'Ủy', 'ban', '(dự', 'kiến)', 'đồng;', 'Phụ', 'lục:', '-', '#', '|', '@x'];
  const text = fc
    .tuple(fc.constantFrom('Kế', 'Thôn', 'Giảm', 'Đặc', '#', '@x', '|'), fc.array(fc.constantFrom(...words), { maxLength: 8 }))
    .map(([first, rest]) => [first, ...rest].join(' '));
  const leaf: fc.Arbitrary<BlockRecord> = fc.oneof(
    text.map((h1) => ({ h1 })),
    text.map((h2) => ({ h2 })),
    text.map((h3) => ({ h3 })),
    text.map((p) => ({ p })),
    text.map((p): BlockRecord => ({ p, align: 'center', indent: false })),
    fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/).map((figureTable) => ({ figureTable })),
  );

  it('property: markup of blocks reads back as the same blocks', () => {
    fc.assert(
      fc.property(fc.array(leaf, { maxLength: 8 }), fc.array(fc.tuple(text, fc.array(leaf, { minLength: 1, maxLength: 4 })), { maxLength: 3 }), (blocks, arts) => {
        const all: BlockRecord[] = [...blocks, ...arts.map(([title, body], i) => ({ article: { number: i + 1, title, body } }))];
        expect(parseBlockMarkup(blocksToMarkup(all))).toEqual({ blocks: all, problems: [] });
      }),
    );
  });
});
