import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { FigureSetsService } from '../figure-sets/figure-sets.service';
import { AgenciesService } from '../registry/agencies.service';
import { DocumentsService } from '../registry/documents.service';
import { OfficialsService } from '../registry/officials.service';
import { RenderService } from '../render/render.service';
import type { IssuedFile, IssueRenderer, IssueRenderInput } from './issue-renderer';

/**
 * The issue step's file: the document rendered as PDF by RenderService — or, while the PDF
 * renderer is not wired in, as DOCX with a note saying so.
 *
 * The registry services are built on the issue transaction's EntityManager (they only call
 * getRepository and transaction, which it has), so the render sees the number and date just
 * assigned: on PostgreSQL the app's other pooled connections would not see them until the commit.
 */
@Injectable()
export class RenderIssueRenderer implements IssueRenderer {
  async render({ manager, agencyCode, documentId }: IssueRenderInput): Promise<IssuedFile> {
    const bound = manager as unknown as DataSource;
    const render = new RenderService(new AgenciesService(bound), new OfficialsService(bound), new DocumentsService(bound), new FigureSetsService(bound));
    try {
      const [pdf] = await render.render(agencyCode, String(documentId), ['pdf']);
      return { bytes: pdf.bytes, fileName: pdf.fileName, contentType: pdf.contentType };
    } catch (e) {
      if (!(e instanceof DomainError && e.code === 'render.unsupported')) throw e;
    }
    const [docx] = await render.render(agencyCode, String(documentId), ['docx']);
    return {
      bytes: docx.bytes,
      fileName: docx.fileName,
      contentType: docx.contentType,
      notes: ['PDF rendering is not available yet: the DOCX was archived as the issued file'],
    };
  }
}
