/**
 * Seam for the "figures still equal the registry" part of `vanthu verify` (issue #5, item 4).
 *
 * Answering it needs the figure set stored with the rendered version a signed PDF was made from,
 * recomputed from the registry as it is now. That is the figures engine's job (src/figures/, a
 * FigureSet stored per rendered version), which is being built separately. Until it is wired in,
 * `figuresNotWired` says honestly that nothing was checked; verify never reports "no drift" on its
 * behalf. The engine provides DRIFT_CHECK with a real implementation and nothing else changes.
 */
export interface DriftInput {
  agencyId: number;
  agencyCode: string;
  documentId: number;
  /** "05/KH-UBND" when the file is an issued one */
  reference: string | null;
  /** sha-256 of the PDF as rendered, before any signature: the rendered version to look up */
  renderedSha256: string | null;
}

export interface FigureDrift {
  name: string;
  inDocument: string;
  inRegistry: string;
}

export type DriftReport =
  | { checked: false; reason: string }
  | { checked: true; drift: boolean; figures: FigureDrift[] };

export interface DriftCheck {
  check(input: DriftInput): Promise<DriftReport>;
}

export const DRIFT_CHECK = Symbol('DRIFT_CHECK');

export const FIGURES_NOT_WIRED =
  'not checked: the figures engine (src/figures/) is not wired in yet, so no stored figure set of the signed version can be compared with the registry';

export const figuresNotWired: DriftCheck = {
  check: () => Promise.resolve({ checked: false, reason: FIGURES_NOT_WIRED }),
};
