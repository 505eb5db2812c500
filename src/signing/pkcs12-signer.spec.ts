import { execFileSync } from 'node:child_process';
import { createHash, verify, X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../common/domain-error';
import { makeTestPki, type TestPki } from '../../test/signing-support/test-pki';
import { Pkcs12Signer } from './pkcs12-signer';

let pki: TestPki;
// openssl makes three RSA keys: slow on a loaded machine
beforeAll(() => {
  pki = makeTestPki();
}, 60_000);
afterAll(() => pki.cleanup());

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    return e instanceof DomainError ? e.code : `not a DomainError: ${(e as Error).message}`;
  }
}

describe('Pkcs12Signer', () => {
  it.each([
    ['leader (Vietnamese passphrase, PBES2/AES)', () => pki.leader, 'Nguyễn Đình Huấn'],
    ['agency (ASCII passphrase)', () => pki.agency, 'Ủy ban nhân dân xã Kim Thành'],
  ])('opens the %s file and names the signer', async (_name, who, cn) => {
    const id = who();
    const signer = await Pkcs12Signer.fromFile(id.p12Path, id.passphrase);
    expect(signer.describe()).toEqual({ name: cn, organization: 'Ủy ban nhân dân xã Kim Thành' });
    const chain = await signer.certificateChain();
    // the certificates come back byte for byte as openssl wrote them, the signer's first
    expect(chain.map((c) => Buffer.from(c).toString('base64'))).toEqual([
      Buffer.from(id.certDer).toString('base64'),
      Buffer.from(pki.caCertDer).toString('base64'),
    ]);
  });

  it('accepts the passphrase typed in NFD (decomposed accents)', async () => {
    const signer = await Pkcs12Signer.fromFile(pki.leader.p12Path, pki.leader.passphrase.normalize('NFD'));
    expect(signer.describe().name).toBe('Nguyễn Đình Huấn');
  });

  it('signs a digest so that the certificate key verifies it over the original data', async () => {
    const signer = await Pkcs12Signer.fromFile(pki.leader.p12Path, pki.leader.passphrase);
    const data = Buffer.from('thuộc tính đã ký');
    const sig = await signer.sign(new Uint8Array(createHash('sha256').update(data).digest()), 'sha256');
    const key = new X509Certificate(pki.leader.certDer).publicKey;
    expect(sig.length).toBe(256); // RSA-2048
    expect(verify('sha256', data, key, sig)).toBe(true);
    expect(verify('sha256', Buffer.from('khác'), key, sig)).toBe(false);
  });

  it('rejects a digest that is not 32 bytes', async () => {
    const signer = await Pkcs12Signer.fromFile(pki.agency.p12Path, pki.agency.passphrase);
    expect(await codeOf(signer.sign(new Uint8Array(20), 'sha256'))).toBe('signing.bad_signature');
  });

  it.each([
    ['a wrong Vietnamese-file passphrase', () => pki.leader.p12Path, 'mật khẩu sai', 'signing.bad_passphrase'],
    ['a wrong ASCII-file passphrase', () => pki.agency.p12Path, 'wrong', 'signing.bad_passphrase'],
    ['an empty passphrase', () => pki.agency.p12Path, '', 'signing.bad_passphrase'],
    ['a missing file', () => join(pki.dir, 'none.p12'), 'x', 'signing.bad_key_file'],
    ['a file that is not PKCS#12', () => join(pki.dir, 'openssl.cnf'), 'x', 'signing.bad_key_file'],
  ])('fails with a code for %s', async (_name, path, passphrase, code) => {
    expect(await codeOf(Pkcs12Signer.fromFile(path(), passphrase))).toBe(code);
  });

  it('opens a legacy PKCS#12 (PBE-SHA1-3DES, SHA-1 MAC) with a Vietnamese passphrase', async () => {
    const pem = execFileSync('openssl', ['pkcs12', '-in', pki.leader.p12Path, '-passin', `pass:${pki.leader.passphrase}`, '-nodes']);
    const legacy = join(pki.dir, 'legacy.p12');
    writeFileSync(join(pki.dir, 'legacy.pem'), pem);
    execFileSync('openssl', ['pkcs12', '-export', '-in', join(pki.dir, 'legacy.pem'), '-certpbe', 'PBE-SHA1-3DES', '-keypbe', 'PBE-SHA1-3DES',
      '-macalg', 'sha1', '-passout', 'pass:khóa cũ', '-out', legacy]);
    const signer = await Pkcs12Signer.fromBuffer(readFileSync(legacy), 'khóa cũ');
    expect(signer.describe().name).toBe('Nguyễn Đình Huấn');
    expect(await codeOf(Pkcs12Signer.fromBuffer(readFileSync(legacy), 'khoa cu'))).toBe('signing.bad_passphrase');
  });
});
