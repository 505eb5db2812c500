/**
 * The two signatures of an electronic document, as PDF operations (no database here):
 *
 * 1. the leader signs the rendered document, number and date still blank, with the signature image
 *    between the position line and the name (ND30 PL I §II.7.d);
 * 2. at issue the agency signs the leader-signed file as an incremental update that also writes the
 *    number and the date into their blanks, with the seal image over the left third of the
 *    leader's signature (PL I §II.8). The leader's signature still covers its revision byte for byte.
 */
import { createHash } from 'node:crypto';
import type { DocModel } from '../drafting/doc-model';
import { renderPdfWithLayout } from '../render/pdf/pdf-renderer';
import { nfc } from '../vi/nfc';
import { leaderAppearance, pngSize, sealAppearance } from './appearance';
import { certificateInfo } from './certificate-info';
import { signingError } from './errors';
import { issueSlots, issueStamps } from './issue-slots';
import { signPdf } from './pades';
import type { SignedLayout } from './signature-ledger';
import type { Signer } from './signer';
import { verifyPdf, type SignatureReport } from './verify';

/** Field names of the two signatures (unique in the file, no '.'). */
export const LEADER_FIELD = 'Chữ ký người có thẩm quyền';
export const AGENCY_FIELD = 'Chữ ký số của cơ quan';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Who a certificate names, and which certificate it is. */
export interface CertificateSummary {
  commonName: string;
  organization?: string;
  subjectDn: string;
  issuerDn: string;
  serial: string;
  sha256: string;
  notBefore: Date;
  notAfter: Date;
}

export async function signerCertificate(signer: Signer): Promise<CertificateSummary> {
  const [der] = await signer.certificateChain();
  if (!der) throw signingError('signing.bad_key_file', 'the signer has no certificate', 'keyFile');
  const info = certificateInfo(der);
  return {
    commonName: info.commonName ?? info.subjectDn,
    ...(info.organization !== undefined ? { organization: info.organization } : {}),
    subjectDn: info.subjectDn,
    issuerDn: info.issuerDn,
    serial: info.serialNumberHex,
    sha256: sha256Hex(der),
    notBefore: info.notBefore,
    notAfter: info.notAfter,
  };
}

/**
 * Whether two names are the same person or agency: case, spacing and Vietnamese diacritics aside
 * (certificates are often issued in capitals, some without diacritics: "NGUYEN DINH HUAN").
 */
export function sameName(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const fold = (s: string) =>
    nfc(s)
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim();
  return fold(a) === fold(b);
}

/** The certificate must be valid on the signing day: a signature made outside it is worthless. */
export function assertCertificateCurrent(cert: CertificateSummary, at: Date, who: string): void {
  if (at < cert.notBefore || at > cert.notAfter) {
    throw signingError(
      'signing.certificate_mismatch',
      `${who}'s certificate (${cert.commonName}) is valid from ${cert.notBefore.toISOString()} to ${cert.notAfter.toISOString()}, not at ${at.toISOString()}`,
      'certificate',
    );
  }
}

export interface LeaderSigning {
  /** the model with number and date blank (see unnumberedModel) */
  model: DocModel;
  signer: Signer;
  signatureImage: Uint8Array;
  signingTime: Date;
  reason: string;
  location?: string;
}

export interface LeaderSigned {
  rendered: Uint8Array;
  signed: Uint8Array;
  layout: SignedLayout;
  report: SignatureReport;
}

/** Renders the unnumbered document and signs it as the leader. */
export async function signAsLeader(input: LeaderSigning): Promise<LeaderSigned> {
  checkPng(input.signatureImage, 'signature image');
  const slots = issueSlots(input.model);
  const { bytes, layout } = await renderPdfWithLayout(input.model, { creationDate: input.signingTime });
  const look = leaderAppearance({ signatureBox: layout.signature, signatureImagePng: input.signatureImage });
  const signed = await signPdf(bytes, {
    signer: input.signer,
    fieldName: LEADER_FIELD,
    reason: input.reason,
    ...(input.location ? { location: input.location } : {}),
    signingTime: input.signingTime,
    appearance: look,
  });
  const reports = await verifyPdf(signed);
  if (reports.length !== 1 || !reports[0].valid || !reports[0].coversWholeFile) {
    throw signingError('signing.bad_signature', `the leader's signature does not verify: ${reports.flatMap((r) => r.problems).join('; ')}`);
  }
  return { rendered: bytes, signed, layout: { signatureBox: layout.signature, imageRect: look.rect, slots }, report: reports[0] };
}

export interface AgencySealing {
  leaderSigned: Uint8Array;
  layout: SignedLayout;
  number: number;
  /** yyyy-mm-dd */
  date: string;
  signer: Signer;
  sealImage: Uint8Array;
  /** the agency's real seal size; default 36 mm */
  sealDiameterMm?: number;
  signingTime: Date;
  reason: string;
  location?: string;
}

/** Checks the leader's signature, then writes number and date and the agency's signature with the seal. */
export async function sealForIssue(input: AgencySealing): Promise<{ bytes: Uint8Array; reports: SignatureReport[] }> {
  checkPng(input.sealImage, 'seal image');
  const before = await verifyPdf(input.leaderSigned);
  const leader = before.find((r) => r.fieldName === LEADER_FIELD);
  if (before.length !== 1 || !leader?.valid || !leader.coversWholeFile) {
    throw signingError(
      'signing.leader_signature_invalid',
      `the leader-signed file does not carry exactly one valid leader's signature covering it: ${before.flatMap((r) => r.problems).join('; ') || `${before.length} signature(s)`}`,
      'leaderSigned',
    );
  }
  const year = Number(input.date.slice(0, 4));
  if (year !== input.layout.slots.year) {
    throw signingError(
      'signing.year_changed',
      `the leader signed a document dated in ${input.layout.slots.year}; it cannot be issued with a ${year} date (give the issue date in ${input.layout.slots.year}, or have it signed again)`,
      'date',
    );
  }
  const box = input.layout.signatureBox;
  const bytes = await signPdf(input.leaderSigned, {
    signer: input.signer,
    fieldName: AGENCY_FIELD,
    reason: input.reason,
    ...(input.location ? { location: input.location } : {}),
    signingTime: input.signingTime,
    appearance: sealAppearance({
      signatureBox: box,
      sealImagePng: input.sealImage,
      signatureImageRect: input.layout.imageRect,
      ...(input.sealDiameterMm !== undefined ? { sealDiameterMm: input.sealDiameterMm } : {}),
    }),
    stamps: issueStamps(input.layout.slots, { number: input.number, date: input.date }),
  });
  const reports = await verifyPdf(bytes);
  const ok = reports.length === 2 && reports[0].valid && reports[1].valid && !reports[0].coversWholeFile && reports[1].coversWholeFile;
  if (!ok) throw signingError('signing.bad_signature', `the issued file's signatures do not verify: ${reports.flatMap((r) => r.problems).join('; ')}`);
  return { bytes, reports };
}

function checkPng(png: Uint8Array, what: string): void {
  try {
    pngSize(png);
  } catch {
    throw signingError('signing.bad_image', `the ${what} is not a PNG (ND30: PNG with a transparent background)`, what.replace(' ', ''));
  }
}
