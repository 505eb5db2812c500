import { FINDING_CODES } from '../codes';
import type { Analysis } from '../recognise/analyse';
import type { CheckContext, Finding, FindingCode, Severity } from '../types';
import { excerptOf, type TextView } from '../text/view';

export interface RuleInput {
  analysis: Analysis;
  context: CheckContext;
  /** the document is a draft (explicitly, or inferred from its header) */
  draft: boolean;
}

export type Rule = (input: RuleInput) => Finding[];

export function finding(
  code: FindingCode,
  message: string,
  line: number,
  excerpt: string,
  extra: { expected?: string; actual?: string; severity?: Severity } = {},
): Finding {
  const f: Finding = { code, severity: extra.severity ?? FINDING_CODES[code].severity, message, line, excerpt };
  if (extra.expected !== undefined) f.expected = extra.expected;
  if (extra.actual !== undefined) f.actual = extra.actual;
  return f;
}

/** A finding located at [start, end) of a view. */
export function findingAt(
  code: FindingCode,
  message: string,
  view: TextView,
  start: number,
  end: number,
  extra: { expected?: string; actual?: string; severity?: Severity } = {},
): Finding {
  return finding(code, message, view.line(start), excerptOf(view.text, start, end), extra);
}
