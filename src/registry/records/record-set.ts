/**
 * The records/ folder, parsed: plain typed data, no ORM types. `records-loader.ts` reads YAML into
 * this shape, checked by `records-schema.ts` (with file:line for every problem); the registry
 * importer upserts it.
 *
 * Keys (`code`) are stable, human-chosen identifiers: re-importing matches on them, so editing a
 * value and re-importing updates the row instead of adding one.
 *
 * Rich text (paragraphs, căn cứ, titles) is a string in a small markup:
 *   **bold**, *italic*, ^[footnote text] (a footnote attached at that point),
 *   {{fig "name"}} (a figure from the figures engine, substituted before rendering).
 */

import type { FigureDefinition } from '../../figures/compute-figures';

export type DocumentDirection = 'outgoing' | 'incoming';

export type DocumentStatus = 'draft' | 'submitted' | 'approved' | 'signed' | 'issued' | 'replaced' | 'corrected';

export type NumberingPolicy = 'single' | 'per-type';

export interface UnitRecord {
  /** abbreviation used in "Lưu: VT, KT." and công văn ký hiệu, e.g. "KT", "VH-XH" */
  abbreviation: string;
  name: string;
}

export interface VillageRecord {
  /** stable key within the agency, e.g. "thon-1", "tdp-sau" */
  code: string;
  /** as written in documents: "Thôn Khuôn Thẳm", "TDP Sau" */
  name: string;
  kind: 'thôn' | 'tổ dân phố' | 'thị tứ' | 'khu phố';
  /** tổng số hộ dân cư: the base of the village's poverty rate */
  totalHouseholds?: number;
}

export interface AgencyRecord {
  code: string;
  /** full name as used in running text: "Ủy ban nhân dân xã Kim Thành" */
  name: string;
  /** short name in running text: "UBND xã Kim Thành" */
  shortName: string;
  /** cơ quan chủ quản header lines (may be empty) */
  governingBody: string[];
  /** cơ quan ban hành header lines: ["ỦY BAN NHÂN DÂN", "XÃ KIM THÀNH"] */
  issuerLines: string[];
  /** ký hiệu of the agency: "UBND" */
  abbreviation: string;
  /** địa danh for the date line: "Kim Thành" */
  placeName: string;
  /** the province / city it belongs to: "thành phố Hải Phòng" */
  province?: string;
  numbering: NumberingPolicy;
  units: UnitRecord[];
  villages: VillageRecord[];
}

export interface OfficialRecord {
  code: string;
  agency: string;
  name: string;
  /** official post: "Phó Chủ tịch", "Chủ tịch" */
  position: string;
}

/** Body blocks in YAML: exactly one of the keys is set. */
export type BlockRecord =
  | { h1: string }
  | { h2: string }
  | { h3: string }
  | { h4: string }
  | { p: string; indent?: boolean; align?: 'justify' | 'center' | 'left' | 'right' }
  | { article: { number: number; title: string; body: BlockRecord[] } }
  | {
      table: {
        columns: { header: string; width?: number; align?: 'left' | 'center' | 'right'; numeric?: boolean }[];
        rows: { cells: string[]; total?: boolean }[];
        caption?: string;
      };
    }
  /** the rows of a table figure (quota allocation, budget lines), filled in before compose */
  | { figureTable: string; caption?: string; widths?: Record<string, number> };

export interface AnnexRecord {
  label: string;
  title: string[];
  subtitle?: string;
  /**
   * For an annex of this very document: who issues it ("Chủ tịch Ủy ban nhân dân xã Tân An"). The
   * subtitle is then written at each render from the document's own number and date — blanks while
   * it has none — "(Kèm theo Quyết định số 05/QĐ-UBND ngày 02 tháng 6 năm 2026 của …)".
   */
  kemTheo?: string;
  landscape?: boolean;
  body: BlockRecord[];
}

export interface SignatureRecord {
  /** official code */
  official: string;
  /** quyền hạn lines above the position, e.g. ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"] */
  authority: string[];
}

/** The content of one of our (outgoing) documents, as the clerk wrote it. */
export interface DocumentContent {
  /** trích yếu as printed (may differ from the register title only by line breaks) */
  titleLines?: string[];
  /**
   * For a document not yet dated: the month already printed in its date line, so that only the
   * day is left blank for the signer ("Cát Hải, ngày      tháng 6 năm 2026", as seeds 001 and 003).
   */
  monthWhenUndated?: number;
  authority?: string[];
  kinhGui?: string[];
  canCu: string[];
  enactingLine?: string;
  body: BlockRecord[];
  /** Nơi nhận entries as printed, with "- " and ";"/"." */
  recipients: string[];
  signature: SignatureRecord;
  annexes: AnnexRecord[];
  /** the named figures the texts use as {{fig "name"}}, computed from the registry at each render */
  figures?: Record<string, FigureDefinition>;
}

export interface DocumentRecord {
  code: string;
  /** owning agency (whose registry this record is in) */
  agency: string;
  direction: DocumentDirection;
  /** ND30 type abbreviation, or the VBQPPL one: KH, QĐ, NQ, NĐ, TT, TTLT, BC, TTr, CV … */
  type: string;
  /** tên loại in words: "Kế hoạch", "Nghị quyết" */
  typeName: string;
  /** null for an unnumbered draft or a document cited without a number */
  number: number | null;
  year: number;
  /** the part after the number: "KH-UBND", "NQ-HĐND", "NĐ-CP"; VBQPPL carry the year in the number part */
  symbol: string;
  /** VBQPPL style "04/2026/NQ-HĐND" (number/year/symbol) rather than "128/KH-UBND" */
  yearInNumber: boolean;
  /** issuing body in words: "Hội đồng nhân dân thành phố Hải Phòng" */
  issuer: string;
  /** issuing agency code when it is one of ours */
  issuerAgency?: string;
  /** ISO yyyy-mm-dd, null when the seed leaves it blank */
  date: string | null;
  title: string;
  status: DocumentStatus;
  /** codes of the documents this one cites */
  citations: string[];
  /** what is known to be wrong in the original (kept faithful; the checker finds it) */
  notes?: string[];
  /** seed file this record reconstructs, for the fidelity tests */
  seed?: string;
  content?: DocumentContent;
}

export interface PolicyParameterRecord {
  /** e.g. "luong_co_so", "bhyt_rate", "muc_ho_tro.ngheo" */
  name: string;
  /** integer đồng, or a decimal as a string for rates ("0.045") */
  value: number | string;
  unit: string;
  effectiveFrom: string;
  /** inclusive; absent = open-ended */
  effectiveTo?: string;
  source?: string;
}

export interface PolicyRecord {
  code: string;
  agency: string;
  name: string;
  /** the document establishing it */
  document?: string;
  rule: string;
  parameters: PolicyParameterRecord[];
}

export interface MemberRecord {
  code: string;
  name: string;
  birthDate?: string;
  birthYear?: number;
  gender?: 'nam' | 'nữ';
  /** sensitive: never printed on public outputs */
  idNumber?: string;
  relation?: string;
  /** facts policies read: { doi_tuong: "tre_em", tro_cap_dang_huong: 500000 } */
  attributes?: Record<string, string | number | boolean>;
}

export interface HouseholdRecord {
  code: string;
  agency: string;
  village: string;
  head: string;
  /** category per poverty-standard period: { "2026-2030": "nghèo" } */
  categories: Record<string, string>;
  /** facts figures read: { khong_co_kha_nang_lao_dong: true, du_kien_2026: "ho_tro_thoat_ngheo" } */
  attributes?: Record<string, string | number | boolean>;
  members: MemberRecord[];
}

export interface QuotaRecord {
  code: string;
  agency: string;
  /** e.g. "giam_ho_ngheo_2026" */
  indicator: string;
  year: number;
  baseline: number;
  target: number;
  /** the document that sets it */
  document?: string;
  /** per village: weight (e.g. poor households) and optional cap */
  villages?: { village: string; weight: number; cap?: number }[];
}

export interface RecordSet {
  agencies: AgencyRecord[];
  officials: OfficialRecord[];
  documents: DocumentRecord[];
  policies: PolicyRecord[];
  households: HouseholdRecord[];
  quotas: QuotaRecord[];
}
