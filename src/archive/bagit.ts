/**
 * A BagIt package (RFC 8493, version 1.0): `bagit.txt`, `bag-info.txt`, the payload under `data/`,
 * `manifest-sha256.txt` over the payload and `tagmanifest-sha256.txt` over the tag files.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface BagPayloadFile {
  /** path inside data/, with "/" separators */
  path: string;
  bytes: Uint8Array;
}

export interface BagInfo {
  [label: string]: string;
}

const sha256 = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');

/** RFC 8493 §2.1.3: only CR, LF and % are percent-encoded in manifest paths. */
function manifestPath(p: string): string {
  return p.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Writes the bag into `dir`, which must not exist or be empty. Returns the payload oxum. */
export function writeBag(dir: string, payload: BagPayloadFile[], info: BagInfo): { octets: number; files: number } {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) throw new Error(`${dir} is not empty`);
  const seen = new Set<string>();
  for (const f of payload) {
    if (!f.path || f.path.startsWith('/') || f.path.split('/').some((s) => s === '' || s === '.' || s === '..')) {
      throw new Error(`bad payload path: ${f.path}`);
    }
    if (seen.has(f.path)) throw new Error(`payload path used twice: ${f.path}`);
    seen.add(f.path);
  }
  fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
  let octets = 0;
  const manifest: string[] = [];
  for (const f of [...payload].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const target = path.join(dir, 'data', ...f.path.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, f.bytes);
    octets += f.bytes.byteLength;
    manifest.push(`${sha256(f.bytes)}  ${manifestPath(`data/${f.path}`)}`);
  }
  const tags: [string, string][] = [
    ['bagit.txt', 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n'],
    [
      'bag-info.txt',
      Object.entries({ ...info, 'Payload-Oxum': `${octets}.${payload.length}` })
        .map(([k, v]) => `${k}: ${v.normalize('NFC').replace(/\r?\n/g, '\n  ')}`)
        .join('\n') + '\n',
    ],
    ['manifest-sha256.txt', manifest.join('\n') + (manifest.length ? '\n' : '')],
  ];
  for (const [name, text] of tags) fs.writeFileSync(path.join(dir, name), text, 'utf8');
  fs.writeFileSync(
    path.join(dir, 'tagmanifest-sha256.txt'),
    tags.map(([name, text]) => `${sha256(Buffer.from(text, 'utf8'))}  ${name}`).join('\n') + '\n',
    'utf8',
  );
  return { octets, files: payload.length };
}

/** An ASCII file-name part: "QĐ-UBND" → "QD-UBND". */
export function asciiName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
