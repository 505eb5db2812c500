import * as path from 'node:path';
import { z } from 'zod';

/** Configuration, validated once at start into a typed object. Every field has an env variable. */
export interface AppConfig {
  port: number;
  /** runtime data (database file, archive): never inside records/ */
  dataDir: string;
  /** PostgreSQL when set; SQLite file `<dataDir>/vanthu.sqlite` otherwise */
  databaseUrl?: string;
  /** PostgreSQL schema (default public): tests give each file its own */
  databaseSchema?: string;
  /** records/ folder imported on first start (and on every start: the import is idempotent) */
  recordsDir: string;
  importOnStart: boolean;
  /** refuse any database whose name lacks "test" (set by the test harness) */
  requireTestDatabase: boolean;
  logSql: boolean;
}

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  VANTHU_DATA: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  VANTHU_DB_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'a lower-case SQL identifier')
    .optional(),
  VANTHU_RECORDS: z.string().min(1).default('./records'),
  VANTHU_IMPORT_ON_START: bool.default(true),
  VANTHU_REQUIRE_TEST_DB: bool.default(false),
  VANTHU_LOG_SQL: bool.default(false),
});

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    dataDir: path.resolve(e.VANTHU_DATA),
    databaseUrl: e.DATABASE_URL,
    databaseSchema: e.VANTHU_DB_SCHEMA,
    recordsDir: path.resolve(e.VANTHU_RECORDS),
    importOnStart: e.VANTHU_IMPORT_ON_START,
    requireTestDatabase: e.VANTHU_REQUIRE_TEST_DB || env.NODE_ENV === 'test',
    logSql: e.VANTHU_LOG_SQL,
    ...overrides,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
