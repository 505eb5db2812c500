import type { FindingCode, Severity } from './types';

/**
 * The fixed finding vocabulary (add, never rename). `severity` is the default; the only code whose
 * severity varies is `number.missing`: error for an issued document, info for a draft.
 *
 * `date.format` is a warning, not an error: ND30 fixes the leading zero for the document's own date
 * line (days below 10 and months 1–2 only); running text usually follows it but a wrong zero does
 * not change the meaning. Dates inside tables (birth dates in lists) are not checked for format.
 */
export const FINDING_CODES: Readonly<Record<FindingCode, { severity: Severity; description: string }>> = {
  'citation.mismatch': {
    severity: 'error',
    description: 'number, date or issuer of a cited document differs from the registry',
  },
  'citation.inconsistent': {
    severity: 'error',
    description: 'one document cited in different forms in the same text (year left out, other date, other type)',
  },
  'citation.unknown': { severity: 'info', description: 'cited document not in the registry' },
  'date.format': {
    severity: 'warning',
    description: 'ND30: leading zero only for days below 10 and months 1–2',
  },
  'date.invalid': { severity: 'error', description: 'a date that does not exist (31/4, 29/02 of a common year, month 13)' },
  'date.range_reversed': { severity: 'error', description: 'a range whose end is before its start' },
  'period.invalid': {
    severity: 'error',
    description: 'poverty-standard period other than 2016-2020, 2021-2025, 2026-2030',
  },
  'sum.mismatch': { severity: 'error', description: 'parts do not add up to the stated total (text or table)' },
  'count.mismatch': { severity: 'error', description: 'stated count differs from the items of the list it introduces' },
  'percent.mismatch': {
    severity: 'error',
    description: 'part/base does not round (half up, at the stated precision) to the stated percentage',
  },
  'arithmetic.mismatch': { severity: 'error', description: 'before − after differs from the stated change' },
  'amount.words_mismatch': { severity: 'error', description: 'amount in figures differs from "Bằng chữ"' },
  'number.missing': {
    severity: 'error',
    description: 'an issued document without a number (info for a draft)',
  },
  'figure.registry_mismatch': {
    severity: 'error',
    description: 'a figure in the document no longer equals the registry',
  },
  'figure.cross_document': {
    severity: 'warning',
    description: 'the same named figure differs between two registry documents',
  },
};

export const ALL_FINDING_CODES = Object.keys(FINDING_CODES) as FindingCode[];
