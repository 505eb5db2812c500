import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app';
import { AgencyEntity } from '../../src/registry/agency.entity';
import { DocumentEntity } from '../../src/registry/document.entity';
import type { DocumentRecord } from '../../src/registry/records/record-set';
import { importRecordSet } from '../../src/registry/records-import';
import { officialRecord, recordSet } from '../factories';
import { testDatabase, type TestDatabase } from '../harness';
import { approvedPlan, makeSigningKit, signingAgency, type SigningKit } from '../signing-support/signing-kit';
import { AGENCY_NAME, LEADER_NAME } from '../signing-support/test-pki';

const b64 = (file: string) => fs.readFileSync(file).toString('base64');

/** A response body as bytes (supertest parses only text and JSON by itself). */
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('signing API', () => {
  let db: TestDatabase;
  let app: INestApplication<App>;
  let ds: DataSource;
  let kit: SigningKit;

  beforeAll(async () => {
    db = testDatabase();
    app = await createApp(db.config, { logger: false });
    await app.init();
    ds = app.get(DataSource);
    kit = makeSigningKit();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await db?.cleanup();
    kit?.cleanup();
  });

  const http = () => request(app.getHttpServer());

  async function commune(docs: Partial<DocumentRecord>[]): Promise<{ agency: string; leader: string; other: string; ids: number[] }> {
    const { agency, leader } = signingAgency();
    const other = officialRecord(agency.code, { name: 'Trần Văn Khác', position: 'Chủ tịch' });
    const records = docs.map((d) => approvedPlan(agency.code, leader.code, d));
    await importRecordSet(ds, recordSet({ agencies: [agency], officials: [leader, other], documents: records }));
    const a = await ds.getRepository(AgencyEntity).findOneByOrFail({ code: agency.code });
    const ids: number[] = [];
    for (const r of records) ids.push((await ds.getRepository(DocumentEntity).findOneByOrFail({ agencyId: a.id, code: r.code })).id);
    return { agency: agency.code, leader: leader.code, other: other.code, ids };
  }

  const leaderBody = (official: string) => ({ official, p12: b64(kit.pki.leader.p12Path), passphrase: kit.pki.leader.passphrase, image: b64(kit.signatureImage) });
  const sealBody = () => ({ p12: b64(kit.pki.agency.p12Path), passphrase: kit.pki.agency.passphrase, image: b64(kit.sealImage) });

  it('signs, seals at issue, serves both files and verifies the issued PDF', async () => {
    const { agency, leader, ids } = await commune([{}]);
    const id = ids[0];
    const post = (p: string, body: object) => http().post(`/api/documents/${id}/${p}`).set('X-Agency', agency).send(body);

    const signed = await post('sign', leaderBody(leader)).expect(201);
    expect(signed.body).toMatchObject({ status: 'signed', signature: { role: 'leader', signer: LEADER_NAME, official: leader }, file: { role: 'leader-signed' } });
    expect((await http().get(`/api/documents/${id}/workflow`).set('X-Agency', agency).expect(200)).body).toMatchObject({ status: 'signed', allowed: ['issued'] });
    // the leader-signed file is served before issue
    const leaderFile = await http().get(`/api/archive/files/${signed.body.file.sha256}`).set('X-Agency', agency).buffer(true).parse(binary).expect(200);
    expect(leaderFile.headers['content-type']).toMatch(/application\/pdf/);
    expect(createHash('sha256').update(leaderFile.body as Buffer).digest('hex')).toBe(signed.body.file.sha256);
    // … and not to another agency
    const stranger = await commune([{}]);
    await http().get(`/api/archive/files/${signed.body.file.sha256}`).set('X-Agency', stranger.agency).expect(404);

    expect((await post('sign', leaderBody(leader)).expect(409)).body.code).toBe('workflow.illegal_transition');
    expect((await post('issue', {}).expect(409)).body.code).toBe('signing.seal_required');

    const issued = await post('issue', { seal: sealBody() }).expect(201);
    expect(issued.body).toMatchObject({ status: 'issued', number: 1, reference: '01/KH-UBND' });
    expect(issued.body.files.map((f: { role: string }) => f.role)).toEqual(['issued', 'leader-signed']);
    expect(issued.body.signatures.map((s: { role: string; signer: string }) => [s.role, s.signer])).toEqual([
      ['leader', LEADER_NAME],
      ['agency', AGENCY_NAME],
    ]);

    const sigs = await http().get(`/api/documents/${id}/signatures`).set('X-Agency', agency).expect(200);
    expect(sigs.body.map((s: { role: string; file: { sha256: string } }) => [s.role, s.file.sha256])).toEqual([
      ['leader', signed.body.file.sha256],
      ['agency', issued.body.files[0].sha256],
    ]);
    const register = await http().get('/api/register').set('X-Agency', agency).expect(200);
    expect(register.body[0].files.map((f: { sha256: string }) => f.sha256)).toEqual(issued.body.files.map((f: { sha256: string }) => f.sha256));

    const pdf = await http().get(`/api/archive/files/${issued.body.files[0].sha256}`).set('X-Agency', agency).buffer(true).parse(binary).expect(200);
    const verified = await http().post('/api/verify').set('X-Agency', agency).set('Content-Type', 'application/pdf').send(pdf.body as Buffer).expect(200);
    expect(verified.body).toMatchObject({
      ok: true,
      sha256: issued.body.files[0].sha256,
      register: { status: 'found', matches: [{ agency, reference: '01/KH-UBND', role: 'issued' }] },
      drift: { checked: true, drift: false },
    });
    expect(verified.body.signatures.map((s: { role: string; valid: boolean; covers: { wholeFile: boolean } }) => [s.role, s.valid, s.covers.wholeFile])).toEqual([
      ['leader', true, false],
      ['agency', true, true],
    ]);
    // another agency's register does not hold it
    const elsewhere = await http().post('/api/verify').set('X-Agency', stranger.agency).set('Content-Type', 'application/pdf').send(pdf.body as Buffer).expect(200);
    expect(elsewhere.body).toMatchObject({ ok: false, register: { status: 'not_found' } });

    expect((await http().get('/api/archive/verify').set('X-Agency', agency).expect(200)).body).toMatchObject({ ok: true, problems: [] });
  }, 120_000);

  it('answers with coded errors: every bad field, wrong signer, wrong passphrase, seal before the leader, no PDF to verify', async () => {
    const { agency, leader, other, ids } = await commune([{}, { status: 'signed' }]);
    const post = (id: number, p: string, body: object) => http().post(`/api/documents/${id}/${p}`).set('X-Agency', agency).send(body);

    const invalid = await post(ids[0], 'sign', { official: '', p12: 'không phải base64!', image: 42, extra: 1 }).expect(400);
    expect(invalid.body.code).toBe('validation.failed');
    expect(invalid.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['(body)', 'image', 'official', 'p12', 'passphrase']);
    // no image sent and none stored for the official
    const noImage = await post(ids[0], 'sign', { ...leaderBody(leader), image: undefined }).expect(400);
    expect(noImage.body).toMatchObject({ code: 'signing.image_required', details: [{ path: 'image' }] });

    expect((await post(ids[0], 'sign', leaderBody(other)).expect(400)).body.code).toBe('signing.wrong_signer');
    expect((await post(ids[0], 'sign', { ...leaderBody(leader), passphrase: 'sai mật khẩu' }).expect(400)).body.code).toBe('signing.bad_passphrase');
    const foreignKey = { ...leaderBody(leader), p12: b64(kit.pki.agency.p12Path), passphrase: kit.pki.agency.passphrase };
    expect((await post(ids[0], 'sign', foreignKey).expect(422)).body.code).toBe('signing.certificate_mismatch');
    expect((await post(ids[0], 'issue', { seal: sealBody() }).expect(409)).body.code).toBe('signing.leader_signature_missing');
    // signed on paper: issued without a seal, never with one
    expect((await post(ids[1], 'issue', { seal: sealBody() }).expect(409)).body.code).toBe('signing.leader_signature_missing');
    expect((await post(ids[1], 'issue', {}).expect(201)).body).toMatchObject({ reference: '01/KH-UBND', signatures: [] });

    const none = await http().post('/api/verify').set('X-Agency', agency).send({ pdf: 'abc' }).expect(400);
    expect(none.body.code).toBe('verify.no_pdf');
    const notPdf = await http().post('/api/verify').set('X-Agency', agency).set('Content-Type', 'application/pdf').send(Buffer.from('không phải PDF')).expect(422);
    expect(notPdf.body.code).toBe('signing.bad_pdf');
    await http().post('/api/verify').set('Content-Type', 'application/pdf').send(Buffer.from('%PDF-1.7')).expect(400);
  }, 120_000);
});
