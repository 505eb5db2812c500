import { createPrivateKey, createPublicKey, privateEncrypt, constants, X509Certificate, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import forge from 'node-forge';
import { nfc } from '../vi/nfc';
import { certificateInfo } from './certificate-info';
import { signingError } from './errors';
import type { DigestAlgorithm, Signer } from './signer';

/** DER prefix of DigestInfo { AlgorithmIdentifier sha256 NULL, OCTET STRING(32) } (RFC 8017 §9.2 note 1). */
const SHA256_DIGEST_INFO_PREFIX = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * A Signer backed by a PKCS#12 (.p12/.pfx) file, the usual export of a USB-token-less certificate.
 * The file stays encrypted at rest; the passphrase is used once to open it and is not kept (only
 * the decrypted key object lives, in this instance, for as long as the caller holds it).
 * RSA keys only: Node's crypto cannot sign a pre-computed digest with ECDSA, and Vietnamese public
 * CAs issue RSA signing certificates; EC keys belong behind a remote `Signer`.
 */
export class Pkcs12Signer implements Signer {
  private constructor(
    private readonly key: KeyObject,
    private readonly chain: Uint8Array[],
    private readonly who: { name: string; organization?: string },
  ) {}

  static async fromFile(path: string, passphrase: string): Promise<Pkcs12Signer> {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (e) {
      throw signingError('signing.bad_key_file', `cannot read key file: ${(e as Error).message}`, 'keyFile');
    }
    return Pkcs12Signer.fromBuffer(bytes, passphrase);
  }

  // async so that every failure is a rejection, never a synchronous throw
  static async fromBuffer(p12: Uint8Array, passphrase: string): Promise<Pkcs12Signer> {
    return Pkcs12Signer.open(p12, passphrase);
  }

  private static open(p12: Uint8Array, passphrase: string): Pkcs12Signer {
    const pfx = decodePkcs12(p12, passphrase);
    const keyBags = [
      ...(pfx.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
      ...(pfx.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
    ];
    const certBags = pfx.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
    const keyBag = keyBags[0];
    if (!keyBag) throw signingError('signing.bad_key_file', 'the PKCS#12 file holds no private key', 'keyFile');
    if (!keyBag.key) {
      // forge decodes RSA keys only; anything else arrives as raw ASN.1
      throw signingError('signing.unsupported_key', 'only RSA keys are supported in PKCS#12 files', 'keyFile');
    }
    const key = createPrivateKey(forge.pki.privateKeyToPem(keyBag.key));
    const certs = certBags
      .filter((b): b is typeof b & { cert: forge.pki.Certificate } => b.cert !== undefined && b.cert !== null)
      .map((b) => new Uint8Array(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(b.cert)).getBytes(), 'binary')));
    const publicDer = createPublicKey(key).export({ type: 'spki', format: 'der' });
    const leafIndex = certs.findIndex((der) =>
      new X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' }).equals(publicDer),
    );
    if (leafIndex < 0) {
      throw signingError('signing.bad_key_file', 'no certificate in the PKCS#12 file matches its private key', 'keyFile');
    }
    const chain = orderChain(certs, leafIndex);
    return new Pkcs12Signer(key, chain, describeCertificate(chain[0]));
  }

  certificateChain(): Promise<Uint8Array[]> {
    return Promise.resolve(this.chain.map((c) => new Uint8Array(c)));
  }

  /** PKCS#1 v1.5 over DigestInfo: byte-identical to `crypto.sign('sha256', signedAttrs, key)`. */
  sign(digest: Uint8Array, algorithm: DigestAlgorithm): Promise<Uint8Array> {
    if (algorithm !== 'sha256' || digest.length !== 32) {
      return Promise.reject(signingError('signing.bad_signature', 'expected a 32-byte SHA-256 digest'));
    }
    const digestInfo = Buffer.concat([SHA256_DIGEST_INFO_PREFIX, digest]);
    const sig = privateEncrypt({ key: this.key, padding: constants.RSA_PKCS1_PADDING }, digestInfo);
    return Promise.resolve(new Uint8Array(sig));
  }

  describe(): { name: string; organization?: string } {
    return { ...this.who };
  }
}

/**
 * forge uses one password string for both the MAC (PKCS#12 KDF over BMPString: char codes) and the
 * PBES2 ciphers (PBKDF2 over bytes: it takes the low byte of each char). OpenSSL 3 writes PBES2 with
 * the passphrase as UTF-8, so a Vietnamese passphrase needs the MAC checked with the string and the
 * contents decrypted with its UTF-8 bytes. Legacy PKCS#12-PBE files use the string throughout.
 */
function decodePkcs12(p12: Uint8Array, passphrase: string): forge.pkcs12.Pkcs12Pfx {
  const parse = (): forge.asn1.Asn1 => {
    try {
      return forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString('binary')), false);
    } catch {
      throw signingError('signing.bad_key_file', 'not a PKCS#12 file', 'keyFile');
    }
  };
  const pass = nfc(passphrase);
  let firstError: Error;
  try {
    return forge.pkcs12.pkcs12FromAsn1(parse(), false, pass);
  } catch (e) {
    firstError = e as Error;
  }
  if (/MAC could not be verified/i.test(firstError.message)) {
    throw signingError('signing.bad_passphrase', 'wrong passphrase for the key file', 'passphrase');
  }
  const hadMac = hasMac(parse());
  const utf8 = forge.util.encodeUtf8(pass);
  if (utf8 !== pass) {
    // the MAC (if any) already passed with the string form; decrypt the contents with UTF-8 bytes
    const withoutMac = parse();
    if (Array.isArray(withoutMac.value)) withoutMac.value = withoutMac.value.slice(0, 2);
    try {
      return forge.pkcs12.pkcs12FromAsn1(withoutMac, false, utf8);
    } catch {
      // fall through to the coded error below
    }
  }
  if (!hadMac && /decrypt|password/i.test(firstError.message)) {
    // without a MAC a wrong passphrase only shows as a failed decryption
    throw signingError('signing.bad_passphrase', 'wrong passphrase for the key file', 'passphrase');
  }
  throw signingError('signing.bad_key_file', `cannot open the PKCS#12 file: ${firstError.message}`, 'keyFile');
}

function hasMac(pfx: forge.asn1.Asn1): boolean {
  return Array.isArray(pfx.value) && pfx.value.length > 2;
}

/** Signer first, then each issuer found in the bag, then any certificate left over. */
function orderChain(certs: Uint8Array[], leafIndex: number): Uint8Array[] {
  const x509 = certs.map((c) => new X509Certificate(c));
  const order = [leafIndex];
  for (;;) {
    const current = x509[order[order.length - 1]];
    if (current.subject === current.issuer) break;
    const next = x509.findIndex((c, i) => !order.includes(i) && current.checkIssued(c));
    if (next < 0) break;
    order.push(next);
  }
  for (let i = 0; i < certs.length; i++) if (!order.includes(i)) order.push(i);
  return order.map((i) => certs[i]);
}

/** CN and O of the certificate subject, NFC. */
export function describeCertificate(der: Uint8Array): { name: string; organization?: string } {
  const info = certificateInfo(der);
  const name = info.commonName ?? info.subjectDn;
  return info.organization === undefined ? { name } : { name, organization: info.organization };
}
