import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { DataSource } from 'typeorm';
import { runCli, type CliIo } from '../../src/cli';
import { openDatabase } from '../../src/database/data-source';
import { importRecordSet } from '../../src/registry/records-import';
import { recordSet } from '../factories';
import { testDatabase, type TestDatabase } from '../harness';
import { approvedPlan, makeSigningKit, signingAgency, type SigningKit } from '../signing-support/signing-kit';
import { AGENCY_NAME } from '../signing-support/test-pki';

/** ND30 PL I §II.8: an attachment in a separate file, signed by the agency with number and time at the top right. */

async function attachmentPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  page.drawText('PHU LUC DANH SACH', { x: 200, y: 700, size: 14, font: await doc.embedFont(StandardFonts.TimesRoman) });
  return doc.save();
}

describe(`vanthu sign-attachment (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let db: TestDatabase;
  let ds: DataSource;
  let kit: SigningKit;
  let out: string[];
  const env = { ...process.env };
  const io: CliIo = { out: (s) => out.push(s), err: (s) => out.push(s) };
  const cli = (...args: string[]) => runCli(['--data', db.config.dataDir, ...args], io);
  const file = (name: string) => path.join(db.config.dataDir, name);

  beforeAll(async () => {
    db = testDatabase();
    ds = await openDatabase(db.config);
    kit = makeSigningKit();
    if (db.config.databaseSchema) process.env.VANTHU_DB_SCHEMA = db.config.databaseSchema;
    process.env.LEADER_PASS = kit.pki.leader.passphrase;
  });

  afterAll(async () => {
    process.env = env;
    await ds?.destroy();
    await db?.cleanup();
    kit?.cleanup();
  });

  beforeEach(() => {
    out = [];
  });

  it('signs an attachment of an issued document, archives it with the register line, and pdfsig validates it', async () => {
    const { agency, leader } = signingAgency();
    const plan = approvedPlan(agency.code, leader.code);
    await importRecordSet(ds, recordSet({ agencies: [agency], officials: [leader], documents: [plan] }));
    fs.writeFileSync(file('phu-luc.pdf'), await attachmentPdf());
    const attach = (...extra: string[]) =>
      cli('sign-attachment', plan.code, file('phu-luc.pdf'), '--agency', agency.code, '--p12', kit.pki.agency.p12Path, '--pass-file', kit.agencyPassFile, ...extra);

    // before issue there is no number to show: refused, nothing archived
    expect(await attach('--json')).toBe(1);
    expect(out.join('\n')).toContain('is approved: an attachment is signed once the document is issued');

    expect(await cli('sign', plan.code, '--agency', agency.code, '--as', leader.code, '--p12', kit.pki.leader.p12Path, '--pass-env', 'LEADER_PASS', '--image', kit.signatureImage)).toBe(0);
    expect(await cli('sign', plan.code, '--agency', agency.code, '--seal', '--p12', kit.pki.agency.p12Path, '--pass-file', kit.agencyPassFile, '--image', kit.sealImage)).toBe(0);

    out = [];
    expect(await attach('--name', 'Phụ lục danh sách.pdf', '--out', file('signed.pdf'), '--json')).toBe(0);
    const r = JSON.parse(out[out.length - 1]) as { reference: string; seq: number; file: { role: string; name: string; sha256: string } };
    expect(r).toMatchObject({ reference: '01/KH-UBND', seq: 1, file: { role: 'attachment', name: 'Phụ lục danh sách.pdf' } });

    // poppler: one valid signature by the agency
    const sig = spawnSync('pdfsig', [file('signed.pdf')], { encoding: 'utf8' });
    expect(sig.stdout).toContain(AGENCY_NAME);
    expect(sig.stdout).toMatch(/Signature Validation: Signature is Valid/);
    // the stamp: "Số: 01/KH-UBND; dd/mm/yyyy; hh:mm:ss +07:00", top right of page 1
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file('signed.pdf'), '-'], { encoding: 'utf8' });
    const word = /<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>01\/KH-UBND;<\/word>/.exec(bbox);
    expect(word).not.toBeNull();
    expect(Number(word![1])).toBeGreaterThan(595.28 / 2);
    expect(Number(word![2])).toBeLessThan(60);

    // the archive holds it, chained to the register line, and still verifies
    expect(await cli('archive', 'verify', '--json')).toBe(0);
    const stored = path.join(db.config.dataDir, 'archive', 'sha256', r.file.sha256.slice(0, 2), r.file.sha256.slice(2));
    expect(fs.readFileSync(stored).equals(fs.readFileSync(file('signed.pdf')))).toBe(true);
  });

  it("refuses the leader's certificate for the agency's signature", async () => {
    const { agency, leader } = signingAgency();
    const plan = approvedPlan(agency.code, leader.code, { status: 'signed' });
    await importRecordSet(ds, recordSet({ agencies: [agency], officials: [leader], documents: [plan] }));
    expect(await cli('issue', plan.code, '--agency', agency.code)).toBe(0);
    fs.writeFileSync(file('pl2.pdf'), await attachmentPdf());
    out = [];
    expect(await cli('sign-attachment', plan.code, file('pl2.pdf'), '--agency', agency.code, '--p12', kit.pki.leader.p12Path, '--pass-env', 'LEADER_PASS')).toBe(2);
    expect(out.join('\n')).toContain("the agency's signature needs the certificate of");
  });
});
