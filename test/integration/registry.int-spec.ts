import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { dataSourceOptions, openDatabase } from '../../src/database/data-source';
import { MemberEntity } from '../../src/beneficiaries/member.entity';
import { AgencyEntity } from '../../src/registry/agency.entity';
import { DocumentEntity } from '../../src/registry/document.entity';
import { importRecordSet, totalChanges } from '../../src/registry/records-import';
import { communeRecords, figuresCommune, recordSet } from '../factories';
import { testDatabase, type TestDatabase } from '../harness';

describe(`registry on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`, () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = testDatabase();
    ds = await openDatabase(db.config);
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.cleanup();
  });

  it('runs every migration on a fresh database and none on the next open', async () => {
    const applied = await ds.query('SELECT name FROM migrations');
    expect(applied.length).toBeGreaterThan(0);
    const again = await openDatabase(db.config);
    try {
      expect(await again.showMigrations()).toBe(false);
    } finally {
      await again.destroy();
    }
  });

  it('never resets a document the app has moved on: re-importing records keeps its number, date, status and text', async () => {
    const { set, plan } = communeRecords();
    plan.status = 'signed';
    plan.number = null;
    plan.date = null;
    await importRecordSet(ds, set);
    const repo = ds.getRepository(DocumentEntity);
    const row = await repo.findOneByOrFail({ code: plan.code });
    // what the issue step does: number, date, status
    await repo.update(row.id, { status: 'issued', number: 7, date: '2026-06-02' });
    const edited = structuredClone(set);
    edited.documents.find((d) => d.code === plan.code)!.content!.body.push({ p: 'Đoạn thêm sau khi ban hành.' });
    edited.documents.find((d) => d.code === plan.code)!.notes = ['ghi chú mới'];
    const again = await importRecordSet(ds, edited);
    expect(again.documents).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
    const after = await repo.findOneByOrFail({ code: plan.code });
    expect([after.status, after.number, after.date, after.content]).toEqual(['issued', 7, '2026-06-02', row.content]);
    // what is not part of the issued text still follows the records
    expect(after.notes).toEqual(['ghi chú mới']);
  });

  it('keeps the personal details a record leaves out (filled in by a list import), and updates those it gives', async () => {
    const { set, agency } = figuresCommune();
    await importRecordSet(ds, set);
    const repo = ds.getRepository(MemberEntity);
    const m1 = await repo.findOneByOrFail({ code: `${agency.code}-m1` });
    await repo.update(m1.id, { idNumber: '031234567890', birthDate: '2015-03-04' });
    expect(totalChanges(await importRecordSet(ds, set))).toBe(0);
    expect(await repo.findOneByOrFail({ id: m1.id })).toMatchObject({ idNumber: '031234567890', birthDate: '2015-03-04' });
    const edited = structuredClone(set);
    edited.households[0].members[0].idNumber = '031234567891';
    await importRecordSet(ds, edited);
    expect(await repo.findOneByOrFail({ id: m1.id })).toMatchObject({ idNumber: '031234567891', birthDate: '2015-03-04' });
  });

  it('imports records, changes nothing on a second import, and updates an edited value', async () => {
    const { set, agency, plan } = communeRecords();
    const first = await importRecordSet(ds, set);
    expect(first.agencies).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    expect(first.documents).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(first.citations).toEqual({ inserted: 1, updated: 0, unchanged: 0 });

    expect(totalChanges(await importRecordSet(ds, set))).toBe(0);

    const edited = structuredClone(set);
    edited.documents.find((d) => d.code === plan.code)!.title = 'Tiêu đề đã sửa';
    const third = await importRecordSet(ds, edited);
    expect(third.documents).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
    const row = await ds.getRepository(DocumentEntity).findOneByOrFail({ code: plan.code });
    expect(row.title).toBe('Tiêu đề đã sửa');
    expect(await ds.getRepository(AgencyEntity).countBy({ code: agency.code })).toBe(1);
  });

  it('imports all or nothing: a failure half-way leaves the database as it was', async () => {
    const { set, agency } = communeRecords();
    const broken = recordSet({
      ...set,
      documents: [...set.documents, { ...set.documents[1], code: 'kh-broken', citations: ['does-not-exist'] }],
    });
    await expect(importRecordSet(ds, broken)).rejects.toThrow(/does-not-exist/);
    expect(await ds.getRepository(AgencyEntity).countBy({ code: agency.code })).toBe(0);
  });

  it('stores Vietnamese text and JSON content unchanged', async () => {
    const { set, plan } = communeRecords();
    await importRecordSet(ds, set);
    const row = await ds.getRepository(DocumentEntity).findOneByOrFail({ code: plan.code });
    expect(row.content).toEqual(plan.content);
    expect(row.issuer).toBe(plan.issuer);
  });

  it('refuses a database whose name lacks "test"', () => {
    const config = {
      ...loadConfig({ ...process.env, VANTHU_DATA: '/var/lib/vanthu-prod' }),
      databaseUrl: process.env.DATABASE_URL?.replace(/\/[^/]*$/, '/vanthu'),
      requireTestDatabase: true,
    };
    expect(() => dataSourceOptions(config)).toThrow(/must contain "test"/);
  });
});
