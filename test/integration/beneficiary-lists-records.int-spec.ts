import ExcelJS from 'exceljs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { BeneficiaryListsService } from '../../src/beneficiaries/beneficiary-lists.service';
import { openDatabase } from '../../src/database/data-source';
import { FigureSetsService } from '../../src/figure-sets/figure-sets.service';
import { AgenciesService } from '../../src/registry/agencies.service';
import { DocumentsService } from '../../src/registry/documents.service';
import { OfficialsService } from '../../src/registry/officials.service';
import { importRecordSet } from '../../src/registry/records-import';
import { loadRecords } from '../../src/registry/records/records-loader';
import { extractDocxParagraphs } from '../../src/render/docx/docx-text';
import { RenderService } from '../../src/render/render.service';
import { wordsToNumber } from '../../src/vi/money-words';
import { testDatabase, type TestDatabase } from '../harness';

const ROOT = path.join(__dirname, '..', '..');

/**
 * A list for đặc khu Cát Hải on the records/ folder as it is: its members (recorded without ID
 * numbers) are found by household and name and get the list's numbers; its NQ 04 policy tops each
 * person up to 1.500.000 đ/tháng minus the allowance already received (an unconfirmed rule and value,
 * records/cat-hai); its Phó Chủ tịch signs the QĐ.
 */
describe(`a beneficiary list on the records/ folder: Cát Hải (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = testDatabase();
    ds = await openDatabase(db.config);
    await importRecordSet(ds, loadRecords(path.join(ROOT, 'records')));
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.cleanup();
  });

  async function workbook(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.addRow(['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Số CCCD', 'Thôn', 'Mã hộ', 'Đối tượng', 'Trợ cấp đang hưởng (đồng/tháng)']);
    // synthetic ID numbers; the names are the records' placeholders ("Thành viên số 01" …)
    ws.addRow([1, 'Thành viên số 01', 2016, 'Nam', '031216000001', 'Thôn 1', 'CH-HO-01', 'Hộ nghèo', null]);
    ws.addRow([2, 'Thành viên số 02', 1948, 'Nữ', '031148000002', 'Thôn 1', 'CH-HO-01', 'Hộ nghèo', null]);
    ws.addRow([3, 'Thành viên số 03', 1975, 'Nam', '031075000003', 'Thôn 1', 'CH-HO-01', 'Hộ nghèo', null]);
    ws.addRow([4, 'Thành viên số 04', 1960, 'Nữ', '031160000004', 'Thôn 2', 'CH-HO-02', 'Hộ cận nghèo', '700.000']);
    ws.addRow([5, 'Thành viên số 05', 2019, 'Nam', '031219000005', 'Thôn 2', 'CH-HO-02', 'Hộ cận nghèo', null]);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('fills the recorded members\' ID numbers, and its QĐ states the top-up, the total and the words', async () => {
    const agencies = new AgenciesService(ds);
    const lists = new BeneficiaryListsService(ds, agencies, new OfficialsService(ds));
    const scope = await agencies.scope('cat-hai');
    const s = await lists.importWorkbook(scope, { bytes: await workbook(), list: 'ds-nq04-2026', policy: 'nq04-ho-tro-thu-nhap', fromMonth: '2026-07', toMonth: '2026-12' });
    expect(s.counts).toMatchObject({ households: { inserted: 0, unchanged: 2 }, members: { inserted: 0, updated: 5 }, entries: { inserted: 5 } });
    const detail = await lists.get(scope, 'ds-nq04-2026');
    expect(detail.entries.map((e) => [e.member, e.idNumber])).toEqual([
      ['ch-tv-01', '031216000001'],
      ['ch-tv-02', '031148000002'],
      ['ch-tv-03', '031075000003'],
      ['ch-tv-04', '031160000004'],
      ['ch-tv-05', '031219000005'],
    ]);

    const qd = await lists.draftDecision(scope, 'ds-nq04-2026');
    const render = new RenderService(agencies, new OfficialsService(ds), new DocumentsService(ds), new FigureSetsService(ds));
    const [docx] = await render.render('cat-hai', String(qd.id), ['docx']);
    const text = extractDocxParagraphs(docx.bytes).join('\n');
    // by hand: four people at 1.500.000 and one at 1.500.000 − 700.000 = 800.000, for six months:
    // (4 × 1.500.000 + 800.000) × 6 = 40.800.000
    expect(text).toContain('Điều 1. Phê duyệt danh sách 5 người thuộc hộ nghèo và hộ cận nghèo (2 hộ) trên địa bàn đặc khu Cát Hải');
    expect(text).toContain('bằng mức chuẩn 1.500.000 đồng/người/tháng trừ các khoản trợ cấp đang hưởng');
    expect(text).toContain('Tổng kinh phí: 40.800.000 đồng');
    expect(wordsToNumber(/Bằng chữ: ([^)]+)\)/.exec(text)![1])).toBe(40_800_000n);
    expect(text).toContain('Căn cứ Kế hoạch số 187/KH-UBND ngày 21/5/2026 của Ủy ban nhân dân thành phố Hải Phòng');
    expect(text).toMatch(/KT\. CHỦ TỊCH[\s|]+PHÓ CHỦ TỊCH/);
    // the annex row, one cell per paragraph: the year only where the list gives only the year
    expect(text).toContain(['4', 'Thành viên số 04', '1960', 'Thôn 2', 'Hộ cận nghèo', '800.000', '6', '4.800.000'].join('\n'));
  });
});
