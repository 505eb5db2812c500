/**
 * Transactions that cannot interleave. TypeORM shares ONE better-sqlite3 connection between all
 * callers of a DataSource, so two `ds.transaction()` calls started at once would run their
 * statements on the same connection, inside each other's BEGIN … COMMIT. On SQLite every writing
 * transaction therefore queues in-process (`serialised`); PostgreSQL gives each its own connection.
 */
import type { DataSource, EntityManager } from 'typeorm';

export type Dialect = 'sqlite' | 'postgres';

export function dialectOf(ds: DataSource | EntityManager): Dialect {
  const type = 'options' in ds ? ds.options.type : ds.connection.options.type;
  return type === 'postgres' ? 'postgres' : 'sqlite';
}

const queues = new WeakMap<object, Promise<unknown>>();

/** On SQLite, runs `fn` after every earlier call on the same DataSource has settled. */
export function serialised<T>(ds: DataSource, fn: () => Promise<T>): Promise<T> {
  if (dialectOf(ds) === 'postgres') return fn();
  const before = queues.get(ds) ?? Promise.resolve();
  const run = before.then(fn, fn);
  queues.set(
    ds,
    run.then(
      () => undefined,
      () => undefined,
    ),
  );
  return run;
}

/** `ds.transaction(fn)`, queued on SQLite (see above). Use it for every writing transaction. */
export function transaction<T>(ds: DataSource, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  return serialised(ds, () => ds.transaction(fn));
}
