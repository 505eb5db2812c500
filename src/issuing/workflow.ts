/**
 * The life of one of our (outgoing) documents, as a pure state machine:
 *
 *   draft → submitted → approved → signed → issued → replaced
 *              │                               └──→ corrected → corrected | replaced
 *              └→ draft (returned for revision before approval)
 *
 * - Content is frozen from "submitted" on; after approval a change means a new document.
 * - "issued" is reached only through the issue step, which assigns the number and date and writes
 *   the register entry in one transaction (ND30 Đ15.2–3, Đ14): never by a plain transition.
 * - "replaced" (Đ18.3: a document of the same form replaces it) and "corrected" (Đ18.4: an đính
 *   chính công văn) name the later issued document that does it. A document can be corrected more
 *   than once, and a corrected one can still be replaced; a replaced one is final.
 */
import { DomainError } from '../common/domain-error';
import type { DocumentStatus } from '../registry/records/record-set';

export const WORKFLOW_STATES: readonly DocumentStatus[] = [
  'draft',
  'submitted',
  'approved',
  'signed',
  'issued',
  'replaced',
  'corrected',
];

/** How a transition is made: a plain status change, the issue step, or one naming the later document. */
export type TransitionKind = 'plain' | 'issue' | 'link';

const NEXT: Record<DocumentStatus, readonly DocumentStatus[]> = {
  draft: ['submitted'],
  submitted: ['approved', 'draft'],
  approved: ['signed'],
  signed: ['issued'],
  issued: ['replaced', 'corrected'],
  corrected: ['corrected', 'replaced'],
  replaced: [],
};

export function isWorkflowState(s: string): s is DocumentStatus {
  return (WORKFLOW_STATES as readonly string[]).includes(s);
}

export function allowedTargets(from: DocumentStatus): readonly DocumentStatus[] {
  return NEXT[from];
}

export function canTransition(from: DocumentStatus, to: DocumentStatus): boolean {
  return NEXT[from].includes(to);
}

export function transitionKind(to: DocumentStatus): TransitionKind {
  if (to === 'issued') return 'issue';
  if (to === 'replaced' || to === 'corrected') return 'link';
  return 'plain';
}

/** Whether the text of a document in this state may still be edited. */
export function isContentFrozen(status: DocumentStatus): boolean {
  return status !== 'draft';
}

/** Throws `workflow.illegal_transition` (409) naming both states and what is allowed from `from`. */
export function assertTransition(from: DocumentStatus, to: DocumentStatus, document?: string): void {
  if (canTransition(from, to)) return;
  const allowed = NEXT[from];
  throw new DomainError(
    'workflow.illegal_transition',
    `${document ? `document ${document}: ` : ''}cannot go from "${from}" to "${to}"`,
    'conflict',
    [
      { path: 'from', message: from },
      { path: 'to', message: to },
      {
        path: 'allowed',
        message: allowed.length ? `from "${from}": ${allowed.join(', ')}` : `"${from}" is final`,
        key: 'workflow.allowed',
      },
    ],
  );
}
