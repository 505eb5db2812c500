import type { INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app';
import { importRecordSet } from '../../src/registry/records-import';
import { clerkWorkbook, listCommune, plantedErrorsWorkbook, syntheticPeople } from '../beneficiaries/list-fixtures';
import { testDatabase, type TestDatabase } from '../harness';

jest.setTimeout(60_000);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** supertest: collect a binary body as a Buffer */
function binary(res: request.Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('beneficiary lists API', () => {
  let db: TestDatabase;
  let app: INestApplication<App>;
  const commune = listCommune('xa-api-danh-sach');
  const other = listCommune('xa-api-khac');
  const people = syntheticPeople(30, 41, 90000);

  beforeAll(async () => {
    db = testDatabase();
    app = await createApp(db.config, { logger: false });
    await app.init();
    await importRecordSet(app.get(DataSource), commune.set);
    await importRecordSet(app.get(DataSource), other.set);
  });

  afterAll(async () => {
    await app?.close();
    await db?.cleanup();
  });

  const http = () => request(app.getHttpServer());
  const upload = (path: string, bytes: Buffer, agency = commune.agency.code, list = 'ds-api') =>
    http()
      .post(path)
      .set('X-Agency', agency)
      .field('list', list)
      .field('policy', commune.policy.code)
      .field('from', '2026-07')
      .field('to', '2026-12')
      .attach('file', bytes, { filename: 'danh sách.xlsx', contentType: XLSX });

  it('imports an uploaded workbook, idempotently', async () => {
    const bytes = await clerkWorkbook(people);
    const first = await upload('/api/beneficiary-lists/import', bytes).expect(201);
    expect(first.body).toMatchObject({ list: 'ds-api', people: 30, counts: { entries: { inserted: 30 } } });
    const again = await upload('/api/beneficiary-lists/import', bytes).expect(201);
    expect(again.body.changes).toBe(0);
    const list = await http().get('/api/beneficiary-lists').set('X-Agency', commune.agency.code).expect(200);
    expect(list.body).toEqual([expect.objectContaining({ code: 'ds-api', people: 30, status: 'active', decision: null })]);
  });

  it('answers a bad workbook with 422 and every bad cell; /check gives the error workbook', async () => {
    const { bytes, expected } = await plantedErrorsWorkbook(syntheticPeople(20, 42, 91000));
    const res = await upload('/api/beneficiary-lists/import', bytes, commune.agency.code, 'ds-api-loi').expect(422);
    expect(res.body.code).toBe('beneficiaries.import_invalid');
    expect(res.body.details.map((d: { path: string }) => d.path)).toEqual(expected.map((x) => expect.stringContaining(`dòng ${x.row}, cột ${x.column}`)));
    const json = await upload('/api/beneficiary-lists/check', bytes, commune.agency.code, 'ds-api-loi').expect(200);
    expect(json.body.problems).toHaveLength(expected.length);
    const file = await upload('/api/beneficiary-lists/check?format=xlsx', bytes, commune.agency.code, 'ds-api-loi').buffer(true).parse(binary).expect(200);
    expect(file.headers['content-type']).toContain(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Danh sách lỗi')!.rowCount).toBe(1 + expected.length);
    const lists = await http().get('/api/beneficiary-lists').set('X-Agency', commune.agency.code).expect(200);
    expect(lists.body.map((l: { code: string }) => l.code)).toEqual(['ds-api']);
  });

  it('lists every bad field of the form at once', async () => {
    const res = await http().post('/api/beneficiary-lists/import').set('X-Agency', commune.agency.code).field('list', 'Bad Code').field('from', '2026-13').expect(400);
    expect(res.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['file', 'from', 'list', 'policy']);
  });

  it('exports, drafts the QĐ (rendered at /api/documents), serves the posting list', async () => {
    const xlsx = await http().get('/api/beneficiary-lists/ds-api/export').set('X-Agency', commune.agency.code).buffer(true).parse(binary).expect(200);
    expect(xlsx.headers['content-type']).toContain(XLSX);
    const again = await upload('/api/beneficiary-lists/import', xlsx.body as Buffer).expect(201);
    expect(again.body.changes).toBe(0);

    const qd = await http().post('/api/beneficiary-lists/ds-api/decision').set('X-Agency', commune.agency.code).send({}).expect(201);
    expect(qd.body).toMatchObject({ code: 'qd-ds-api', status: 'draft' });
    const html = await http().get(`/api/documents/${qd.body.id}/render?format=html`).set('X-Agency', commune.agency.code).expect(200);
    expect(html.text).toContain('Phê duyệt danh sách 30 người');

    const posting = await http().get('/api/beneficiary-lists/ds-api/posting?format=html').set('X-Agency', commune.agency.code).expect(200);
    expect(posting.text).toContain('niêm yết công khai danh sách 30 người');
    for (const p of people) expect(posting.text).not.toContain(p.idNumber);
  });

  it('is scoped by agency', async () => {
    const res = await http().get('/api/beneficiary-lists/ds-api').set('X-Agency', other.agency.code).expect(404);
    expect(res.body.code).toBe('beneficiary list.not_found');
    await http().get('/api/beneficiary-lists/ds-api').set('X-Agency', commune.agency.code).expect(200);
  });
});
