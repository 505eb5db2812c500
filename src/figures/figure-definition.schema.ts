/**
 * The zod schema of a figure definition as written in a records/ YAML document (`content.figures`),
 * so that a misspelt kind or field is reported at its file:line with the other problems of the file.
 */
import { z } from 'zod';
import type { FigureDefinition, Where } from './compute-figures';

const name = z.string().regex(/^[a-z][a-z0-9_]*$/, 'a figure name is snake_case ASCII, e.g. so_ho_ngheo');
const attribute = z.union([z.string(), z.number(), z.boolean()]);
const oneOrMany = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month is written "yyyy-mm"');

export const whereSchema = z.strictObject({
  period: z.string().regex(/^\d{4}-\d{4}$/, 'a poverty-standard period is written "2021-2025"').optional(),
  category: oneOrMany.optional(),
  village: oneOrMany.optional(),
  attributes: z.record(z.string(), attribute).optional(),
  household: z.record(z.string(), attribute).optional(),
  list: z.string().min(1).optional(),
}) satisfies z.ZodType<Where, unknown>;

const countOf = z.enum(['households', 'members']);

export const figureDefinitionSchema = z.union([
  z.strictObject({ count: countOf, where: whereSchema.optional() }),
  z.strictObject({
    breakdown: z.strictObject({ count: countOf, where: whereSchema.optional() }),
    unit: z.string().min(1).optional(),
    order: z.enum(['villages', 'records']).optional(),
  }),
  z.strictObject({ totalHouseholds: z.strictObject({ village: oneOrMany.optional() }) }),
  z.strictObject({ quota: z.string().min(1), field: z.enum(['baseline', 'target', 'reduction']) }),
  z.strictObject({ allocation: z.string().min(1), method: z.enum(['largest-remainder', 'monotone']).optional() }),
  z.strictObject({ sum: z.array(name).min(1) }),
  z.strictObject({ difference: z.tuple([name, name]) }),
  z.strictObject({ rate: z.tuple([name, name]), decimals: z.number().int().min(0).max(4) }),
  z.strictObject({ points: z.tuple([name, name]) }),
  z.strictObject({
    budget: z.strictObject({
      policy: z.string().min(1),
      where: whereSchema.optional(),
      from: month,
      to: month,
      categoryFrom: z.string().min(1).optional(),
      show: z
        .strictObject({
          birth: z.enum(['date', 'year']).optional(),
          note: z.boolean().optional(),
          categoryLabels: z.record(z.string(), z.string().min(1)).optional(),
        })
        .optional(),
    }),
  }),
  z.strictObject({ parameter: z.strictObject({ policy: z.string().min(1), name: z.string().min(1), on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }) }),
  z.strictObject({ words: name, chan: z.boolean().optional() }),
]) satisfies z.ZodType<FigureDefinition, unknown>;

export const figureDefinitionsSchema = z.record(name, figureDefinitionSchema);
export const figureNameSchema = name;
