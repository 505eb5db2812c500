import { z } from 'zod';

const inputValue = z.union([z.string(), z.number(), z.boolean(), z.strictObject({ from: z.string(), to: z.string() })]);

/** POST /api/drafts */
export const draftInput = z.strictObject({
  template: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a template folder name, e.g. kh-trien-khai'),
  /** documents it implements / cites: code, id or reference ("04/2026/NQ-HĐND") */
  implements: z.array(z.string().min(1)).default([]),
  /** template inputs by name (`vanthu draft --set k=v`) */
  inputs: z.record(z.string(), inputValue).default({}),
});
export type DraftInput = z.infer<typeof draftInput>;

/** PATCH /api/drafts/:id/sections/{title|kinhGui|canCu|body|recipients|annexes}[/part] */
export const sectionTextInput = z.strictObject({
  /** the section in block markup, with {{fig "name"}} and {{cite "ref"}} */
  text: z.string(),
});

/** PATCH /api/drafts/:id/sections/signature */
export const signatureInput = z.strictObject({
  official: z.string().min(1),
  /** tap-the: TM. ỦY BAN NHÂN DÂN …; thu-truong: KT. CHỦ TỊCH; don-vi: a unit's head */
  mode: z.enum(['tap-the', 'thu-truong', 'don-vi']).optional(),
});

/** PATCH /api/drafts/:id/sections/figures: the figure definitions, replaced as a whole */
export const figuresInput = z.strictObject({ figures: z.record(z.string(), z.unknown()) });
