import type { z } from 'zod';
import { nfcDeep } from '../vi/nfc';
import { DomainError } from './domain-error';

/**
 * Parses an input with a zod schema after NFC-normalising every string in it, and reports EVERY
 * bad field with its path at once (400, code validation.failed).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(nfcDeep(input));
  if (result.success) return result.data;
  throw DomainError.validation(
    'validation.failed',
    `${result.error.issues.length} invalid field(s)`,
    result.error.issues.map((i) => ({
      path: i.path.map(String).join('.') || '(body)',
      message: i.message,
      key: `validation.${i.code}`,
    })),
  );
}
