import { z } from 'zod';

/** API input shapes (the records/ YAML uses the same field names). */
const code = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and "-"').max(64);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'yyyy-mm-dd').refine((s) => {
  const [y, m, d] = s.split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}, 'not a calendar date');
const text = z.string().trim().min(1, 'required');

export const agencyInput = z.object({
  code,
  name: text,
  shortName: text,
  governingBody: z.array(text).default([]),
  issuerLines: z.array(text).min(1),
  abbreviation: text.max(32),
  placeName: text,
  province: text.optional(),
  numbering: z.enum(['single', 'per-type']).default('single'),
  units: z.array(z.object({ abbreviation: text.max(32), name: text })).default([]),
  villages: z
    .array(z.object({ code, name: text, kind: z.enum(['thôn', 'tổ dân phố', 'thị tứ', 'khu phố']) }))
    .default([]),
});
export type AgencyInput = z.infer<typeof agencyInput>;

export const officialInput = z.object({ code, name: text, position: text });
export type OfficialInput = z.infer<typeof officialInput>;

export const documentInput = z.object({
  code,
  direction: z.enum(['outgoing', 'incoming']),
  type: text.max(16),
  typeName: text,
  number: z.number().int().positive().nullable().default(null),
  year: z.number().int().min(1945).max(2100),
  symbol: text.max(64),
  yearInNumber: z.boolean().default(false),
  issuer: text,
  date: isoDate.nullable().default(null),
  title: text,
  status: z.enum(['draft', 'submitted', 'approved', 'signed', 'issued', 'replaced', 'corrected']).default('draft'),
  citations: z.array(code).default([]),
  notes: z.array(z.string()).default([]),
});
export type DocumentInput = z.infer<typeof documentInput>;

export const documentPatch = documentInput.partial().omit({ code: true });
export type DocumentPatch = z.infer<typeof documentPatch>;

export const memberInput = z.object({
  code,
  name: text,
  birthDate: isoDate.optional(),
  birthYear: z.number().int().min(1900).max(2100).optional(),
  gender: z.enum(['nam', 'nữ']).optional(),
  idNumber: z.string().regex(/^\d{12}$/, '12 digits').optional(),
  relation: text.optional(),
});

export const householdInput = z.object({
  code,
  village: code,
  head: text,
  categories: z.record(z.string().regex(/^\d{4}-\d{4}$/), text).default({}),
  members: z.array(memberInput).default([]),
});
export type HouseholdInput = z.infer<typeof householdInput>;
