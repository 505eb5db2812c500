import { extractText, lineAt } from './text';

describe('extractText', () => {
  it('keeps 1-based source lines and cleans markdown emphasis and headings', () => {
    const doc = extractText('## **2. Tổ chức rà soát**\n\nCăn cứ *Kế hoạch* này.');
    expect(doc.lines.map((l) => l.no)).toEqual([1, 2, 3]);
    expect(doc.blocks.map((b) => [b.kind, b.startLine, b.text])).toEqual([
      ['heading', 1, '2. Tổ chức rà soát'],
      ['paragraph', 3, 'Căn cứ Kế hoạch này.'],
    ]);
  });

  it.each([
    // a page break inside a sentence: the next line starts lower case
    ['Hội Cựu\n\nchiến binh tham gia.', ['Hội Cựu chiến binh tham gia.']],
    // a symbol broken after its hyphen
    ['Kế hoạch số 627/KH-\nUBND ngày 08/3/2023', ['Kế hoạch số 627/KH-UBND ngày 08/3/2023']],
    // a number after "số" continues
    ['theo Nghị định số \n81/2021/NĐ-CP ngày 27/8/2021', ['theo Nghị định số 81/2021/NĐ-CP ngày 27/8/2021']],
    // a new numbered item does not continue
    ['I. MỤC TIÊU\n1. Mục tiêu', ['I. MỤC TIÊU', '1. Mục tiêu']],
    // a sentence that ended does not continue
    ['Hoàn thành.\n\nđúng hạn', ['Hoàn thành.', 'đúng hạn']],
    // a clause ended by ";" goes on in lower case, not with a new capitalised sentence
    ['thôn Nam Sơn 7 hộ;\ntổng cộng 29 hộ.', ['thôn Nam Sơn 7 hộ; tổng cộng 29 hộ.']],
    ['Căn cứ Luật;\n\nCăn cứ Nghị định;', ['Căn cứ Luật;', 'Căn cứ Nghị định;']],
    // hard-wrapped PDF text: a long line runs on even into a number
    ['Kinh phí hỗ trợ dự kiến 1,5 tỷ đồng, bao gồm: ngân sách tỉnh 900 triệu đồng, ngân sách xã\n500 triệu đồng.', ['Kinh phí hỗ trợ dự kiến 1,5 tỷ đồng, bao gồm: ngân sách tỉnh 900 triệu đồng, ngân sách xã 500 triệu đồng.']],
  ])('%j', (text, blocks) => {
    expect(extractText(text).blocks.map((b) => b.text)).toEqual(blocks);
  });

  it('maps offsets of a joined paragraph back to its source lines', () => {
    const [b] = extractText('Thời gian thực hiện\n\ntừ ngày 29/5/2026 đến hết ngày 01/6/2025').blocks;
    expect(b.segments.map((s) => s.line)).toEqual([1, 3]);
    expect(lineAt(b, 0)).toBe(1);
    expect(lineAt(b, b.text.indexOf('29/5'))).toBe(3);
  });

  it('reads markdown tables with their header, rows and line numbers', () => {
    const doc = extractText('Bảng:\n\n| STT | Thôn | Số hộ |\n|---|:--|--:|\n| 1 | **Đông** | 10 |\n| | Tổng cộng | 10 |\n');
    expect(doc.tables).toEqual([
      {
        startLine: 3,
        header: ['STT', 'Thôn', 'Số hộ'],
        rows: [
          { line: 5, cells: ['1', 'Đông', '10'] },
          { line: 6, cells: ['', 'Tổng cộng', '10'] },
        ],
      },
    ]);
  });

  it('joins a header written over several lines above the separator row', () => {
    const doc = extractText('| STT | Mức hỗ trợ | Thành tiền |\n| | (đồng/tháng) | (đồng) |\n|---|---|---|\n| 1 | 500.000 | 6.000.000 |');
    expect(doc.tables[0].header).toEqual(['STT', 'Mức hỗ trợ (đồng/tháng)', 'Thành tiền (đồng)']);
    expect(doc.tables[0].rows).toEqual([{ line: 4, cells: ['1', '500.000', '6.000.000'] }]);
  });

  it('takes footnotes out of the paragraph they interrupt', () => {
    const doc = extractText('Phát huy vai trò của Mặt\n\n¹ Từ 292 hộ xuống còn 238 hộ\n\ntrận Tổ quốc.\n\n[^2]: Ghi chú hai.');
    expect(doc.footnotes).toEqual([
      { marker: '1', line: 3, text: 'Từ 292 hộ xuống còn 238 hộ' },
      { marker: '2', line: 7, text: 'Ghi chú hai.' },
    ]);
    expect(doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text)).toEqual(['Phát huy vai trò của Mặt trận Tổ quốc.']);
    expect(doc.blocks.filter((b) => b.kind === 'footnote').map((b) => b.marker)).toEqual(['1', '2']);
  });

  it.each([
    ['- Thôn A: 05 hộ;', '-'],
    ['+ TDP Sau 02 hộ', '+'],
    ['• Cộng: 27 hộ', '•'],
    ['a) Ông Lê Văn Minh', 'a)'],
    ['b) Bà Đỗ Thị Hạnh', 'a)'],
    ['2) Nội dung', '1)'],
  ])('%s is a bullet of class %s', (line, marker) => {
    expect(extractText(line).blocks[0]).toMatchObject({ kind: 'bullet', bullet: marker });
  });

  it('normalises NBSP, dashes and NFD input', () => {
    const [b] = extractText('41\u00a0hộ, giai đoạn 2021\u20132025, nghe\u0300o'.normalize('NFD')).blocks;
    expect(b.text).toBe('41 hộ, giai đoạn 2021-2025, nghèo');
  });
});
