import { z } from 'zod';

/** One document sent as text: `{ filename, text }` (the name only labels the report). */
export const checkTextInput = z.object({
  filename: z.string().trim().min(1).max(255).optional(),
  text: z.string().min(1).max(5_000_000),
});

/** `POST /api/check` JSON body: one document, or several checked together. */
export const checkBody = z.union([checkTextInput, z.array(checkTextInput).min(1).max(50)]);
