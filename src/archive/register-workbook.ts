/**
 * The sổ đăng ký văn bản đi as a workbook, one sheet per agency, laid out like the Phụ lục IV book
 * (Đ16.2.b: a system register is printed with all the book's fields and bound): the agency, the
 * title and year, the date and number range, then the ten numbered columns.
 */
import ExcelJS from 'exceljs';
import { bookDate, REGISTER_HEADERS, REGISTER_TITLE } from './register';

export interface RegisterBookRow {
  reference: string;
  date: string;
  typeAndTitle: string;
  signer: string;
  recipients: string;
  archiveUnits: string;
  copies: number;
  /** ngày chuyển: the electronic issue sends on the issue date */
  sentDate: string;
  /** ký nhận stays blank: it is signed on the printed book */
  note: string;
  series: string;
  number: number;
}

export interface RegisterBook {
  agencyCode: string;
  governingBody: string[];
  issuerLines: string[];
  year: number;
  rows: RegisterBookRow[];
}

const WIDTHS = [16, 12, 48, 22, 40, 16, 9, 12, 12, 28];

export async function writeRegisterWorkbook(file: string, books: RegisterBook[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'vanthu';
  wb.created = new Date(0);
  const used = new Set<string>();
  for (const book of books) addSheet(wb, book, sheetName(book.agencyCode, used));
  if (books.length === 0) wb.addWorksheet('Sổ đăng ký');
  await wb.xlsx.writeFile(file);
}

function sheetName(code: string, used: Set<string>): string {
  // Excel: at most 31 characters, none of []:*?/\
  const base = code.replace(/[[\]:*?/\\]/g, '-').slice(0, 28) || 'so';
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base}-${i}`;
  used.add(name);
  return name;
}

function addSheet(wb: ExcelJS.Workbook, book: RegisterBook, name: string): void {
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const line = (text: string, opts: { bold?: boolean; size?: number; italic?: boolean } = {}): void => {
    const row = ws.addRow([text.normalize('NFC')]);
    ws.mergeCells(row.number, 1, row.number, REGISTER_HEADERS.length);
    row.getCell(1).alignment = { horizontal: 'center' };
    row.getCell(1).font = { name: 'Times New Roman', size: opts.size ?? 12, bold: opts.bold, italic: opts.italic };
  };
  for (const l of book.governingBody) line(l.toUpperCase());
  for (const l of book.issuerLines) line(l, { bold: true });
  ws.addRow([]);
  line(REGISTER_TITLE, { bold: true, size: 16 });
  line(`Năm: ${book.year}`, { bold: true });
  const dates = book.rows.map((r) => r.date).sort();
  line(dates.length ? `Từ ngày ${bookDate(dates[0])} đến ngày ${bookDate(dates.at(-1)!)}` : 'Từ ngày …… đến ngày ……');
  for (const range of numberRanges(book.rows)) line(range);
  ws.addRow([]);

  const header = ws.addRow([...REGISTER_HEADERS]);
  const numbers = ws.addRow(REGISTER_HEADERS.map((_h, i) => `(${i + 1})`));
  for (const r of [header, numbers]) {
    r.eachCell((c) => {
      c.font = { name: 'Times New Roman', size: 11, bold: r === header };
      c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      c.border = thin;
    });
  }
  ws.views = [{ state: 'frozen', ySplit: numbers.number }];
  ws.pageSetup.printTitlesRow = `${header.number}:${numbers.number}`;

  for (const r of book.rows) {
    const row = ws.addRow([
      r.reference,
      bookDate(r.date),
      r.typeAndTitle,
      r.signer,
      r.recipients,
      r.archiveUnits,
      r.copies,
      bookDate(r.sentDate),
      '',
      r.note,
    ]);
    row.eachCell({ includeEmpty: true }, (c, col) => {
      c.font = { name: 'Times New Roman', size: 11 };
      c.alignment = { vertical: 'top', wrapText: true, horizontal: col === 7 || col === 2 || col === 8 ? 'center' : 'left' };
      c.border = thin;
    });
  }
}

const thinSide = { style: 'thin' as const };
const thin = { top: thinSide, left: thinSide, bottom: thinSide, right: thinSide };

/** "Từ số 01 đến số 12", one line per series when the agency numbers each type apart. */
function numberRanges(rows: RegisterBookRow[]): string[] {
  const bySeries = new Map<string, number[]>();
  for (const r of rows) bySeries.set(r.series, [...(bySeries.get(r.series) ?? []), r.number]);
  if (bySeries.size === 0) return ['Từ số …… đến số ……'];
  const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
  return [...bySeries.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([series, ns]) => {
      const range = `từ số ${pad(Math.min(...ns))} đến số ${pad(Math.max(...ns))}`;
      return bySeries.size === 1 ? `T${range.slice(1)}` : `Sổ ${series.replace(/^qppl:/, '')}: ${range}`;
    });
}
