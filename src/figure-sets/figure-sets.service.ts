import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { computeFigureSet } from '../figures/compute-figures';
import { canonicalFigureValues, FigureError, type Figure, type FigureSet } from '../figures/figure-set';
import { fillFigures } from '../figures/fill-figures';
import type { AgencyScope } from '../registry/agency-scope';
import type { StoredDocument } from '../registry/documents.service';
import { RenditionEntity } from '../render/rendition.entity';
import { readRegistrySnapshot } from './registry-snapshot';

/** `GET /api/documents/:id/figures` and `vanthu figures --json`. */
export interface FigureReport {
  document: { id: number; code: string; reference: string };
  computedAt: string;
  digest: string;
  figures: Figure[];
  tables: NonNullable<FigureSet['tables']>;
}

export interface RenditionSummary {
  id: number;
  format: string;
  sha256: string;
  size: number;
  figuresDigest: string;
  createdAt: string;
}

export function figuresDigest(set: FigureSet): string {
  return createHash('sha256').update(canonicalFigureValues(set)).digest('hex');
}

/** FigureError → the one coded error shape, every problem listed. */
function asDomainError(document: StoredDocument, e: FigureError): DomainError {
  const codes = [...new Set(e.problems.map((p) => p.code))];
  return new DomainError(
    codes.length === 1 ? codes[0] : 'figure.problems',
    `figures of ${document.code} cannot be computed or used: ${e.message}`,
    'unprocessable',
    e.problems.map((p) => ({ path: p.path, message: p.message, key: p.code })),
  );
}

/**
 * registry → FigureSet for a document, just before rendering; and the record of each rendered
 * version with the figure set it used.
 */
@Injectable()
export class FigureSetsService {
  constructor(private readonly ds: DataSource) {}

  async compute(scope: AgencyScope, document: StoredDocument): Promise<FigureSet> {
    const snapshot = await readRegistrySnapshot(this.ds, scope);
    try {
      return computeFigureSet(document.content?.figures ?? {}, snapshot, new Date().toISOString());
    } catch (e) {
      if (e instanceof FigureError) throw asDomainError(document, e);
      throw e;
    }
  }

  /** The document with its figures filled in, and the set used. */
  async fill(scope: AgencyScope, document: StoredDocument): Promise<{ document: StoredDocument; figures: FigureSet }> {
    const figures = await this.compute(scope, document);
    if (!document.content) return { document, figures };
    try {
      return { document: { ...document, content: fillFigures(document.content, figures) }, figures };
    } catch (e) {
      if (e instanceof FigureError) throw asDomainError(document, e);
      throw e;
    }
  }

  async report(scope: AgencyScope, document: StoredDocument, reference: string): Promise<FigureReport> {
    const set = await this.compute(scope, document);
    return {
      document: { id: document.id, code: document.code, reference },
      computedAt: set.computedAt,
      digest: figuresDigest(set),
      figures: Object.values(set.figures),
      tables: set.tables ?? {},
    };
  }

  async recordRendition(scope: AgencyScope, documentId: number, format: string, bytes: Uint8Array, figures: FigureSet): Promise<RenditionSummary> {
    const row = await this.ds.getRepository(RenditionEntity).save({
      agencyId: scope.id,
      documentId,
      format,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.byteLength,
      figuresDigest: figuresDigest(figures),
      figures,
      createdAt: new Date().toISOString(),
    });
    return summary(row);
  }

  async renditions(scope: AgencyScope, documentId: number): Promise<(RenditionSummary & { figures: FigureSet })[]> {
    const rows = await this.ds.getRepository(RenditionEntity).find({ where: { agencyId: scope.id, documentId }, order: { id: 'ASC' } });
    return rows.map((r) => ({ ...summary(r), figures: r.figures }));
  }
}

function summary(r: RenditionEntity): RenditionSummary {
  return { id: r.id, format: r.format, sha256: r.sha256, size: r.size, figuresDigest: r.figuresDigest, createdAt: r.createdAt };
}
