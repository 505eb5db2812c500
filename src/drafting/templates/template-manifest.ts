/**
 * The manifest of a wording template (`templates/<name>/manifest.yaml`): what the document is (type,
 * ký hiệu, trích yếu pattern), what it needs (documents it implements, typed inputs), the figures it
 * defines and uses, the signer's mode, and which .hbs file holds the wording of each section.
 * Layout is never described here: the renderers own it.
 */
import { z } from 'zod';

const name = z.string().regex(/^[a-z][a-z0-9_]*$/, 'a name is snake_case ASCII, e.g. nghi_quyet');
const hbsFile = z.string().regex(/^[a-z0-9][a-z0-9-]*\.hbs$/, 'a wording file is "<kebab-name>.hbs" in the template folder');

export const INPUT_TYPES = ['string', 'text', 'integer', 'boolean', 'date', 'dateRange', 'month', 'unit', 'official', 'quota', 'policy', 'list', 'enum'] as const;
export type InputType = (typeof INPUT_TYPES)[number];

export const SIGNATURE_MODES = ['tap-the', 'thu-truong', 'don-vi'] as const;
export type SignatureMode = (typeof SIGNATURE_MODES)[number];

const inputSpec = z
  .strictObject({
    type: z.enum(INPUT_TYPES),
    label: z.string().optional(),
    required: z.boolean().default(false),
    /** a literal, or a Handlebars string over {agency, inputs} ("Bảo hiểm xã hội cơ sở {{agency.placeName}}"); "latest" for a quota */
    default: z.union([z.string(), z.number(), z.boolean()]).optional(),
    /** enum only */
    values: z.array(z.string().min(1)).min(1).optional(),
  })
  .refine((s) => (s.type === 'enum') === (s.values !== undefined), { message: 'values are given for an enum input, and only for one' });

const slotSpec = z.strictObject({
  /** document types that fit (KH, NQ, QĐ …) */
  types: z.array(z.string().min(1)).min(1),
  required: z.boolean().default(false),
  /** several documents (a list of căn cứ) */
  many: z.boolean().default(false),
  label: z.string().optional(),
  /** a document cited before it has a number (a draft QĐ a Tờ trình proposes) may fill it */
  unnumbered: z.boolean().default(false),
});

const annexSpec = z.strictObject({
  label: z.string().min(1),
  title: z.array(z.string().min(1)).min(1),
  subtitle: z.string().optional(),
  /** an annex of the document itself: who issues it; compose writes "(Kèm theo … số … ngày … của <this>)" */
  kemTheo: z.string().optional(),
  landscape: z.boolean().optional(),
  body: hbsFile,
});

export const manifestSchema = z.strictObject({
  description: z.string().min(1),
  /** ND30 abbreviation: KH, QĐ, TTr, BC */
  type: z.string().min(1),
  typeName: z.string().min(1),
  /** ký hiệu pattern: {agency} = the agency's abbreviation, {unit} = the issuing unit's ("TTr-{unit}") */
  symbol: z.string().regex(/^[\p{L}&-]*(\{agency\}|\{unit\})[\p{L}&-]*$/u, 'e.g. "KH-{agency}" or "TTr-{unit}"'),
  /** who issues it: the agency (UBND) or its unit given by the input "don_vi" (a phòng's Tờ trình) */
  issuer: z.enum(['agency', 'unit']).default('agency'),
  /** trích yếu pattern (Handlebars) */
  title: z.string().min(1),
  /** agency levels it is written for: xã, phường, đặc khu, huyện … (all when absent) */
  levels: z.array(z.string().min(1)).optional(),
  slots: z.record(name, slotSpec).default({}),
  inputs: z.record(name, inputSpec).default({}),
  figures: z
    .strictObject({
      /** a slot whose document's figure definitions this one takes over, unchanged (a BC of its KH) */
      from: name.optional(),
      /** figure definitions (compute-figures.ts kinds); strings may use {{inputs.x}} */
      define: z.record(name, z.unknown()).default({}),
      /** figures that must be non-zero for the template to apply to an agency */
      require: z.array(name).default([]),
    })
    .default({ define: {}, require: [] }),
  signature: z.strictObject({ mode: z.enum(SIGNATURE_MODES) }),
  /** QĐ: the THẨM QUYỀN BAN HÀNH line, from the signature mode and the agency */
  authority: z.boolean().default(false),
  enactingLine: z.string().min(1).optional(),
  sections: z.strictObject({ kinhGui: hbsFile.optional(), canCu: hbsFile, body: hbsFile, recipients: hbsFile }),
  annexes: z.array(annexSpec).default([]),
});

export type TemplateManifest = z.infer<typeof manifestSchema>;
export type InputSpec = TemplateManifest['inputs'][string];
export type SlotSpec = TemplateManifest['slots'][string];

/**
 * Inputs every template has without declaring them (a manifest may declare one to give it a
 * default): the year, the month already printed in the date line, the signer and how they sign.
 */
export const BUILTIN_INPUTS: Record<string, InputSpec> = {
  nam: { type: 'integer', required: false, label: 'năm của văn bản (mặc định: năm của văn bản được triển khai, hoặc năm nay)' },
  thang: { type: 'integer', required: false, label: 'tháng in sẵn trên dòng ngày tháng khi chưa ký' },
  nguoi_ky: { type: 'official', required: false, label: 'người ký (mã cán bộ)' },
  che_do_ky: { type: 'enum', required: false, values: [...SIGNATURE_MODES], label: 'ký thay mặt tập thể (tap-the) hay chế độ thủ trưởng (thu-truong)' },
};

export function allInputs(m: TemplateManifest): Record<string, InputSpec> {
  return { ...BUILTIN_INPUTS, ...m.inputs };
}
