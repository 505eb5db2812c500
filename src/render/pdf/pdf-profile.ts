/**
 * The ND30 profile of the PDF renderer in PDF points (1/72 inch). The figures are those of the
 * DOCX renderer (src/render/docx/nd30-layout.ts and templates/docx/base/word/styles.xml, in twips
 * and half-points) converted, so that the two outputs lay out alike: spec/nd30.md §1, §2, §9.
 */

export const PT_PER_MM = 72 / 25.4;

/** twips (1/20 pt) → points */
export function twips(t: number): number {
  return t / 20;
}

export function mm(v: number): number {
  return v * PT_PER_MM;
}

/** A4: 210 × 297 mm = 595.276 × 841.89 pt. */
export const A4 = { width: mm(210), height: mm(297) } as const;

export const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) } as const;

/** Word's "header distance": the page number's line starts 10 mm below the top edge. */
export const HEADER_DISTANCE = mm(10);

export const SIZE = {
  body: 14,
  governingBody: 12,
  issuer: 12,
  numberLine: 13,
  vv: 12,
  quocHieu: 12,
  tieuNgu: 13,
  dateLine: 13,
  draftMark: 13,
  typeName: 14,
  title: 14,
  recipientsLabel: 12,
  recipients: 11,
  signature: 14,
  pageNumber: 14,
  table: 12,
  footnote: 12,
  annex: 14,
} as const;

/** Body: exactly 18 pt lines (between ND30's single and 1.5 lines), 6 pt before, first line 1 cm. */
export const BODY_LINE = 18;
export const SPACE_BEFORE = 6;
export const FIRST_LINE_INDENT = twips(567);

/** "Single" spacing of Tinos / Times New Roman: ascent + descent + line gap of the hhea table. */
export const SINGLE = 1.1499;

/** Header table and signature table: left column 4200 twips, the rest to the right. */
export const HEADER_LEFT = twips(4200);

/** Space for the handwritten or image signature and the seal: 30 mm (ND30 gives no figure). */
export const SIGNATURE_SPACE = twips(1701);
/** The signature table's cells have 12 pt of top padding. */
export const SIGNATURE_TOP = twips(240);
/** Nơi nhận label and quyền hạn/chức vụ lines: exactly 17 pt. */
export const SIGNATURE_LINE = 17;
/** A wrapped recipient line continues 3 mm in (hanging indent). */
export const RECIPIENT_HANG = twips(170);

/** Short rules are this share of their text line (ND30: 1/3 to 1/2): the agency's 0.4, the trích yếu's 0.35. */
export const SHORT_RULE_RATIO = 0.4;
export const TITLE_RULE_RATIO = 0.35;
/** A rule paragraph has 2 pt before it; 12 pt after the rule under a phụ lục's heading. */
export const RULE_BEFORE = 2;
export const ANNEX_RULE_AFTER = 12;

export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';
/** Rule lines: 0.75 pt; a rule paragraph is 6 pt high with the line at its top. */
export const RULE_WIDTH = 0.75;
export const RULE_BLOCK = 6;
/** The rule sits this far into its 6 pt paragraph: clear of the descenders above it. */
export const RULE_DROP = RULE_WIDTH / 2;

/** The thẩm quyền line and Kính gửi have 12 pt before (the first line only). */
export const AUTHORITY_BEFORE = 12;
/** Kính gửi with several lines starts 4 cm in. */
export const KINH_GUI_START = 2268;

/** Space before the tên loại line. */
export const TYPE_NAME_BEFORE = 18;
/** "QUYẾT ĐỊNH:" has 12 pt before and 6 pt after. */
export const ENACTING_BEFORE = 12;
export const ENACTING_AFTER = 6;

/** Tables: 12 pt, single spacing, 2 pt above and below each cell paragraph, 5.4 pt side padding. */
export const CELL_PAD_X = twips(108);
export const CELL_PAD_Y = 2;
export const TABLE_BORDER = 0.5;

/** Footnotes: 12 pt single; the separator is a 144 pt rule (Word's default) with a little air. */
export const FOOTNOTE_SEPARATOR = 144;
export const FOOTNOTE_GAP = 6;
/** Superscript markers: 65 % of the size, raised by a third of it. */
export const SUPER_SCALE = 0.65;
export const SUPER_RISE = 0.35;
