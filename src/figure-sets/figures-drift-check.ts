import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import type { Figure, FigureSet } from '../figures/figure-set';
import { DocumentsService } from '../registry/documents.service';
import { RenditionEntity } from '../render/rendition.entity';
import type { DriftCheck, DriftInput, DriftReport, FigureDrift } from '../signing/drift-check';
import { FigureSetsService } from './figure-sets.service';

const shown = (f: Figure): string => (f.parts || f.unit === 'text' ? f.text : `${f.text} ${f.unit}`);

/** Figures (and table figures) whose printed text differs between two sets, in the first set's order. */
export function figureDrift(then: FigureSet, now: FigureSet): FigureDrift[] {
  const out: FigureDrift[] = [];
  for (const [name, f] of Object.entries(then.figures)) {
    const n = now.figures[name];
    if (!n) out.push({ name, inDocument: shown(f), inRegistry: '(no longer computed)' });
    else if (n.text !== f.text) out.push({ name, inDocument: shown(f), inRegistry: shown(n) });
  }
  for (const [name, t] of Object.entries(then.tables ?? {})) {
    const n = now.tables?.[name];
    const rows = (x: typeof t | undefined): string => JSON.stringify(x?.rows.map((r) => r.cells) ?? null);
    if (rows(t) !== rows(n)) {
      const changed = n ? t.rows.filter((r, i) => JSON.stringify(r.cells) !== JSON.stringify(n.rows[i]?.cells)).length : t.rows.length;
      out.push({ name, inDocument: `table of ${t.rows.length} row(s)`, inRegistry: n ? `${changed} row(s) differ` : '(no longer computed)' });
    }
  }
  return out;
}

/**
 * `vanthu verify`'s drift: the figure set stored with the rendered version a signed PDF was made
 * from (found by the rendered bytes' sha-256), against the figures the registry gives now.
 */
@Injectable()
export class FiguresDriftCheck implements DriftCheck {
  constructor(private readonly ds: DataSource) {}

  async check(input: DriftInput): Promise<DriftReport> {
    if (!input.renderedSha256) return { checked: false, reason: 'not checked: no rendered version is recorded for this file' };
    const rendition = await this.ds
      .getRepository(RenditionEntity)
      .findOne({ where: { agencyId: input.agencyId, documentId: input.documentId, sha256: input.renderedSha256 }, order: { id: 'DESC' } });
    if (!rendition) return { checked: false, reason: 'not checked: the rendered version this file was signed from is not in the renditions' };
    const scope = { id: input.agencyId, code: input.agencyCode };
    const document = await new DocumentsService(this.ds).get(scope, input.documentId);
    let now: FigureSet;
    try {
      now = await new FigureSetsService(this.ds).compute(scope, document);
    } catch (e) {
      if (e instanceof DomainError) return { checked: false, reason: `not checked: the registry cannot give the figures now (${e.message})` };
      throw e;
    }
    const figures = figureDrift(rendition.figures, now);
    return { checked: true, drift: figures.length > 0, figures };
  }
}
