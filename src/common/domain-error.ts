/**
 * Coded domain errors. Services throw these; one exception filter maps `code` to an HTTP status
 * and the body `{ code, message, details }`. `details` lists every problem of the input at once.
 */
export interface ErrorDetail {
  /** where: a field path ("issuerLines.0"), a file:line, a row */
  path: string;
  message: string;
  /** stable message key for translation, e.g. "validation.required" */
  key?: string;
}

export type ErrorKind = 'validation' | 'not_found' | 'conflict' | 'unprocessable' | 'internal';

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: ErrorKind,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(what: string, id: string | number): DomainError {
    return new DomainError(`${what}.not_found`, `${what} ${id} not found`, 'not_found', [
      { path: 'id', message: `no ${what} ${id} in this agency`, key: 'not_found' },
    ]);
  }

  static validation(code: string, message: string, details: ErrorDetail[]): DomainError {
    return new DomainError(code, message, 'validation', details);
  }
}

export const HTTP_STATUS_BY_KIND: Record<ErrorKind, number> = {
  validation: 400,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  internal: 500,
};
