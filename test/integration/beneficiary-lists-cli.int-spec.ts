import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, type CliIo } from '../../src/cli';
import { openDatabase } from '../../src/database/data-source';
import { importRecordSet } from '../../src/registry/records-import';
import { clerkWorkbook, listCommune, plantedErrorsWorkbook, syntheticPeople } from '../beneficiaries/list-fixtures';
import { testDatabase, type TestDatabase } from '../harness';

jest.setTimeout(60_000);

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) };
  const code = await runCli(args, io);
  return { code, out, err };
}

describe('vanthu import <file.xlsx> --list --policy, lists, list export|decision|posting', () => {
  let db: TestDatabase;
  let dir: string;
  const commune = listCommune('xa-cli-danh-sach');
  const people = syntheticPeople(40, 31, 80000);
  const schemaBefore = process.env.VANTHU_DB_SCHEMA;

  beforeAll(async () => {
    db = testDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-test-lists-'));
    const ds = await openDatabase(db.config);
    await importRecordSet(ds, commune.set);
    await ds.destroy();
    if (db.config.databaseSchema) process.env.VANTHU_DB_SCHEMA = db.config.databaseSchema;
  });
  afterAll(async () => {
    if (schemaBefore === undefined) delete process.env.VANTHU_DB_SCHEMA;
    else process.env.VANTHU_DB_SCHEMA = schemaBefore;
    fs.rmSync(dir, { recursive: true, force: true });
    await db?.cleanup();
  });

  const data = (): string[] => ['--data', db.config.dataDir];
  const file = (name: string, bytes: Buffer) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, bytes);
    return p;
  };

  it('imports a workbook (JSON summary on stdout), and again with no change', async () => {
    const xlsx = file('ds.xlsx', await clerkWorkbook(people));
    const args = [...data(), 'import', xlsx, '--list', 'ds-cli', '--policy', commune.policy.code, '--from', '2026-07', '--to', '2026-12', '--json'];
    const first = await run(args);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({ list: 'ds-cli', agency: commune.agency.code, people: 40, counts: { entries: { inserted: 40 } } });
    const second = await run(args);
    expect(JSON.parse(second.out)).toMatchObject({ changes: 0 });
  });

  it('rejects a bad workbook with exit 2, every bad cell on stderr, and writes the error workbook beside it', async () => {
    const { bytes, expected } = await plantedErrorsWorkbook(syntheticPeople(20, 32, 81000));
    const xlsx = file('loi.xlsx', bytes);
    const r = await run([...data(), 'import', xlsx, '--list', 'ds-loi', '--policy', commune.policy.code, '--from', '2026-07', '--to', '2026-12']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    for (const x of expected) expect(r.err).toContain(`dòng ${x.row}, cột ${x.column}`);
    const errors = path.join(dir, 'loi-loi.xlsx');
    expect(r.err).toContain(errors);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(errors);
    expect(wb.getWorksheet('Danh sách lỗi')!.rowCount).toBe(1 + expected.length);
    const lists = await run([...data(), 'lists', '--json']);
    expect(JSON.parse(lists.out).map((l: { code: string }) => l.code)).toEqual(['ds-cli']);
  });

  it('exports the list, drafts its QĐ (renderable), and writes the posting list', async () => {
    const out = path.join(dir, 'xuat.xlsx');
    expect((await run([...data(), 'list', 'export', 'ds-cli', '--out', out])).code).toBe(0);
    const again = await run([...data(), 'import', out, '--list', 'ds-cli', '--policy', commune.policy.code, '--json']);
    expect(JSON.parse(again.out)).toMatchObject({ changes: 0, fromMonth: '2026-07', toMonth: '2026-12' });

    const qd = await run([...data(), 'list', 'decision', 'ds-cli']);
    expect(qd.code).toBe(0);
    expect(qd.out.trim()).toMatch(/^\d+$/);
    const rendered = await run([...data(), 'render', qd.out.trim(), '--agency', commune.agency.code, '--format', 'html', '--out', dir]);
    expect(rendered.code).toBe(0);
    expect(fs.readFileSync(rendered.out.trim(), 'utf8')).toContain('Phê duyệt danh sách 40 người');

    const posting = await run([...data(), 'list', 'posting', 'ds-cli', '--format', 'html,docx', '--out', dir]);
    expect(posting.code).toBe(0);
    const [html] = posting.out.trim().split('\n');
    const text = fs.readFileSync(html, 'utf8');
    expect(text).toContain('niêm yết công khai danh sách 40 người');
    for (const p of people) expect(text).not.toContain(p.idNumber);
  });

  it('needs --list and --policy for a workbook', async () => {
    const r = await run([...data(), 'import', path.join(dir, 'ds.xlsx'), '--list', 'ds-x']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--policy');
  });
});
