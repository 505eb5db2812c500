/**
 * A small ASN.1 DER writer and BER/DER reader — just what CMS and X.509 need here. (pkijs 4 and
 * asn1js 4 are ESM-only: Jest in CommonJS mode on Node 20 cannot load them, and tsc with
 * `module: node16` rejects the import, so the encoding is done here instead.)
 * Tags are single-byte (tag number < 31), which covers everything in RFC 5280/5652/5035.
 */

export const TAG = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utf8String: 0x0c,
  printableString: 0x13,
  t61String: 0x14,
  ia5String: 0x16,
  utcTime: 0x17,
  generalizedTime: 0x18,
  universalString: 0x1c,
  bmpString: 0x1e,
  sequence: 0x30,
  set: 0x31,
} as const;

// ---------------------------------------------------------------------------------------- writing

function lengthBytes(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v % 256);
  return Uint8Array.of(0x80 | out.length, ...out);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** One TLV with the given identifier byte. */
export function tlv(tag: number, content: Uint8Array): Uint8Array {
  return concat([Uint8Array.of(tag), lengthBytes(content.length), content]);
}

export const sequence = (...items: Uint8Array[]): Uint8Array => tlv(TAG.sequence, concat(items));

/** SET OF in DER order: elements sorted by their encodings (X.690 §11.6). */
export function setOf(items: readonly Uint8Array[]): Uint8Array {
  return tlv(TAG.set, concat([...items].sort(compareBytes)));
}

export const octetString = (bytes: Uint8Array): Uint8Array => tlv(TAG.octetString, bytes);
export const nullValue = (): Uint8Array => Uint8Array.of(TAG.null, 0);
export const utf8String = (s: string): Uint8Array => tlv(TAG.utf8String, new TextEncoder().encode(s));

/** [n] EXPLICIT: a constructed context-specific wrapper. */
export const explicit = (n: number, ...items: Uint8Array[]): Uint8Array => tlv(0xa0 | n, concat(items));

/** [n] IMPLICIT constructed: the wrapper replaces a SEQUENCE/SET tag. */
export const implicitConstructed = (n: number, content: Uint8Array): Uint8Array => tlv(0xa0 | n, content);

/** INTEGER from its unsigned big-endian magnitude (adds the 0x00 sign byte when needed). */
export function unsignedInteger(magnitude: Uint8Array): Uint8Array {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  const body = magnitude.subarray(start);
  return tlv(TAG.integer, body.length > 0 && body[0] & 0x80 ? concat([Uint8Array.of(0), body]) : body.length ? body : Uint8Array.of(0));
}

export function smallInteger(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 0x7fffffff) throw new RangeError(`smallInteger: ${n}`);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return unsignedInteger(Uint8Array.from(bytes.length ? bytes : [0]));
}

export function oid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map((a) => {
    if (!/^\d+$/.test(a)) throw new RangeError(`bad OID ${dotted}`);
    return BigInt(a);
  });
  if (arcs.length < 2 || arcs[0] > 2n) throw new RangeError(`bad OID ${dotted}`);
  const out: number[] = [];
  const push = (v: bigint) => {
    const group: number[] = [Number(v & 0x7fn)];
    for (let x = v >> 7n; x > 0n; x >>= 7n) group.unshift(Number(x & 0x7fn) | 0x80);
    out.push(...group);
  };
  push(arcs[0] * 40n + arcs[1]);
  for (const a of arcs.slice(2)) push(a);
  return tlv(TAG.oid, Uint8Array.from(out));
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** RFC 5280/5652: UTCTime for 1950–2049, GeneralizedTime otherwise; whole seconds, Z. */
export function time(date: Date): Uint8Array {
  const y = date.getUTCFullYear();
  const rest = `${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
  return y >= 1950 && y < 2050
    ? tlv(TAG.utcTime, new TextEncoder().encode(`${pad(y % 100)}${rest}`))
    : tlv(TAG.generalizedTime, new TextEncoder().encode(`${pad(y, 4)}${rest}`));
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

// ---------------------------------------------------------------------------------------- reading

export interface Node {
  /** identifier byte, e.g. 0x30 SEQUENCE, 0xa0 [0] constructed */
  tag: number;
  constructed: boolean;
  /** the whole encoding of this element, as in the input */
  raw: Uint8Array;
  /** the content octets (for indefinite lengths: without the end-of-contents marker) */
  content: Uint8Array;
}

export class DerError extends Error {}

/** Reads the element at `offset`. Accepts BER indefinite lengths (some signers emit them). */
export function read(buf: Uint8Array, offset = 0): Node {
  if (offset + 2 > buf.length) throw new DerError('truncated element');
  const tag = buf[offset];
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte tags are not supported');
  const constructed = (tag & 0x20) !== 0;
  let at = offset + 1;
  const first = buf[at++];
  if (first === 0x80) {
    if (!constructed) throw new DerError('indefinite length on a primitive element');
    const contentStart = at;
    for (;;) {
      if (at + 1 >= buf.length) throw new DerError('missing end-of-contents');
      if (buf[at] === 0 && buf[at + 1] === 0) break;
      at += read(buf, at).raw.length;
    }
    return { tag, constructed, raw: buf.subarray(offset, at + 2), content: buf.subarray(contentStart, at) };
  }
  let length = first;
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n > 6) throw new DerError('length too large');
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + buf[at++];
  }
  if (at + length > buf.length) throw new DerError('element runs past the end');
  return { tag, constructed, raw: buf.subarray(offset, at + length), content: buf.subarray(at, at + length) };
}

/** The elements inside a constructed element. */
export function children(node: Node): Node[] {
  if (!node.constructed) throw new DerError(`element 0x${node.tag.toString(16)} is not constructed`);
  const out: Node[] = [];
  const c = node.content;
  for (let at = 0; at < c.length; ) {
    const child = read(c, at);
    out.push(child);
    at += child.raw.length;
  }
  return out;
}

export function expectTag(node: Node | undefined, tag: number, what: string): Node {
  if (!node || node.tag !== tag) throw new DerError(`${what}: expected tag 0x${tag.toString(16)}, got ${node ? `0x${node.tag.toString(16)}` : 'nothing'}`);
  return node;
}

export function readOid(node: Node): string {
  expectTag(node, TAG.oid, 'OID');
  const arcs: bigint[] = [];
  let v = 0n;
  for (const b of node.content) {
    v = (v << 7n) | BigInt(b & 0x7f);
    if (!(b & 0x80)) {
      arcs.push(v);
      v = 0n;
    }
  }
  if (arcs.length === 0) throw new DerError('empty OID');
  const first = arcs[0] < 40n ? 0n : arcs[0] < 80n ? 1n : 2n;
  return [first, arcs[0] - first * 40n, ...arcs.slice(1)].join('.');
}

export function readString(node: Node): string {
  switch (node.tag) {
    case TAG.utf8String:
      return new TextDecoder('utf-8', { fatal: true }).decode(node.content);
    case TAG.bmpString: {
      const swapped = Buffer.from(node.content);
      swapped.swap16();
      return swapped.toString('utf16le');
    }
    case TAG.universalString: {
      let s = '';
      for (let i = 0; i + 3 < node.content.length; i += 4) {
        s += String.fromCodePoint(new DataView(node.content.buffer, node.content.byteOffset + i, 4).getUint32(0));
      }
      return s;
    }
    case TAG.printableString:
    case TAG.ia5String:
    case TAG.t61String:
      return Buffer.from(node.content).toString('latin1');
    default:
      return Buffer.from(node.content).toString('hex');
  }
}

export function readTime(node: Node): Date {
  const s = Buffer.from(node.content).toString('latin1');
  const m =
    node.tag === TAG.utcTime
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(s)
      : node.tag === TAG.generalizedTime
        ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/.exec(s)
        : null;
  if (!m) throw new DerError(`unsupported time ${s}`);
  let year = Number(m[1]);
  if (node.tag === TAG.utcTime) year += year < 50 ? 2000 : 1900;
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)));
}
