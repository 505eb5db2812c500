import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { POSTGRES_MIGRATIONS } from './migrations/postgres';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';

export type DatabaseKind = 'sqlite' | 'postgres';

export function databaseKind(config: Pick<AppConfig, 'databaseUrl'>): DatabaseKind {
  return config.databaseUrl ? 'postgres' : 'sqlite';
}

export function sqlitePath(config: Pick<AppConfig, 'dataDir'>): string {
  return path.join(config.dataDir, 'vanthu.sqlite');
}

/** The database name a configuration points at (file name for SQLite). */
export function databaseName(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>): string {
  if (config.databaseUrl) return new URL(config.databaseUrl).pathname.replace(/^\//, '');
  return sqlitePath(config);
}

export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  const name = databaseName(config);
  // Tests must never touch a real registry: a name without "test" is refused outright.
  if (config.requireTestDatabase && !/test/i.test(name)) {
    throw new Error(`refusing to run tests against database "${name}": its name must contain "test"`);
  }
  const common = {
    entities: ENTITIES,
    synchronize: false,
    migrationsRun: false,
    logging: config.logSql,
  } as const;
  if (config.databaseUrl) {
    const schema = config.databaseSchema;
    return {
      ...common,
      type: 'postgres',
      url: config.databaseUrl,
      migrations: POSTGRES_MIGRATIONS,
      // search_path only (no `schema` option), so generated migrations stay schema-neutral
      ...(schema ? { extra: { options: `-c search_path=${schema}` } } : {}),
    };
  }
  fs.mkdirSync(path.dirname(name), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: name,
    migrations: SQLITE_MIGRATIONS,
    // WAL lets readers run beside the one writer; foreign keys are off by default in SQLite.
    prepareDatabase: (db: { pragma(s: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    },
  };
}

export async function openDatabase(config: AppConfig): Promise<DataSource> {
  const options = dataSourceOptions(config);
  if (config.databaseUrl && config.databaseSchema) await createSchema(config.databaseUrl, config.databaseSchema);
  const ds = new DataSource(options);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  return ds;
}

async function createSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } finally {
    await client.end();
  }
}

/** Drops a scratch schema (tests, migration check). */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
