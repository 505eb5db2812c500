/**
 * What of a register row the hash chain covers: every column but the row id and the two hashes.
 * The keys are fixed here, apart from the column names, so that renaming a column does not
 * silently change what past hashes meant; a new column must be hashed only where it is set, so
 * that older rows keep verifying.
 */
import type { ArchivedFile } from './archived-file';
import type { JsonValue } from './hash-chain';

export interface EntryFields {
  agencyId: number;
  seq: number;
  documentId: number;
  year: number;
  series: string;
  number: number;
  symbol: string;
  reference: string;
  date: string;
  type: string;
  typeName: string;
  title: string;
  signer: string;
  signerPosition: string;
  recipients: string[];
  archiveUnits: string;
  copies: number;
  note: string;
  files: ArchivedFile[];
  registeredAt: string;
}

export interface AttachmentFields {
  agencyId: number;
  seq: number;
  entrySeq: number;
  file: ArchivedFile;
  note: string;
  attachedAt: string;
}

function fileRecord(f: ArchivedFile): JsonValue {
  return { role: f.role, name: f.name, contentType: f.contentType, sha256: f.sha256, size: f.size };
}

export function entryRecord(e: EntryFields): JsonValue {
  return {
    agencyId: e.agencyId,
    seq: e.seq,
    documentId: e.documentId,
    year: e.year,
    series: e.series,
    number: e.number,
    symbol: e.symbol,
    reference: e.reference,
    date: e.date,
    type: e.type,
    typeName: e.typeName,
    title: e.title,
    signer: e.signer,
    signerPosition: e.signerPosition,
    recipients: [...e.recipients],
    archiveUnits: e.archiveUnits,
    copies: e.copies,
    note: e.note,
    files: e.files.map(fileRecord),
    registeredAt: e.registeredAt,
  };
}

export function attachmentRecord(a: AttachmentFields): JsonValue {
  return {
    agencyId: a.agencyId,
    seq: a.seq,
    entrySeq: a.entrySeq,
    file: fileRecord(a.file),
    note: a.note,
    attachedAt: a.attachedAt,
  };
}
