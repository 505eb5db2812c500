/**
 * The ND30 profile the DOCX renderer uses (spec/nd30.md §1, §9), in Word units:
 * twips (1/1440 inch) for lengths, half-points for font sizes. The base template under
 * templates/docx/base carries the same values in its styles; the section properties are built
 * here because their attributes change per annex (orientation) and docxtemplater only fills text.
 */

/** millimetres → twips, rounded to the nearest twip. */
export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

export const PAGE = {
  /** A4 portrait, 210 × 297 mm */
  width: 11906,
  height: 16838,
  marginTop: mmToTwips(20),
  marginBottom: mmToTwips(20),
  marginLeft: mmToTwips(30),
  marginRight: mmToTwips(15),
  /** the page number sits in the top margin, 10 mm from the edge */
  header: mmToTwips(10),
  footer: mmToTwips(10),
} as const;

/** Usable line width of a portrait page and of a landscape annex page (same margins per edge). */
export const TEXT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;
export const TEXT_WIDTH_LANDSCAPE = PAGE.height - PAGE.marginLeft - PAGE.marginRight;

/** Font sizes in half-points. */
export const SIZE = {
  body: 28,
  governingBody: 24,
  issuer: 24,
  numberLine: 26,
  vv: 24,
  quocHieu: 24,
  tieuNgu: 26,
  dateLine: 26,
  draftMark: 26,
  typeName: 28,
  title: 28,
  recipientsLabel: 24,
  recipients: 22,
  signature: 28,
  pageNumber: 28,
  table: 24,
  footnote: 24,
} as const;

/** First-line indent 1 cm and 6 pt before every body paragraph. */
export const INDENT_FIRST_LINE = 567;
export const SPACE_BEFORE = 120;
/**
 * Body line spacing: exactly 18 pt. For 14 pt Times New Roman single spacing is ≈ 16.1 pt and
 * 1.5 lines ≈ 24.2 pt, so 18 pt is inside ND30's "single to 1.5" and is laid out identically by
 * Word and LibreOffice (an "auto" multiple depends on each program's font metrics).
 */
export const BODY_LINE = 360;

/** Header table (page 1) and signature table: left / right column, ≈ 45 % / 55 % of the text width. */
export const HEADER_LEFT = 4200;
export const HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT;

/** Height left blank for the handwritten signature and the seal: 30 mm (ND30 sets no figure). */
export const SIGNATURE_SPACE = mmToTwips(30);

/**
 * Short rules are this share of their text line (ND30: 1/3 to 1/2): 0.4 under the agency name
 * (a short line), 0.35 under the trích yếu and annex subtitles, whose line is often the full width.
 */
export const SHORT_RULE_RATIO = 0.4;
export const TITLE_RULE_RATIO = 0.35;

/** Rule lines: single, 0.75 pt (w:sz is in eighths of a point). */
export const RULE_SIZE = 6;
