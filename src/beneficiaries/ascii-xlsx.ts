/**
 * A copy of an .xlsx (a zip) whose XML parts hold only ASCII: every other character becomes a
 * character reference ("ặ" → "&#x1eb7;"), which any XML parser turns back into the character.
 *
 * Why: ExcelJS 4.4's streaming reader decodes each chunk of a zip entry to text on its own
 * (TextDecoder without `stream: true`), so a Vietnamese letter whose UTF-8 bytes straddle two chunks
 * comes out as "��". ASCII cannot be split. The rewrite works on bytes (node:zlib, no JS strings of
 * the whole sheet) so that a 100,000-row sheet costs tens of MB, not hundreds.
 *
 * Only what ExcelJS needs is kept: stored or deflated entries, no zip64 (an .xlsx of a list is far
 * below 4 GB). Anything else gives null and the caller reads the original.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** uncompressed */
  data: Buffer;
}
type Entry = ZipEntry;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of a zip, inflated, in central-directory order; null when it is not one we read. */
export function readZipEntries(zip: Buffer): Entry[] | null {
  // the end-of-central-directory record is in the last 64 kB + 22 bytes
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || p === 0xffffffff) return null;
  const out: Entry[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== CENTRAL) return null;
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (compressed === 0xffffffff || local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL) return null;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressed);
    if (method === 0) out.push({ name, data: raw });
    else if (method === 8) out.push({ name, data: inflateRawSync(raw) });
    else return null;
  }
  return out;
}

/** UTF-8 bytes → the same text in ASCII with character references; the input when it is ASCII already. */
export function asciiXml(utf8: Buffer): Buffer {
  let extra = 0;
  for (let i = 0; i < utf8.length; i++) {
    const b = utf8[i];
    if (b < 0x80) continue;
    const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    // "&#x" + up to 6 hex digits + ";" replaces `len` bytes
    extra += 10 - len;
    i += len - 1;
  }
  if (extra === 0) return utf8;
  const out = Buffer.allocUnsafe(utf8.length + extra);
  let o = 0;
  for (let i = 0; i < utf8.length; i++) {
    const b = utf8[i];
    if (b < 0x80) {
      out[o++] = b;
      continue;
    }
    let cp: number;
    if (b >= 0xf0) {
      cp = ((b & 0x07) << 18) | ((utf8[i + 1] & 0x3f) << 12) | ((utf8[i + 2] & 0x3f) << 6) | (utf8[i + 3] & 0x3f);
      i += 3;
    } else if (b >= 0xe0) {
      cp = ((b & 0x0f) << 12) | ((utf8[i + 1] & 0x3f) << 6) | (utf8[i + 2] & 0x3f);
      i += 2;
    } else {
      cp = ((b & 0x1f) << 6) | (utf8[i + 1] & 0x3f);
      i += 1;
    }
    o += out.write(`&#x${cp.toString(16)};`, o, 'latin1');
  }
  return out.subarray(0, o);
}

/** A zip of these entries, deflated (level 1: this copy is read once, at once). */
export function writeZip(entries: Entry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const packed = deflateRawSync(e.data, { level: 1 });
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(CENTRAL, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(e.data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, name, packed);
    central.push(dir, name);
    offset += local.length + name.length + packed.length;
  }
  const size = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

/**
 * What ExcelJS's streaming reader must have read before a worksheet: the relationships, the
 * workbook, the styles and the shared strings. A sheet that comes earlier in the zip is put aside in
 * a temporary file, and then a small workbook whose shared strings come last loses them (its cells
 * read {sharedString: n}); so they go first here.
 */
const READ_FIRST = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];

/** The workbook's entries with ASCII-only XML parts, the workbook-level parts first. */
export function asciiEntries(entries: Entry[]): Entry[] {
  const rank = (name: string) => {
    const i = READ_FIRST.indexOf(name);
    return i < 0 ? READ_FIRST.length : i;
  };
  return entries
    .filter((e) => !e.name.endsWith('/'))
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e.name) - rank(b.e.name) || a.i - b.i)
    .map(({ e }) => (/\.(xml|rels)$/i.test(e.name) ? { name: e.name, data: asciiXml(e.data) } : e));
}
