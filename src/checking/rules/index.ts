import { looksLikeDraft } from '../recognise/header';
import type { Analysis } from '../recognise/analyse';
import type { CheckContext, Finding } from '../types';
import { arithmeticRules } from './arithmetic';
import { citationRules } from './citations';
import { countRules } from './counts';
import { dateRules, headerRules } from './dates';
import { figureRules } from './figures';
import type { Rule } from './finding';
import { tableRules } from './tables';

export const RULES: readonly Rule[] = [headerRules, citationRules, dateRules, arithmeticRules, tableRules, countRules, figureRules];

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Runs every rule; findings sorted by line, then severity, duplicates (same code, line, actual) dropped. */
export function runRules(analysis: Analysis, context: CheckContext = {}): Finding[] {
  const draft = looksLikeDraft(analysis.header, context.isDraft);
  return sortFindings(RULES.flatMap((r) => r({ analysis, context, draft })));
}

/** Sorted by line, then severity, then code; duplicates (same code, line, actual) dropped. */
export function sortFindings(all: Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of all) {
    const key = `${f.code}|${f.line}|${f.actual ?? f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out.sort((a, b) => a.line - b.line || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.code.localeCompare(b.code));
}
