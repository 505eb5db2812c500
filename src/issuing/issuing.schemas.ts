import { z } from 'zod';
import { sealInput } from '../signing/signing.schemas';
import { WORKFLOW_STATES } from './workflow';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'yyyy-mm-dd');
const ref = z.union([z.string().trim().min(1), z.number().int().positive()]);

export const issueInput = z
  .object({
    /** issue date (default: today in Vietnam); never before the series' last date, never in the future */
    date: isoDate.optional(),
    /** số lượng bản, when the clerk knows better than the count of Nơi nhận lines */
    copies: z.number().int().min(0).max(100000).optional(),
    /** ghi chú of the register line */
    note: z.string().max(2000).optional(),
    /**
     * the agency's digital signature, required for a document the leader signed digitally
     * (`vanthu sign`): it covers the number and date written at issue; absent for paper documents
     */
    seal: sealInput.optional(),
  })
  .strict();
export type IssueInput = z.infer<typeof issueInput>;

export const transitionInput = z
  .object({
    to: z.enum(WORKFLOW_STATES as [string, ...string[]]),
    /** replaced / corrected: the later document (id, code or "05/KH-UBND") */
    by: ref.optional(),
    note: z.string().max(2000).optional(),
  })
  .strict();
export type TransitionInput = z.infer<typeof transitionInput>;
