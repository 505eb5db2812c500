/**
 * Shapes of the cross-checker. Pure data: no Nest, no TypeORM. The JSON report is exactly the
 * DESIGN.md `check --json` shape; everything else here is internal to src/checking/.
 */

export type Severity = 'error' | 'warning' | 'info';

export type FindingCode =
  | 'citation.mismatch'
  | 'citation.inconsistent'
  | 'citation.unknown'
  | 'date.format'
  | 'date.invalid'
  | 'date.range_reversed'
  | 'period.invalid'
  | 'sum.mismatch'
  | 'count.mismatch'
  | 'percent.mismatch'
  | 'arithmetic.mismatch'
  | 'amount.words_mismatch'
  | 'number.missing'
  | 'figure.registry_mismatch'
  | 'figure.cross_document';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: string;
  /** 1-based line of the source (for .docx: paragraph/table-row index; for .pdf: pdftotext line) */
  line: number;
  excerpt: string;
  expected?: string;
  actual?: string;
}

export interface CheckFileResult {
  file: string;
  findings: Finding[];
}

/** A document the registry knows (incoming or ours). */
export interface KnownDocument {
  /** full number as issued: "04/2026/NQ-HĐND", "187/KH-UBND" */
  number: string;
  /** type abbreviation or name: "NQ", "KH", "Nghị quyết" */
  type: string;
  /** ISO date "2026-04-20", or null when unknown */
  date: string | null;
  /** issuing body as written in the registry: "Hội đồng nhân dân thành phố Hải Phòng" */
  issuer: string;
  title?: string;
}

/**
 * A named figure of the document being checked, as the figures engine knows it. The checker finds
 * it in the text by its anchor (the words that introduce it) and compares the stated value.
 */
export interface ContextFigure {
  /** figure name in the figure set, e.g. "quy_mo_nguoi_nam" */
  name: string;
  /** words that introduce the value in the text: "Quy mô thực hiện"; matched without diacritics/case */
  anchor: string;
  /** unit the stated value must carry ("người", "hộ", "%", "đồng"); any unit when absent */
  unit?: string;
  /** value computed from the registry now → figure.registry_mismatch when the text differs */
  registryValue?: number;
  /** the same named figure in other registry documents along the chain → figure.cross_document */
  related?: { document: string; value: number; note?: string }[];
  /**
   * The registry document this figure belongs to: the rule applies only to a text that is that
   * document (same number, or — unnumbered — its trích yếu in the header). Absent: any text.
   */
  document?: { reference: string | null; title: string };
}

export interface CheckContext {
  knownDocuments?: KnownDocument[];
  figures?: ContextFigure[];
  /** true: a draft (number.missing is info); undefined: inferred from the header (blank day, "DỰ THẢO") */
  isDraft?: boolean;
}

export interface SourceLine {
  /** 1-based */
  no: number;
  text: string;
}

export interface TableRow {
  line: number;
  cells: string[];
}

export interface ExtractedTable {
  startLine: number;
  header: string[];
  rows: TableRow[];
}

export interface Footnote {
  /** "1" for ¹ or [^1] */
  marker: string;
  line: number;
  text: string;
}

export type BlockKind = 'heading' | 'paragraph' | 'bullet' | 'table' | 'footnote';

/** A logical paragraph: consecutive source lines joined where a sentence runs on (page/line breaks). */
export interface Block {
  kind: BlockKind;
  startLine: number;
  endLine: number;
  /** cleaned text (markdown emphasis and heading marks removed, NBSP → space, dashes → "-") */
  text: string;
  /** offsets in `text` where each joined source line starts, with its line number (ascending) */
  segments: { offset: number; line: number }[];
  /** bullet marker for kind "bullet": "-", "+", "•", "a)" … */
  bullet?: string;
  /** footnote marker for kind "footnote": "1" for ¹ */
  marker?: string;
}

export interface ExtractedDoc {
  lines: SourceLine[];
  blocks: Block[];
  tables: ExtractedTable[];
  footnotes: Footnote[];
}
