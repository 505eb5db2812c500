/**
 * Transactions that write an agency's register (and take its numbers).
 *
 * - PostgreSQL: the first statement upserts the agency's `register_head` row, whose row lock is
 *   held to the commit: the agency's issuers queue there, across any number of app instances.
 * - SQLite: that same first statement is a write, so the transaction holds the database write lock
 *   from its start (a deferred transaction that reads first could not upgrade safely once another
 *   process wrote; busy_timeout lets other processes wait for it). Inside one process TypeORM shares
 *   ONE connection between all callers, and two transactions started at once would interleave on
 *   it, so transactions on SQLite also queue in-process (`serialised`).
 */
import type { DataSource, EntityManager } from 'typeorm';
import { dialectOf, transaction } from '../database/transaction';
import { GENESIS_HASH } from './hash-chain';

export { dialectOf, serialised, transaction, type Dialect } from '../database/transaction';

/**
 * Runs a query written with PostgreSQL's `$1` placeholders on either database (SQLite binds `?`
 * in order of appearance, so repeated placeholders repeat their value).
 */
export async function runSql<T = Record<string, unknown>>(em: EntityManager, text: string, params: unknown[] = []): Promise<T[]> {
  if (dialectOf(em) === 'postgres') return rowsOf<T>(await em.query(text, params));
  const ordered: unknown[] = [];
  const sql = text.replace(/\$(\d+)/g, (_m, n: string) => {
    ordered.push(params[Number(n) - 1]);
    return '?';
  });
  return rowsOf<T>(await em.query(sql, ordered));
}

/** TypeORM's pg driver returns [rows, count] for UPDATE/DELETE and the rows otherwise. */
function rowsOf<T>(raw: unknown): T[] {
  if (Array.isArray(raw) && raw.length === 2 && Array.isArray(raw[0]) && typeof raw[1] === 'number') return raw[0] as T[];
  return Array.isArray(raw) ? (raw as T[]) : [];
}

export interface RegisterHead {
  entries: number;
  entryHead: string;
  attachments: number;
  attachmentHead: string;
}

/** A transaction holding the agency's register lock; `head` is the chain head as of the lock. */
export function registerTransaction<T>(
  ds: DataSource,
  agencyId: number,
  fn: (em: EntityManager, head: RegisterHead) => Promise<T>,
): Promise<T> {
  return transaction(ds, async (em) => {
    const [row] = await runSql<{ entries: number; entry_head: string; attachments: number; attachment_head: string }>(
      em,
      `INSERT INTO "register_head" ("agency_id", "entries", "entry_head", "attachments", "attachment_head")
       VALUES ($1, 0, $2, 0, $2)
       ON CONFLICT ("agency_id") DO UPDATE SET "entries" = "register_head"."entries"
       RETURNING "entries", "entry_head", "attachments", "attachment_head"`,
      [agencyId, GENESIS_HASH],
    );
    return fn(em, {
      entries: Number(row.entries),
      entryHead: row.entry_head,
      attachments: Number(row.attachments),
      attachmentHead: row.attachment_head,
    });
  });
}
