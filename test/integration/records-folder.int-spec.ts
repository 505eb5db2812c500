/**
 * The repository's records/ folder (the five seed agencies) through the import the CLI and
 * `npm start` use (RecordsService.importPath): all of it imports, a second import changes nothing,
 * an edited value updates one row, and a folder with a bad file reports file:line and imports
 * nothing. Runs on SQLite, and on PostgreSQL when DATABASE_URL is set.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { DomainError } from '../../src/common/domain-error';
import { openDatabase } from '../../src/database/data-source';
import { AgencyEntity } from '../../src/registry/agency.entity';
import { CitationEntity } from '../../src/registry/citation.entity';
import { DocumentEntity } from '../../src/registry/document.entity';
import { totalChanges } from '../../src/registry/records-import';
import { RecordsService } from '../../src/registry/records.service';
import { VillageEntity } from '../../src/registry/village.entity';
import { testDatabase, type TestDatabase } from '../harness';

const RECORDS = path.join(__dirname, '..', '..', 'records');
const AGENCIES = ['bach-quang', 'cat-hai', 'kim-thanh', 'tan-an', 'thanh-thuy', 'tu-ky'];

describe(`records/ folder on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`, () => {
  let db: TestDatabase;
  let ds: DataSource;
  let records: RecordsService;
  const copies: string[] = [];

  /** A copy of records/ with `edit` applied to one file's text. */
  function editedCopy(file: string, edit: (text: string) => string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-records-'));
    copies.push(dir);
    fs.cpSync(RECORDS, dir, { recursive: true });
    const target = path.join(dir, file);
    const before = fs.readFileSync(target, 'utf8');
    const after = edit(before);
    expect(after).not.toBe(before); // the edit found what it changes
    fs.writeFileSync(target, after);
    return dir;
  }

  async function counts(): Promise<Record<string, number>> {
    return {
      agencies: await ds.getRepository(AgencyEntity).count(),
      documents: await ds.getRepository(DocumentEntity).count(),
      citations: await ds.getRepository(CitationEntity).count(),
      villages: await ds.getRepository(VillageEntity).count(),
    };
  }

  beforeAll(async () => {
    db = testDatabase();
    ds = await openDatabase(db.config);
    records = new RecordsService(ds, db.config);
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.cleanup();
    copies.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
  });

  it('reports a bad file with file:line, every problem at once, and imports nothing', async () => {
    const bad = editedCopy(path.join('bach-quang', 'bach-quang.yaml'), (t) =>
      t.replace('date: "2026-02-13"', 'date: "2026-02-31"').replace('official: nguyen-duc-giang,', 'official: nguyen-duc-gian,'),
    );
    fs.writeFileSync(path.join(bad, 'tu-ky', 'tu-ky.yaml'), fs.readFileSync(path.join(bad, 'tu-ky', 'tu-ky.yaml'), 'utf8').replace('    placeName: Tứ Kỳ', '    placename: Tứ Kỳ'));
    const error = await records.importPath(bad).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    const details = (error as DomainError).details.map((d) => `${d.path}: ${d.message}`);
    const lineOf = (file: string, text: string) => fs.readFileSync(path.join(bad, file), 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;
    const bq = path.join('bach-quang', 'bach-quang.yaml');
    const tk = path.join('tu-ky', 'tu-ky.yaml');
    expect(details).toEqual([
      expect.stringMatching(new RegExp(`^${bq}:${lineOf(bq, '"2026-02-31"')}:\\d+ documents\\.0\\.date: no such calendar date$`)),
      expect.stringMatching(new RegExp(`^${bq}:${lineOf(bq, 'nguyen-duc-gian,')}:\\d+ documents\\.2\\.content\\.signature\\.official: unknown official nguyen-duc-gian`)),
      expect.stringMatching(new RegExp(`^${tk}:${lineOf(tk, '- code: tu-ky')}:\\d+ agencies\\.0\\.placeName: `)),
      expect.stringMatching(new RegExp(`^${tk}:${lineOf(tk, 'placename:')}:\\d+ agencies\\.0\\.placename: unknown field "placename"$`)),
    ]);
    expect(await counts()).toEqual({ agencies: 0, documents: 0, citations: 0, villages: 0 });
  });

  it('imports the five agencies with their documents and citations, each scoped to its agency', async () => {
    const first = await records.importPath(RECORDS);
    expect(first.agencies).toEqual({ inserted: AGENCIES.length, updated: 0, unchanged: 0 });
    const agencies = await ds.getRepository(AgencyEntity).find({ order: { code: 'ASC' } });
    expect(agencies.map((a) => a.code)).toEqual(AGENCIES);
    // the Nghị quyết 04/2026 of HĐND Hải Phòng is cited by two agencies: one row in each registry
    const nq04 = await ds.getRepository(DocumentEntity).findBy({ code: 'nq-04-2026-hdnd-hp' });
    const agencyCode = new Map(agencies.map((a) => [a.id, a.code]));
    expect(nq04.map((d) => agencyCode.get(d.agencyId)).sort()).toEqual(['cat-hai', 'kim-thanh', 'tan-an']);
    // every citation links two documents of the same agency
    const docs = new Map((await ds.getRepository(DocumentEntity).find()).map((d) => [d.id, d]));
    const citations = await ds.getRepository(CitationEntity).find();
    expect(citations.length).toBeGreaterThan(0);
    for (const c of citations) {
      expect([docs.get(c.fromDocumentId)?.agencyId, docs.get(c.toDocumentId)?.agencyId]).toEqual([c.agencyId, c.agencyId]);
    }
    const seeds = [...docs.values()].filter((d) => d.seed).map((d) => d.seed?.slice(0, 3));
    expect(seeds.sort()).toEqual(['000', '001', '002', '003', '004']);
  });

  it('changes nothing on a second import', async () => {
    const before = await counts();
    expect(totalChanges(await records.importPath(RECORDS))).toBe(0);
    expect(await counts()).toEqual(before);
  });

  it('updates the one row whose value was edited', async () => {
    const edited = editedCopy(path.join('cat-hai', 'cat-hai.yaml'), (t) => t.replace('hồ sơ và tri trả cho các đối tượng', 'hồ sơ và chi trả cho các đối tượng'));
    const summary = await records.importPath(edited);
    expect(totalChanges(summary)).toBe(1);
    expect(summary.documents.updated).toBe(1);
    const plan = await ds.getRepository(DocumentEntity).findOneByOrFail({ code: 'kh-trien-khai-nq-04-2026' });
    expect(JSON.stringify(plan.content)).toContain('hồ sơ và chi trả cho các đối tượng');
    expect(totalChanges(await records.importPath(RECORDS))).toBe(1); // and back
  });
});
