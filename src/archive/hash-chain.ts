/**
 * The register's hash chain, pure: every entry's hash covers its content and the previous entry's
 * hash, so changing, removing or inserting any entry shows at that entry or the next one.
 *
 * The hashed form is a canonical JSON: object keys sorted, no whitespace, strings NFC, integers only
 * (no floats: their text form is not stable across languages), no undefined.
 */
import { createHash } from 'node:crypto';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The previous-hash of an agency's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export function canonicalJson(value: JsonValue): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isSafeInteger(value)) throw new TypeError(`canonical JSON holds integers only, not ${value}`);
      return String(value);
    case 'string':
      return JSON.stringify(value.normalize('NFC'));
    case 'object':
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      return `{${Object.keys(value)
        .map((k) => [k.normalize('NFC'), k] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([nk, k]) => {
          const v = value[k];
          if (v === undefined) throw new TypeError(`canonical JSON has no undefined (key ${nk})`);
          return `${JSON.stringify(nk)}:${canonicalJson(v)}`;
        })
        .join(',')}}`;
    default:
      throw new TypeError(`not a JSON value: ${typeof value}`);
  }
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The hash of an entry: sha-256 of the canonical JSON of `{ prev, record }`. */
export function chainHash(record: JsonValue, prevHash: string): string {
  return sha256Hex(canonicalJson({ prev: prevHash, record }));
}

export interface ChainLink {
  /** position in the chain, 1-based */
  seq: number;
  /** the entry's content as stored (without its own hashes) */
  record: JsonValue;
  prevHash: string;
  entryHash: string;
}

export type ChainProblemCode = 'entry_tampered' | 'chain_broken' | 'sequence_gap' | 'head_mismatch';

export interface ChainProblem {
  code: ChainProblemCode;
  /** the entry the problem shows at (for a head mismatch: the last one, or 0 when empty) */
  seq: number;
  message: string;
}

/**
 * Walks one chain. `head` (the count and last hash kept beside the chain) also catches entries
 * removed from the end, which the links alone cannot show.
 */
export function verifyChain(links: readonly ChainLink[], head?: { count: number; hash: string }): ChainProblem[] {
  const problems: ChainProblem[] = [];
  const sorted = [...links].sort((a, b) => a.seq - b.seq);
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const link of sorted) {
    if (link.seq !== expectedSeq) {
      problems.push({
        code: 'sequence_gap',
        seq: link.seq,
        message:
          link.seq > expectedSeq
            ? `entries ${expectedSeq}..${link.seq - 1} are missing before entry ${link.seq}`
            : `entry ${link.seq} appears twice`,
      });
    }
    if (chainHash(link.record, link.prevHash) !== link.entryHash) {
      problems.push({ code: 'entry_tampered', seq: link.seq, message: `entry ${link.seq} does not match its hash: its content was changed` });
    }
    if (link.prevHash !== expectedPrev) {
      problems.push({
        code: 'chain_broken',
        seq: link.seq,
        message: `entry ${link.seq} does not follow the entry before it: that one was changed, removed or replaced`,
      });
    }
    expectedPrev = link.entryHash;
    expectedSeq = link.seq + 1;
  }
  if (head) {
    const last = sorted.at(-1);
    const count = sorted.length;
    if (head.count !== count || head.hash !== (last?.entryHash ?? GENESIS_HASH)) {
      problems.push({
        code: 'head_mismatch',
        seq: last?.seq ?? 0,
        message: `the chain head records ${head.count} entries, the register holds ${count}${
          head.count === count ? ' but the last hash differs' : ''
        }`,
      });
    }
  }
  return problems;
}
