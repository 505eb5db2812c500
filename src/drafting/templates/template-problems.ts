/**
 * What can be wrong with a wording template or with a request to draft from one. Every problem
 * names the file and the 1-based line and column it was found at (a manifest field, a Handlebars
 * expression); all of them are collected and reported together, before anything is drafted.
 */
export const TEMPLATE_PROBLEM_CODES = [
  /** Handlebars or YAML syntax */
  'template.syntax',
  /** a manifest field missing, misspelt or of the wrong type; a file it names is missing */
  'template.manifest',
  /** {{fig "x"}}, {{figureTable "x"}} naming a figure the template does not define */
  'template.unknown_figure',
  /** a {{helper …}} the engine does not have */
  'template.unknown_helper',
  /** a value path the context does not have (inputs.x not declared, agency.x unknown, …) */
  'template.unknown_value',
  /** a helper called with the wrong arguments, as a block when it is not one, … */
  'template.helper_misuse',
  /** a line of block markup the engine cannot read (@unknown directive, table row width) */
  'template.markup',
  /** a figure definition that is invalid or cannot be computed from the registry */
  'template.figure',
  /** an agency override file that matches no file of the template */
  'template.override',
  /** a required input or document (--implements) not given */
  'draft.missing_input',
  /** an input of the wrong type or value, an unknown input, a document that fits no slot */
  'draft.bad_input',
  /** the agency lacks what the template needs (a unit, a signer, a quota, non-zero figures) */
  'draft.not_applicable',
] as const;

export type TemplateProblemCode = (typeof TEMPLATE_PROBLEM_CODES)[number];

export interface TemplateProblem {
  code: TemplateProblemCode;
  /** display path of the file: "templates/kh-trien-khai/body.hbs" */
  file: string;
  line: number;
  column: number;
  message: string;
}

export class TemplateError extends Error {
  constructor(readonly problems: TemplateProblem[]) {
    super(`${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'TemplateError';
  }
}

export function formatProblem(p: TemplateProblem): string {
  return `${p.file}:${p.line}:${p.column} ${p.code}: ${p.message}`;
}

/** Reading order: by file, then line, then column (a stable sort keeps same-place problems in order). */
export function sortProblems(problems: TemplateProblem[]): TemplateProblem[] {
  return [...problems].sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1));
}
