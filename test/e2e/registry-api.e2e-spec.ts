import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app';
import { importRecordSet } from '../../src/registry/records-import';
import { agencyRecord, communeRecords } from '../factories';
import { testDatabase, type TestDatabase } from '../harness';

describe('registry API', () => {
  let db: TestDatabase;
  let app: INestApplication<App>;
  const a = communeRecords();
  const b = communeRecords();

  beforeAll(async () => {
    db = testDatabase();
    app = await createApp(db.config, { logger: false });
    await app.init();
    const ds = app.get(DataSource);
    await importRecordSet(ds, a.set);
    await importRecordSet(ds, b.set);
  });

  afterAll(async () => {
    await app?.close();
    await db?.cleanup();
  });

  const http = () => request(app.getHttpServer());

  it('serves the OpenAPI document with the registry routes', async () => {
    const res = await http().get('/api/docs/json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/agencies', '/api/documents', '/api/documents/{id}', '/api/households']),
    );
  });

  it('lists agencies with their units and villages', async () => {
    const res = await http().get('/api/agencies').expect(200);
    const found = res.body.find((x: { code: string }) => x.code === a.agency.code);
    expect(found.units).toEqual(a.agency.units);
    expect(found.villages).toEqual(a.agency.villages);
  });

  it('scopes every document query by the agency header', async () => {
    const mine = await http().get('/api/documents').set('X-Agency', a.agency.code).expect(200);
    expect(mine.body.map((d: { code: string }) => d.code).sort()).toEqual([a.nq.code, a.plan.code].sort());

    const planId = mine.body.find((d: { code: string }) => d.code === a.plan.code).id;
    // the same id asked through another agency does not exist there
    const other = await http().get(`/api/documents/${planId}`).set('X-Agency', b.agency.code).expect(404);
    expect(other.body).toEqual({ code: 'document.not_found', message: expect.any(String), details: expect.any(Array) });
  });

  it('finds a document by its reference and lists its citations', async () => {
    const res = await http()
      .get(`/api/documents/${encodeURIComponent('128/KH-UBND')}`)
      .set('X-Agency', a.agency.code)
      .expect(200);
    expect(res.body.code).toBe(a.plan.code);
    expect(res.body.citations).toEqual([a.nq.code]);
    const cited = await http().get(`/api/documents/${res.body.id}/citations`).set('X-Agency', a.agency.code).expect(200);
    expect(cited.body.map((d: { code: string }) => d.code)).toEqual([a.nq.code]);
  });

  it('requires the agency header and names it when missing', async () => {
    const res = await http().get('/api/documents').expect(400);
    expect(res.body.code).toBe('agency.missing');
    expect(res.body.details[0].path).toBe('header x-agency');
  });

  it('404s an unknown agency and an unknown document with the one error shape', async () => {
    const res = await http().get('/api/documents').set('X-Agency', 'khong-co').expect(404);
    expect(res.body.code).toBe('agency.not_found');
    const doc = await http().get('/api/documents/999999').set('X-Agency', a.agency.code).expect(404);
    expect(doc.body.code).toBe('document.not_found');
  });

  it('lists every bad field of an input at once, with its path', async () => {
    const res = await http()
      .post('/api/documents')
      .set('X-Agency', a.agency.code)
      .send({ code: 'Bad Code', direction: 'sideways', year: 1800, date: '2026-02-31', citations: ['nope'] })
      .expect(400);
    expect(res.body.code).toBe('validation.failed');
    const paths = res.body.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(['code', 'direction', 'type', 'typeName', 'year', 'symbol', 'issuer', 'date', 'title']),
    );
  });

  it('reports unknown cited documents by their index', async () => {
    const res = await http()
      .post('/api/documents')
      .set('X-Agency', a.agency.code)
      .send({
        code: 'cv-1',
        direction: 'incoming',
        type: 'CV',
        typeName: 'Công văn',
        year: 2026,
        symbol: 'UBND-VP',
        issuer: 'UBND thành phố',
        title: 'Về việc rà soát',
        citations: [a.nq.code, 'khong-co'],
      })
      .expect(400);
    expect(res.body.details).toEqual([{ path: 'citations.1', message: expect.stringContaining('khong-co'), key: 'not_found' }]);
  });

  it('leaves the status, number and date of our own documents to the workflow, naming each field', async () => {
    const base = { direction: 'outgoing', type: 'KH', typeName: 'Kế hoạch', year: 2026, symbol: 'KH-UBND', issuer: 'UBND xã', title: 'Kế hoạch thử' };
    const made = await http().post('/api/documents').set('X-Agency', a.agency.code).send({ ...base, code: 'kh-tu-so', status: 'issued', number: 9, date: '2026-06-01' }).expect(400);
    expect(made.body).toEqual({ code: 'document.workflow_fields', message: expect.any(String), details: ['status', 'number', 'date'].map((path) => ({ path, message: expect.any(String), key: 'document.workflow_field' })) });
    await http().post('/api/documents').set('X-Agency', a.agency.code).send({ ...base, code: 'kh-nhap' }).expect(201);
    const patched = await http().patch('/api/documents/kh-nhap').set('X-Agency', a.agency.code).send({ number: 5 }).expect(400);
    expect(patched.body.details.map((d: { path: string }) => d.path)).toEqual(['number']);
    // a patch changes only what it names: a cited (incoming) document keeps its status
    const nq = await http().patch(`/api/documents/${a.nq.code}`).set('X-Agency', a.agency.code).send({ title: 'Tiêu đề đính chính' }).expect(200);
    expect(nq.body).toMatchObject({ title: 'Tiêu đề đính chính', status: 'issued', number: 4 });
  });

  it('normalises decomposed (NFD) input to NFC before storing it', async () => {
    const nfd = 'Ủy ban nhân dân xã Thủy Nguyên'.normalize('NFD');
    const agency = agencyRecord({ name: nfd, units: [], villages: [] });
    await http().post('/api/agencies').send(agency).expect(201);
    const res = await http().get(`/api/agencies/${agency.code}`).expect(200);
    expect(res.body.name).toBe('Ủy ban nhân dân xã Thủy Nguyên'.normalize('NFC'));
    expect(res.body.name).not.toBe(nfd);
  });

  it('creates a household with members and rejects an unknown village with every problem listed', async () => {
    const ok = await http()
      .post('/api/households')
      .set('X-Agency', a.agency.code)
      .send({ code: 'ho-1', village: 'thon-1', head: 'Trần Thị Mai', categories: { '2026-2030': 'nghèo' }, members: [{ code: 'tv-1', name: 'Trần Thị Mai', idNumber: '031234567890' }] })
      .expect(201);
    expect(ok.body.members).toHaveLength(1);
    const bad = await http()
      .post('/api/households')
      .set('X-Agency', a.agency.code)
      .send({ code: 'ho-1', village: 'thon-9', head: 'X', members: [{ code: 'tv-1', name: 'Y' }] })
      .expect(400);
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['code', 'members.0.code', 'village']);
  });
});
