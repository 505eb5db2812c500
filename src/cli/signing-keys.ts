import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AgencySeal } from '../signing/agency-seal';
import { Pkcs12Signer } from '../signing/pkcs12-signer';
import { CliError } from './cli-support';

/** Where the passphrase comes from when neither --pass-env nor --pass-file says. */
export const DEFAULT_PASSPHRASE_ENV = 'VANTHU_P12_PASSPHRASE';

export interface KeyOptions {
  p12?: string;
  passEnv?: string;
  passFile?: string;
}

/**
 * The passphrase of a PKCS#12 file, never from the command line (where `ps` and shell history
 * would show it): from an environment variable (--pass-env NAME, default VANTHU_P12_PASSPHRASE) or
 * the first line of a file (--pass-file, e.g. a secret mounted by the service manager).
 */
export function readPassphrase(o: KeyOptions): string {
  if (o.passEnv && o.passFile) throw new CliError('give --pass-env or --pass-file, not both');
  if (o.passFile) {
    let text: string;
    try {
      text = fs.readFileSync(o.passFile, 'utf8');
    } catch (e) {
      throw new CliError(`cannot read --pass-file ${o.passFile}: ${(e as Error).message}`);
    }
    return text.split(/\r?\n/)[0];
  }
  const name = o.passEnv ?? DEFAULT_PASSPHRASE_ENV;
  const value = process.env[name];
  if (value === undefined) {
    throw new CliError(
      `the key file's passphrase is read from $${name}${o.passEnv ? '' : ` (or --pass-env <VAR>, --pass-file <file>)`}, which is not set; it is never taken from the command line`,
    );
  }
  return value;
}

export async function openKey(o: KeyOptions): Promise<Pkcs12Signer> {
  if (!o.p12) throw new CliError('--p12 <file> is required');
  if (!fs.existsSync(o.p12)) throw new CliError(`no key file ${o.p12}`);
  return Pkcs12Signer.fromFile(path.resolve(o.p12), readPassphrase(o));
}

export function readPng(file: string | undefined, option: string): Buffer {
  if (!file) throw new CliError(`${option} <file.png> is required`);
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new CliError(`cannot read ${option} ${file}: ${(e as Error).message}`);
  }
}

export function sealDiameter(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const mm = Number(raw);
  if (!Number.isFinite(mm) || mm < 10 || mm > 60) throw new CliError(`--seal-mm wants the seal's diameter in mm (10–60), not "${raw}"`);
  return mm;
}

/**
 * The agency's key and seal for the issue step (`issue --p12`, `sign --seal`); without an image
 * option the agency's stored seal (<data>/signing/<agency>/seal.png) is used.
 */
export async function openSeal(o: KeyOptions & { sealMm?: string }, image: string | undefined, imageOption: string): Promise<AgencySeal> {
  const mm = sealDiameter(o.sealMm);
  return {
    signer: await openKey(o),
    ...(image !== undefined ? { image: readPng(image, imageOption) } : {}),
    ...(mm !== undefined ? { diameterMm: mm } : {}),
  };
}
