import { DomainError, type ErrorKind } from '../common/domain-error';

/**
 * Coded signing errors. Codes are stable (clients switch on them): what the user gave wrongly is a
 * validation error (400), a step out of order a conflict (409), a key file, certificate or PDF we
 * cannot use is unprocessable (422).
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
  | 'signing.bad_signature'
  | 'signing.bad_image'
  | 'signing.wrong_signer'
  | 'signing.certificate_mismatch'
  | 'signing.leader_signature_missing'
  | 'signing.seal_required'
  | 'signing.leader_signature_invalid'
  | 'signing.year_changed'
  | 'signing.date_fixed'
  | 'signing.slot_not_found'
  | 'signing.not_issued';

const KIND: Partial<Record<SigningErrorCode, ErrorKind>> = {
  'signing.bad_passphrase': 'validation',
  'signing.field_exists': 'validation',
  'signing.bad_page': 'validation',
  'signing.bad_image': 'validation',
  'signing.wrong_signer': 'validation',
  'signing.leader_signature_missing': 'conflict',
  'signing.seal_required': 'conflict',
  'signing.leader_signature_invalid': 'conflict',
  'signing.year_changed': 'conflict',
  'signing.date_fixed': 'conflict',
  'signing.not_issued': 'conflict',
};

export function signingError(code: SigningErrorCode, message: string, path = 'signing'): DomainError {
  return new DomainError(code, message, KIND[code] ?? 'unprocessable', [{ path, message, key: code }]);
}
