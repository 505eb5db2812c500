/**
 * DocModel: the one typed tree every renderer (DOCX, PDF, HTML) reads.
 *
 * It carries *content and structure*, never layout: the renderers own ND30 typography
 * (sizes, margins, rules). All strings are NFC and already final (figures substituted,
 * căn cứ punctuation applied, numbers formatted by `vi/`). A renderer must print every
 * string it is given, in order, and nothing else of its own except fixed ND30 labels that
 * are part of the model's meaning (e.g. the rule lines, page numbers).
 */

/** A run of text with its emphasis. */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

/** A footnote reference placed after the preceding run; the note text goes to the page foot. */
export interface FootnoteRun {
  footnote: TextRun[];
}

export type Inline = TextRun | FootnoteRun;

export function isFootnote(i: Inline): i is FootnoteRun {
  return (i as FootnoteRun).footnote !== undefined;
}

export type Align = 'justify' | 'center' | 'left' | 'right';

/**
 * Heading levels as Vietnamese plans use them:
 * 1 = "I. MỤC ĐÍCH, YÊU CẦU" (bold, upper case), 2 = "1. Mục đích" (bold),
 * 3 = "1.1. …" / "a) …" (bold italic or italic, by `italic`), 4 = lower sub-heading.
 * The number/label is part of `runs` text as written ("I. ", "1. ").
 */
export interface HeadingBlock {
  kind: 'heading';
  level: 1 | 2 | 3 | 4;
  runs: Inline[];
  align?: Align;
}

/** Body paragraph: justified, first-line indent 1 cm unless `indent` is false. */
export interface ParagraphBlock {
  kind: 'paragraph';
  runs: Inline[];
  align?: Align;
  indent?: boolean;
}

/** "Điều 1. Title" then its body blocks (khoản, điểm as paragraphs). */
export interface ArticleBlock {
  kind: 'article';
  number: number;
  title: Inline[];
  body: Block[];
}

export interface TableColumn {
  header: string;
  /** relative width (any unit; renderers normalise) */
  width: number;
  align?: 'left' | 'center' | 'right';
  /** numeric columns are right aligned and summed in a total row by the builder, not the renderer */
  numeric?: boolean;
}

export interface TableRow {
  cells: string[];
  /** a total row ("Tổng cộng") is bold */
  total?: boolean;
}

export interface TableBlock {
  kind: 'table';
  columns: TableColumn[];
  rows: TableRow[];
  /** the header row repeats on every page */
  repeatHeader?: boolean;
  caption?: string;
}

export type Block = HeadingBlock | ParagraphBlock | ArticleBlock | TableBlock;

export interface DocHeader {
  /** cơ quan chủ quản lines, upper case, not bold (e.g. "UBND TỈNH TUYÊN QUANG"); may be empty */
  governingBody: string[];
  /** cơ quan ban hành lines, upper case, bold (e.g. ["ỦY BAN NHÂN DÂN", "XÃ KIM THÀNH"]) */
  issuer: string[];
  /** the whole Số line as printed: "Số: 128/KH-UBND", draft "Số:      /KH-UBND" */
  numberLine: string;
  /** italic place-and-date line: "Kim Thành, ngày 26 tháng 5 năm 2026" */
  placeDateLine: string;
  /** tên loại, upper case ("KẾ HOẠCH"); absent for công văn */
  typeName?: string;
  /** trích yếu lines (bold, centred); for công văn the "V/v …" line goes in `vv` instead */
  title: string[];
  /** công văn only: "V/v …" under the Số line */
  vv?: string;
  /** "DỰ THẢO" mark for drafts */
  draftMark?: string;
}

export interface SignatureBlock {
  /** quyền hạn and chức vụ lines, upper case bold: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"] */
  lines: string[];
  /** signer's full name, bold */
  name: string;
}

export interface Recipients {
  /** printed lines including the leading "- " and the trailing ";" or "." */
  entries: string[];
}

export interface Annex {
  /** "Phụ lục" or "Phụ lục I" (Roman when there are two or more) */
  label: string;
  /** upper case title lines */
  title: string[];
  /** "(Kèm theo Kế hoạch số 128/KH-UBND ngày 26/5/2026 của UBND xã Kim Thành)" */
  subtitle?: string;
  blocks: Block[];
  landscape?: boolean;
}

export interface DocMeta {
  /** "Kế hoạch 128/KH-UBND: Triển khai thực hiện …" */
  title: string;
  /** the issuing agency's name */
  author: string;
  subject?: string;
  /** ISO date (yyyy-mm-dd) of the document, for PDF/DOCX metadata */
  date?: string;
  draft?: boolean;
}

export interface DocModel {
  meta: DocMeta;
  header: DocHeader;
  /** Quyết định / Nghị quyết: the authority line above the căn cứ ("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ …") */
  authority?: string[];
  /** "Kính gửi: …" lines (tờ trình, báo cáo, công văn) */
  kinhGui?: string[];
  /** italic căn cứ / preamble paragraphs, punctuation already final ("…;" and the last "….") */
  canCu: Inline[][];
  /** Quyết định: the centred "QUYẾT ĐỊNH:" line between căn cứ and Điều 1 */
  enactingLine?: string;
  body: Block[];
  recipients: Recipients;
  signature: SignatureBlock;
  annexes: Annex[];
}

/** The plain text of a list of inlines (footnote markers omitted). */
export function inlineText(runs: Inline[]): string {
  return runs.map((r) => (isFootnote(r) ? '' : r.text)).join('');
}
