import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import PizZip from 'pizzip';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app';
import { runCli, type CliIo } from '../../src/cli';
import type { AgencyScope } from '../../src/registry/agency-scope';
import { AgencyEntity } from '../../src/registry/agency.entity';
import { DocumentEntity } from '../../src/registry/document.entity';
import type { DocumentRecord } from '../../src/registry/records/record-set';
import { importRecordSet } from '../../src/registry/records-import';
import { agencyRecord, officialRecord, outgoingPlan, recordSet } from '../factories';
import { testDatabase, type TestDatabase } from '../harness';

const onPg = Boolean(process.env.DATABASE_URL);

/** The text of an archived PDF (poppler) or DOCX (its document.xml without the tags). */
function documentText(bytes: Buffer, contentType: string): string {
  if (contentType === 'application/pdf') {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: bytes }).toString('utf8').normalize('NFC');
  }
  const xml = new PizZip(bytes).file('word/document.xml')?.asText() ?? '';
  return xml.replace(/<[^>]+>/g, '').normalize('NFC');
}

describe('issuing API and CLI', () => {
  let db: TestDatabase;
  let app: INestApplication<App>;
  let ds: DataSource;

  beforeAll(async () => {
    db = testDatabase();
    app = await createApp(db.config, { logger: false });
    await app.init();
    ds = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
    await db?.cleanup();
  });

  const http = (a: INestApplication<App> = app) => request(a.getHttpServer());

  async function commune(docs: Partial<DocumentRecord>[]): Promise<{ scope: AgencyScope; ids: number[]; codes: string[] }> {
    const agency = agencyRecord();
    const signer = officialRecord(agency.code, { name: 'Nguyễn Đình Huấn' });
    const records = docs.map((d) => outgoingPlan(agency.code, signer.code, { number: null, date: null, status: 'signed', ...d }));
    await importRecordSet(ds, recordSet({ agencies: [agency], officials: [signer], documents: records }));
    const a = await ds.getRepository(AgencyEntity).findOneByOrFail({ code: agency.code });
    const ids: number[] = [];
    for (const r of records) ids.push((await ds.getRepository(DocumentEntity).findOneByOrFail({ agencyId: a.id, code: r.code })).id);
    return { scope: { id: a.id, code: a.code }, ids, codes: records.map((r) => r.code) };
  }

  it('moves a draft through the workflow, freezes its content, issues it and serves its register line and file', async () => {
    const { scope, ids } = await commune([{ status: 'draft' }]);
    const id = ids[0];
    const post = (p: string, body: object) => http().post(`/api/documents/${id}/${p}`).set('X-Agency', scope.code).send(body);

    const illegal = await post('transitions', { to: 'approved' }).expect(409);
    expect(illegal.body).toMatchObject({ code: 'workflow.illegal_transition', message: expect.stringContaining('"draft" to "approved"') });
    expect(illegal.body.details.slice(0, 2)).toEqual([
      { path: 'from', message: 'draft' },
      { path: 'to', message: 'approved' },
    ]);

    expect((await post('transitions', { to: 'submitted' }).expect(200)).body).toMatchObject({ status: 'submitted', allowed: ['approved', 'draft'] });
    // frozen from "submitted" on
    const patch = await http().patch(`/api/documents/${id}`).set('X-Agency', scope.code).send({ title: 'Sửa sau khi trình' }).expect(409);
    expect(patch.body.code).toBe('document.frozen');
    await post('transitions', { to: 'approved' }).expect(200);
    expect((await post('issue', {}).expect(409)).body.code).toBe('workflow.illegal_transition');
    await post('transitions', { to: 'signed' }).expect(200);
    expect((await post('transitions', { to: 'issued' }).expect(409)).body.code).toBe('workflow.issue_required');

    const issued = await post('issue', {}).expect(201);
    expect(issued.body).toMatchObject({ status: 'issued', number: 1, reference: '01/KH-UBND', entry: { seq: 1 } });
    const file = issued.body.files[0];

    const register = await http().get('/api/register?year=' + issued.body.year).set('X-Agency', scope.code).expect(200);
    expect(register.body.map((e: { reference: string }) => e.reference)).toEqual(['01/KH-UBND']);
    expect(register.body[0]).toMatchObject({ signer: 'Nguyễn Đình Huấn', recipients: ['Lãnh đạo UBND xã'], archiveUnits: 'VT, KT', copies: 3 });

    const got = await http()
      .get(`/api/archive/files/${file.sha256}`)
      .set('X-Agency', scope.code)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(createHash('sha256').update(got.body as Buffer).digest('hex')).toBe(file.sha256);
    // the archived file is the document as issued: with its number, without the DỰ THẢO mark
    const text = documentText(got.body as Buffer, file.contentType);
    expect(text).toContain('01/KH-UBND');
    expect(text).not.toContain('DỰ THẢO');

    expect((await http().get('/api/archive/verify').set('X-Agency', scope.code).expect(200)).body).toMatchObject({ ok: true, problems: [] });
    const history = await http().get(`/api/documents/${id}/history`).set('X-Agency', scope.code).expect(200);
    expect(history.body.map((h: { to: string }) => h.to)).toEqual(['submitted', 'approved', 'signed', 'issued']);
  });

  it(`numbers 200 concurrent issue requests 1..200${onPg ? ' across two app instances' : ''}`, async () => {
    const { scope, ids } = await commune(Array.from({ length: 200 }, () => ({})));
    const second = onPg ? await createApp(db.config, { logger: false }) : app;
    if (second !== app) await second.init();
    try {
      const apps = [app, second];
      const res = await Promise.all(
        ids.map((id, i) => http(apps[i % apps.length]).post(`/api/documents/${id}/issue`).set('X-Agency', scope.code).send({})),
      );
      const failed = res.filter((r) => r.status !== 201).map((r) => r.body);
      expect(failed).toEqual([]);
      expect(res.map((r) => r.body.number).sort((a: number, b: number) => a - b)).toEqual(Array.from({ length: 200 }, (_v, i) => i + 1));
    } finally {
      if (second !== app) await second.close();
    }
    expect((await http().get('/api/archive/verify').set('X-Agency', scope.code).expect(200)).body.problems).toEqual([]);
  }, 300_000);

  it('runs issue, register export and archive verify/export from the CLI', async () => {
    const { scope, codes } = await commune([{}, {}]);
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (s) => out.push(s), err: (s) => err.push(s) };
    const env = { ...process.env };
    if (db.config.databaseSchema) process.env.VANTHU_DB_SCHEMA = db.config.databaseSchema;
    try {
      const cli = (...args: string[]) => runCli(['--data', db.config.dataDir, ...args], io);
      expect(await cli('issue', codes[0], '--agency', scope.code, '--json')).toBe(0);
      expect(JSON.parse(out.pop()!)).toMatchObject({ reference: '01/KH-UBND' });
      expect(await cli('issue', codes[1], '--agency', scope.code)).toBe(0);
      expect(out.join('\n')).toMatch(/issued as số 02\/KH-UBND/);
      expect(await cli('issue', codes[1], '--agency', scope.code)).toBe(1);
      expect(err.join('\n')).toMatch(/cannot go from "issued" to "issued"/);

      const xlsx = path.join(db.config.dataDir, 'exports', 'so.xlsx');
      const year = String(new Date(Date.now() + 7 * 3600e3).getUTCFullYear());
      expect(await cli('register', 'export', '--year', year, '--out', xlsx, '--agency', scope.code)).toBe(0);
      expect(fs.statSync(xlsx).size).toBeGreaterThan(0);
      const bag = path.join(db.config.dataDir, 'exports', 'bag');
      expect(await cli('archive', 'export', '--year', year, '--out', bag, '--agency', scope.code)).toBe(0);
      expect(fs.existsSync(path.join(bag, 'manifest-sha256.txt'))).toBe(true);

      expect(await cli('archive', 'verify', '--json')).toBe(0);
      expect(JSON.parse(out.pop()!).ok).toBe(true);

      // flip one byte of an archived file: exit 1 and the file named
      const [line] = (await http().get('/api/register').set('X-Agency', scope.code).expect(200)).body;
      const sha: string = line.files[0].sha256;
      const stored = path.join(db.config.dataDir, 'archive', 'sha256', sha.slice(0, 2), sha.slice(2));
      fs.chmodSync(stored, 0o644);
      const bytes = fs.readFileSync(stored);
      bytes[bytes.length - 1] ^= 0xff;
      fs.writeFileSync(stored, bytes);
      expect(await cli('archive', 'verify')).toBe(1);
      expect(out.join('\n')).toContain(`archive.file_tampered: sha256/${sha.slice(0, 2)}/${sha.slice(2)}: content changed`);
      expect(out.join('\n')).toContain(`${scope.code} entry 1 (01/KH-UBND)`);
    } finally {
      process.env = env;
    }
  }, 60_000);
});
