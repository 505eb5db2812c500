import { z } from 'zod';

/** API input shapes of beneficiary lists (the CLI takes the same as options). */
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month, yyyy-mm');

/** The multipart fields that go with an uploaded workbook. */
export const listImportFields = z.object({
  list: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and "-"').max(64),
  policy: z.string().trim().min(1, 'the policy code (or id) that pays the list'),
  from: month.optional(),
  to: month.optional(),
  period: z.string().regex(/^\d{4}-\d{4}$/, 'a poverty-standard period, e.g. 2026-2030').optional(),
});
export type ListImportFields = z.infer<typeof listImportFields>;

export const decisionInput = z
  .object({
    signer: z.string().min(1).optional(),
    proposer: z.string().trim().min(1).optional(),
    unit: z.string().min(1).optional(),
    year: z.number().int().min(2000).max(2100).optional(),
  })
  .default({});

export const postingQuery = z.object({
  format: z.enum(['docx', 'pdf', 'html']).default('pdf'),
  signer: z.string().min(1).optional(),
  days: z.coerce.number().int().min(1).max(60).optional(),
});
