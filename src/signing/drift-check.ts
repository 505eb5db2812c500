/**
 * Seam for the "figures still equal the registry" part of `vanthu verify` (issue #5, item 4).
 *
 * Answering it needs the figure set stored with the rendered version a signed PDF was made from,
 * compared with the figures recomputed from the registry as it is now. The leader's signing step
 * records that rendered version (a rendition with its FigureSet, found by `renderedSha256`); the
 * comparison itself — which figures, how values compare — is the figures engine's (src/figures/,
 * src/figure-sets/), being built separately. Until it provides DRIFT_CHECK, `figuresNotWired` says
 * honestly that nothing was checked; verify never reports "no drift" on its behalf.
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
  "not checked: the figures engine (src/figures/) does not yet provide the comparison of a signed version's stored figure set with the registry";

export const figuresNotWired: DriftCheck = {
  check: () => Promise.resolve({ checked: false, reason: FIGURES_NOT_WIRED }),
};
