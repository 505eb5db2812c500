/**
 * The ND30 lint (Nghị định 30/2020/NĐ-CP, spec/nd30.md): rules on a DocModel, on a produced PDF (with
 * poppler) and on a .docx (its XML). Findings carry stable codes; "error" means the document is not
 * in ND30 form, "warning" that it is legal but unusual.
 */
export { finding, type LintFinding, type LintSeverity } from './finding';
export { lintCanCu, lintDateLine, lintDocModel, lintNumberLine, lintRecipients, lintSignature, TYPE_ABBREVIATIONS } from './model-rules';
export { checkFonts, checkMargins, checkPageNumbers, checkPageSizes, lintPdf, parseBbox, parsePageSizes, parsePdffonts, splitPages } from './pdf-rules';
export { lintDocx } from './docx-rules';
export { errorCount, lintFile, lintFileKind, lintModelOutputs, UnreadableForLint, type LintedOutput, type LintOutput } from './lint-outputs';
