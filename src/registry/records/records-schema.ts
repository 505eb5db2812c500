/**
 * The zod schema of a records/ YAML file: one per section, strict (an unknown or misspelt key is
 * an error, not silently dropped), with the defaults the importer relies on. The loader runs it on
 * every record and maps each issue's path back to the YAML line, so a clerk sees every bad field of
 * every file at once.
 */
import { z } from 'zod';
import { figureDefinitionsSchema, figureNameSchema } from '../../figures/figure-definition.schema';
import type {
  AgencyRecord,
  BlockRecord,
  DocumentRecord,
  HouseholdRecord,
  OfficialRecord,
  PolicyRecord,
  QuotaRecord,
} from './record-set';

const text = z.string().trim().min(1, 'must not be empty');
const code = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'a code is lower-case ASCII letters, digits and "-" (e.g. kh-128-2026)');

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A yyyy-mm-dd string naming a real day (a string of another shape is the pattern's to report). */
function isCalendarDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return true;
  const [y, m, d] = s.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const isoDate = z
  .string()
  .regex(ISO_DATE, 'a date is written yyyy-mm-dd (quoted), e.g. "2026-05-26"')
  .refine(isCalendarDate, 'no such calendar date');

const year = z.number().int().min(1945).max(2100);

const unit = z.strictObject({ abbreviation: text, name: text });

const village = z.strictObject({
  code,
  name: text,
  kind: z.enum(['thôn', 'tổ dân phố', 'thị tứ', 'khu phố']),
  totalHouseholds: z.number().int().nonnegative().optional(),
});

const attributes = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

export const agencySchema = z.strictObject({
  code,
  name: text,
  shortName: text,
  governingBody: z.array(text).default([]),
  issuerLines: z.array(text).min(1),
  abbreviation: text,
  placeName: text,
  province: text.optional(),
  numbering: z.enum(['single', 'per-type']).default('single'),
  units: z.array(unit).default([]),
  villages: z.array(village).default([]),
}) satisfies z.ZodType<AgencyRecord, unknown>;

export const officialSchema = z.strictObject({
  code,
  agency: code,
  name: text,
  position: text,
}) satisfies z.ZodType<OfficialRecord, unknown>;

const BLOCK_KINDS = ['h1', 'h2', 'h3', 'h4', 'p', 'article', 'table', 'figureTable'] as const;

const column = z.strictObject({
  header: text,
  width: z.number().positive().optional(),
  align: z.enum(['left', 'center', 'right']).optional(),
  numeric: z.boolean().optional(),
});

const tableBlock = z
  .strictObject({
    table: z.strictObject({
      columns: z.array(column).min(1),
      rows: z.array(z.strictObject({ cells: z.array(z.string()), total: z.boolean().optional() })),
      caption: text.optional(),
    }),
  })
  .superRefine((b, ctx) => {
    b.table.rows.forEach((r, i) => {
      if (r.cells.length !== b.table.columns.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['table', 'rows', i, 'cells'],
          message: `a row has ${r.cells.length} cell(s) for ${b.table.columns.length} column(s)`,
        });
      }
    });
  });

const BLOCK_SCHEMAS: Record<(typeof BLOCK_KINDS)[number], z.ZodType> = {
  h1: z.strictObject({ h1: text }),
  h2: z.strictObject({ h2: text }),
  h3: z.strictObject({ h3: text }),
  h4: z.strictObject({ h4: text }),
  p: z.strictObject({ p: text, indent: z.boolean().optional(), align: z.enum(['justify', 'center', 'left', 'right']).optional() }),
  article: z.strictObject({
    article: z.strictObject({ number: z.number().int().positive(), title: z.string(), body: z.lazy(() => z.array(blockSchema)) }),
  }),
  table: tableBlock,
  figureTable: z.strictObject({ figureTable: figureNameSchema, caption: text.optional(), widths: z.record(z.string(), z.number().positive()).optional() }),
};

/**
 * A body block is a map with exactly one of h1…h4, p, article, table; it is checked against that
 * kind's schema so that a bad field deep in a table or an article is reported at its own path.
 */
export const blockSchema: z.ZodType<BlockRecord> = z.unknown().transform((value, ctx): BlockRecord => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    ctx.addIssue({ code: 'custom', message: `a block is a map with one of ${BLOCK_KINDS.join(', ')}` });
    return z.NEVER;
  }
  const kinds = BLOCK_KINDS.filter((k) => k in value);
  if (kinds.length !== 1) {
    ctx.addIssue({
      code: 'custom',
      message: kinds.length
        ? `a block has exactly one of ${BLOCK_KINDS.join(', ')} (found ${kinds.join(', ')})`
        : `a block has one of ${BLOCK_KINDS.join(', ')} (found ${Object.keys(value).join(', ') || 'nothing'})`,
    });
    return z.NEVER;
  }
  const result = BLOCK_SCHEMAS[kinds[0]].safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues) ctx.addIssue({ ...issue, code: 'custom', path: issue.path, message: issue.message });
    return z.NEVER;
  }
  return result.data as BlockRecord;
});

const annex = z.strictObject({
  label: text,
  title: z.array(text),
  subtitle: text.optional(),
  kemTheo: text.optional(),
  landscape: z.boolean().optional(),
  body: z.array(blockSchema),
});

const content = z.strictObject({
  titleLines: z.array(text).min(1).optional(),
  monthWhenUndated: z.number().int().min(1).max(12).optional(),
  authority: z.array(text).optional(),
  kinhGui: z.array(text).optional(),
  canCu: z.array(text).default([]),
  enactingLine: text.optional(),
  body: z.array(blockSchema),
  recipients: z.array(text),
  signature: z.strictObject({ official: code, authority: z.array(text).default([]) }),
  annexes: z.array(annex).default([]),
  figures: figureDefinitionsSchema.optional(),
});

export const documentSchema = z
  .strictObject({
    code,
    agency: code,
    direction: z.enum(['outgoing', 'incoming']),
    type: text,
    typeName: text,
    number: z.number().int().positive().nullable().default(null),
    year,
    symbol: text,
    yearInNumber: z.boolean().default(false),
    issuer: text,
    issuerAgency: code.optional(),
    date: isoDate.nullable().default(null),
    title: text,
    status: z.enum(['draft', 'submitted', 'approved', 'signed', 'issued', 'replaced', 'corrected']).default('issued'),
    citations: z.array(code).default([]),
    notes: z.array(text).optional(),
    seed: text.optional(),
    content: content.optional(),
  })
  .superRefine((d, ctx) => {
    if (d.date && ISO_DATE.test(d.date) && Number(d.date.slice(0, 4)) !== d.year) {
      ctx.addIssue({ code: 'custom', path: ['year'], message: `year ${d.year} differs from the date's year ${d.date.slice(0, 4)}` });
    }
    if (d.content?.monthWhenUndated !== undefined && d.date) {
      ctx.addIssue({ code: 'custom', path: ['content', 'monthWhenUndated'], message: 'only for an undated document (date is set)' });
    }
    if (d.direction === 'incoming' && d.content) {
      ctx.addIssue({ code: 'custom', path: ['content'], message: 'an incoming (cited) document has no content of ours' });
    }
  }) satisfies z.ZodType<DocumentRecord, unknown>;

const parameter = z.strictObject({
  name: text,
  value: z.union([z.number().int(), z.string().regex(/^-?\d+(\.\d+)?$/, 'a rate is a decimal string, e.g. "0.045"')]),
  unit: text,
  effectiveFrom: isoDate,
  effectiveTo: isoDate.optional(),
  source: text.optional(),
});

export const policySchema = z.strictObject({
  code,
  agency: code,
  name: text,
  document: code.optional(),
  rule: text,
  parameters: z.array(parameter).default([]),
}) satisfies z.ZodType<PolicyRecord, unknown>;

const member = z.strictObject({
  code,
  name: text,
  birthDate: isoDate.optional(),
  birthYear: year.optional(),
  gender: z.enum(['nam', 'nữ']).optional(),
  idNumber: z.string().regex(/^\d{9}(\d{3})?$/, 'an ID number is 9 or 12 digits').optional(),
  relation: text.optional(),
  attributes: attributes.optional(),
});

export const householdSchema = z.strictObject({
  code,
  agency: code,
  village: code,
  head: text,
  categories: z.record(z.string(), text).default({}),
  attributes: attributes.optional(),
  members: z.array(member).default([]),
}) satisfies z.ZodType<HouseholdRecord, unknown>;

export const quotaSchema = z.strictObject({
  code,
  agency: code,
  indicator: text,
  year,
  baseline: z.number().int().nonnegative(),
  target: z.number().int().nonnegative(),
  document: code.optional(),
  villages: z
    .array(z.strictObject({ village: code, weight: z.number().nonnegative(), cap: z.number().int().nonnegative().optional() }))
    .optional(),
}) satisfies z.ZodType<QuotaRecord, unknown>;

export const SECTION_SCHEMAS = {
  agencies: agencySchema,
  officials: officialSchema,
  documents: documentSchema,
  policies: policySchema,
  households: householdSchema,
  quotas: quotaSchema,
} as const;

export type Section = keyof typeof SECTION_SCHEMAS;
export const SECTIONS = Object.keys(SECTION_SCHEMAS) as Section[];
