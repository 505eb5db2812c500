import type { EntityManager } from 'typeorm';
import { nfc } from '../vi/nfc';
import type { Rect, SignatureBox } from './appearance';
import { DocumentSignatureEntity } from './document-signature.entity';
import type { IssueSlots } from './issue-slots';

export type SignatureRole = 'leader' | 'agency';

/** What the issue step needs to know about the page the leader signed. */
export interface SignedLayout {
  signatureBox: SignatureBox;
  /** where the leader's signature image landed: the seal covers its left third */
  imageRect: Rect;
  slots: IssueSlots;
}

/** A recorded signature, as services and clients see it. */
export interface SignatureRecord {
  documentId: number;
  role: SignatureRole;
  official: string | null;
  signer: string;
  signerDn: string;
  issuerDn: string;
  certificateSerial: string;
  certificateSha256: string;
  fieldName: string;
  signedAt: string;
  sourceSha256: string;
  fileSha256: string;
  fileSize: number;
  layout: SignedLayout | null;
}

export type NewSignature = SignatureRecord & { agencyId: number };

function view(e: DocumentSignatureEntity): SignatureRecord {
  return {
    documentId: e.documentId,
    role: e.role as SignatureRole,
    official: e.officialCode,
    signer: e.signerName,
    signerDn: e.signerDn,
    issuerDn: e.issuerDn,
    certificateSerial: e.certificateSerial,
    certificateSha256: e.certificateSha256,
    fieldName: e.fieldName,
    signedAt: e.signedAt,
    sourceSha256: e.sourceSha256,
    fileSha256: e.fileSha256,
    fileSize: e.fileSize,
    layout: e.layout,
  };
}

/** The signatures of one document of the agency, leader first. */
export async function signaturesOf(em: EntityManager, agencyId: number, documentId: number): Promise<SignatureRecord[]> {
  const rows = await em.getRepository(DocumentSignatureEntity).find({ where: { agencyId, documentId }, order: { id: 'ASC' } });
  return rows.map(view);
}

export async function signatureOf(em: EntityManager, agencyId: number, documentId: number, role: SignatureRole): Promise<SignatureRecord | null> {
  const row = await em.getRepository(DocumentSignatureEntity).findOneBy({ agencyId, documentId, role });
  return row ? view(row) : null;
}

export async function recordSignature(em: EntityManager, s: NewSignature): Promise<void> {
  await em.getRepository(DocumentSignatureEntity).insert({
    agencyId: s.agencyId,
    documentId: s.documentId,
    role: s.role,
    officialCode: s.official,
    signerName: s.signer,
    signerDn: s.signerDn,
    issuerDn: s.issuerDn,
    certificateSerial: s.certificateSerial,
    certificateSha256: s.certificateSha256,
    fieldName: s.fieldName,
    signedAt: s.signedAt,
    sourceSha256: s.sourceSha256,
    fileSha256: s.fileSha256,
    fileSize: s.fileSize,
    layout: s.layout,
  });
}

/** Signatures whose PDF is this file (by sha-256), in one agency or all. */
export async function signaturesByFile(em: EntityManager, sha256: string, agencyId?: number): Promise<(SignatureRecord & { agencyId: number })[]> {
  const rows = await em
    .getRepository(DocumentSignatureEntity)
    .find({ where: { fileSha256: sha256.toLowerCase(), ...(agencyId !== undefined ? { agencyId } : {}) }, order: { id: 'ASC' } });
  return rows.map((r) => ({ ...view(r), agencyId: r.agencyId }));
}

/** A signature as the API and CLI show it (no layout internals). */
export interface SignatureView {
  role: SignatureRole;
  official: string | null;
  signer: string;
  signerDn: string;
  issuerDn: string;
  certificateSerial: string;
  signedAt: string;
  fieldName: string;
  file: { sha256: string; size: number };
}

export function signatureView(s: SignatureRecord): SignatureView {
  return {
    role: s.role,
    official: s.official,
    signer: s.signer,
    signerDn: s.signerDn,
    issuerDn: s.issuerDn,
    certificateSerial: s.certificateSerial,
    signedAt: s.signedAt,
    fieldName: s.fieldName,
    file: { sha256: s.fileSha256, size: s.fileSize },
  };
}

export function leaderFileName(agencyCode: string, documentCode: string): string {
  return `${agencyCode}-${documentCode}-lanh-dao-ky.pdf`.normalize('NFC');
}

/** "Kim Thành, thành phố Hải Phòng": the signature dictionary's /Location. */
export function locationOf(agency: { placeName: string; province: string | null }): string {
  return nfc(agency.province ? `${agency.placeName}, ${agency.province}` : agency.placeName);
}

