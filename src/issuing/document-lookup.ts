import type { EntityManager } from 'typeorm';
import { RegisterEntryEntity } from '../archive/register-entry.entity';
import { DomainError } from '../common/domain-error';
import type { AgencyScope } from '../registry/agency-scope';
import { DocumentEntity } from '../registry/document.entity';

/**
 * One of the agency's documents by record id, code, or (issued documents) the register reference
 * "05/KH-UBND". For the issuing and signing services only: the entity does not leave them.
 */
export async function findDocument(em: EntityManager, scope: AgencyScope, ref: string | number): Promise<DocumentEntity> {
  const repo = em.getRepository(DocumentEntity);
  const key = String(ref).normalize('NFC').trim();
  let doc: DocumentEntity | null = null;
  if (/^\d+$/.test(key)) doc = await repo.findOneBy({ agencyId: scope.id, id: Number(key) });
  doc ??= await repo.findOneBy({ agencyId: scope.id, code: key });
  if (!doc && key.includes('/')) {
    const entry = await em
      .getRepository(RegisterEntryEntity)
      .findOne({ where: { agencyId: scope.id, reference: key }, order: { year: 'DESC' } });
    if (entry) doc = await repo.findOneBy({ agencyId: scope.id, id: entry.documentId });
  }
  if (!doc) throw DomainError.notFound('document', key);
  return doc;
}

export function assertOutgoing(doc: DocumentEntity): void {
  if (doc.direction !== 'outgoing') {
    throw new DomainError(
      'workflow.not_outgoing',
      `document ${doc.code} is an incoming document: only the agency's own documents go through the workflow`,
      'conflict',
    );
  }
}
