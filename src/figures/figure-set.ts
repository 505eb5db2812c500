/**
 * A FigureSet is the snapshot of every named figure one document uses, computed from the registry
 * just before rendering and stored with each rendered version. Templates name figures; they never
 * carry a number themselves.
 */

export type FigureUnit = 'hộ' | 'người' | 'đồng' | '%' | 'điểm %' | 'tháng' | 'text' | string;

export interface Figure {
  name: string;
  /** integer (counts, đồng), a scaled decimal rendered as text (rates), or text (breakdowns) */
  value: number | string;
  unit: FigureUnit;
  /** decimals implied in `value` when it is a scaled rate (e.g. 6 with 1 decimal = 0,6) */
  decimals?: number;
  /** the text a document prints, in Vietnamese form: "1.234.567", "0,6", "TDP Sau 02 hộ, …" */
  text: string;
  /** how it was computed, in words a maintainer can check by hand */
  formula: string;
  /** the registry rows it came from: "household:12", "quota:3", "policy_parameter:7" */
  sources: string[];
  /** for a breakdown ("TDP Sau 02 hộ, …"): its parts, so a template can pad them its own way */
  parts?: { label: string; value: number }[];
}

export interface FigureSet {
  /** ISO timestamp of the snapshot */
  computedAt: string;
  figures: Record<string, Figure>;
  /** rows of table figures (quota allocations, budget lines), by figure name */
  tables?: Record<string, FigureTable>;
}

export interface FigureTable {
  name: string;
  /** width: relative to the other columns (as the DocModel's tables take it); align: default left, numbers right */
  columns: { key: string; header: string; numeric?: boolean; width?: number; align?: 'center' }[];
  rows: { cells: Record<string, string>; total?: boolean; sources: string[] }[];
  formula: string;
}

/** Coded problems found while computing or applying figures; reported together. */
export interface FigureProblem {
  code:
    | 'figure.unknown'
    | 'figure.cycle'
    | 'figure.invalid_definition'
    | 'figure.parameter_missing'
    | 'figure.no_data'
    | 'figure.infeasible'
    | 'figure.template_error';
  /** the figure (or template path) concerned */
  path: string;
  message: string;
}

export class FigureError extends Error {
  constructor(readonly problems: FigureProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    this.name = 'FigureError';
  }
}

/** The values only, in name order: what two snapshots are compared on (digest input). */
export function canonicalFigureValues(set: FigureSet): string {
  const names = Object.keys(set.figures).sort();
  const values = names.map((n) => [n, set.figures[n].value, set.figures[n].text]);
  const tables = Object.keys(set.tables ?? {})
    .sort()
    .map((n) => [n, set.tables![n].rows.map((r) => r.cells)]);
  return JSON.stringify({ values, tables });
}
