import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ArchiveStore } from './archive-store';
import { asciiName, writeBag } from './bagit';

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

describe('ArchiveStore', () => {
  let dir: string;
  let store: ArchiveStore;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-store-'));
    store = ArchiveStore.forDataDir(dir);
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('names a file by its sha-256 under sha256/ab/<rest>', () => {
    const h = sha('x');
    expect(store.pathOf(h)).toBe(path.join(dir, 'archive', 'sha256', h.slice(0, 2), h.slice(2)));
    expect(() => store.pathOf('../../etc/passwd')).toThrow(/not a sha-256/);
  });

  it('stages beside the final name, and only promote makes the file part of the archive', async () => {
    const staged = await store.stage(Buffer.from('văn bản'), 7);
    expect(staged.sha256).toBe(sha('văn bản'));
    expect(path.dirname(staged.pendingPath)).toBe(path.dirname(staged.finalPath));
    expect(store.has(staged.sha256)).toBe(false);
    expect(store.listPending().map((p) => [p.sha256, p.agencyId])).toEqual([[staged.sha256, 7]]);

    await store.promote(staged);
    expect(store.has(staged.sha256)).toBe(true);
    expect(store.listPending()).toEqual([]);
    expect(fs.statSync(staged.finalPath).mode & 0o777).toBe(0o444);
    expect(store.listStored()).toEqual({ hashes: [staged.sha256], strays: [] });
    expect(await store.hashOf(staged.sha256)).toBe(staged.sha256);
  });

  it('never overwrites: the same bytes again keep the first file, even a changed one', async () => {
    const first = await store.stage(Buffer.from('a'), 1);
    await store.promote(first);
    fs.chmodSync(first.finalPath, 0o644);
    fs.writeFileSync(first.finalPath, 'tampered');
    const again = await store.stage(Buffer.from('a'), 1);
    await store.promote(again);
    expect(fs.readFileSync(first.finalPath, 'utf8')).toBe('tampered');
    expect(await store.hashOf(first.sha256)).toBe(sha('tampered'));
    expect(store.listPending()).toEqual([]);
  });

  it('promotes twice without harm (the issuer and a recovery racing) and discards what was not committed', async () => {
    const a = await store.stage(Buffer.from('a'), 1);
    await store.promote(a);
    await expect(store.promote(a)).resolves.toBeUndefined();
    const b = await store.stage(Buffer.from('b'), 1);
    await store.discard(b);
    expect(store.has(b.sha256)).toBe(false);
    expect(store.listPending()).toEqual([]);
  });

  it('lists anything else among the files as a stray', async () => {
    const a = await store.stage(Buffer.from('a'), 1);
    await store.promote(a);
    fs.writeFileSync(path.join(path.dirname(a.finalPath), 'notes.txt'), '');
    expect(store.listStored().strays.map((s) => path.basename(s))).toEqual(['notes.txt']);
  });
});

describe('bagit', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-bag-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes the tag files and manifests of RFC 8493', () => {
    const bag = path.join(dir, 'bag');
    expect(writeBag(bag, [{ path: 'a/b.txt', bytes: Buffer.from('hello') }], { 'Source-Organization': 'UBND xã Thử' })).toEqual({ octets: 5, files: 1 });
    expect(fs.readFileSync(path.join(bag, 'manifest-sha256.txt'), 'utf8')).toBe(`${sha('hello')}  data/a/b.txt\n`);
    expect(fs.readFileSync(path.join(bag, 'bag-info.txt'), 'utf8')).toBe('Source-Organization: UBND xã Thử\nPayload-Oxum: 5.1\n');
    const tag = fs.readFileSync(path.join(bag, 'tagmanifest-sha256.txt'), 'utf8');
    expect(tag).toBe(
      ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt'].map((f) => `${sha(fs.readFileSync(path.join(bag, f), 'utf8'))}  ${f}`).join('\n') + '\n',
    );
  });

  it.each([['../x'], ['/abs'], ['a//b'], ['a/./b']])('refuses the payload path %s', (p) => {
    expect(() => writeBag(path.join(dir, 'bag'), [{ path: p, bytes: Buffer.from('') }], {})).toThrow(/bad payload path/);
  });

  it.each([
    ['QĐ-UBND', 'QD-UBND'],
    ['NQ-HĐND', 'NQ-HDND'],
    ['kế hoạch/2026', 'ke-hoach-2026'],
  ])('ASCII file-name part of %s is %s', (s, a) => {
    expect(asciiName(s)).toBe(a);
  });
});
