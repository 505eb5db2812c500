import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { ArchiveService } from '../../src/archive/archive.service';
import { RegisterEntryEntity } from '../../src/archive/register-entry.entity';
import { openDatabase } from '../../src/database/data-source';
import { FAULT_POINTS } from '../../src/issuing/fault-points';
import { NumberCounterEntity } from '../../src/issuing/number-counter.entity';
import { AgencyEntity } from '../../src/registry/agency.entity';
import { DocumentEntity } from '../../src/registry/document.entity';
import { importRecordSet } from '../../src/registry/records-import';
import { agencyRecord, officialRecord, outgoingPlan, recordSet } from '../factories';
import { testDatabase, type TestDatabase } from '../harness';

const onPg = Boolean(process.env.DATABASE_URL);
const ROOT = path.resolve(__dirname, '..', '..');

/**
 * The child process: runs the current sources (transpiled on load with the project's TypeScript,
 * so no stale dist/ is involved), opens the database like a restarted app, settles the archive
 * (ArchiveService.recover, as the app does at start) and, given a document, issues it.
 * VANTHU_FAULT_AT (src/issuing/fault-points.ts) makes it SIGKILL itself at that step.
 */
const DRIVER = `
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ROOT = ${JSON.stringify(ROOT)};
const ts = require(path.join(ROOT, 'node_modules', 'typescript'));
require.extensions['.ts'] = (module, filename) => {
  const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true,
      experimentalDecorators: true, emitDecoratorMetadata: true,
    },
  });
  module._compile(out.outputText, filename);
};
require(path.join(ROOT, 'node_modules', 'reflect-metadata'));
const src = (p) => require(path.join(ROOT, 'src', p));
const { loadConfig } = src('config/app-config.ts');
const { openDatabase } = src('database/data-source.ts');
const { ArchiveService } = src('archive/archive.service.ts');
const { IssuingService } = src('issuing/issuing.service.ts');
const { DocumentEntity } = src('registry/document.entity.ts');

const renderer = {
  async render({ manager, agencyCode, documentId }) {
    const d = await manager.getRepository(DocumentEntity).findOneByOrFail({ id: documentId });
    return {
      bytes: Buffer.from('%PDF-test\\n' + agencyCode + ' ' + d.code + ' số ' + d.number + '/' + d.symbol + ' ngày ' + d.date + '\\n', 'utf8'),
      fileName: agencyCode + '-' + d.code + '.pdf',
      contentType: 'application/pdf',
    };
  },
};

(async () => {
  const config = { ...loadConfig(process.env), importOnStart: false, requireTestDatabase: true };
  const clock = () => new Date('2026-06-15T03:00:00Z');
  const ds = await openDatabase(config);
  const archive = new ArchiveService(ds, config, clock);
  const recovered = await archive.recover();
  let issued = null;
  if (process.env.ISSUE_DOCUMENT) {
    const issuing = new IssuingService(ds, archive, renderer, clock);
    const scope = { id: Number(process.env.ISSUE_AGENCY_ID), code: process.env.ISSUE_AGENCY_CODE };
    issued = await issuing.issue(scope, Number(process.env.ISSUE_DOCUMENT));
  }
  await ds.destroy();
  process.stdout.write(JSON.stringify({ recovered, issued }));
})().catch((e) => {
  process.stderr.write(String(e && e.stack || e));
  process.exit(3);
});
`;

interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

describe(`issuing survives SIGKILL at every step on ${onPg ? 'PostgreSQL' : 'SQLite'}`, () => {
  let db: TestDatabase;
  let ds: DataSource;
  let driver: string;

  beforeAll(async () => {
    db = testDatabase();
    ds = await openDatabase(db.config);
    driver = path.join(db.config.dataDir, 'driver.js');
    fs.writeFileSync(driver, DRIVER);
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.cleanup();
  });

  function child(env: Record<string, string>): Promise<ChildResult> {
    return new Promise((resolve, reject) => {
      const p = spawn(process.execPath, [driver], {
        env: {
          ...process.env,
          NODE_ENV: 'test',
          VANTHU_DATA: db.config.dataDir,
          ...(db.config.databaseSchema ? { VANTHU_DB_SCHEMA: db.config.databaseSchema } : {}),
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      p.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
      p.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      p.on('error', reject);
      p.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    });
  }

  it('leaves no duplicate, no gap, no orphan file and no entry without its file', async () => {
    const agency = agencyRecord();
    const signer = officialRecord(agency.code);
    const docs = [0, 1].map(() => outgoingPlan(agency.code, signer.code, { number: null, date: null, status: 'signed' }));
    await importRecordSet(ds, recordSet({ agencies: [agency], officials: [signer], documents: docs }));
    const a = await ds.getRepository(AgencyEntity).findOneByOrFail({ code: agency.code });
    const ids = await Promise.all(docs.map(async (d) => (await ds.getRepository(DocumentEntity).findOneByOrFail({ agencyId: a.id, code: d.code })).id));
    const issue = (id: number, fault?: string): Promise<ChildResult> =>
      child({ ISSUE_AGENCY_ID: String(a.id), ISSUE_AGENCY_CODE: a.code, ISSUE_DOCUMENT: String(id), ...(fault ? { VANTHU_FAULT_AT: fault } : {}) });
    const restart = async (): Promise<{ promoted: number; discarded: number; left: number }> => {
      const r = await child({});
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout).recovered;
    };
    const archiveFiles = (): string[] => {
      const base = path.join(db.config.dataDir, 'archive', 'sha256');
      if (!fs.existsSync(base)) return [];
      return fs.readdirSync(base).flatMap((d) => fs.readdirSync(path.join(base, d)).map((f) => `${d}/${f}`));
    };

    expect(FAULT_POINTS).toEqual(['number', 'file', 'register', 'commit']);

    // killed before the commit: after a restart nothing of the attempt is left
    for (const point of ['number', 'file', 'register']) {
      const killed = await issue(ids[0], point);
      expect({ point, signal: killed.signal, stdout: killed.stdout }).toEqual({ point, signal: 'SIGKILL', stdout: '' });
      const pendingBefore = archiveFiles().filter((f) => f.includes('.pending-')).length;
      expect(pendingBefore).toBe(point === 'number' ? 0 : 1);
      expect(await restart()).toEqual({ promoted: 0, discarded: pendingBefore, left: 0 });

      const doc = await ds.getRepository(DocumentEntity).findOneByOrFail({ id: ids[0] });
      expect({ point, status: doc.status, number: doc.number, date: doc.date }).toEqual({ point, status: 'signed', number: null, date: null });
      expect(await ds.getRepository(RegisterEntryEntity).countBy({ agencyId: a.id })).toBe(0);
      expect(await ds.getRepository(NumberCounterEntity).countBy({ agencyId: a.id })).toBe(0);
      expect({ point, files: archiveFiles() }).toEqual({ point, files: [] });
    }

    // killed after the commit, before the file got its final name: the restart puts it in place
    const killed = await issue(ids[0], 'commit');
    expect(killed.signal).toBe('SIGKILL');
    expect(archiveFiles().filter((f) => f.includes('.pending-'))).toHaveLength(1);
    expect(await restart()).toEqual({ promoted: 1, discarded: 0, left: 0 });
    const first = await ds.getRepository(DocumentEntity).findOneByOrFail({ id: ids[0] });
    expect([first.status, first.number]).toEqual(['issued', 1]);

    // the next issue, undisturbed, continues the series
    const next = await issue(ids[1]);
    expect(next.stderr).toBe('');
    expect(JSON.parse(next.stdout).issued.reference).toBe('02/KH-UBND');

    const entries = await ds.getRepository(RegisterEntryEntity).find({ where: { agencyId: a.id }, order: { seq: 'ASC' } });
    expect(entries.map((e) => [e.seq, e.number, e.documentId])).toEqual([
      [1, 1, ids[0]],
      [2, 2, ids[1]],
    ]);
    const files = archiveFiles();
    expect(files.sort()).toEqual(entries.map((e) => `${e.files[0].sha256.slice(0, 2)}/${e.files[0].sha256.slice(2)}`).sort());
    // store-wide: no orphan, no pending file, every entry's file present and unchanged, chain intact
    const report = await new ArchiveService(ds, db.config).verify();
    expect(report.problems).toEqual([]);
  }, 180_000);
});
