/**
 * The immutable file store: files named by their sha-256 under `<root>/sha256/ab/<rest of hash>`.
 *
 * Writing is two steps so that a file and its register entry appear together or not at all:
 * `stage` writes a pending file in the file's own folder (fsynced, and the folder too) while the
 * register transaction is open; after the commit `promote` links it to its final name (a hard link
 * never replaces an existing file) and removes the pending name. A pending file whose transaction
 * did not commit is removed by `discard` or, after a crash, by ArchiveService.recover().
 *
 * Nothing here overwrites or deletes a stored file: the same hash means the same bytes are there.
 * Stored files are read-only (0444).
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

export interface StagedFile {
  sha256: string;
  size: number;
  agencyId: number;
  /** the pending file, beside `finalPath` */
  pendingPath: string;
  finalPath: string;
}

const HEX64 = /^[0-9a-f]{64}$/;
const PENDING = /^\.pending-(\d+)-([0-9a-f]{64})-[0-9a-z]+$/;

export class ArchiveStore {
  constructor(readonly root: string) {}

  static forDataDir(dataDir: string): ArchiveStore {
    return new ArchiveStore(path.join(dataDir, 'archive'));
  }

  pathOf(sha256: string): string {
    if (!HEX64.test(sha256)) throw new Error(`not a sha-256: ${sha256}`);
    return path.join(this.root, 'sha256', sha256.slice(0, 2), sha256.slice(2));
  }

  /** Path relative to the store root, for reports. */
  relative(p: string): string {
    return path.relative(this.root, p).split(path.sep).join('/');
  }

  has(sha256: string): boolean {
    return fs.existsSync(this.pathOf(sha256));
  }

  async read(sha256: string): Promise<Buffer> {
    return fsp.readFile(this.pathOf(sha256));
  }

  /** sha-256 of the bytes stored under this name now (null when missing). */
  async hashOf(sha256: string): Promise<string | null> {
    const p = this.pathOf(sha256);
    if (!fs.existsSync(p)) return null;
    const hash = createHash('sha256');
    for await (const chunk of fs.createReadStream(p)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  }

  async stage(bytes: Uint8Array, agencyId: number): Promise<StagedFile> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const finalPath = this.pathOf(sha256);
    const dir = path.dirname(finalPath);
    if (!fs.existsSync(dir)) {
      await fsp.mkdir(dir, { recursive: true });
      await syncDir(path.dirname(dir));
    }
    const pendingPath = path.join(dir, `.pending-${agencyId}-${sha256}-${process.pid.toString(36)}${randomBytes(6).toString('hex')}`);
    const fh = await fsp.open(pendingPath, 'wx', 0o444);
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await syncDir(dir);
    return { sha256, size: bytes.byteLength, agencyId, pendingPath, finalPath };
  }

  /** Gives a committed pending file its final name; a file already there (same hash) is kept as is. */
  async promote(staged: Pick<StagedFile, 'pendingPath' | 'finalPath'>): Promise<void> {
    try {
      await fsp.link(staged.pendingPath, staged.finalPath);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // EEXIST: the same bytes were archived before; ENOENT: someone (recovery) promoted it already
      if (code === 'ENOENT' && fs.existsSync(staged.finalPath)) return;
      if (code !== 'EEXIST') throw e;
    }
    await fsp.rm(staged.pendingPath, { force: true });
    await syncDir(path.dirname(staged.finalPath));
  }

  /** Removes a pending file whose transaction did not commit (it never was part of the archive). */
  async discard(staged: Pick<StagedFile, 'pendingPath'>): Promise<void> {
    await fsp.rm(staged.pendingPath, { force: true });
    await syncDir(path.dirname(staged.pendingPath));
  }

  /** Every pending file left by an unfinished write. */
  listPending(): StagedFile[] {
    const out: StagedFile[] = [];
    for (const dir of this.shardDirs()) {
      for (const name of fs.readdirSync(dir)) {
        const m = PENDING.exec(name);
        if (!m) continue;
        const sha256 = m[2];
        out.push({ sha256, size: -1, agencyId: Number(m[1]), pendingPath: path.join(dir, name), finalPath: this.pathOf(sha256) });
      }
    }
    return out;
  }

  /** Every stored file's name (its hash), and any other file found among them. */
  listStored(): { hashes: string[]; strays: string[] } {
    const hashes: string[] = [];
    const strays: string[] = [];
    for (const dir of this.shardDirs()) {
      const prefix = path.basename(dir);
      for (const name of fs.readdirSync(dir)) {
        if (PENDING.test(name)) continue;
        const sha256 = prefix + name;
        if (HEX64.test(sha256)) hashes.push(sha256);
        else strays.push(path.join(dir, name));
      }
    }
    return { hashes: hashes.sort(), strays };
  }

  private shardDirs(): string[] {
    const base = path.join(this.root, 'sha256');
    if (!fs.existsSync(base)) return [];
    return fs
      .readdirSync(base, { withFileTypes: true })
      .filter((d) => d.isDirectory() && /^[0-9a-f]{2}$/.test(d.name))
      .map((d) => path.join(base, d.name))
      .sort();
  }
}

/** A rename or a new name is durable only once its folder is fsynced. */
async function syncDir(dir: string): Promise<void> {
  const fh = await fsp.open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
