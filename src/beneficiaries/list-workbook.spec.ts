import ExcelJS from 'exceljs';
import { readWorkbook, writeErrorWorkbook, writeListWorkbook } from './list-workbook';

const NAMES = ['Nguyễn Thị Ánh', 'Đặng Ngọc Nhung', 'Trần Quốc Đạt', 'Lê Diệu Hương', 'Vũ Hữu Khánh', 'Phạm Thu Thảo'];

describe('readWorkbook', () => {
  it('reads every Vietnamese letter whole across the reader\'s chunks (ExcelJS 4.4 splits UTF-8 at chunk edges)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách đề nghị');
    const want: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const name = `${NAMES[i % NAMES.length]} ${i}`;
      want.push(name);
      // every third one decomposed (NFD), as some keyboards and web forms send it
      ws.getCell(`A${i + 1}`).value = i % 3 === 0 ? name.normalize('NFD') : name;
      ws.getCell(`B${i + 1}`).value = { richText: [{ text: 'Thôn ' }, { text: 'Đông' }] };
    }
    const [sheet] = await readWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(sheet.name).toBe('Danh sách đề nghị');
    expect(sheet.rows.map((r) => (r.cells[0].kind === 'text' ? r.cells[0].text : null))).toEqual(want);
    expect(new Set(sheet.rows.map((r) => JSON.stringify(r.cells[1])))).toEqual(new Set([JSON.stringify({ kind: 'text', text: 'Thôn Đông' })]));
  });

  it('gives every cell of a merged range its first cell\'s value, dense from row 1', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 'DANH SÁCH';
    ws.mergeCells('A1:C1');
    ws.getCell('B3').value = 'Ngày sinh';
    ws.mergeCells('B3:C3');
    ws.getCell('A5').value = 'Thôn Nam';
    ws.mergeCells('A5:A7');
    const [sheet] = await readWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    const text = (r: number, c: number) => {
      const cell = sheet.rows[r - 1].cells[c - 1];
      return cell && cell.kind === 'text' ? cell.text : '';
    };
    expect(sheet.rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect([text(1, 1), text(1, 2), text(1, 3)]).toEqual(['DANH SÁCH', 'DANH SÁCH', 'DANH SÁCH']);
    expect([text(3, 2), text(3, 3)]).toEqual(['Ngày sinh', 'Ngày sinh']);
    expect([text(5, 1), text(6, 1), text(7, 1)]).toEqual(['Thôn Nam', 'Thôn Nam', 'Thôn Nam']);
  });

  it('reads dates, numbers, formulas by their cached value, and a formula Excel never computed as such', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getRow(1).values = [new Date(Date.UTC(1950, 1, 3)), 31012345678, { formula: 'A1+1', result: 7 }, { formula: 'B1*2' }, { error: '#N/A' }];
    ws.getCell('A1').numFmt = 'dd/mm/yyyy';
    const [sheet] = await readWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(sheet.rows[0].cells).toEqual([
      { kind: 'date', iso: '1950-02-03' },
      { kind: 'number', value: 31012345678 },
      { kind: 'number', value: 7 },
      { kind: 'formula', formula: 'B1*2' },
      { kind: 'error', error: '#N/A' },
    ]);
  });

  it('rejects what is not a workbook', async () => {
    await expect(readWorkbook(Buffer.from('PK not really'))).rejects.toThrow('not a readable .xlsx workbook');
  });
});

describe('writeListWorkbook and writeErrorWorkbook', () => {
  it('writes a list that reads back cell for cell, ID numbers as text with their zeros', async () => {
    const bytes = await writeListWorkbook({ title: ['ỦY BAN NHÂN DÂN XÃ THỬ'], headers: ['STT', 'Họ và tên', 'Số định danh cá nhân'], rows: [[1, 'Đặng Ngọc Nhung', '001318070296']], widths: [6, 20, 16] });
    const [sheet] = await readWorkbook(bytes);
    expect(sheet.rows.map((r) => r.cells.map((c) => (c.kind === 'text' ? c.text : c.kind === 'number' ? c.value : null)))).toEqual([
      ['ỦY BAN NHÂN DÂN XÃ THỬ'],
      [],
      ['STT', 'Họ và tên', 'Số định danh cá nhân'],
      [1, 'Đặng Ngọc Nhung', '001318070296'],
    ]);
  });

  it('marks each bad cell with a note and lists every problem on a sheet of its own', async () => {
    const grid = {
      name: 'DS',
      rows: [
        { number: 1, cells: [{ kind: 'text' as const, text: 'Họ và tên' }, { kind: 'text' as const, text: 'Số định danh' }] },
        { number: 2, cells: [{ kind: 'text' as const, text: 'An' }, { kind: 'text' as const, text: '123' }] },
      ],
    };
    const bytes = await writeErrorWorkbook(grid, [{ row: 2, col: 2, header: 'Số định danh', value: '123', message: 'số định danh phải có 12 chữ số, ô này có 3' }], 1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const [data, list] = wb.worksheets;
    expect(data.getCell('B2').note).toBe('số định danh phải có 12 chữ số, ô này có 3');
    expect(data.getCell('C1').value).toBe('Lỗi');
    expect(data.getCell('C2').value).toBe('Số định danh: số định danh phải có 12 chữ số, ô này có 3');
    expect(list.getRow(2).values).toEqual([undefined, 2, 'B', 'Số định danh', '123', 'số định danh phải có 12 chữ số, ô này có 3']);
  });
});
