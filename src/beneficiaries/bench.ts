/**
 * For `npm run bench`: a beneficiary list at scale, through the real path (ExcelJS reading, the
 * checks, one transaction into a fresh SQLite registry), and the QĐ phê duyệt danh sách of a list
 * whose annex has one row per person, rendered to DOCX and PDF through the RenderService (figures
 * computed from the registry at render). The targets: 100,000 members imported in ≤ 30 s
 * and ≤ 500 MB peak; a 10,000-row annex renders. Timings are returned, nothing is asserted.
 *
 * The people are synthetic (made-up names; ID numbers "031" + sex/century digit + birth year +
 * a running number, which no one holds).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../config/app-config';
import { openDatabase } from '../database/data-source';
import { FigureSetsService } from '../figure-sets/figure-sets.service';
import { AgenciesService } from '../registry/agencies.service';
import { DocumentsService } from '../registry/documents.service';
import { OfficialsService } from '../registry/officials.service';
import { importRecordSet } from '../registry/records-import';
import type { RecordSet } from '../registry/records/record-set';
import { RenderService } from '../render/render.service';
import { writeZip } from './ascii-xlsx';
import { BeneficiaryListsService } from './beneficiary-lists.service';

export interface BeneficiaryBench {
  import: { members: number; households: number; bytes: number; ms: number; peakRssMb: number };
  /** medians and best runs over `runs` renders */
  decision: { rows: number; runs: number; docxMs: number; docxMinMs: number; docxBytes: number; pdfMs: number; pdfMinMs: number; pdfBytes: number };
}

const HO = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
const DEM = ['Văn', 'Thị', 'Đức', 'Ngọc', 'Minh', 'Thu', 'Hữu', 'Diệu'];
const TEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hằng', 'Lan', 'Long', 'Mai', 'Nga', 'Phúc', 'Quỳnh', 'Sơn', 'Thảo', 'Yến', 'Ánh'];
const CATEGORIES = ['Hộ nghèo', 'Hộ cận nghèo', 'Hộ thoát nghèo'];
const VILLAGES = 20;

/** The registry a bench list goes into: an agency of 20 villages, its Chủ tịch, the NQ and a policy paying by category. */
function benchCommune(code: string): RecordSet {
  const nq = `${code}-nq`;
  return {
    agencies: [
      {
        code,
        name: 'Ủy ban nhân dân xã Đo Thử',
        shortName: 'UBND xã Đo Thử',
        governingBody: [],
        issuerLines: ['ỦY BAN NHÂN DÂN', 'XÃ ĐO THỬ'],
        abbreviation: 'UBND',
        placeName: 'Đo Thử',
        numbering: 'single',
        units: [{ abbreviation: 'VH-XH', name: 'Phòng Văn hóa - Xã hội' }],
        villages: Array.from({ length: VILLAGES }, (_, i) => ({ code: `thon-${i + 1}`, name: `Thôn ${i + 1}`, kind: 'thôn' as const })),
      },
    ],
    officials: [{ code: `${code}-ct`, agency: code, name: 'Trần Văn Đo', position: 'Chủ tịch' }],
    documents: [
      {
        code: nq,
        agency: code,
        direction: 'incoming',
        type: 'NQ',
        typeName: 'Nghị quyết',
        number: 4,
        year: 2026,
        symbol: 'NQ-HĐND',
        yearInNumber: true,
        issuer: 'Hội đồng nhân dân thành phố Hải Phòng',
        date: '2026-04-20',
        title: 'Quy định chính sách hỗ trợ một số thành viên thuộc hộ nghèo, hộ cận nghèo',
        status: 'issued',
        citations: [],
      },
    ],
    policies: [
      {
        code: 'bench',
        agency: code,
        name: 'Hỗ trợ thu nhập (đo)',
        document: nq,
        rule: 'fixed-by-category',
        parameters: [
          { name: 'muc_ho_tro.nghèo', value: 1500000, unit: 'đồng/tháng', effectiveFrom: '2026-01-01' },
          { name: 'muc_ho_tro.cận nghèo', value: 1000000, unit: 'đồng/tháng', effectiveFrom: '2026-01-01' },
          { name: 'muc_ho_tro.thoát nghèo', value: 500000, unit: 'đồng/tháng', effectiveFrom: '2026-01-01' },
        ],
      },
    ],
    households: [],
    quotas: [],
  };
}

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function col(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** Texts go to the shared-strings table, as Excel writes them. */
function rowXml(r: number, values: (string | number | null)[], shared: Map<string, number>): string {
  const index = (t: string) => {
    let k = shared.get(t);
    if (k === undefined) shared.set(t, (k = shared.size));
    return k;
  };
  const cells = values.map((v, i) => (v === null ? '' : typeof v === 'number' ? `<c r="${col(i + 1)}${r}"><v>${v}</v></c>` : `<c r="${col(i + 1)}${r}" t="s"><v>${index(v)}</v></c>`)).join('');
  return `<row r="${r}">${cells}</row>`;
}

const NS = 'http://schemas.openxmlformats.org';

/**
 * A workbook of `n` people in households of three: title lines, the header, the rows. Written as
 * SpreadsheetML directly, as Excel lays it out (shared strings after the sheet), in pieces of a
 * thousand rows, so that making the input costs little memory and the import's peak is its own.
 */
export function benchWorkbook(n: number): Buffer {
  const header = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số định danh cá nhân', 'Thôn, tổ dân phố', 'Mã hộ', 'Chủ hộ', 'Đối tượng', 'Ghi chú'];
  const shared = new Map<string, number>();
  const pieces: Buffer[] = [
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}/spreadsheetml/2006/main"><sheetData>` +
        rowXml(1, ['DANH SÁCH ĐỀ NGHỊ HỖ TRỢ'], shared) +
        rowXml(2, ['Thời gian hỗ trợ: từ tháng 07/2026 đến tháng 12/2026; chuẩn nghèo giai đoạn 2026-2030'], shared) +
        rowXml(3, header, shared),
      'utf8',
    ),
  ];
  let head = '';
  let piece: string[] = [];
  for (let i = 0; i < n; i++) {
    const h = Math.floor(i / 3);
    const female = i % 2 === 1;
    const name = `${HO[i % HO.length]} ${DEM[(i * 7) % DEM.length]} ${TEN[(i * 13) % TEN.length]}`;
    if (i % 3 === 0) head = name;
    const year = 1935 + ((i * 37) % 85);
    const birth = `${String(1 + (i % 28)).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/${year}`;
    const id = `031${(year < 2000 ? 0 : 2) + (female ? 1 : 0)}${String(year % 100).padStart(2, '0')}${String(i + 1).padStart(6, '0')}`;
    piece.push(rowXml(i + 4, [i + 1, name, birth, female ? 'Nữ' : 'Nam', id, `Thôn ${(h % VILLAGES) + 1}`, `HO-${String(h + 1).padStart(6, '0')}`, head, CATEGORIES[h % 3], null], shared));
    if (piece.length === 1000) {
      pieces.push(Buffer.from(piece.join(''), 'utf8'));
      piece = [];
    }
  }
  pieces.push(Buffer.from(`${piece.join('')}</sheetData></worksheet>`, 'utf8'));
  const strings: Buffer[] = [Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}/spreadsheetml/2006/main" count="${shared.size}" uniqueCount="${shared.size}">`, 'utf8')];
  let batch: string[] = [];
  for (const t of shared.keys()) {
    batch.push(`<si><t>${esc(t)}</t></si>`);
    if (batch.length === 1000) {
      strings.push(Buffer.from(batch.join(''), 'utf8'));
      batch = [];
    }
  }
  strings.push(Buffer.from(`${batch.join('')}</sst>`, 'utf8'));
  const part = (name: string, xml: string) => ({ name, data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`, 'utf8') });
  return writeZip([
    part(
      '[Content_Types].xml',
      `<Types xmlns="${NS}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
        `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    ),
    part('_rels/.rels', `<Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    part('xl/workbook.xml', `<workbook xmlns="${NS}/spreadsheetml/2006/main" xmlns:r="${NS}/officeDocument/2006/relationships"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    part(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${NS}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.concat(pieces) },
    { name: 'xl/sharedStrings.xml', data: Buffer.concat(strings) },
  ]);
}

/**
 * The workbook of `n` people as a file, made in a child process so that the memory spent making it
 * is not counted in the import's peak. Under ts-jest there is no compiled module to run: made here.
 */
function workbookFile(n: number, dir: string): string {
  const file = path.join(dir, `danh-sach-${n}.xlsx`);
  if (__filename.endsWith('.ts')) {
    fs.writeFileSync(file, benchWorkbook(n));
    return file;
  }
  const r = spawnSync(process.execPath, [__filename, WRITE_WORKBOOK, String(n), file], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`making the bench workbook failed (exit ${r.status ?? r.signal})`);
  return file;
}

const WRITE_WORKBOOK = '--write-bench-workbook';

// `node bench.js --write-bench-workbook <n> <file>`: the child process of workbookFile
if (require.main === module && process.argv[2] === WRITE_WORKBOOK) fs.writeFileSync(process.argv[4], benchWorkbook(Number(process.argv[3])));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** `dataDir`: where the scratch SQLite registry goes (default a temporary folder, removed after). */
export async function benchBeneficiaryImport(opts: { members?: number; annexRows?: number; runs?: number; dataDir?: string } = {}): Promise<BeneficiaryBench> {
  const members = opts.members ?? 100_000;
  const annexRows = opts.annexRows ?? 10_000;
  const runs = opts.runs ?? 3;
  const dir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-bench-lists-'));
  // a fresh SQLite registry, whatever DATABASE_URL says; the test-database guard protects real
  // registries, and a folder made here and removed after is none (a caller's folder keeps the guard)
  const loaded = loadConfig({ ...process.env, VANTHU_DATA: dir });
  const config = { ...loaded, databaseUrl: undefined, importOnStart: false, requireTestDatabase: opts.dataDir ? loaded.requireTestDatabase : false };
  const ds = await openDatabase(config);
  try {
    const agencies = new AgenciesService(ds);
    const officials = new OfficialsService(ds);
    const lists = new BeneficiaryListsService(ds, agencies, officials);

    await importRecordSet(ds, benchCommune('xa-do-nhap'));
    const big = fs.readFileSync(workbookFile(members, dir));
    const scope = await agencies.scope('xa-do-nhap');
    const t0 = performance.now();
    const summary = await lists.importWorkbook(scope, { bytes: big, list: 'ds-do', policy: 'bench' });
    const importMs = performance.now() - t0;
    const importRss = Math.round(process.resourceUsage().maxRSS / 1024);

    await importRecordSet(ds, benchCommune('xa-do-qd'));
    const qdScope = await agencies.scope('xa-do-qd');
    await lists.importWorkbook(qdScope, { bytes: benchWorkbook(annexRows), list: 'ds-qd', policy: 'bench' });
    const qd = await lists.draftDecision(qdScope, 'ds-qd');
    const render = new RenderService(agencies, officials, new DocumentsService(ds), new FigureSetsService(ds));
    const timed = async (format: 'docx' | 'pdf') => {
      let bytes = 0;
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        const [file] = await render.render('xa-do-qd', String(qd.id), [format]);
        times.push(performance.now() - t);
        bytes = file.bytes.length;
      }
      return { ms: median(times), min: Math.min(...times), bytes };
    };
    const docx = await timed('docx');
    const pdf = await timed('pdf');
    return {
      import: { members: summary.people, households: summary.counts.households.inserted, bytes: big.length, ms: importMs, peakRssMb: importRss },
      decision: { rows: annexRows, runs, docxMs: docx.ms, docxMinMs: docx.min, docxBytes: docx.bytes, pdfMs: pdf.ms, pdfMinMs: pdf.min, pdfBytes: pdf.bytes },
    };
  } finally {
    await ds.destroy();
    if (!opts.dataDir) fs.rmSync(dir, { recursive: true, force: true });
  }
}
