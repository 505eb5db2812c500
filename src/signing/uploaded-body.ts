import type { Request } from 'express';
import { DomainError } from '../common/domain-error';

/** Largest PDF accepted for verification over HTTP. */
export const MAX_UPLOAD_BYTES = 64 << 20;

/**
 * The body of an upload: a raw `application/pdf` (or octet-stream) body as a Buffer — Nest parses
 * only JSON and forms, so the stream is still unread. Anything else: what Nest parsed (the service
 * refuses it with a coded error).
 */
export async function uploadedBody(req: Request): Promise<unknown> {
  if (!req.is(['application/pdf', 'application/octet-stream'])) return req.body as unknown;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_UPLOAD_BYTES) {
      throw DomainError.validation('upload.too_large', `the upload exceeds ${MAX_UPLOAD_BYTES} bytes`, [{ path: '(body)', message: 'too large' }]);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
