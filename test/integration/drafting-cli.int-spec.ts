/**
 * `vanthu draft`, `vanthu templates` and `vanthu template check` in-process, on a temp data folder
 * with records/ imported: the new draft's id on stdout, every problem of a bad template or request on
 * stderr with its file:line:column and a non-zero exit, nothing drafted then.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, type CliIo } from '../../src/cli';
import { testDatabase, type TestDatabase } from '../harness';

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, '..', '..');
const RECORDS = path.join(ROOT, 'records');
const PLANTED = path.join(ROOT, 'fixtures', 'templates', 'planted');

describe('vanthu draft', () => {
  let db: TestDatabase;
  const run = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (s) => out.push(s), err: (s) => err.push(s) };
    const code = await runCli(['--data', db.config.dataDir, ...args], io);
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  const schemaBefore = process.env.VANTHU_DB_SCHEMA;

  beforeAll(async () => {
    db = testDatabase();
    // the CLI reads its database from the environment: on PostgreSQL, this file's own schema
    if (db.config.databaseSchema) process.env.VANTHU_DB_SCHEMA = db.config.databaseSchema;
    const imported = await run('--records', RECORDS, 'documents', '--json');
    if (imported.code !== 0) throw new Error(`records/ did not import: ${imported.err}`);
  });
  afterAll(async () => {
    if (schemaBefore === undefined) delete process.env.VANTHU_DB_SCHEMA;
    else process.env.VANTHU_DB_SCHEMA = schemaBefore;
    await db.cleanup();
  });

  it('prints the new draft’s id; the draft is a document of the registry, unnumbered', async () => {
    const r = await run('draft', '--template', 'kh-trien-khai', '--agency', 'tan-an', '--implements', 'nq-04-2026-hdnd-hp', '--implements', '187/KH-UBND', '--set', 'thoi_gian_tuyen_truyen=2026-06-15..2026-06-19');
    expect(r).toMatchObject({ code: 0, out: expect.stringMatching(/^\d+$/) });
    const docs = await run('documents', '--agency', 'tan-an', '--json');
    const mine = (JSON.parse(docs.out) as { id: number; status: string; number: number | null; code: string }[]).find((d) => d.id === Number(r.out));
    expect(mine).toMatchObject({ status: 'draft', number: null, code: 'du-thao-kh-trien-khai-1' });
  });

  it('--json prints the summary', async () => {
    const r = await run('draft', '--json', '--template', 'qd-giao-chi-tieu', '--agency', 'thanh-thuy', '--implements', 'qd-1525-2025-ubnd-tq', '--implements', 'kh-46-2026-ubnd-tq');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ type: 'QĐ', reference: '/QĐ-UBND', status: 'draft', citations: ['qd-1525-2025-ubnd-tq', 'kh-46-2026-ubnd-tq'], figures: ['giam_ho_ngheo', 'ho_ngheo_dau_nam', 'ho_ngheo_cuoi_nam'] });
  });

  it('a template with three planted mistakes: all three on stderr with their places, exit 2, nothing drafted', async () => {
    const before = JSON.parse((await run('documents', '--agency', 'kim-thanh', '--json')).out) as unknown[];
    const r = await run('draft', '--templates', PLANTED, '--template', 'kh-ba-loi', '--agency', 'kim-thanh', '--implements', 'nq-04-2026-hdnd-hp');
    expect(r.code).toBe(2);
    const places = r.err.split('\n').filter((l) => /^\s+\S+\.hbs:\d+:\d+:/.test(l));
    expect(places).toEqual([
      expect.stringMatching(/kh-ba-loi\/body\.hbs:5:\d+: unknown figure "so_ho_ngheo"/),
      expect.stringMatching(/kh-ba-loi\/body\.hbs:7:\d+: "cite" takes a value/),
      expect.stringMatching(/kh-ba-loi\/can-cu\.hbs:1:\d+: Parse error/),
    ]);
    const after = JSON.parse((await run('documents', '--agency', 'kim-thanh', '--json')).out) as unknown[];
    expect(after.length).toBe(before.length);
  });

  it('a reversed date range and an unknown input: both reported, exit 2', async () => {
    const r = await run('draft', '--template', 'kh-trien-khai', '--agency', 'kim-thanh', '--implements', 'nq-04-2026-hdnd-hp', '--set', 'thoi_gian_ra_soat=10/6/2026..02/6/2026', '--set', 'so_thon=5');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/manifest\.yaml:\d+:\d+: input thoi_gian_ra_soat: the range ends \(2026-06-02\) before it starts \(2026-06-10\)/);
    expect(r.err).toMatch(/manifest\.yaml:\d+:\d+: unknown input "so_thon"/);
  });

  it('--set without "=" is a usage error', async () => {
    const r = await run('draft', '--template', 'kh-trien-khai', '--agency', 'kim-thanh', '--set', 'nam');
    expect(r).toMatchObject({ code: 2, err: expect.stringContaining('--set takes key=value') });
  });
});

describe('vanthu templates and vanthu template check', () => {
  const run = async (...args: string[]) => {
    const out: string[] = [];
    const io: CliIo = { out: (s) => out.push(s), err: () => undefined };
    return { code: await runCli(args, io), out: out.join('\n') };
  };

  it('lists the templates', async () => {
    const r = await run('templates', '--json');
    expect(r.code).toBe(0);
    const names = (JSON.parse(r.out) as { name: string }[]).map((t) => t.name);
    const folders = fs.readdirSync(path.join(ROOT, 'templates')).filter((f) => fs.existsSync(path.join(ROOT, 'templates', f, 'manifest.yaml')));
    expect(names).toEqual(folders.sort());
    expect(names.length).toBe(7);
  });

  it('checks one: exit 0 with no problem, exit 1 with the three planted ones', async () => {
    expect(await run('template', 'check', 'kh-trien-khai')).toEqual({ code: 0, out: 'kh-trien-khai: no problem' });
    const bad = await run('template', 'check', 'kh-ba-loi', '--templates', PLANTED, '--json');
    expect(bad.code).toBe(1);
    expect((JSON.parse(bad.out) as { problems: { code: string }[] }).problems.map((p) => p.code)).toEqual(['template.unknown_figure', 'template.helper_misuse', 'template.syntax']);
  });

  it('checks an agency override with it', async () => {
    const r = await run('template', 'check', 'kh-trien-khai', '--override', path.join(RECORDS, 'tan-an', 'templates', 'kh-trien-khai'));
    expect(r).toEqual({ code: 0, out: 'kh-trien-khai: no problem' });
  });
});
