import { Inject, Injectable } from '@nestjs/common';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DomainError } from '../common/domain-error';

/**
 * The images signatures show (ND30 PL I §II.7.d, §II.8): an official's signature (blue) and the
 * agency's seal (red), PNG with a transparent background. They are personal and official marks,
 * so they live in the data folder (never in git), one place per agency:
 *
 *   <data>/signing/<agency>/officials/<official>.png
 *   <data>/signing/<agency>/seal.png
 *
 * An image given with the request (--image, `image`) is used instead.
 */
@Injectable()
export class SigningImages {
  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'dataDir'>) {}

  officialPath(agency: string, official: string): string {
    return path.join(this.config.dataDir, 'signing', safe(agency), 'officials', `${safe(official)}.png`);
  }

  sealPath(agency: string): string {
    return path.join(this.config.dataDir, 'signing', safe(agency), 'seal.png');
  }

  async official(agency: string, official: string, given?: Uint8Array): Promise<Uint8Array> {
    return given ?? read(this.officialPath(agency, official), `no signature image for ${official}`, 'image');
  }

  async seal(agency: string, given?: Uint8Array): Promise<Uint8Array> {
    return given ?? read(this.sealPath(agency), `no seal image for ${agency}`, 'seal.image');
  }
}

/** Codes are [a-z0-9-] in practice; anything else cannot climb out of the folder. */
function safe(code: string): string {
  return code.normalize('NFC').replace(/[/\\\0]/g, '_').replace(/^\.+/, '_');
}

async function read(file: string, what: string, field: string): Promise<Uint8Array> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    throw DomainError.validation('signing.image_required', `${what}: send one with the request or put it at ${file}`, [
      { path: field, message: `PNG required (or ${file})`, key: 'signing.image_required' },
    ]);
  }
}
