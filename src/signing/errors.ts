import { DomainError } from '../common/domain-error';

/**
 * Coded signing errors. Codes are stable (clients switch on them): a wrong passphrase is the
 * user's to fix (400), a key file or PDF we cannot use is unprocessable (422).
 */
export type SigningErrorCode =
  | 'signing.bad_passphrase'
  | 'signing.bad_key_file'
  | 'signing.unsupported_key'
  | 'signing.bad_pdf'
  | 'signing.bad_page'
  | 'signing.field_exists'
  | 'signing.placeholder_too_small'
  | 'signing.missing_glyph'
  | 'signing.bad_signature';

export function signingError(code: SigningErrorCode, message: string, path = 'signing'): DomainError {
  const kind = code === 'signing.bad_passphrase' || code === 'signing.field_exists' || code === 'signing.bad_page'
    ? 'validation'
    : 'unprocessable';
  return new DomainError(code, message, kind, [{ path, message, key: code }]);
}
