import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { DataSource } from 'typeorm';
import { runCli, type CliIo } from '../../src/cli';
import { openDatabase } from '../../src/database/data-source';
import { AgencyEntity } from '../../src/registry/agency.entity';
import { DocumentEntity } from '../../src/registry/document.entity';
import type { DocumentRecord } from '../../src/registry/records/record-set';
import { importRecordSet } from '../../src/registry/records-import';
import { RenditionEntity } from '../../src/render/rendition.entity';
import { signaturesOf } from '../../src/signing/signature-ledger';
import { officialRecord, recordSet } from '../factories';
import { testDatabase, type TestDatabase } from '../harness';
import { approvedPlan, makeSigningKit, signingAgency, type SigningKit } from '../signing-support/signing-kit';
import { AGENCY_NAME, LEADER_NAME } from '../signing-support/test-pki';

const onPg = Boolean(process.env.DATABASE_URL);

/** Today in Vietnam (UTC+7, no daylight saving) read through Intl, not through the code under test. */
function vietnamToday(): { y: number; m: number; d: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(new Date());
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return { y: get('year'), m: get('month'), d: get('day') };
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']).toString('utf8').normalize('NFC');
}

describe(`vanthu sign / issue --p12 / verify, in-process on ${onPg ? 'PostgreSQL' : 'SQLite'}`, () => {
  let db: TestDatabase;
  let ds: DataSource;
  let kit: SigningKit;
  let out: string[];
  let err: string[];
  const env = { ...process.env };
  const io: CliIo = { out: (s) => out.push(s), err: (s) => err.push(s) };
  const cli = (...args: string[]) => runCli(['--data', db.config.dataDir, ...args], io);
  const json = <T = Record<string, unknown>>(): T => JSON.parse(out[out.length - 1]) as T;
  const stored = (sha: string) => path.join(db.config.dataDir, 'archive', 'sha256', sha.slice(0, 2), sha.slice(2));
  const scratch = (name: string) => path.join(db.config.dataDir, 'scratch', name);

  beforeAll(async () => {
    db = testDatabase();
    ds = await openDatabase(db.config);
    kit = makeSigningKit();
    fs.mkdirSync(path.join(db.config.dataDir, 'scratch'));
    if (db.config.databaseSchema) process.env.VANTHU_DB_SCHEMA = db.config.databaseSchema;
    process.env.LEADER_PASS = kit.pki.leader.passphrase;
  }, 60_000);

  afterAll(async () => {
    process.env = env;
    await ds?.destroy();
    await db?.cleanup();
    kit?.cleanup();
  });

  beforeEach(() => {
    out = [];
    err = [];
  });

  /** A commune whose names match the test certificates, with these documents (approved plans by default). */
  async function commune(docs: Partial<DocumentRecord>[]): Promise<{ agency: string; leader: string; other: string; codes: string[] }> {
    const { agency, leader } = signingAgency();
    const other = officialRecord(agency.code, { name: 'Trần Văn Khác', position: 'Chủ tịch' });
    const records = docs.map((d) => approvedPlan(agency.code, leader.code, d));
    await importRecordSet(ds, recordSet({ agencies: [agency], officials: [leader, other], documents: records }));
    return { agency: agency.code, leader: leader.code, other: other.code, codes: records.map((r) => r.code) };
  }

  async function statusOf(agency: string, code: string): Promise<string> {
    const a = await ds.getRepository(AgencyEntity).findOneByOrFail({ code: agency });
    return (await ds.getRepository(DocumentEntity).findOneByOrFail({ agencyId: a.id, code })).status;
  }

  const signAsLeader = (agency: string, code: string, official: string, ...extra: string[]) =>
    cli('sign', code, '--agency', agency, '--as', official, '--p12', kit.pki.leader.p12Path, '--pass-env', 'LEADER_PASS', '--image', kit.signatureImage, ...extra);
  const seal = (agency: string, code: string, ...extra: string[]) =>
    cli('sign', code, '--agency', agency, '--seal', '--p12', kit.pki.agency.p12Path, '--pass-file', kit.agencyPassFile, '--image', kit.sealImage, ...extra);

  interface SignJson {
    status: string;
    signature: { role: string; signer: string; official: string };
    file: { role: string; sha256: string; size: number };
  }
  interface IssueJson {
    reference: string;
    number: number;
    date: string;
    files: { role: string; sha256: string; size: number }[];
    signatures: { role: string; signer: string }[];
  }
  interface VerifyJson {
    ok: boolean;
    signatures: { field: string; role: string | null; valid: boolean; signer: string; covers: { wholeFile: boolean; revision: number; revisions: number; addedAfter: { subtype: string; text?: string }[]; pagesChangedAfter: number[] }; problems: string[] }[];
    register: { status: string; message: string; matches: { reference: string | null; role: string }[] };
    drift: { checked: boolean; reason?: string; drift?: boolean; figures?: unknown[] };
  }

  it('the leader signs, the agency signs at issue; the issued PDF carries number, date and both signatures, and verifies against the register', async () => {
    const { agency, leader, codes } = await commune([{}]);
    const [code] = codes;

    expect(await signAsLeader(agency, code, leader, '--json')).toBe(0);
    const signed = json<SignJson>();
    expect(signed).toMatchObject({ status: 'signed', signature: { role: 'leader', signer: LEADER_NAME, official: leader }, file: { role: 'leader-signed' } });
    expect(await statusOf(agency, code)).toBe('signed');
    const leaderFile = stored(signed.file.sha256);
    const leaderBytes = fs.readFileSync(leaderFile);
    expect(createHash('sha256').update(leaderBytes).digest('hex')).toBe(signed.file.sha256);
    // signed with the number and date still blank
    expect(pdfText(leaderFile)).toMatch(/Số:\s+\/KH-UBND/);
    // the rendered version the leader signed is kept with its figure set: the signed file starts
    // with exactly those rendered bytes
    const a = await ds.getRepository(AgencyEntity).findOneByOrFail({ code: agency });
    const docId = (await ds.getRepository(DocumentEntity).findOneByOrFail({ agencyId: a.id, code })).id;
    const [leaderSig] = await signaturesOf(ds.manager, a.id, docId);
    const rendition = await ds.getRepository(RenditionEntity).findOneByOrFail({ agencyId: a.id, documentId: docId, sha256: leaderSig.sourceSha256 });
    expect(createHash('sha256').update(leaderBytes.subarray(0, rendition.size)).digest('hex')).toBe(rendition.sha256);
    expect(rendition.format).toBe('pdf');

    // before issue it is archived, but it is not an issued document
    expect(await cli('verify', leaderFile, '--json')).toBe(1);
    expect(json<VerifyJson>()).toMatchObject({ ok: false, register: { status: 'found', matches: [{ reference: null, role: 'leader-signed' }] } });

    // the clerk cannot issue it without the agency's signature
    expect(await cli('issue', code, '--agency', agency)).toBe(1);
    expect(err.join('\n')).toMatch(/carries the leader's digital signature/);
    expect(await statusOf(agency, code)).toBe('signed');

    expect(await seal(agency, code, '--json')).toBe(0);
    const issued = json<IssueJson>();
    expect(issued.reference).toBe('01/KH-UBND');
    expect(issued.files.map((f) => f.role)).toEqual(['issued', 'leader-signed']);
    expect(issued.files[1].sha256).toBe(signed.file.sha256);
    expect(issued.signatures.map((s) => [s.role, s.signer])).toEqual([
      ['leader', LEADER_NAME],
      ['agency', AGENCY_NAME],
    ]);
    const issuedFile = stored(issued.files[0].sha256);
    const issuedBytes = fs.readFileSync(issuedFile);
    // an incremental update: the leader-signed file is the issued file's first bytes, unchanged
    expect(issuedBytes.subarray(0, leaderBytes.length).equals(leaderBytes)).toBe(true);
    const today = vietnamToday();
    const day = today.d < 10 ? `0${today.d}` : String(today.d);
    const month = today.m <= 2 ? `0${today.m}` : String(today.m);
    const text = pdfText(issuedFile);
    expect(text).toContain('Số: 01/KH-UBND');
    expect(text.replace(/\s+/g, ' ')).toContain(`ngày ${day} tháng ${month} năm ${today.y}`);

    expect(await cli('verify', issuedFile, '--json')).toBe(0);
    const v = json<VerifyJson>();
    expect(v.ok).toBe(true);
    expect(v.signatures.map((s) => [s.role, s.signer, s.valid, s.covers.wholeFile])).toEqual([
      ['leader', LEADER_NAME, true, false],
      ['agency', AGENCY_NAME, true, true],
    ]);
    // what was added after the leader signed: the number, the day, the month and the agency's signature
    expect(v.signatures[0].covers.addedAfter.map((a) => [a.subtype, a.text])).toEqual([
      ['Signature', 'Chữ ký số của cơ quan'],
      ['Stamp', 'Số văn bản (cấp khi ban hành): 01'],
      ['Stamp', `Ngày ban hành: ${day}`],
      ['Stamp', `Tháng ban hành: ${month}`],
    ]);
    expect(v.signatures[0].covers.pagesChangedAfter).toEqual([]);
    expect(v.signatures[1].covers.revision).toBe(v.signatures[1].covers.revisions);
    expect(v.signatures[0].covers.revision).toBeLessThan(v.signatures[1].covers.revision);
    expect(v.register).toMatchObject({ status: 'found', matches: [{ reference: '01/KH-UBND', role: 'issued' }] });
    // the figures it was rendered with are still the registry's (this plan has none that changed)
    expect(v.drift).toEqual({ checked: true, drift: false, figures: [] });

    // the leader-signed revision is in the register line too
    expect(await cli('verify', leaderFile, '--json')).toBe(0);
    expect(json<VerifyJson>().register.matches).toEqual([expect.objectContaining({ reference: '01/KH-UBND', role: 'leader-signed' })]);

    out = [];
    expect(await cli('verify', issuedFile)).toBe(0);
    const human = out.join('\n');
    expect(human).toContain('signature 1: Chữ ký người có thẩm quyền (leader): valid');
    expect(human).toContain('signature 2: Chữ ký số của cơ quan (agency): valid');
    expect(human).toContain('register: found: in the register of');
    expect(human).toMatch(/not checked: certificate trust/);
    expect(human).toMatch(/verified$/);

    expect(await cli('archive', 'verify', '--agency', agency, '--json')).toBe(0);
    expect(json<{ ok: boolean }>().ok).toBe(true);
  }, 120_000);

  it('names what is wrong with a changed file: bytes appended, a byte flipped, page content rewritten after the signatures', async () => {
    const { agency, leader, codes } = await commune([{}]);
    expect(await signAsLeader(agency, codes[0], leader)).toBe(0);
    expect(await seal(agency, codes[0], '--json')).toBe(0);
    const issued = json<IssueJson>();
    const bytes = fs.readFileSync(stored(issued.files[0].sha256));

    const appended = scratch('appended.pdf');
    fs.writeFileSync(appended, Buffer.concat([bytes, Buffer.from('\n% thêm vào sau\n', 'utf8')]));
    expect(await cli('verify', appended, '--json')).toBe(1);
    const a = json<VerifyJson>();
    expect(a.register.status).toBe('differs');
    expect(a.register.message).toContain(`the first ${bytes.length} bytes are the archived file ${issued.reference} (issued)`);

    // one byte inside the leader's revision: both signatures break
    const flipped = Buffer.from(bytes);
    const at = flipped.indexOf('stream\n') + 'stream\n'.length + 3;
    flipped[at] ^= 0x20;
    fs.writeFileSync(scratch('flipped.pdf'), flipped);
    expect(await cli('verify', scratch('flipped.pdf'), '--json')).toBe(1);
    const f = json<VerifyJson>();
    expect(f.signatures.map((s) => s.valid)).toEqual([false, false]);
    expect(f.register.status).toBe('differs'); // its agency signature still names 01/KH-UBND

    // new text drawn on page 1 in a later incremental update: the signatures still verify
    // byte-wise, but what they signed is not what is shown
    const doc = await PDFDocument.load(bytes, { forIncrementalUpdate: true });
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.getPages()[0].drawText('So: 99', { x: 150, y: 700, size: 13, font });
    const shadow = scratch('shadow.pdf');
    fs.writeFileSync(shadow, Buffer.concat([bytes, Buffer.from(await doc.commit())]));
    expect(await cli('verify', shadow, '--json')).toBe(1);
    const s = json<VerifyJson>();
    expect(s.signatures.map((x) => [x.valid, x.covers.pagesChangedAfter])).toEqual([
      [true, [1]],
      [true, [1]],
    ]);
    expect(s.signatures[1].problems.join(' ')).toMatch(/content of page\(s\) 1 was changed after this signature/);

    // a flipped byte of the archived leader-signed file: archive verify names it
    const leaderStored = stored(issued.files[1].sha256);
    fs.chmodSync(leaderStored, 0o644);
    const lb = fs.readFileSync(leaderStored);
    lb[lb.length - 2] ^= 0x01;
    fs.writeFileSync(leaderStored, lb);
    expect(await cli('archive', 'verify', '--agency', agency)).toBe(1);
    expect(out.join('\n')).toContain(`archive.file_tampered: sha256/${issued.files[1].sha256.slice(0, 2)}/${issued.files[1].sha256.slice(2)}: content changed`);
    expect(out.join('\n')).toMatch(new RegExp(`entry 1 \\(01/KH-UBND\\)`));
  }, 120_000);

  it('enforces who signs and in which order; a refused step takes no number and leaves no file', async () => {
    const { agency, leader, other, codes } = await commune([{}, { status: 'signed' }, {}, { status: 'draft' }]);
    const [approved, wetSigned, third, draft] = codes;

    // the agency's signature before the leader's
    expect(await seal(agency, approved)).toBe(1);
    expect(err.join('\n')).toMatch(/has no digital signature of its leader: the leader signs first/);
    // a document signed on paper takes no agency signature
    err = [];
    expect(await cli('issue', wetSigned, '--agency', agency, '--p12', kit.pki.agency.p12Path, '--pass-file', kit.agencyPassFile, '--seal-image', kit.sealImage)).toBe(1);
    expect(err.join('\n')).toMatch(/has no digital signature of its leader/);
    // someone else than the signer the document names
    err = [];
    expect(await signAsLeader(agency, approved, other)).toBe(2);
    expect(err.join('\n')).toMatch(new RegExp(`is signed by ${leader} .*not by ${other}`));
    // the right official with someone else's certificate
    err = [];
    expect(await cli('sign', approved, '--agency', agency, '--as', leader, '--p12', kit.pki.agency.p12Path, '--pass-file', kit.agencyPassFile, '--image', kit.signatureImage)).toBe(2);
    expect(err.join('\n')).toMatch(/the certificate is Ủy ban nhân dân xã Kim Thành's, not Nguyễn Đình Huấn's/);
    // a wrong passphrase, a passphrase variable that is not set, an image that is not a PNG
    process.env.WRONG_PASS = 'không đúng';
    err = [];
    expect(await cli('sign', approved, '--agency', agency, '--as', leader, '--p12', kit.pki.leader.p12Path, '--pass-env', 'WRONG_PASS', '--image', kit.signatureImage)).toBe(2);
    expect(err.join('\n')).toMatch(/wrong passphrase/);
    err = [];
    expect(await cli('sign', approved, '--agency', agency, '--as', leader, '--p12', kit.pki.leader.p12Path, '--pass-env', 'VANTHU_TEST_UNSET_PASS', '--image', kit.signatureImage)).toBe(2);
    expect(err.join('\n')).toMatch(/\$VANTHU_TEST_UNSET_PASS, which is not set; it is never taken from the command line/);
    err = [];
    expect(await signAsLeader(agency, approved, leader, '--image', kit.agencyPassFile)).toBe(2);
    expect(err.join('\n')).toMatch(/signature image is not a PNG/);
    // a draft is not signed
    err = [];
    expect(await signAsLeader(agency, draft, leader)).toBe(1);
    expect(err.join('\n')).toMatch(/cannot go from "draft" to "signed"/);
    expect(await statusOf(agency, approved)).toBe('approved');

    // the leader signs; the agency's signature cannot be made with the leader's certificate
    expect(await signAsLeader(agency, approved, leader)).toBe(0);
    err = [];
    expect(await cli('sign', approved, '--agency', agency, '--seal', '--p12', kit.pki.leader.p12Path, '--pass-env', 'LEADER_PASS', '--image', kit.sealImage)).toBe(2);
    expect(err.join('\n')).toMatch(/needs the certificate of Ủy ban nhân dân xã Kim Thành; this one is Nguyễn Đình Huấn's/);
    // signing twice is a workflow conflict
    err = [];
    expect(await signAsLeader(agency, approved, leader)).toBe(1);
    expect(err.join('\n')).toMatch(/cannot go from "signed" to "signed"/);

    // no refusal took a number: the next two issues are 01 and 02
    expect(await seal(agency, approved, '--json')).toBe(0);
    expect(json<IssueJson>().reference).toBe('01/KH-UBND');
    expect(await signAsLeader(agency, third, leader)).toBe(0);
    expect(await seal(agency, third, '--json')).toBe(0);
    expect(json<IssueJson>().reference).toBe('02/KH-UBND');
    // and no refusal left a file behind (this agency: other tests here tamper with their files)
    expect(await cli('archive', 'verify', '--agency', agency, '--json')).toBe(0);
    expect(json<{ ok: boolean; problems: unknown[] }>()).toMatchObject({ ok: true, problems: [] });
  }, 180_000);

  it('takes the images stored in the data folder, so that `sign <doc> --as <official> --p12 <file>` works as DESIGN.md writes it', async () => {
    const { agency, leader, codes } = await commune([{}]);
    const [code] = codes;
    const officialPng = path.join(db.config.dataDir, 'signing', agency, 'officials', `${leader}.png`);
    const sealPng = path.join(db.config.dataDir, 'signing', agency, 'seal.png');
    process.env.VANTHU_P12_PASSPHRASE = kit.pki.leader.passphrase;
    try {
      // nothing stored yet: refused, saying where the image is looked for
      expect(await cli('sign', code, '--as', leader, '--p12', kit.pki.leader.p12Path)).toBe(2);
      expect(err.join('\n')).toContain(`no signature image for ${leader}: send one with the request or put it at ${officialPng}`);
      expect(await statusOf(agency, code)).toBe('approved');

      fs.mkdirSync(path.dirname(officialPng), { recursive: true });
      fs.copyFileSync(kit.signatureImage, officialPng);
      fs.copyFileSync(kit.sealImage, sealPng);
      expect(await cli('sign', code, '--as', leader, '--p12', kit.pki.leader.p12Path)).toBe(0);
      expect(out.join('\n')).toContain(`${code}: signed by ${LEADER_NAME}`);
      process.env.VANTHU_P12_PASSPHRASE = kit.pki.agency.passphrase;
      expect(await cli('issue', code, '--p12', kit.pki.agency.p12Path, '--json')).toBe(0);
      expect(json<IssueJson>().signatures.map((s) => s.role)).toEqual(['leader', 'agency']);
    } finally {
      delete process.env.VANTHU_P12_PASSPHRASE;
    }
  }, 120_000);

  it('a leader-signed file not yet issued is checked by archive verify and named by its document', async () => {
    const { agency, leader, codes } = await commune([{}]);
    expect(await signAsLeader(agency, codes[0], leader, '--json')).toBe(0);
    const sha = json<SignJson>().file.sha256;
    const file = stored(sha);
    fs.chmodSync(file, 0o644);
    const b = fs.readFileSync(file);
    b[100] ^= 0x01;
    fs.writeFileSync(file, b);
    expect(await cli('archive', 'verify', '--agency', agency)).toBe(1);
    expect(out.join('\n')).toContain(`archive.file_tampered: sha256/${sha.slice(0, 2)}/${sha.slice(2)}: content changed`);
    expect(out.join('\n')).toContain(`${agency} document ${codes[0]}, leader's signature`);
    // and the issue step refuses to build on it
    err = [];
    expect(await seal(agency, codes[0])).toBe(1);
    expect(err.join('\n')).toMatch(/missing or changed/);
    expect(await statusOf(agency, codes[0])).toBe('signed');
  }, 120_000);
});
