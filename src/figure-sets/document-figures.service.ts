import { Injectable } from '@nestjs/common';
import { AgenciesService } from '../registry/agencies.service';
import { DocumentsService } from '../registry/documents.service';
import { formatDocNumber } from '../vi/doc-number';
import { FigureSetsService, type FigureReport, type RenditionSummary } from './figure-sets.service';

/** Agency code + document id/reference → figures: what the controller and the CLI call. */
@Injectable()
export class DocumentFiguresService {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly documents: DocumentsService,
    private readonly figureSets: FigureSetsService,
  ) {}

  async report(agencyCode: string, idOrRef: string): Promise<FigureReport> {
    const scope = await this.agencies.scope(agencyCode);
    const d = await this.documents.get(scope, idOrRef);
    return this.figureSets.report(scope, d, formatDocNumber({ number: d.number, year: d.year, symbol: d.symbol, yearInNumber: d.yearInNumber }));
  }

  async renditions(agencyCode: string, idOrRef: string): Promise<RenditionSummary[]> {
    const scope = await this.agencies.scope(agencyCode);
    const d = await this.documents.get(scope, idOrRef);
    return (await this.figureSets.renditions(scope, d.id)).map(({ figures: _figures, ...r }) => r);
  }
}
