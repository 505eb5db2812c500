import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { ArchiveService } from '../../src/archive/archive.service';
import { openDatabase } from '../../src/database/data-source';
import type { IssueRenderer } from '../../src/issuing/issue-renderer';
import { IssuingService } from '../../src/issuing/issuing.service';
import type { AgencyScope } from '../../src/registry/agency-scope';
import { AgencyEntity } from '../../src/registry/agency.entity';
import { DocumentEntity } from '../../src/registry/document.entity';
import { importRecordSet } from '../../src/registry/records-import';
import { agencyRecord, officialRecord, outgoingPlan, recordSet } from '../factories';
import { testDatabase, type TestDatabase } from '../harness';

const onPg = Boolean(process.env.DATABASE_URL);
const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

const renderer: IssueRenderer = {
  async render({ manager, agencyCode, documentId }) {
    const d = await manager.getRepository(DocumentEntity).findOneByOrFail({ id: documentId });
    return {
      bytes: Buffer.from(`%PDF-test\n${agencyCode} ${d.code} số ${d.number}/${d.symbol} ngày ${d.date}\n`, 'utf8'),
      fileName: `${agencyCode}-${d.code}.pdf`,
      contentType: 'application/pdf',
    };
  },
};
const clock = (): Date => new Date('2026-06-15T03:00:00Z');

describe(`archive verify and exports on ${onPg ? 'PostgreSQL' : 'SQLite'}`, () => {
  let db: TestDatabase;
  let ds: DataSource;
  let archive: ArchiveService;
  let issuing: IssuingService;
  let out: string;

  beforeAll(async () => {
    db = testDatabase();
    ds = await openDatabase(db.config);
    archive = new ArchiveService(ds, db.config, clock);
    issuing = new IssuingService(ds, archive, renderer, clock);
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-test-out-'));
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.cleanup();
    fs.rmSync(out, { recursive: true, force: true });
  });

  /** An agency with `n` documents issued (01..n) on 15/06/2026. */
  async function issued(n: number): Promise<{ scope: AgencyScope; ids: number[] }> {
    const agency = agencyRecord();
    const signer = officialRecord(agency.code, { name: 'Nguyễn Đình Huấn' });
    const docs = Array.from({ length: n }, (_v, i) =>
      outgoingPlan(agency.code, signer.code, { number: null, date: null, status: 'signed', title: `Kế hoạch số ${i + 1} trong năm` }),
    );
    await importRecordSet(ds, recordSet({ agencies: [agency], officials: [signer], documents: docs }));
    const a = await ds.getRepository(AgencyEntity).findOneByOrFail({ code: agency.code });
    const scope = { id: a.id, code: a.code };
    const ids: number[] = [];
    for (const d of docs) {
      const row = await ds.getRepository(DocumentEntity).findOneByOrFail({ agencyId: a.id, code: d.code });
      await issuing.issue(scope, row.id);
      ids.push(row.id);
    }
    return { scope, ids };
  }

  /** Lets the test write to the register as an intruder with database access would. */
  async function dropGuards(): Promise<void> {
    if (onPg) {
      await ds.query('ALTER TABLE "register_entry" DISABLE TRIGGER "register_entry_append_only"');
      await ds.query('ALTER TABLE "register_attachment" DISABLE TRIGGER "register_attachment_append_only"');
    } else {
      for (const t of ['register_entry_no_update', 'register_entry_no_delete', 'register_attachment_no_update', 'register_attachment_no_delete']) {
        await ds.query(`DROP TRIGGER IF EXISTS "${t}"`);
      }
    }
  }

  it('finds an untouched archive intact', async () => {
    const { scope } = await issued(3);
    const report = await archive.verify(scope);
    expect(report).toEqual({ ok: true, agencies: [{ code: scope.code, entries: 3, attachments: 0 }], files: { checked: 3 }, problems: [] });
  });

  it('names the file and its register line when one byte of an archived file is flipped', async () => {
    const { scope } = await issued(3);
    const [, second] = await archive.entries(scope);
    const file = archive.store.pathOf(second.files[0].sha256);
    fs.chmodSync(file, 0o644);
    const bytes = fs.readFileSync(file);
    bytes[5] ^= 0x01;
    fs.writeFileSync(file, bytes);

    const report = await archive.verify(scope);
    expect(report.ok).toBe(false);
    const rel = `sha256/${second.files[0].sha256.slice(0, 2)}/${second.files[0].sha256.slice(2)}`;
    expect(report.problems).toEqual([
      {
        code: 'archive.file_tampered',
        file: rel,
        sha256: second.files[0].sha256,
        agency: scope.code,
        seq: 2,
        reference: '02/KH-UBND',
        message: `${rel}: content changed (sha-256 now ${sha(bytes)}); archived for ${scope.code} entry 2 (02/KH-UBND)`,
      },
    ]);
    // and no package vouches for it
    await expect(archive.exportBag(2026, path.join(out, 'tampered-bag'), [scope.code])).rejects.toMatchObject({ code: 'archive.tampered' });
  });

  it('names a missing file', async () => {
    const { scope } = await issued(1);
    const [e] = await archive.entries(scope);
    fs.rmSync(archive.store.pathOf(e.files[0].sha256));
    const report = await archive.verify(scope);
    expect(report.problems.map((p) => [p.code, p.seq, p.reference])).toEqual([['archive.file_missing', 1, '01/KH-UBND']]);
  });

  it('names the register line when one field of it is changed through SQL', async () => {
    const { scope } = await issued(3);
    await dropGuards();
    await ds.query(`UPDATE "register_entry" SET "title" = 'Kế hoạch đã bị sửa' WHERE "agency_id" = ${scope.id} AND "seq" = 2`);
    const report = await archive.verify(scope);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      {
        code: 'register.entry_tampered',
        agency: scope.code,
        chain: 'entries',
        seq: 2,
        reference: '02/KH-UBND',
        message: `${scope.code} register entry 2 (02/KH-UBND): entry 2 does not match its hash: its content was changed`,
      },
    ]);
  });

  it('names a line whose content and stored hash were rewritten, and the line after it', async () => {
    const { scope } = await issued(3);
    await dropGuards();
    await ds.query(`UPDATE "register_entry" SET "copies" = 9, "entry_hash" = '${'a'.repeat(64)}' WHERE "agency_id" = ${scope.id} AND "seq" = 2`);
    const report = await archive.verify(scope);
    expect(report.problems.map((p) => [p.code, p.seq])).toEqual([
      ['register.entry_tampered', 2],
      ['register.chain_broken', 3],
    ]);
  });

  it('sees a line cut from the end: the head and the number series', async () => {
    const { scope } = await issued(3);
    await dropGuards();
    await ds.query(`DELETE FROM "register_entry" WHERE "agency_id" = ${scope.id} AND "seq" = 3`);
    const codes = (await archive.verify(scope)).problems.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['register.head_mismatch', 'register.number_gap']));
  });

  it('sees a document row that no longer matches its register line', async () => {
    const { scope, ids } = await issued(1);
    await ds.getRepository(DocumentEntity).update({ id: ids[0] }, { number: 7 });
    const report = await archive.verify(scope);
    expect(report.problems.map((p) => [p.code, p.reference])).toEqual([['register.document_mismatch', '01/KH-UBND']]);
  });

  it('archives a later file (the signed PDF) as a chained attachment and finds files by hash', async () => {
    const { scope, ids } = await issued(2);
    const signed = Buffer.from('%PDF-signed by the agency\n', 'utf8');
    const r = await archive.attach(scope, ids[1], { role: 'signed', name: 'kh-signed.pdf', contentType: 'application/pdf', bytes: signed });
    expect(r).toEqual({ seq: 1, file: { role: 'signed', name: 'kh-signed.pdf', contentType: 'application/pdf', sha256: sha(signed), size: signed.length } });
    expect(await archive.lookup(sha(signed))).toEqual([{ agency: scope.code, seq: 2, reference: '02/KH-UBND', documentId: ids[1], role: 'signed' }]);
    expect((await archive.verify(scope)).ok).toBe(true);
    await expect(archive.attach(scope, 999999, { role: 'signed', name: 'x.pdf', contentType: 'application/pdf', bytes: Buffer.from('x') })).rejects.toMatchObject({
      code: 'register.not_registered',
    });
    expect(archive.store.has(sha('x'))).toBe(false);

    const file = archive.store.pathOf(sha(signed));
    fs.chmodSync(file, 0o644);
    fs.appendFileSync(file, 'x');
    expect((await archive.verify(scope)).problems.map((p) => [p.code, p.seq, p.reference])).toEqual([['archive.file_tampered', 2, '02/KH-UBND']]);
  });

  it('reports orphan and pending files store-wide, and recovery settles pending ones', async () => {
    const { scope } = await issued(1);
    const orphan = Buffer.from('a file nobody registered');
    const p = archive.store.pathOf(sha(orphan));
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, orphan);
    const pending = await archive.store.stage(Buffer.from('an unfinished write'), scope.id);

    const report = await archive.verify();
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'archive.orphan_file', sha256: sha(orphan) }),
        expect.objectContaining({ code: 'archive.pending_file', sha256: pending.sha256 }),
      ]),
    );
    expect(await archive.recover()).toEqual({ promoted: 0, discarded: 1, left: 0 });
    expect(fs.existsSync(pending.pendingPath)).toBe(false);
    expect(archive.store.has(pending.sha256)).toBe(false);
  });

  it('exports the register of a year as the ND30 book', async () => {
    const { scope } = await issued(2);
    const file = path.join(out, 'so-dang-ky.xlsx');
    expect(await archive.exportRegister(2026, file, [scope.code])).toEqual({ agencies: 1, rows: 2 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    const text = (r: number, c = 1): string => String(ws.getRow(r).getCell(c).value ?? '');
    const agency = await ds.getRepository(AgencyEntity).findOneByOrFail({ id: scope.id });
    expect([text(1), text(2), text(4), text(5), text(6), text(7)]).toEqual([
      'ỦY BAN NHÂN DÂN',
      agency.issuerLines[1],
      'SỔ ĐĂNG KÝ VĂN BẢN ĐI',
      'Năm: 2026',
      'Từ ngày 15/06/2026 đến ngày 15/06/2026',
      'Từ số 01 đến số 02',
    ]);
    expect(Array.from({ length: 10 }, (_v, i) => text(9, i + 1))).toEqual([
      'Số, ký hiệu văn bản',
      'Ngày tháng văn bản',
      'Tên loại và trích yếu nội dung văn bản',
      'Người ký',
      'Nơi nhận văn bản',
      'Đơn vị, người nhận bản lưu',
      'Số lượng bản',
      'Ngày chuyển',
      'Ký nhận',
      'Ghi chú',
    ]);
    expect(text(10, 10)).toBe('(10)');
    expect(ws.getRow(12).values).toEqual([
      undefined,
      '02/KH-UBND',
      '15/06/2026',
      'Kế hoạch: Kế hoạch số 2 trong năm',
      'Nguyễn Đình Huấn',
      'Lãnh đạo UBND xã',
      'VT, KT',
      3,
      '15/06/2026',
      '',
      '',
    ]);
    expect(ws.rowCount).toBe(12);
  });

  it('exports a year as a BagIt package whose manifests check out', async () => {
    const { scope } = await issued(2);
    const bag = path.join(out, 'bag');
    const r = await archive.exportBag(2026, bag, [scope.code]);
    expect(r.entries).toBe(2);
    expect(fs.readFileSync(path.join(bag, 'bagit.txt'), 'utf8')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');

    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]));
    const payload = walk(path.join(bag, 'data')).map((f) => path.relative(bag, f).split(path.sep).join('/')).sort();
    const manifest = fs
      .readFileSync(path.join(bag, 'manifest-sha256.txt'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => /^([0-9a-f]{64})\s+(.+)$/.exec(l)!);
    expect(manifest.map((m) => m[2]).sort()).toEqual(payload);
    for (const [, hash, p] of manifest) expect(sha(fs.readFileSync(path.join(bag, p)))).toBe(hash);
    expect(payload).toHaveLength(3); // two issued files + register.json

    const tags = fs.readFileSync(path.join(bag, 'tagmanifest-sha256.txt'), 'utf8').trim().split('\n').map((l) => l.split(/\s+/));
    expect(tags.map((t) => t[1]).sort()).toEqual(['bag-info.txt', 'bagit.txt', 'manifest-sha256.txt']);
    for (const [hash, name] of tags) expect(sha(fs.readFileSync(path.join(bag, name)))).toBe(hash);

    const octets = payload.reduce((n, p) => n + fs.statSync(path.join(bag, p)).size, 0);
    const info = fs.readFileSync(path.join(bag, 'bag-info.txt'), 'utf8');
    expect(info).toContain(`Payload-Oxum: ${octets}.3\n`);
    expect(info).toContain('Bagging-Date: 2026-06-15\n');

    const register = JSON.parse(fs.readFileSync(path.join(bag, 'data', 'register.json'), 'utf8'));
    expect(register.agencies[0].entries.map((e: { reference: string }) => e.reference)).toEqual(['01/KH-UBND', '02/KH-UBND']);
    // each archived file in the package is the one the register names
    for (const f of register.agencies[0].files) expect(sha(fs.readFileSync(path.join(bag, f.path)))).toBe(f.sha256);

    expect(() => fs.mkdirSync(bag)).toThrow();
    await expect(archive.exportBag(2026, bag, [scope.code])).rejects.toThrow(/not empty/);
  });
});
