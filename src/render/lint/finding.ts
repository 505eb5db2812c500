/** A breach of the ND30 form found by the lint, with a stable code. */
export type LintSeverity = 'error' | 'warning' | 'info';

export interface LintFinding {
  /** stable, dotted: "nd30.date_line.form", "nd30.pdf.font_not_embedded" … */
  code: string;
  severity: LintSeverity;
  message: string;
  /** where in the model or the file: "header.placeDateLine", "page 3", "word/document.xml sectPr 2" */
  where?: string;
}

export function finding(code: string, severity: LintSeverity, message: string, where?: string): LintFinding {
  return where === undefined ? { code, severity, message } : { code, severity, message, where };
}
