/**
 * `migration:generate <Name>` writes a migration for SQLite (and PostgreSQL when DATABASE_URL is
 * set) from the difference between the entities and a fresh database migrated to date.
 * `migration:check` fails (exit 1) when that difference is not empty: CI's drift check.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../config/app-config';
import { dropSchema, openDatabase, type DatabaseKind } from './data-source';

interface Pending {
  kind: DatabaseKind;
  up: string[];
  down: string[];
}

async function pendingChanges(kind: DatabaseKind): Promise<Pending> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-migrate-'));
  // a scratch SQLite file or PostgreSQL schema, so that the check sees only our migrations
  const schema = `vanthu_migration_check_${process.pid}`;
  const config = loadConfig({ ...process.env, VANTHU_DATA: tmp, VANTHU_DB_SCHEMA: schema });
  if (kind === 'sqlite') config.databaseUrl = undefined;
  const ds = await openDatabase(config);
  try {
    const log = await ds.driver.createSchemaBuilder().log();
    return {
      kind,
      // the scratch schema must not leak into committed SQL (TypeORM qualifies some DROP INDEX names)
      up: log.upQueries.map((q) => unqualify(q.query, schema)),
      down: log.downQueries.map((q) => unqualify(q.query, schema)).reverse(),
    };
  } finally {
    await ds.destroy();
    if (kind === 'postgres' && config.databaseUrl) await dropSchema(config.databaseUrl, schema);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function unqualify(sql: string, schema: string): string {
  return sql.split(`"${schema}".`).join('');
}

function quote(sql: string): string {
  return '`' + sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
}

function writeMigration(p: Pending, name: string, timestamp: number): string {
  const dir = path.join(__dirname, '..', '..', 'src', 'database', 'migrations', p.kind);
  const className = `${name}${timestamp}`;
  const file = path.join(dir, `${timestamp}-${name}.ts`);
  const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(q: QueryRunner): Promise<void> {
${p.up.map((s) => `    await q.query(${quote(s)});`).join('\n')}
  }

  async down(q: QueryRunner): Promise<void> {
${p.down.map((s) => `    await q.query(${quote(s)});`).join('\n')}
  }
}
`;
  fs.writeFileSync(file, body);
  const index = path.join(dir, 'index.ts');
  let idx = fs.readFileSync(index, 'utf8');
  const importLine = `import { ${className} } from './${timestamp}-${name}';\n`;
  idx = idx.replace(/^(\/\/.*\n)/, `$1${importLine}`);
  idx = idx.replace(/= \[(.*)\];/s, (_m, list: string) => {
    const items = list.split(',').map((s) => s.trim()).filter(Boolean);
    items.push(className);
    return `= [${items.join(', ')}];`;
  });
  fs.writeFileSync(index, idx);
  return file;
}

async function main(): Promise<void> {
  const [cmd, name] = process.argv.slice(2);
  const kinds: DatabaseKind[] = process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
  const results = [];
  for (const kind of kinds) results.push(await pendingChanges(kind));
  if (cmd === 'check') {
    const drift = results.filter((r) => r.up.length > 0);
    for (const r of results) {
      console.log(`${r.kind}: ${r.up.length === 0 ? 'migrations match the entities' : `${r.up.length} pending change(s)`}`);
      for (const q of r.up) console.log(`  ${q}`);
    }
    if (drift.length) {
      console.error('schema drift: run `npm run migration:generate <Name>` and commit the migration');
      process.exitCode = 1;
    }
    return;
  }
  if (cmd === 'generate') {
    if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) throw new Error('usage: migration:generate <PascalCaseName>');
    const ts = Date.now();
    for (const r of results) {
      if (r.up.length === 0) console.log(`${r.kind}: nothing to generate`);
      else console.log(`${r.kind}: wrote ${writeMigration(r, name, ts)}`);
    }
    return;
  }
  throw new Error('usage: migration-cli (generate <Name> | check)');
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 2;
});
