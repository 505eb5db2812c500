import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { openDatabase } from '../../src/database/data-source';
import { DocumentFiguresService } from '../../src/figure-sets/document-figures.service';
import { FigureSetsService } from '../../src/figure-sets/figure-sets.service';
import { AgenciesService } from '../../src/registry/agencies.service';
import { DocumentsService } from '../../src/registry/documents.service';
import { OfficialsService } from '../../src/registry/officials.service';
import { importRecordSet } from '../../src/registry/records-import';
import { loadRecords } from '../../src/registry/records/records-loader';
import { extractDocxParagraphs } from '../../src/render/docx/docx-text';
import { RenderService } from '../../src/render/render.service';
import { testDatabase, type TestDatabase } from '../harness';

/**
 * The seed plans' numbers, computed from records/ by the figures engine, equal what the seeds print;
 * and the rendered DOCX carries them where the seed has them. Expectations are the seeds' own text
 * (and, for what the seeds do not print, sums worked by hand in the comments).
 */

jest.setTimeout(60_000);

const ROOT = path.join(__dirname, '..', '..');
const seedText = (prefix: string): string[] => {
  const dir = path.join(ROOT, 'fixtures/seeds');
  const file = fs.readdirSync(dir).find((f) => f.startsWith(prefix))!;
  return fs
    .readFileSync(path.join(dir, file), 'utf8')
    .normalize('NFC')
    .split(/\r?\n/)
    .map((l) => l.replace(/\*/g, '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
};

describe('seed figures from records/', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let figures: DocumentFiguresService;
  let render: RenderService;

  beforeAll(async () => {
    db = testDatabase();
    ds = await openDatabase(db.config);
    await importRecordSet(ds, loadRecords(path.join(ROOT, 'records')));
    const agencies = new AgenciesService(ds);
    const documents = new DocumentsService(ds);
    const figureSets = new FigureSetsService(ds);
    figures = new DocumentFiguresService(agencies, documents, figureSets);
    render = new RenderService(agencies, new OfficialsService(ds), documents, figureSets);
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.cleanup();
  });

  const texts = async (agency: string, doc: string): Promise<Record<string, string>> =>
    Object.fromEntries((await figures.report(agency, doc)).figures.map((f) => [f.name, f.text]));

  it('seed 003 (Bách Quang): 41 hộ nghèo chiếm 0,6%, 23 = 56,1%, 19 = 11 + 3 + 5 by TDP', async () => {
    expect(await texts('bach-quang', 'kh-giup-do-ho-ngheo-2026')).toEqual({
      ho_ngheo: '41',
      tong_so_ho: '6.833',
      ty_le_ngheo: '0,6',
      ho_khong_kha_nang_ld: '23',
      ty_le_khong_kha_nang_ld: '56,1',
      chi_tieu_cuoi_nam: '27',
      ty_le_cuoi_nam: '0,4',
      giam_ty_le: '0,2',
      ho_tro_thoat_ngheo: '11',
      ho_tro_thoat_ngheo_theo_tdp: 'TDP Sau 2 hộ, TDP Kè 1 hộ, TDP Trước 1 hộ, TDP Cũ 1 hộ, TDP Cầu 1 hộ, TDP Tân Trung 1 hộ, TDP Làng Mới 1 hộ, TDP 2 hộ, TDP Tân Mỹ 1 1 hộ',
      tu_thoat_ngheo: '3',
      tu_thoat_ngheo_xay_nha: '2',
      tu_thoat_ngheo_thu_nhap: '1',
      len_can_ngheo: '5',
      len_can_ngheo_theo_tdp: 'TDP Kè 2 hộ, TDP Phú Thái 1 hộ, TDP Làng Mới 1 hộ, TDP Pha 1 hộ',
      du_kien_thoat_ngheo: '19',
    });
  });

  it('seed 002 (Thanh Thủy): 292 → 238, giảm 54, split over the thôn in the Phụ lục', async () => {
    const report = await figures.report('thanh-thuy', 'kh-giam-ngheo-2026');
    expect(Object.fromEntries(report.figures.map((f) => [f.name, f.text]))).toEqual({ ho_ngheo_cuoi_2025: '292', ho_ngheo_cuoi_2026: '238', giam_ho_ngheo: '54' });
    // 54 over 41 36 33 30 29 28 27 25 23 20 (= 292): floors 7 6 6 5 5 5 4 4 4 3 (49); the 5 left go to
    // the remainders ,99 (Thôn 7) ,70 (10) ,66 (2) ,62 (8) ,58 (1)
    expect(report.tables.giam_ho_ngheo.rows.map((r) => r.cells.quota)).toEqual(['8', '7', '6', '5', '5', '5', '5', '5', '4', '4', '54']);
  });

  it('seed 001 (Cát Hải): quy mô 73 người and the budget that follows from the policy record', async () => {
    // 73 members, 18 of them already receiving 700.000 đ: 6 months × (18 × 800.000 + 55 × 1.500.000)
    expect(await texts('cat-hai', 'kh-trien-khai-nq-04-2026')).toEqual({ quy_mo: '73', kinh_phi_du_kien: '581.400.000' });
  });

  it.each([
    ['003', 'bach-quang', 'kh-giup-do-ho-ngheo-2026', ['toàn phường có 41 hộ nghèo, chiếm 0,6%', 'giảm từ 0,6% xuống còn 0,4%', ': 19 hộ, trong đó:', 'TDP Sau 02 hộ', 'TDP Kè 02 hộ, TDP Phú Thái 01 hộ', 'Thực hiện hỗ trợ 11 hộ nghèo']],
    ['002', 'thanh-thuy', 'kh-giam-ngheo-2026', ['Phấn đấu giảm 54 hộ nghèo', 'Từ 292 hộ cuối năm 2025 xuống còn 238 hộ']],
    ['001', 'cat-hai', 'kh-trien-khai-nq-04-2026', ['(dự kiến): 73 người/năm.']],
  ])('seed %s renders the seed\'s own paragraphs where its figures are', async (prefix, agency, doc, needles) => {
    const [docx] = await render.render(agency, doc, ['docx']);
    // footnote marks (¹ in the seed text) are not part of the paragraph's words
    const words = (l: string): string => l.replace(/[¹²³⁴⁵⁶⁷⁸⁹⁰]/g, '').replace(/\s+/g, ' ').trim();
    const rendered = extractDocxParagraphs(docx.bytes).map(words);
    const seed = seedText(prefix).map(words);
    for (const needle of needles) {
      const fromSeed = seed.filter((l) => l.includes(needle));
      expect(fromSeed.length).toBeGreaterThan(0);
      for (const line of fromSeed) expect(rendered).toContain(line);
    }
  });
});
