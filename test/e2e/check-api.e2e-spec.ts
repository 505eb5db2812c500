import type { INestApplication } from '@nestjs/common';
import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { DOC_MODEL_FIXTURES } from '../../fixtures/docmodels';
import { createApp } from '../../src/app';
import { importRecordSet } from '../../src/registry/records-import';
import { renderDocx } from '../../src/render/docx/docx-renderer';
import { renderPdf } from '../../src/render/pdf/pdf-renderer';
import { communeRecords, incomingDocument, recordSet } from '../factories';
import { testDatabase, type TestDatabase } from '../harness';

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, '..', '..');
const SEEDS = path.join(ROOT, 'fixtures/seeds');
const seedName = (prefix: string) => fs.readdirSync(SEEDS).find((f) => f.startsWith(prefix)) as string;
const seedText = (prefix: string) => fs.readFileSync(path.join(SEEDS, seedName(prefix)), 'utf8');
const lineOf = (text: string, needle: string) => text.normalize('NFC').split(/\r\n|\r|\n/).findIndex((l) => l.includes(needle)) + 1;

interface Finding {
  code: string;
  severity: string;
  line: number;
  expected?: string;
  actual?: string;
}

describe('POST /api/check', () => {
  let db: TestDatabase;
  let app: INestApplication<App>;
  const a = communeRecords();
  // the same resolution, registered by another commune with another date
  const b = communeRecords();
  const bNq = incomingDocument(b.agency.code, { code: b.nq.code, date: '2026-04-24' });

  beforeAll(async () => {
    db = testDatabase();
    app = await createApp(db.config, { logger: false });
    await app.init();
    const ds = app.get(DataSource);
    await importRecordSet(ds, a.set);
    await importRecordSet(ds, recordSet({ ...b.set, documents: [bNq, b.plan] }));
  });

  afterAll(async () => {
    await app?.close();
    await db?.cleanup();
  });

  const http = () => request(app.getHttpServer());
  const codes = (body: { files: { findings: Finding[] }[] }, i = 0) => body.files[i].findings.map((f) => f.code);

  it('is in the OpenAPI document', async () => {
    const res = await http().get('/api/docs/json').expect(200);
    expect(Object.keys(res.body.paths)).toContain('/api/check');
  });

  it('checks a document sent as JSON { filename, text } and answers the check --json shape', async () => {
    const text = seedText('000');
    const res = await http().post('/api/check').send({ filename: seedName('000'), text }).expect(200);
    expect(Object.keys(res.body)).toEqual(['files']);
    expect(res.body.files.map((f: object) => Object.keys(f))).toEqual([['file', 'findings']]);
    expect(res.body.files[0].file).toBe(seedName('000'));
    for (const f of res.body.files[0].findings) {
      expect(Object.keys(f).filter((k) => !['expected', 'actual'].includes(k))).toEqual(['code', 'severity', 'message', 'line', 'excerpt']);
    }
    expect(res.body.files[0].findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'date.range_reversed', severity: 'error', line: lineOf(text, 'đến hết ngày 01/6/2025') })]),
    );
  });

  it('checks uploaded .txt, .md, .docx and .pdf files in the field "file", in the order sent', async () => {
    const qd = DOC_MODEL_FIXTURES.find((f) => f.name === 'qd-phe-duyet');
    if (!qd) throw new Error('docmodel fixture qd-phe-duyet missing');
    const res = await http()
      .post('/api/check')
      .attach('file', Buffer.from(seedText('003')), seedName('003'))
      .attach('file', path.join(ROOT, 'fixtures/check/docs/c22-clean-qd.md'))
      .attach('file', renderDocx(qd.model), 'qd.docx')
      .attach('file', Buffer.from(await renderPdf(qd.model)), 'qd.pdf')
      .expect(200);
    expect(res.body.files.map((f: { file: string }) => f.file)).toEqual([seedName('003'), 'c22-clean-qd.md', 'qd.docx', 'qd.pdf']);
    expect(codes(res.body, 0)).toContain('period.invalid');
    for (const i of [1, 2, 3]) expect(res.body.files[i].findings.filter((f: Finding) => f.severity === 'error')).toEqual([]);
  });

  it('keeps a Vietnamese file name', async () => {
    const res = await http().post('/api/check').attach('file', Buffer.from('Không có gì.'), 'kế-hoạch.txt').expect(200);
    expect(res.body.files[0].file).toBe('kế-hoạch.txt');
  });

  it('checks citations against the registry of the agency in X-Agency, and only then', async () => {
    const text = 'Căn cứ Nghị quyết số 04/2026/NQ-HĐND ngày 20/4/2026 của Hội đồng nhân dân thành phố Hải Phòng;\n\nCăn cứ Quyết định số 77/QĐ-UBND ngày 02/3/2026.';
    const mine = await http().post('/api/check').set('X-Agency', a.agency.code).send({ filename: 'a.txt', text }).expect(200);
    expect(mine.body.files[0].findings.map((f: Finding) => [f.code, f.line])).toEqual([['citation.unknown', 3]]);
    const other = await http().post('/api/check').set('X-Agency', b.agency.code).send({ filename: 'a.txt', text }).expect(200);
    expect(other.body.files[0].findings.map((f: Finding) => [f.code, f.expected, f.actual])).toEqual([
      ['citation.mismatch', '24/4/2026', '20/4/2026'],
      ['citation.unknown', undefined, '77/QĐ-UBND'],
    ]);
    const none = await http().post('/api/check').send({ filename: 'a.txt', text }).expect(200);
    expect(none.body.files[0].findings).toEqual([]);
  });

  it('404s an unknown agency', async () => {
    const res = await http().post('/api/check').set('X-Agency', 'khong-co').send({ text: 'x' }).expect(404);
    expect(res.body.code).toBe('agency.not_found');
  });

  it('checks several documents together (a list of { filename, text })', async () => {
    const dir = path.join(ROOT, 'fixtures/check/sets/s03-citation-peers');
    const body = fs.readdirSync(dir).map((f) => ({ filename: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
    const res = await http().post('/api/check').send(body).expect(200);
    const qd = res.body.files.find((f: { file: string }) => f.file === 'qd-70.txt');
    expect(qd.findings.filter((f: Finding) => f.code === 'citation.mismatch').map((f: Finding) => f.expected)).toEqual(['08/2026/NQ-HĐND', '10/3/2026']);
  });

  it('reports every file that cannot be checked at once', async () => {
    const unsupported = await http()
      .post('/api/check')
      .attach('file', Buffer.from('x'), 'a.odt')
      .attach('file', Buffer.from('y'), 'b.rtf')
      .attach('file', Buffer.from('Không có gì.'), 'c.txt')
      .expect(400);
    expect(unsupported.body).toEqual({
      code: 'check.unsupported',
      message: expect.any(String),
      details: [
        { path: 'a.odt', message: expect.stringContaining('.odt'), key: 'check.unsupported' },
        { path: 'b.rtf', message: expect.stringContaining('.rtf'), key: 'check.unsupported' },
      ],
    });
    const broken = await http().post('/api/check').attach('file', Buffer.from('not a zip'), 'hong.docx').attach('file', Buffer.from('x'), 'a.odt').expect(422);
    expect(broken.body.code).toBe('check.unreadable');
    expect(broken.body.details.map((d: { path: string }) => d.path)).toEqual(['hong.docx', 'a.odt']);
  });

  it('400s an empty request and a body without text', async () => {
    expect((await http().post('/api/check').expect(400)).body.code).toBe('check.no_input');
    const bad = await http().post('/api/check').send({ filename: 'a.txt' }).expect(400);
    expect(bad.body.code).toBe('validation.failed');
  });
});
