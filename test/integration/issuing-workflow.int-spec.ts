import * as fs from 'node:fs';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ArchiveService } from '../../src/archive/archive.service';
import { RegisterEntryEntity } from '../../src/archive/register-entry.entity';
import { openDatabase } from '../../src/database/data-source';
import type { IssueRenderer } from '../../src/issuing/issue-renderer';
import { IssuingService } from '../../src/issuing/issuing.service';
import { NumberCounterEntity } from '../../src/issuing/number-counter.entity';
import type { AgencyScope } from '../../src/registry/agency-scope';
import { AgencyEntity } from '../../src/registry/agency.entity';
import { DocumentEntity } from '../../src/registry/document.entity';
import type { AgencyRecord, DocumentRecord } from '../../src/registry/records/record-set';
import { importRecordSet } from '../../src/registry/records-import';
import { agencyRecord, officialRecord, outgoingPlan, recordSet } from '../factories';
import { testDatabase, type TestDatabase } from '../harness';

const onPg = Boolean(process.env.DATABASE_URL);

/**
 * A stand-in for RenderService (which needs the drafting and PDF modules): the "file" names the
 * number and date, read through the issue transaction's manager as the real renderer must.
 */
const renderer: IssueRenderer = {
  async render({ manager, agencyCode, documentId }) {
    const d = await manager.getRepository(DocumentEntity).findOneByOrFail({ id: documentId });
    return {
      bytes: Buffer.from(`%PDF-test\n${agencyCode} ${d.code} số ${d.number}/${d.symbol} ngày ${d.date} ${d.status}\n`, 'utf8'),
      fileName: `${agencyCode}-${d.code}.pdf`,
      contentType: 'application/pdf',
    };
  },
};

let clockNow = new Date('2026-06-15T03:00:00Z');
const clock = (): Date => clockNow;

describe(`issuing on ${onPg ? 'PostgreSQL' : 'SQLite'}`, () => {
  let db: TestDatabase;
  let ds: DataSource;
  let archive: ArchiveService;
  let issuing: IssuingService;

  beforeAll(async () => {
    db = testDatabase();
    ds = await openDatabase(db.config);
    archive = new ArchiveService(ds, db.config, clock);
    issuing = new IssuingService(ds, archive, renderer, clock);
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.cleanup();
  });

  beforeEach(() => {
    clockNow = new Date('2026-06-15T03:00:00Z');
  });

  /** An agency with a signer and `docs` outgoing documents (status and type per entry). */
  async function commune(
    docs: Partial<DocumentRecord>[],
    over: Partial<AgencyRecord> = {},
  ): Promise<{ scope: AgencyScope; ids: number[]; codes: string[] }> {
    const agency = agencyRecord(over);
    const signer = officialRecord(agency.code, { name: 'Nguyễn Đình Huấn', position: 'Phó Chủ tịch' });
    const records = docs.map((d) => outgoingPlan(agency.code, signer.code, { number: null, date: null, status: 'signed', ...d }));
    await importRecordSet(ds, recordSet({ agencies: [agency], officials: [signer], documents: records }));
    const a = await ds.getRepository(AgencyEntity).findOneByOrFail({ code: agency.code });
    const rows = await ds.getRepository(DocumentEntity).find({ where: { agencyId: a.id }, order: { id: 'ASC' } });
    const byCode = new Map(rows.map((r) => [r.code, r.id]));
    return { scope: { id: a.id, code: a.code }, ids: records.map((r) => byCode.get(r.code)!), codes: records.map((r) => r.code) };
  }

  it('walks a draft through the workflow and issues it as số 01 with its register line and file', async () => {
    const { scope, ids, codes } = await commune([{ status: 'draft' }]);
    const id = ids[0];
    for (const to of ['submitted', 'approved', 'signed']) {
      const s = await issuing.transition(scope, id, { to });
      expect(s.status).toBe(to);
    }
    expect((await issuing.state(scope, id)).allowed).toEqual(['issued']);

    const r = await issuing.issue(scope, id);
    expect(r).toMatchObject({ code: codes[0], status: 'issued', number: 1, year: 2026, series: 'all', reference: '01/KH-UBND', date: '2026-06-15' });
    expect(r.entry.seq).toBe(1);
    expect(r.entry.prevHash).toBe('0'.repeat(64));

    const doc = await ds.getRepository(DocumentEntity).findOneByOrFail({ id });
    expect([doc.status, doc.number, doc.year, doc.date]).toEqual(['issued', 1, 2026, '2026-06-15']);

    // the archived file is the rendered one, stored under its own hash, read-only
    const expected = `%PDF-test\n${scope.code} ${codes[0]} số 1/KH-UBND ngày 2026-06-15 issued\n`;
    const sha = createHash('sha256').update(expected, 'utf8').digest('hex');
    expect(r.files).toEqual([{ role: 'issued', name: `${scope.code}-${codes[0]}.pdf`, contentType: 'application/pdf', sha256: sha, size: Buffer.byteLength(expected) }]);
    const stored = archive.store.pathOf(sha);
    expect(stored.endsWith(`/archive/sha256/${sha.slice(0, 2)}/${sha.slice(2)}`)).toBe(true);
    expect(fs.readFileSync(stored, 'utf8')).toBe(expected);
    expect(fs.statSync(stored).mode & 0o222).toBe(0);
    expect(archive.store.listPending()).toEqual([]);

    const [line] = await archive.entries(scope, 2026);
    expect(line).toMatchObject({
      seq: 1,
      reference: '01/KH-UBND',
      date: '2026-06-15',
      typeName: 'Kế hoạch',
      signer: 'Nguyễn Đình Huấn',
      signerPosition: 'Phó Chủ tịch',
      recipients: ['Lãnh đạo UBND xã'],
      archiveUnits: 'VT, KT',
      copies: 3,
      registeredAt: '2026-06-15T10:00:00+07:00',
    });

    const history = await issuing.history(scope, id);
    expect(history.map((h) => `${h.from}→${h.to}`)).toEqual(['draft→submitted', 'submitted→approved', 'approved→signed', 'signed→issued']);
    expect((await archive.verify(scope)).problems).toEqual([]);
  });

  it('refuses illegal transitions with 409 workflow.illegal_transition naming both states', async () => {
    const { scope, ids } = await commune([{ status: 'draft' }, { status: 'approved' }]);
    await expect(issuing.transition(scope, ids[0], { to: 'approved' })).rejects.toMatchObject({
      code: 'workflow.illegal_transition',
      kind: 'conflict',
      message: expect.stringContaining('from "draft" to "approved"'),
    });
    await expect(issuing.issue(scope, ids[0])).rejects.toMatchObject({ code: 'workflow.illegal_transition', message: expect.stringContaining('"draft" to "issued"') });
    // the paper flow too: the wet signature is recorded (approved → signed) before the number
    await expect(issuing.issue(scope, ids[1])).rejects.toMatchObject({ code: 'workflow.illegal_transition' });
    await expect(issuing.transition(scope, ids[1], { to: 'issued' })).rejects.toMatchObject({ code: 'workflow.issue_required', kind: 'conflict' });
    await expect(issuing.transition(scope, ids[1], { to: 'signed', by: 'x' })).rejects.toMatchObject({ code: 'validation.failed' });
    await expect(issuing.transition(scope, ids[1], { to: 'published' })).rejects.toMatchObject({ code: 'validation.failed' });
    // nothing was numbered by the refusals
    expect(await ds.getRepository(NumberCounterEntity).countBy({ agencyId: scope.id })).toBe(0);
  });

  it('leaves incoming documents out of the workflow', async () => {
    const { scope, ids } = await commune([{ direction: 'incoming', status: 'issued', number: 4, date: '2026-04-20' }]);
    await expect(issuing.transition(scope, ids[0], { to: 'replaced', by: ids[0] })).rejects.toMatchObject({ code: 'workflow.not_outgoing' });
  });

  it('numbers one series for all types, or one per type, as the agency chose; VBQPPL apart', async () => {
    const types = [
      { type: 'KH', symbol: 'KH-UBND' },
      { type: 'QĐ', typeName: 'Quyết định', symbol: 'QĐ-UBND' },
      { type: 'KH', symbol: 'KH-UBND' },
      { type: 'QĐ', typeName: 'Quyết định', symbol: 'QĐ-UBND', yearInNumber: true },
    ];
    const single = await commune(types, { numbering: 'single' });
    const perType = await commune(types, { numbering: 'per-type' });
    const refs = async (c: { scope: AgencyScope; ids: number[] }): Promise<string[]> => {
      const out: string[] = [];
      for (const id of c.ids) out.push((await issuing.issue(c.scope, id)).reference);
      return out;
    };
    expect(await refs(single)).toEqual(['01/KH-UBND', '02/QĐ-UBND', '03/KH-UBND', '01/2026/QĐ-UBND']);
    expect(await refs(perType)).toEqual(['01/KH-UBND', '01/QĐ-UBND', '02/KH-UBND', '01/2026/QĐ-UBND']);
  });

  it('starts again at 01 on 1 January (Vietnam time) and keeps dates in number order', async () => {
    const { scope, ids } = await commune([{}, {}, {}, {}]);
    clockNow = new Date('2026-12-31T16:00:00Z'); // 23:00 in Hà Nội
    expect((await issuing.issue(scope, ids[0])).reference).toBe('01/KH-UBND');
    clockNow = new Date('2026-12-31T17:30:00Z'); // 00:30 on 1 January 2027 in Hà Nội
    const r = await issuing.issue(scope, ids[1]);
    expect([r.number, r.year, r.date, r.reference]).toEqual([1, 2027, '2027-01-01', '01/KH-UBND']);

    clockNow = new Date('2027-01-10T03:00:00Z');
    await expect(issuing.issue(scope, ids[2], { date: '2026-12-30' })).rejects.toMatchObject({ code: 'issuing.date_out_of_order' });
    await expect(issuing.issue(scope, ids[2], { date: '2027-01-11' })).rejects.toMatchObject({ code: 'issuing.date_in_future' });
    // the refusals took no number
    expect((await issuing.issue(scope, ids[2], { date: '2027-01-05' })).reference).toBe('02/KH-UBND');
    expect((await issuing.issue(scope, ids[3])).number).toBe(3);
    expect((await archive.verify(scope)).ok).toBe(true);
  });

  it('takes no number and leaves no file when the render fails', async () => {
    const { scope, ids } = await commune([{}, {}]);
    const failing = new IssuingService(ds, archive, { render: () => Promise.reject(new Error('renderer down')) }, clock);
    await expect(failing.issue(scope, ids[0])).rejects.toThrow('renderer down');
    // fails after the file is staged: a file name that is no string breaks building the register line
    let stagedBytes: Buffer = Buffer.alloc(0);
    const afterRender = new IssuingService(
      ds,
      archive,
      {
        async render(input) {
          const f = await renderer.render(input);
          stagedBytes = f.bytes;
          return { ...f, fileName: null as unknown as string };
        },
      },
      clock,
    );
    await expect(afterRender.issue(scope, ids[0])).rejects.toThrow(TypeError);
    expect(stagedBytes.toString('utf8')).toContain('số 1/KH-UBND');
    expect(archive.store.has(createHash('sha256').update(stagedBytes).digest('hex'))).toBe(false);
    const doc = await ds.getRepository(DocumentEntity).findOneByOrFail({ id: ids[0] });
    expect([doc.status, doc.number]).toEqual(['signed', null]);
    expect(archive.store.listPending()).toEqual([]);
    expect((await issuing.issue(scope, ids[1])).number).toBe(1);
    expect((await issuing.issue(scope, ids[0])).number).toBe(2);
  });

  it('links a replaced or corrected document to the later one and shows it beside its register line', async () => {
    const { scope, ids, codes } = await commune([
      {},
      {},
      { type: 'CV', typeName: 'Công văn', symbol: 'UBND-VP', title: 'V/v đính chính Kế hoạch số 01/KH-UBND' },
      { type: 'QĐ', typeName: 'Quyết định', symbol: 'QĐ-UBND' },
    ]);
    for (const id of ids) await issuing.issue(scope, id);
    await expect(issuing.transition(scope, ids[0], { to: 'replaced', by: ids[3] })).rejects.toMatchObject({ code: 'workflow.invalid_successor' });
    await expect(issuing.transition(scope, ids[0], { to: 'corrected', by: ids[1] })).rejects.toMatchObject({ code: 'workflow.invalid_successor' });
    await expect(issuing.transition(scope, ids[0], { to: 'replaced' })).rejects.toMatchObject({ code: 'validation.failed' });

    expect((await issuing.transition(scope, ids[0], { to: 'corrected', by: '03/UBND-VP' })).status).toBe('corrected');
    const s = await issuing.transition(scope, codes[0], { to: 'replaced', by: codes[1] });
    expect([s.status, s.reference, s.allowed]).toEqual(['replaced', '01/KH-UBND', []]);
    await expect(issuing.transition(scope, ids[0], { to: 'corrected', by: ids[2] })).rejects.toMatchObject({ code: 'workflow.illegal_transition' });

    const [first] = await archive.entries(scope);
    expect(first.later).toEqual([
      { status: 'corrected', by: '03/UBND-VP', at: '2026-06-15T10:00:00+07:00' },
      { status: 'replaced', by: '02/KH-UBND', at: '2026-06-15T10:00:00+07:00' },
    ]);
    // a replaced document is still a registered one: the register verifies
    expect((await archive.verify(scope)).ok).toBe(true);
  });

  it('continues after the numbers of issued documents imported from before the register', async () => {
    const { scope, ids } = await commune([{ status: 'issued', number: 128, date: '2026-05-26' }, {}]);
    const r = await issuing.issue(scope, ids[1]);
    expect(r.reference).toBe('129/KH-UBND');
    const counter = await ds.getRepository(NumberCounterEntity).findOneByOrFail({ agencyId: scope.id });
    expect([counter.base, counter.last]).toEqual([128, 129]);
    expect((await archive.verify(scope)).ok).toBe(true);
  });

  it('refuses to change a register line in the database itself', async () => {
    const { scope, ids } = await commune([{}]);
    await issuing.issue(scope, ids[0]);
    await expect(ds.query(`UPDATE "register_entry" SET "title" = 'x' WHERE "agency_id" = ${scope.id}`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM "register_entry" WHERE "agency_id" = ${scope.id}`)).rejects.toThrow(/append-only/);
  });

  it(`gives 200 concurrent issues exactly the numbers 1..200${onPg ? ', from two app instances' : ''}`, async () => {
    const { scope, ids } = await commune(Array.from({ length: 200 }, () => ({})));
    // PostgreSQL: a second DataSource (its own pool) stands for a second app instance
    const other = onPg ? await openDatabase(db.config) : ds;
    try {
      const otherArchive = new ArchiveService(other, db.config, clock);
      const instances = [issuing, new IssuingService(other, otherArchive, renderer, clock)];
      const results = await Promise.all(ids.map((id, i) => instances[i % instances.length].issue(scope, id)));
      expect(results.map((r) => r.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_v, i) => i + 1));
      expect(new Set(results.map((r) => r.entry.seq)).size).toBe(200);
    } finally {
      if (other !== ds) await other.destroy();
    }
    const rows = await ds.getRepository(RegisterEntryEntity).find({ where: { agencyId: scope.id }, order: { seq: 'ASC' } });
    expect(rows.map((r) => r.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_v, i) => i + 1));
    // numbers follow the order of registration
    expect(rows.map((r) => r.number)).toEqual(rows.map((r) => r.seq));
    const report = await archive.verify(scope);
    expect(report.problems).toEqual([]);
    expect(report.files.checked).toBe(200);
  }, 120_000);
});
