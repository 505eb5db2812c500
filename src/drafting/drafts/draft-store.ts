/**
 * Where drafts are kept: they are document records (status draft, no number) with their content and
 * citation links, in the registry's document and citation tables. The only place the drafting
 * module touches those entities; plain records go in and out.
 */
import { Injectable } from '@nestjs/common';
import { DataSource, In, Like } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import type { AgencyScope } from '../../registry/agency-scope';
import { CitationEntity } from '../../registry/citation.entity';
import { DocumentEntity } from '../../registry/document.entity';
import { documentRecordOf } from '../../registry/documents.service';
import type { DocumentRecord } from '../../registry/records/record-set';
import type { RegistryDocument } from './draft-builder';

function toRecord(scope: AgencyScope, d: DocumentEntity, citations: string[] = []): RegistryDocument {
  return documentRecordOf(scope, d, citations);
}

@Injectable()
export class DraftStore {
  constructor(private readonly ds: DataSource) {}

  /** Every document of the agency (incoming and outgoing, with content), ordered by id. */
  async documents(scope: AgencyScope): Promise<RegistryDocument[]> {
    const rows = await this.ds.getRepository(DocumentEntity).find({ where: { agencyId: scope.id }, order: { id: 'ASC' } });
    const links = await this.ds.getRepository(CitationEntity).find({ where: { agencyId: scope.id }, order: { ordinal: 'ASC' } });
    const code = new Map(rows.map((r) => [r.id, r.code]));
    return rows.map((r) => toRecord(scope, r, links.filter((l) => l.fromDocumentId === r.id).map((l) => code.get(l.toDocumentId)!)));
  }

  /** The next free code "du-thao-<template>-<n>" of the agency. */
  async nextCode(scope: AgencyScope, template: string): Promise<string> {
    const prefix = `du-thao-${template}-`;
    const rows = await this.ds.getRepository(DocumentEntity).find({ where: { agencyId: scope.id, code: Like(`${prefix}%`) }, select: { code: true } });
    const used = rows.map((r) => Number(r.code.slice(prefix.length))).filter(Number.isInteger);
    return `${prefix}${Math.max(0, ...used) + 1}`;
  }

  async insert(scope: AgencyScope, d: DocumentRecord): Promise<number> {
    return this.ds.transaction(async (em) => {
      const saved = await em.getRepository(DocumentEntity).save({
        agencyId: scope.id,
        code: d.code,
        direction: d.direction,
        type: d.type,
        typeName: d.typeName,
        number: null,
        year: d.year,
        symbol: d.symbol,
        yearInNumber: d.yearInNumber,
        issuer: d.issuer,
        issuerAgency: scope.code,
        date: null,
        title: d.title,
        status: 'draft',
        notes: d.notes ?? [],
        seed: null,
        content: d.content ?? null,
      });
      await this.link(em.getRepository(CitationEntity), scope, saved.id, d.citations, em.getRepository(DocumentEntity));
      return saved.id;
    });
  }

  /** Title, content and citation links of a draft; refused once it has left the draft status. */
  async update(scope: AgencyScope, id: number, d: DocumentRecord): Promise<void> {
    await this.ds.transaction(async (em) => {
      const docs = em.getRepository(DocumentEntity);
      const row = await docs.findOneBy({ agencyId: scope.id, id });
      if (!row) throw DomainError.notFound('document', id);
      if (row.status !== 'draft') {
        throw new DomainError('document.frozen', `document ${row.code} is ${row.status}: only a draft is edited (ND30: an issued text changes only by a new document)`, 'conflict');
      }
      await docs.update({ id }, { title: d.title, content: d.content ?? null });
      await em.getRepository(CitationEntity).delete({ agencyId: scope.id, fromDocumentId: id });
      await this.link(em.getRepository(CitationEntity), scope, id, d.citations, docs);
    });
  }

  private async link(
    repo: ReturnType<DataSource['getRepository']>,
    scope: AgencyScope,
    from: number,
    codes: string[],
    docs: ReturnType<DataSource['getRepository']>,
  ): Promise<void> {
    if (!codes.length) return;
    const rows = (await docs.findBy({ agencyId: scope.id, code: In(codes) })) as DocumentEntity[];
    const byCode = new Map(rows.map((r) => [r.code, r.id]));
    await repo.save(codes.filter((c) => byCode.has(c)).map((c, i) => ({ agencyId: scope.id, fromDocumentId: from, toDocumentId: byCode.get(c)!, ordinal: i + 1 })));
  }
}
