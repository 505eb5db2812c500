import type { DocumentRecord } from '../registry/records/record-set';
import { formatDocNumber } from '../vi/doc-number';
import type { CheckContext, KnownDocument } from './types';

/** The registry fields the checker compares a citation with. */
export type RegistryDocument = Pick<DocumentRecord, 'number' | 'year' | 'symbol' | 'yearInNumber' | 'type' | 'date' | 'issuer' | 'title'>;

/** A registry document as the checker knows it; null for an unnumbered draft (nothing can cite it). */
export function knownDocumentOf(d: RegistryDocument): KnownDocument | null {
  if (d.number === null) return null;
  return {
    number: formatDocNumber({ number: d.number, year: d.year, symbol: d.symbol, yearInNumber: d.yearInNumber }),
    type: d.type,
    date: d.date,
    issuer: d.issuer,
    ...(d.title ? { title: d.title } : {}),
  };
}

/** The check context of one agency's registry: its incoming and outgoing documents. */
export function registryContext(documents: RegistryDocument[]): CheckContext {
  return { knownDocuments: documents.map(knownDocumentOf).filter((k): k is KnownDocument => k !== null) };
}
