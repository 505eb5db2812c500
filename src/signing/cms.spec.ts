import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../common/domain-error';
import { makeEcSigner } from '../../test/signing-support/ec-signer';
import { makeTestPki, type TestPki } from '../../test/signing-support/test-pki';
import { buildCadesDetached, OID, parseCms } from './cms';
import * as der from './der';
import { Pkcs12Signer } from './pkcs12-signer';
import type { Signer } from './signer';

let pki: TestPki;
let leader: Signer;
beforeAll(async () => {
  pki = makeTestPki();
  leader = await Pkcs12Signer.fromFile(pki.leader.p12Path, pki.leader.passphrase);
  // openssl makes three RSA keys: slow on a loaded machine
}, 60_000);
afterAll(() => pki.cleanup());

const content = Buffer.from('%PDF-1.7 nội dung đã ký của văn bản');
const sha256 = (b: Uint8Array) => new Uint8Array(createHash('sha256').update(b).digest());
const when = new Date(Date.UTC(2026, 4, 26, 7, 30, 15, 640));

/** OpenSSL as the second opinion on message-digest and the signature (chain trust skipped: -noverify). */
function opensslVerify(cms: Uint8Array, data: Uint8Array, name: string): { ok: boolean; stderr: string } {
  const sigPath = join(pki.dir, `${name}.p7s`);
  const dataPath = join(pki.dir, `${name}.bin`);
  writeFileSync(sigPath, cms);
  writeFileSync(dataPath, data);
  const r = spawnSync('openssl', ['cms', '-verify', '-inform', 'DER', '-in', sigPath, '-content', dataPath, '-binary', '-noverify', '-out', '/dev/null']);
  return { ok: r.status === 0, stderr: r.stderr.toString() };
}

describe('buildCadesDetached', () => {
  it('makes a SignedData that OpenSSL verifies against the detached content', async () => {
    const cms = await buildCadesDetached({ contentDigest: sha256(content), signer: leader, signingTime: when });
    expect(opensslVerify(cms, content, 'ok')).toEqual({ ok: true, stderr: expect.stringContaining('Verification successful') });
  });

  it('is rejected by OpenSSL for other content (the digest is really bound)', async () => {
    const cms = await buildCadesDetached({ contentDigest: sha256(content), signer: leader, signingTime: when });
    expect(opensslVerify(cms, Buffer.from('%PDF-1.7 nội dung khác'), 'other').ok).toBe(false);
  });

  it('carries content-type, message-digest, signing-time and signing-certificate-v2, in DER order', async () => {
    const digest = sha256(content);
    const parsed = parseCms(await buildCadesDetached({ contentDigest: digest, signer: leader, signingTime: when }));
    expect(parsed.contentType).toBe(OID.data);
    expect(Buffer.from(parsed.messageDigest ?? []).toString('hex')).toBe(Buffer.from(digest).toString('hex'));
    // whole seconds of the requested time
    expect(parsed.signingTime?.toISOString()).toBe('2026-05-26T07:30:15.000Z');
    // ESS certHash is the SHA-256 of the signer certificate as openssl wrote it
    expect(Buffer.from(parsed.signingCertificateHash ?? []).toString('hex')).toBe(createHash('sha256').update(pki.leader.certDer).digest('hex'));
    const attrs = der.children(der.read(parsed.signedAttributesDer ?? new Uint8Array()));
    expect(attrs.map((a) => der.readOid(der.children(a)[0])).sort()).toEqual(
      [OID.contentType, OID.messageDigest, OID.signingTime, OID.signingCertificateV2].sort(),
    );
    const encodings = attrs.map((a) => Buffer.from(a.raw));
    expect([...encodings].sort(Buffer.compare)).toEqual(encodings);
    expect([parsed.digestAlgorithm, parsed.signatureAlgorithm]).toEqual([OID.sha256, OID.sha256WithRsa]);
  });

  it('embeds the chain byte for byte, the signer first, and names it by the verbatim UTF8String issuer', async () => {
    const parsed = parseCms(await buildCadesDetached({ contentDigest: sha256(content), signer: leader, signingTime: when }));
    expect(parsed.certificates.map((c) => Buffer.from(c).toString('base64'))).toEqual([
      Buffer.from(pki.leader.certDer).toString('base64'),
      Buffer.from(pki.caCertDer).toString('base64'),
    ]);
    expect(parsed.signerIndex).toBe(0);
    // OpenSSL's reading of the SignerInfo: the issuer printed from the bytes we wrote
    const path = join(pki.dir, 'print.p7s');
    writeFileSync(path, await buildCadesDetached({ contentDigest: sha256(content), signer: leader, signingTime: when }));
    const printed = execFileSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', path, '-nameopt', 'utf8,sep_comma_plus']).toString();
    expect(printed).toContain('CN=CA thử nghiệm Văn thư');
    expect(printed).toContain('id-smime-aa-signingCertificateV2');
    expect(printed).toContain('signingTime');
  });

  it('leaves out signing-time when asked (strict PAdES B-B) and still verifies', async () => {
    const cms = await buildCadesDetached({ contentDigest: sha256(content), signer: leader, signingTime: when, signingTimeAttribute: false });
    expect(parseCms(cms).signingTime).toBeUndefined();
    expect(opensslVerify(cms, content, 'nost').ok).toBe(true);
  });

  it('takes an ECDSA signature from a hash-only (remote-style) signer; OpenSSL verifies it', async () => {
    const ec = makeEcSigner(pki.dir, 'Ký số từ xa');
    const cms = await buildCadesDetached({ contentDigest: sha256(content), signer: ec, signingTime: when });
    expect(parseCms(cms).signatureAlgorithm).toBe(OID.ecdsaWithSha256);
    expect(opensslVerify(cms, content, 'ec').ok).toBe(true);
  });

  it('refuses a certificate whose key is neither RSA nor EC', async () => {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ed25519', '-nodes', '-keyout', 'ed.key', '-out', 'ed.crt', '-subj', '/CN=ed', '-days', '1'], { cwd: pki.dir, stdio: 'ignore' });
    const pem = readFileSync(join(pki.dir, 'ed.crt'), 'utf8');
    const certDer = new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64'));
    const edSigner: Signer = {
      certificateChain: async () => [certDer],
      sign: async () => new Uint8Array(64),
      describe: () => ({ name: 'ed' }),
    };
    const err = await buildCadesDetached({ contentDigest: sha256(content), signer: edSigner, signingTime: when }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('signing.unsupported_key');
  });
});

describe('parseCms', () => {
  it.each([
    ['garbage', Buffer.from('không phải CMS')],
    ['a bare SEQUENCE', Buffer.from('3000', 'hex')],
    ['empty', Buffer.alloc(0)],
  ])('rejects %s with signing.bad_signature', (_name, bytes) => {
    let code = 'none';
    try {
      parseCms(new Uint8Array(bytes));
    } catch (e) {
      code = e instanceof DomainError ? e.code : String(e);
    }
    expect(code).toBe('signing.bad_signature');
  });

  it('ignores the zero padding after the CMS (as found in /Contents)', async () => {
    const cms = await buildCadesDetached({ contentDigest: sha256(content), signer: leader, signingTime: when });
    const padded = new Uint8Array(cms.length + 500);
    padded.set(cms);
    expect(parseCms(padded).signerIndex).toBe(0);
  });
});
