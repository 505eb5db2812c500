import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig, type AppConfig } from '../src/config/app-config';
import { dropSchema } from '../src/database/data-source';

/**
 * A fresh database per test file: a SQLite file in a temp folder named "vanthu-test-…", or, when
 * DATABASE_URL is set (CI runs the suite again that way), a scratch schema in that PostgreSQL
 * database. Either way the name contains "test": the data source refuses anything else.
 */
export interface TestDatabase {
  config: AppConfig;
  cleanup(): Promise<void>;
}

export function testDatabase(overrides: Partial<AppConfig> = {}): TestDatabase {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-test-'));
  const schema = process.env.DATABASE_URL
    ? `test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
    : undefined;
  const config: AppConfig = {
    ...loadConfig({
      ...process.env,
      VANTHU_DATA: dataDir,
      ...(schema ? { VANTHU_DB_SCHEMA: schema } : {}),
    }),
    importOnStart: false,
    requireTestDatabase: true,
    ...overrides,
  };
  return {
    config,
    async cleanup() {
      if (config.databaseUrl && schema) await dropSchema(config.databaseUrl, schema);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const onPostgres = (): boolean => Boolean(process.env.DATABASE_URL);
