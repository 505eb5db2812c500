import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app';
import { importRecordSet } from '../../src/registry/records-import';
import { communeRecords, figuresCommune } from '../factories';
import { testDatabase, type TestDatabase } from '../harness';

describe('figures API', () => {
  let db: TestDatabase;
  let app: INestApplication<App>;
  const commune = figuresCommune();
  const other = communeRecords();

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
  const ref = encodeURIComponent('128/KH-UBND');

  it('serves the figure table with provenance', async () => {
    const res = await http().get(`/api/documents/${ref}/figures`).set('X-Agency', commune.agency.code).expect(200);
    const names = res.body.figures.map((f: { name: string }) => f.name);
    expect(names).toEqual(['ho_ngheo', 'tong_so_ho', 'ty_le_ngheo', 'so_nguoi', 'kinh_phi_bhyt', 'giam_ngheo', 'tre_em', 'kinh_phi_thu_nhap']);
    // 400 + 267 households (worked by hand)
    expect(res.body.figures[1]).toMatchObject({ name: 'tong_so_ho', value: 667, formula: expect.any(String), sources: [expect.stringMatching(/^village:/), expect.stringMatching(/^village:/)] });
  });

  it('lists the renditions of a document with their figure digests', async () => {
    await http().get(`/api/documents/${ref}/render?format=html`).set('X-Agency', commune.agency.code).expect(200);
    const figures = await http().get(`/api/documents/${ref}/figures`).set('X-Agency', commune.agency.code).expect(200);
    const res = await http().get(`/api/documents/${ref}/renditions`).set('X-Agency', commune.agency.code).expect(200);
    expect(res.body).toEqual([expect.objectContaining({ format: 'html', figuresDigest: figures.body.digest, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
  });

  it('is scoped by agency: another agency has no such figures', async () => {
    const mine = await http().get(`/api/documents/${ref}/figures`).set('X-Agency', commune.agency.code).expect(200);
    const res = await http().get(`/api/documents/${mine.body.document.id}/figures`).set('X-Agency', other.agency.code).expect(404);
    expect(res.body.code).toBe('document.not_found');
  });

  it('answers 422 with every problem when a figure cannot be computed', async () => {
    const broken = figuresCommune();
    broken.plan.content!.figures!.ty_le_ngheo = { rate: ['ho_ngheo', 'khong_co'], decimals: 1 };
    await importRecordSet(app.get(DataSource), broken.set);
    const res = await http().get(`/api/documents/${ref}/figures`).set('X-Agency', broken.agency.code).expect(422);
    expect(res.body).toEqual({ code: 'figure.unknown', message: expect.stringContaining('khong_co'), details: [{ path: 'ty_le_ngheo', message: expect.stringContaining('"khong_co"'), key: 'figure.unknown' }] });
  });
});
