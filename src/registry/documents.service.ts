import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { parseInput } from '../common/zod-body';
import { formatDocNumber, parseDocNumber } from '../vi/doc-number';
import type { AgencyScope } from './agency-scope';
import { CitationEntity } from './citation.entity';
import { DocumentEntity } from './document.entity';
import type { DocumentRecord } from './records/record-set';
import { documentInput, documentPatch, type DocumentPatch } from './registry.schemas';
import { transaction } from '../database/transaction';

/** One line of `vanthu documents --json` and `GET /api/documents`. */
export interface DocumentSummary {
  id: number;
  agency: string;
  code: string;
  direction: string;
  type: string;
  number: number | null;
  symbol: string;
  /** "128/KH-UBND", "04/2026/NQ-HĐND", or "/KH-UBND" when unnumbered */
  reference: string;
  date: string | null;
  title: string;
  status: string;
}

export type StoredDocument = DocumentRecord & { id: number };

@Injectable()
export class DocumentsService {
  constructor(private readonly ds: DataSource) {}

  async list(scope: AgencyScope, direction?: 'outgoing' | 'incoming'): Promise<DocumentSummary[]> {
    const rows = await this.ds.getRepository(DocumentEntity).find({
      where: { agencyId: scope.id, ...(direction ? { direction } : {}) },
      order: { id: 'ASC' },
      select: { id: true, code: true, direction: true, type: true, number: true, year: true, symbol: true, yearInNumber: true, date: true, title: true, status: true },
    });
    return rows.map((d) => ({
      id: d.id,
      agency: scope.code,
      code: d.code,
      direction: d.direction,
      type: d.type,
      number: d.number,
      symbol: d.symbol,
      reference: referenceOf(d),
      date: d.date,
      title: d.title,
      status: d.status,
    }));
  }

  /** By numeric id, by code, or by reference ("128/KH-UBND", "04/2026/NQ-HĐND"). */
  async get(scope: AgencyScope, idOrRef: string | number): Promise<StoredDocument> {
    const row = await this.find(scope, String(idOrRef).normalize('NFC').trim());
    return this.toRecord(scope, row);
  }

  async cited(scope: AgencyScope, id: number): Promise<StoredDocument[]> {
    const links = await this.ds
      .getRepository(CitationEntity)
      .find({ where: { agencyId: scope.id, fromDocumentId: id }, order: { ordinal: 'ASC' } });
    if (links.length === 0) return [];
    const rows = await this.ds
      .getRepository(DocumentEntity)
      .findBy({ agencyId: scope.id, id: In(links.map((l) => l.toDocumentId)) });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return Promise.all(links.map((l) => this.toRecord(scope, byId.get(l.toDocumentId)!)));
  }

  async create(scope: AgencyScope, body: unknown): Promise<StoredDocument> {
    const input = parseInput(documentInput, body);
    if (input.direction === 'outgoing') refuseWorkflowFields(input, { status: 'draft', number: null });
    const id = await transaction(this.ds, async (em) => {
      const repo = em.getRepository(DocumentEntity);
      if (await repo.existsBy({ agencyId: scope.id, code: input.code })) {
        throw new DomainError('document.exists', `document ${input.code} already exists`, 'conflict', [
          { path: 'code', message: 'already used in this agency' },
        ]);
      }
      const cited = await this.resolveCitations(em.getRepository(DocumentEntity), scope, input.citations);
      const saved = await repo.save({
        agencyId: scope.id,
        code: input.code,
        direction: input.direction,
        type: input.type,
        typeName: input.typeName,
        number: input.number,
        year: input.year,
        symbol: input.symbol,
        yearInNumber: input.yearInNumber,
        issuer: input.issuer,
        issuerAgency: input.direction === 'outgoing' ? scope.code : null,
        date: input.date,
        title: input.title,
        status: input.status,
        notes: input.notes,
        seed: null,
        content: null,
      });
      await em
        .getRepository(CitationEntity)
        .save(cited.map((to, i) => ({ agencyId: scope.id, fromDocumentId: saved.id, toDocumentId: to, ordinal: i + 1 })));
      return saved.id;
    });
    return this.get(scope, id);
  }

  async patch(scope: AgencyScope, idOrRef: string, body: unknown): Promise<StoredDocument> {
    // only the fields the body names: the schema's defaults (status "draft", number null) are for a new document
    const named = new Set(body && typeof body === 'object' ? Object.keys(body) : []);
    const input = Object.fromEntries(Object.entries(parseInput(documentPatch, body)).filter(([k]) => named.has(k))) as DocumentPatch;
    const row = await this.find(scope, idOrRef);
    if (row.direction === 'outgoing') refuseWorkflowFields(input, {});
    // Content is frozen once submitted (ND30: an issued text is changed only by a new document).
    if (row.direction === 'outgoing' && row.status !== 'draft') {
      throw new DomainError('document.frozen', `document ${row.code} is ${row.status}: create a new version`, 'conflict');
    }
    await transaction(this.ds, async (em) => {
      const { citations, ...fields } = input;
      if (citations) {
        const cited = await this.resolveCitations(em.getRepository(DocumentEntity), scope, citations);
        await em.getRepository(CitationEntity).delete({ agencyId: scope.id, fromDocumentId: row.id });
        await em
          .getRepository(CitationEntity)
          .save(cited.map((to, i) => ({ agencyId: scope.id, fromDocumentId: row.id, toDocumentId: to, ordinal: i + 1 })));
      }
      if (Object.keys(fields).length) await em.getRepository(DocumentEntity).update({ id: row.id }, fields);
    });
    return this.get(scope, row.id);
  }

  private async resolveCitations(
    repo: ReturnType<DataSource['getRepository']>,
    scope: AgencyScope,
    codes: string[],
  ): Promise<number[]> {
    const rows = (await repo.findBy({ agencyId: scope.id, code: In(codes) })) as DocumentEntity[];
    const byCode = new Map(rows.map((r) => [r.code, r.id]));
    const missing = codes.map((c, i) => ({ c, i })).filter(({ c }) => !byCode.has(c));
    if (missing.length) {
      throw DomainError.validation(
        'validation.failed',
        `${missing.length} unknown cited document(s)`,
        missing.map(({ c, i }) => ({ path: `citations.${i}`, message: `no document ${c} in this agency`, key: 'not_found' })),
      );
    }
    return codes.map((c) => byCode.get(c)!);
  }

  private async find(scope: AgencyScope, idOrRef: string): Promise<DocumentEntity> {
    const repo = this.ds.getRepository(DocumentEntity);
    let row: DocumentEntity | null = null;
    if (/^\d+$/.test(idOrRef)) row = await repo.findOneBy({ agencyId: scope.id, id: Number(idOrRef) });
    row ??= await repo.findOneBy({ agencyId: scope.id, code: idOrRef });
    if (!row) {
      const ref = parseDocNumber(idOrRef);
      if (ref && ref.number !== null) {
        const candidates = await repo.find({
          where: { agencyId: scope.id, number: ref.number, symbol: ref.symbol, ...(ref.year ? { year: ref.year } : {}) },
          order: { year: 'DESC', id: 'DESC' },
        });
        // the same số/ký hiệu restarts every year: without a year, outgoing wins, then the latest year
        row = candidates.find((c) => c.direction === 'outgoing') ?? candidates[0] ?? null;
      }
    }
    if (!row) throw DomainError.notFound('document', idOrRef);
    return row;
  }

  private async toRecord(scope: AgencyScope, d: DocumentEntity): Promise<StoredDocument> {
    const links = await this.ds
      .getRepository(CitationEntity)
      .find({ where: { agencyId: scope.id, fromDocumentId: d.id }, order: { ordinal: 'ASC' } });
    const cited = links.length
      ? await this.ds.getRepository(DocumentEntity).find({
          where: { agencyId: scope.id, id: In(links.map((l) => l.toDocumentId)) },
          select: { id: true, code: true },
        })
      : [];
    const codeById = new Map(cited.map((c) => [c.id, c.code]));
    return documentRecordOf(scope, d, links.map((l) => codeById.get(l.toDocumentId)!));
  }
}

function referenceOf(d: Pick<DocumentEntity, 'number' | 'year' | 'symbol' | 'yearInNumber'>): string {
  return formatDocNumber({ number: d.number, year: d.year, symbol: d.symbol, yearInNumber: d.yearInNumber });
}

/**
 * Our own documents get their status, number and date from the workflow and the issue step only
 * (ND30 Đ15: the number is assigned at issue), never from a create or a patch: every field that
 * tries is listed. `allowed` are the values that are fine (a new document is a draft, unnumbered).
 */
function refuseWorkflowFields(input: { status?: string; number?: number | null; date?: string | null }, allowed: { status?: string; number?: null }): void {
  const bad = (['status', 'number', 'date'] as const).filter((k) => input[k] !== undefined && !(k in allowed && input[k] === allowed[k as keyof typeof allowed]) && !(k === 'date' && input.date === null));
  if (bad.length === 0) return;
  throw DomainError.validation(
    'document.workflow_fields',
    'the status, number and date of our own documents are set by the workflow and the issue step',
    bad.map((k) => ({ path: k, message: `"${k}" cannot be set here: use the workflow (POST /api/documents/:id/transitions, issue)`, key: 'document.workflow_field' })),
  );
}

/** A document row as plain registry data (no ORM type goes further), with its cited documents' codes. */
export function documentRecordOf(scope: AgencyScope, d: DocumentEntity, citations: string[]): StoredDocument {
  return {
    id: d.id,
    code: d.code,
    agency: scope.code,
    direction: d.direction,
    type: d.type,
    typeName: d.typeName,
    number: d.number,
    year: d.year,
    symbol: d.symbol,
    yearInNumber: d.yearInNumber,
    issuer: d.issuer,
    ...(d.issuerAgency ? { issuerAgency: d.issuerAgency } : {}),
    date: d.date,
    title: d.title,
    status: d.status,
    citations,
    notes: d.notes,
    ...(d.seed ? { seed: d.seed } : {}),
    ...(d.content ? { content: d.content } : {}),
  };
}
