import { assertCertificateCurrent, sameName, signerCertificate, type CertificateSummary } from './document-signing';
import { signingError } from './errors';
import { Pkcs12Signer } from './pkcs12-signer';
import type { Signer } from './signer';
import type { SealInput } from './signing.schemas';

/** The agency's key and seal image, for the issue step of an electronically signed document. */
export interface AgencySeal {
  signer: Signer;
  /** PNG, red, transparent background; absent: the agency's stored seal image (SigningImages) */
  image?: Uint8Array;
  /** the seal's real diameter; default 36 mm */
  diameterMm?: number;
}

/** API: the agency's PKCS#12 and seal image arrive base64; the key is opened for this call only. */
export async function openSeal(input: SealInput): Promise<AgencySeal> {
  const signer = await Pkcs12Signer.fromBuffer(Buffer.from(input.p12, 'base64'), input.passphrase);
  return {
    signer,
    ...(input.image !== undefined ? { image: Buffer.from(input.image, 'base64') } : {}),
    ...(input.diameterMm !== undefined ? { diameterMm: input.diameterMm } : {}),
  };
}

/**
 * The agency's signature is made with the agency's own certificate (its CN is the agency's name),
 * valid today, and not with the certificate that made the leader's signature.
 */
export async function checkAgencyCertificate(
  seal: AgencySeal,
  agency: { name: string; shortName: string },
  at: Date,
  leaderCertificateSha256: string | null,
): Promise<CertificateSummary> {
  const cert = await signerCertificate(seal.signer);
  if (!sameName(cert.commonName, agency.name) && !sameName(cert.commonName, agency.shortName)) {
    throw signingError(
      'signing.certificate_mismatch',
      `the agency's signature needs the certificate of ${agency.name}; this one is ${cert.commonName}'s`,
      'certificate',
    );
  }
  if (leaderCertificateSha256 !== null && cert.sha256 === leaderCertificateSha256) {
    throw signingError('signing.certificate_mismatch', "the agency's signature cannot be made with the leader's certificate", 'certificate');
  }
  assertCertificateCurrent(cert, at, agency.name);
  return cert;
}
