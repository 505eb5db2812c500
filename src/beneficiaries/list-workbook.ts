/**
 * Beneficiary-list workbooks with ExcelJS: reading a clerk's .xlsx into a grid (streaming, so that
 * 100,000 rows stay within memory), writing a list in the layout the import reads (the export), and
 * writing the error workbook the clerk opens to see every bad cell.
 *
 * The streaming reader does not report merged cells, so their ranges are read from the sheet's XML
 * (`<mergeCell ref="B3:C3"/>`) and every cell of a range gets the value of its first cell: a header
 * merged over two rows, a Thôn or Mã hộ merged down a household's rows.
 *
 * ExcelJS 4.4's streaming reader decodes each chunk of a zip entry to text on its own, so a
 * Vietnamese letter whose UTF-8 bytes straddle two chunks comes out as "��" (a name in a list of a
 * few hundred rows is enough). The XML parts are therefore rewritten with every non-ASCII character
 * as a character reference ("&#x1eb7;") before streaming (ascii-xlsx.ts): the SAX parser turns them
 * back, whole.
 */
import ExcelJS from 'exceljs';
import { PassThrough, Readable } from 'node:stream';
import { asciiEntries, readZipEntries, writeZip, type ZipEntry } from './ascii-xlsx';
import { columnLetter, readCell, type CellRead } from './cell-value';
import type { GridRow } from './list-columns';

export interface SheetGrid {
  name: string;
  rows: GridRow[];
}

const EMPTY: CellRead = { kind: 'empty' };

function decodeAddress(a: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a);
  if (!m) throw new RangeError(`not a cell address: ${a}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/**
 * Sheet name → its merged ranges, from the workbook's XML; and the workbook with its XML parts in
 * ASCII (see above) and its workbook-level parts first. A file that is not a zip we read is returned
 * as it is, for ExcelJS to judge.
 */
function prepare(bytes: Buffer): { merges: Map<string, string[]>; ascii: Buffer } {
  const out = new Map<string, string[]>();
  let entries: ZipEntry[] | null;
  try {
    entries = readZipEntries(bytes);
  } catch {
    entries = null;
  }
  if (!entries) return { merges: out, ascii: bytes };
  const part = (name: string) => entries.find((e) => e.name === name)?.data;
  const workbook = part('xl/workbook.xml')?.toString('utf8') ?? '';
  const rels = part('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, '').replace(/^\//, ''));
  }
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const target = rid ? targets.get(rid) : undefined;
    const xml = target ? part(`xl/${target}`) : undefined;
    if (name === undefined || !xml) continue;
    // the merged ranges come after the cells: read only the tail, as bytes
    const start = xml.lastIndexOf('<mergeCells');
    const refs = start < 0 ? [] : [...xml.toString('latin1', start).matchAll(/<mergeCell\b[^>]*\bref="([^"]+)"/g)].map((x) => x[1]);
    out.set(xmlUnescape(name), refs);
  }
  return { merges: out, ascii: writeZip(asciiEntries(entries)) };
}

function xmlUnescape(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

export class UnreadableWorkbook extends Error {}

/** Every worksheet as rows of CellRead, dense from row 1 to the last, merges filled in. */
export async function readWorkbook(bytes: Buffer): Promise<SheetGrid[]> {
  const { merges, ascii } = prepare(bytes);
  const sheets: SheetGrid[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(ascii), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    });
    for await (const ws of reader) {
      const byNumber = new Map<number, CellRead[]>();
      let last = 0;
      for await (const row of ws) {
        const cells: CellRead[] = [];
        (row as ExcelJS.Row).eachCell({ includeEmpty: false }, (cell, col) => {
          while (cells.length < col - 1) cells.push(EMPTY);
          cells[col - 1] = readCell(cell.value);
        });
        const n = (row as ExcelJS.Row).number;
        byNumber.set(n, cells);
        if (n > last) last = n;
      }
      const name = (ws as unknown as { name?: string }).name ?? `Sheet${sheets.length + 1}`;
      for (const ref of merges.get(name) ?? []) {
        const [a, b] = ref.split(':');
        if (!b) continue;
        const from = decodeAddress(a);
        const to = decodeAddress(b);
        const master = byNumber.get(from.row)?.[from.col - 1] ?? EMPTY;
        for (let r = from.row; r <= to.row; r++) {
          let cells = byNumber.get(r);
          if (!cells) byNumber.set(r, (cells = []));
          for (let c = from.col; c <= to.col; c++) {
            while (cells.length < c) cells.push(EMPTY);
            if (r !== from.row || c !== from.col) cells[c - 1] = master;
          }
          if (r > last) last = r;
        }
      }
      const rows: GridRow[] = [];
      for (let n = 1; n <= last; n++) rows.push({ number: n, cells: byNumber.get(n) ?? [] });
      sheets.push({ name, rows });
    }
  } catch (e) {
    throw new UnreadableWorkbook(`not a readable .xlsx workbook: ${(e as Error).message}`);
  }
  return sheets;
}

/** An exported list: title lines, headers, rows of values (ID numbers as text, so their zeros stay). */
export interface ExportSheet {
  title: string[];
  headers: string[];
  rows: (string | number | null)[][];
  /** column widths in characters */
  widths: number[];
}

async function collect(write: (stream: PassThrough) => Promise<void>): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  await write(stream);
  await done;
  return Buffer.concat(chunks);
}

/** A list in the import layout: title lines, a blank line, the header, the rows (streamed). */
export async function writeListWorkbook(sheet: ExportSheet, sheetName = 'Danh sách'): Promise<Buffer> {
  return collect(async (stream) => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    wb.creator = 'vanthu';
    const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: sheet.title.length + 2 }] });
    ws.columns = sheet.widths.map((w) => ({ width: w }));
    for (const line of sheet.title) {
      const r = ws.addRow([line]);
      r.getCell(1).font = { bold: true };
      r.commit();
    }
    ws.addRow([]).commit();
    const header = ws.addRow(sheet.headers);
    header.eachCell((c) => {
      c.font = { bold: true };
      c.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
      c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    });
    header.commit();
    for (const values of sheet.rows) ws.addRow(values).commit();
    ws.commit();
    await wb.commit();
  });
}

export interface ErrorMark {
  row: number;
  col?: number;
  message: string;
}

/**
 * The clerk's sheet as read (same row numbers, so "dòng 7" is row 7), each bad cell red with a note
 * saying what is wrong, a "Lỗi" column at the right of each bad row; then a sheet listing every
 * problem. Fixed in place, the first sheet imports as it is.
 */
export async function writeErrorWorkbook(
  sheet: SheetGrid | undefined,
  problems: { row: number; col?: number; header?: string; value?: string; message: string }[],
  headerRow?: number,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'vanthu';
  if (sheet) {
    const ws = wb.addWorksheet(sheet.name || 'Dữ liệu');
    let width = 0;
    for (const r of sheet.rows) width = Math.max(width, r.cells.length);
    const byRow = new Map<number, typeof problems>();
    for (const p of problems) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);
    for (const r of sheet.rows) {
      const row = ws.getRow(r.number);
      r.cells.forEach((c, i) => {
        if (c.kind === 'empty') return;
        const cell = row.getCell(i + 1);
        cell.value = c.kind === 'text' ? c.text : c.kind === 'number' ? c.value : c.kind === 'date' ? new Date(`${c.iso}T00:00:00Z`) : c.kind === 'boolean' ? c.value : c.kind === 'formula' ? { formula: c.formula, date1904: false } : `#${c.error.replace(/^#/, '')}`;
        if (c.kind === 'date') cell.numFmt = 'dd/mm/yyyy';
      });
      const mine = byRow.get(r.number);
      if (mine) {
        for (const p of mine) {
          if (!p.col) continue;
          const cell = row.getCell(p.col);
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
          cell.note = p.message;
        }
        const errCell = row.getCell(width + 1);
        errCell.value = mine.map((p) => (p.header ? `${p.header}: ${p.message}` : p.message)).join('; ');
        errCell.font = { color: { argb: 'FF9C0006' } };
      }
    }
    if (headerRow) {
      const h = ws.getRow(headerRow).getCell(width + 1);
      h.value = 'Lỗi';
      h.font = { bold: true, color: { argb: 'FF9C0006' } };
    }
  }
  const list = wb.addWorksheet('Danh sách lỗi');
  list.columns = [
    { header: 'Dòng', width: 8 },
    { header: 'Cột', width: 6 },
    { header: 'Tiêu đề cột', width: 28 },
    { header: 'Giá trị', width: 24 },
    { header: 'Lỗi', width: 80 },
  ];
  list.getRow(1).font = { bold: true };
  for (const p of problems) {
    list.addRow([p.row || null, p.col ? columnLetter(p.col) : null, p.header ?? null, p.value ?? null, p.message]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
