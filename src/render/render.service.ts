import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { FigureSetsService } from '../figure-sets/figure-sets.service';
import type { FigureSet } from '../figures/figure-set';
import { composeDocument } from '../drafting/compose/compose-document';
import type { DocModel } from '../drafting/doc-model';
import { OfficialsService } from '../registry/officials.service';
import { AgenciesService } from '../registry/agencies.service';
import type { AgencyScope } from '../registry/agency-scope';
import { DocumentsService } from '../registry/documents.service';
import { renderDocx } from './docx/docx-renderer';
import { renderHtml } from './html/html-renderer';
import { renderPdf } from './pdf/pdf-renderer';

export type RenderFormat = 'docx' | 'pdf' | 'html';

export const RENDER_FORMATS: readonly RenderFormat[] = ['docx', 'pdf', 'html'];

export interface RenderedFile {
  format: RenderFormat;
  contentType: string;
  fileName: string;
  bytes: Buffer;
}

const CONTENT_TYPES: Record<RenderFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
};

export function parseFormats(raw: string | undefined): RenderFormat[] {
  const wanted = (raw ?? 'docx').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = wanted.filter((f) => !RENDER_FORMATS.includes(f as RenderFormat));
  if (bad.length || wanted.length === 0) {
    throw DomainError.validation(
      'render.format',
      `unknown format(s): ${bad.join(', ') || '(none)'}`,
      bad.map((f) => ({ path: 'format', message: `"${f}" is not one of ${RENDER_FORMATS.join(', ')}` })),
    );
  }
  return wanted as RenderFormat[];
}

/** registry → DocModel → bytes. The renderers themselves never see the database. */
@Injectable()
export class RenderService {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly officials: OfficialsService,
    private readonly documents: DocumentsService,
    private readonly figureSets: FigureSetsService,
  ) {}

  /**
   * The DocModel of a document with its figures computed from the registry now. Fails (422, every
   * problem listed) when a figure cannot be computed or a text names a figure not in the set.
   */
  async model(agencyCode: string, idOrRef: string): Promise<{ model: DocModel; fileBase: string; figures: FigureSet; documentId: number; scope: AgencyScope }> {
    const scope = await this.agencies.scope(agencyCode);
    const stored = await this.documents.get(scope, idOrRef);
    const { document, figures } = await this.figureSets.fill(scope, stored);
    if (!document.content) {
      throw new DomainError(
        'render.no_content',
        `document ${document.code} is a ${document.direction} record without content: only our own documents render`,
        'unprocessable',
      );
    }
    const [agency, officials, cited] = await Promise.all([
      this.agencies.get(scope.code),
      this.officials.list(scope),
      this.documents.cited(scope, document.id),
    ]);
    const model = composeDocument({ document, agency, officials, cited, draft: document.status === 'draft' });
    return { model, fileBase: `${scope.code}-${document.code}`, figures, documentId: document.id, scope };
  }

  async render(agencyCode: string, idOrRef: string, formats: RenderFormat[]): Promise<RenderedFile[]> {
    const { model, fileBase, figures, documentId, scope } = await this.model(agencyCode, idOrRef);
    const out: RenderedFile[] = [];
    for (const format of formats) {
      const bytes = await renderTo(model, format);
      // every rendered version keeps the figure set it was computed from
      await this.figureSets.recordRendition(scope, documentId, format, bytes, figures);
      out.push({ format, contentType: CONTENT_TYPES[format], fileName: `${fileBase}.${format}`, bytes });
    }
    return out;
  }
}

async function renderTo(model: DocModel, format: RenderFormat): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return Buffer.from(renderDocx(model));
    case 'pdf':
      return Buffer.from(await renderPdf(model));
    case 'html':
      return Buffer.from(renderHtml(model), 'utf8');
  }
}
