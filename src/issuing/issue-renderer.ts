import type { EntityManager } from 'typeorm';

/**
 * What the issue step archives: the document rendered with the number and date just assigned.
 * It runs inside the issue transaction and must read through `manager` — on PostgreSQL any other
 * connection would still see the document unnumbered.
 */
export interface IssueRenderInput {
  manager: EntityManager;
  agencyCode: string;
  documentId: number;
}

export interface IssuedFile {
  bytes: Buffer;
  fileName: string;
  contentType: string;
  /** anything the clerk should know, e.g. that a DOCX was archived because PDF is not wired yet */
  notes?: string[];
}

export interface IssueRenderer {
  render(input: IssueRenderInput): Promise<IssuedFile>;
}

export const ISSUE_RENDERER = Symbol('ISSUE_RENDERER');
