import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, type CliIo } from '../../src/cli';
import { openDatabase } from '../../src/database/data-source';
import { importRecordSet } from '../../src/registry/records-import';
import { figuresCommune } from '../factories';
import { testDatabase, type TestDatabase } from '../harness';

jest.setTimeout(60_000);

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) };
  const code = await runCli(args, io);
  return { code, out, err };
}

describe('vanthu calc quota', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-test-quota-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string): string => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    return p;
  };

  it('splits a total over a CSV of villages, in input order, as DESIGN.md\'s JSON', async () => {
    // 54 over 100/80/60/52 (292): shares 18,49 14,79 11,10 9,62 → 18 15 11 10 (worked by hand)
    const csv = file('v.csv', '\uFEFFvillage,weight,cap\nThôn Đông,100,\n"Thôn Tây, Bắc",80,\nThôn Nam,60,\nThôn Trung,52,40\n');
    const r = await run(['calc', 'quota', '--total', '54', '--villages', csv, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      total: 54,
      allocations: [
        { village: 'Thôn Đông', weight: 100, cap: 100, quota: 18 },
        { village: 'Thôn Tây, Bắc', weight: 80, cap: 80, quota: 15 },
        { village: 'Thôn Nam', weight: 60, cap: 60, quota: 11 },
        { village: 'Thôn Trung', weight: 52, cap: 40, quota: 10 },
      ],
    });
  });

  it('reads JSON and prints a table without --json', async () => {
    const json = file('v.json', JSON.stringify([{ village: 'A', weight: 3 }, { village: 'B', weight: 1 }]));
    const r = await run(['calc', 'quota', '--total', '2', '--villages', json]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^A\s+3\s+3\s+2$/m);
    expect(r.out).toMatch(/^B\s+1\s+1\s+0$/m);
  });

  it('lists every bad row with file:line, exit 2', async () => {
    const csv = file('bad.csv', 'village,weight\nA,x\n,3\nC,2,1,9\n');
    const r = await run(['calc', 'quota', '--total', '1', '--villages', csv]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${csv}:2: weight "x" is not a whole number`);
    expect(r.err).toContain(`${csv}:3: village is empty`);
    expect(r.err).toContain(`${csv}:4: 4 columns, expected at most 3`);
  });

  it('refuses an infeasible total, exit 2', async () => {
    const csv = file('small.csv', 'village,weight\nA,1\nB,2\n');
    const r = await run(['calc', 'quota', '--total', '4', '--villages', csv]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("total 4 exceeds the sum of the villages' caps (3)");
  });
});

describe('vanthu figures', () => {
  let db: TestDatabase;
  const commune = figuresCommune();

  const schemaBefore = process.env.VANTHU_DB_SCHEMA;

  beforeAll(async () => {
    db = testDatabase();
    const ds = await openDatabase(db.config);
    await importRecordSet(ds, commune.set);
    await ds.destroy();
    // the CLI reads its database from the environment, as a user's shell would give it
    if (db.config.databaseSchema) process.env.VANTHU_DB_SCHEMA = db.config.databaseSchema;
  });
  afterAll(async () => {
    if (schemaBefore === undefined) delete process.env.VANTHU_DB_SCHEMA;
    else process.env.VANTHU_DB_SCHEMA = schemaBefore;
    await db?.cleanup();
  });

  const data = (): string[] => ['--data', db.config.dataDir];

  it('prints the figure set with provenance as JSON', async () => {
    const r = await run([...data(), 'figures', commune.plan.code, '--agency', commune.agency.code, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.document).toMatchObject({ code: commune.plan.code, reference: '128/KH-UBND' });
    const byName = Object.fromEntries(report.figures.map((f: { name: string }) => [f.name, f]));
    // hand-worked in figures.int-spec.ts: 3 poor of 667 → 0,4 %; BHYT 591.705 đồng
    expect(byName.ho_ngheo).toMatchObject({ value: 3, text: '3', unit: 'hộ', sources: expect.arrayContaining([expect.stringMatching(/^household:/)]) });
    expect(byName.ty_le_ngheo).toMatchObject({ value: 4, decimals: 1, text: '0,4', unit: '%' });
    expect(byName.kinh_phi_bhyt).toMatchObject({ value: 591705, unit: 'đồng' });
    expect(report.tables.giam_ngheo.rows).toHaveLength(3);
    expect(report.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('prints a human table', async () => {
    const r = await run([...data(), 'figures', commune.plan.code, '--agency', commune.agency.code]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^kinh_phi_bhyt\s+591\.705 đồng/m);
  });
});
