import { createHash } from 'node:crypto';
import { KEY_OID, parseCertificate } from './certificate-info';
import * as der from './der';
import { signingError } from './errors';
import type { Signer } from './signer';

/** Object identifiers used by a CAdES-detached (PAdES) SignedData. */
export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: KEY_OID.rsa,
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecPublicKey: KEY_OID.ec,
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

export interface CadesOptions {
  /** SHA-256 of the signed PDF byte ranges */
  contentDigest: Uint8Array;
  signer: Signer;
  signingTime: Date;
  /**
   * Write the CMS signing-time attribute (default true: poppler and Acrobat show it as the signing
   * time). ETSI EN 319 142-1 baseline B-B wants it absent and the time only in the PDF /M entry;
   * pass false for strict B-B.
   */
  signingTimeAttribute?: boolean;
}

const algorithm = (oidText: string, withNullParams = false): Uint8Array =>
  withNullParams ? der.sequence(der.oid(oidText), der.nullValue()) : der.sequence(der.oid(oidText));

const attribute = (oidText: string, value: Uint8Array): Uint8Array => der.sequence(der.oid(oidText), der.setOf([value]));

/**
 * Builds a detached CMS SignedData (RFC 5652) for SubFilter ETSI.CAdES.detached: no eContent, the
 * signer's chain in `certificates`, signed attributes content-type, message-digest, (signing-time)
 * and ESS signing-certificate-v2 (RFC 5035; mandatory for PAdES B-B). Issuer names and serial
 * numbers are copied byte for byte from the certificate: a re-encoded Vietnamese UTF8String issuer
 * no longer matches, and NSS/poppler then cannot find the signer's certificate.
 */
export async function buildCadesDetached(opts: CadesOptions): Promise<Uint8Array> {
  const chainDer = await opts.signer.certificateChain();
  if (chainDer.length === 0) throw signingError('signing.bad_key_file', 'the signer has no certificate');
  const leaf = parseCertificate(chainDer[0]);
  if (leaf.keyAlgorithmOid !== OID.rsaEncryption && leaf.keyAlgorithmOid !== OID.ecPublicKey) {
    throw signingError('signing.unsupported_key', `unsupported certificate key algorithm ${leaf.keyAlgorithmOid}`);
  }
  const issuerAndSerial = der.sequence(leaf.issuerRaw, der.tlv(der.TAG.integer, leaf.serial));

  const attributes = [
    attribute(OID.contentType, der.oid(OID.data)),
    attribute(OID.messageDigest, der.octetString(opts.contentDigest)),
    ...(opts.signingTimeAttribute === false ? [] : [attribute(OID.signingTime, der.time(opts.signingTime))]),
    attribute(OID.signingCertificateV2, signingCertificateV2(leaf.der, leaf.issuerRaw, leaf.serial)),
  ];
  // the signature covers the DER SET; the same elements go into [0] IMPLICIT in the same order
  const signedAttrsSet = der.setOf(attributes);
  const signedAttrsContent = der.read(signedAttrsSet).content;
  const digest = createHash('sha256').update(signedAttrsSet).digest();
  const signature = await opts.signer.sign(new Uint8Array(digest), 'sha256');

  const signatureAlgorithm =
    leaf.keyAlgorithmOid === OID.ecPublicKey ? algorithm(OID.ecdsaWithSha256) : algorithm(OID.sha256WithRsa, true);
  const signerInfo = der.sequence(
    der.smallInteger(1),
    issuerAndSerial,
    algorithm(OID.sha256),
    der.implicitConstructed(0, signedAttrsContent),
    signatureAlgorithm,
    der.octetString(signature),
  );
  const signedData = der.sequence(
    der.smallInteger(1),
    der.setOf([algorithm(OID.sha256)]),
    der.sequence(der.oid(OID.data)),
    // CertificateSet keeps the signer-first order readers expect
    der.implicitConstructed(0, der.concat(chainDer)),
    der.setOf([signerInfo]),
  );
  return der.sequence(der.oid(OID.signedData), der.explicit(0, signedData));
}

/**
 * SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }
 * ESSCertIDv2 ::= SEQUENCE { hashAlgorithm DEFAULT sha256 (so omitted in DER), certHash OCTET STRING,
 *                            issuerSerial SEQUENCE { GeneralNames { [4] EXPLICIT Name }, serialNumber } }
 */
function signingCertificateV2(certDer: Uint8Array, issuerRaw: Uint8Array, serial: Uint8Array): Uint8Array {
  const certHash = createHash('sha256').update(certDer).digest();
  const issuerSerial = der.sequence(der.sequence(der.explicit(4, issuerRaw)), der.tlv(der.TAG.integer, serial));
  return der.sequence(der.sequence(der.sequence(der.octetString(certHash), issuerSerial)));
}

/** What verification needs out of a CMS SignedData, raw encodings kept. */
export interface ParsedCms {
  /** DER of every certificate as embedded */
  certificates: Uint8Array[];
  /** index into `certificates` of the one the SignerInfo names (issuer + serial), or -1 */
  signerIndex: number;
  digestAlgorithm: string;
  signatureAlgorithm: string;
  signature: Uint8Array;
  /** the signed attributes re-tagged as a SET: the bytes the signature covers */
  signedAttributesDer?: Uint8Array;
  messageDigest?: Uint8Array;
  contentType?: string;
  signingTime?: Date;
  /** certHash of the first ESSCertIDv2, when present */
  signingCertificateHash?: Uint8Array;
}

/** Parses a ContentInfo(SignedData). Trailing bytes (the placeholder's zero padding) are ignored. */
export function parseCms(bytes: Uint8Array): ParsedCms {
  try {
    return parseCmsStrict(bytes);
  } catch (e) {
    if (e instanceof der.DerError) throw signingError('signing.bad_signature', `malformed CMS: ${e.message}`);
    throw e;
  }
}

function parseCmsStrict(bytes: Uint8Array): ParsedCms {
  const [ct, wrapped] = der.children(der.expectTag(der.read(bytes), der.TAG.sequence, 'ContentInfo'));
  if (der.readOid(ct) !== OID.signedData) throw signingError('signing.bad_signature', 'CMS content is not SignedData');
  const sd = der.children(der.expectTag(der.children(der.expectTag(wrapped, 0xa0, 'content'))[0], der.TAG.sequence, 'SignedData'));
  const certSet = sd.find((n) => n.tag === 0xa0);
  const certificates = certSet ? der.children(certSet).map((n) => n.raw) : [];
  const signerInfos = der.children(der.expectTag(sd[sd.length - 1], der.TAG.set, 'signerInfos'));
  const si = der.children(der.expectTag(signerInfos[0], der.TAG.sequence, 'SignerInfo'));
  let i = 1;
  const sid = si[i++];
  const digestAlgorithm = der.readOid(der.children(si[i++])[0]);
  const signedAttrs = si[i]?.tag === 0xa0 ? si[i++] : undefined;
  const signatureAlgorithm = der.readOid(der.children(si[i++])[0]);
  const signature = der.expectTag(si[i++], der.TAG.octetString, 'signature').content;

  let signerIndex = -1;
  if (sid.tag === der.TAG.sequence) {
    const [issuer, serial] = der.children(sid);
    signerIndex = certificates.findIndex((c) => {
      const pc = parseCertificate(c);
      return Buffer.from(pc.issuerRaw).equals(Buffer.from(issuer.raw)) && Buffer.from(pc.serial).equals(Buffer.from(serial.content));
    });
  }
  const out: ParsedCms = { certificates, signerIndex, digestAlgorithm, signatureAlgorithm, signature };
  if (!signedAttrs) return out;
  const signedAttributesDer = new Uint8Array(signedAttrs.raw);
  signedAttributesDer[0] = der.TAG.set;
  out.signedAttributesDer = signedAttributesDer;
  for (const attr of der.children(signedAttrs)) {
    const [type, values] = der.children(attr);
    const value = der.children(values)[0];
    switch (der.readOid(type)) {
      case OID.messageDigest:
        out.messageDigest = der.expectTag(value, der.TAG.octetString, 'messageDigest').content;
        break;
      case OID.contentType:
        out.contentType = der.readOid(value);
        break;
      case OID.signingTime:
        out.signingTime = der.readTime(value);
        break;
      case OID.signingCertificateV2: {
        const essCertId = der.children(der.children(value)[0])[0];
        const hash = der.children(essCertId).find((n) => n.tag === der.TAG.octetString);
        out.signingCertificateHash = hash?.content;
        break;
      }
    }
  }
  return out;
}
