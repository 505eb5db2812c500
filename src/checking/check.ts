import { basename } from 'node:path';
import { DomainError } from '../common/domain-error';
import { nfc } from '../vi/nfc';
import { bytesToText, extractText, fileToText } from './extract';
import { analyse } from './recognise/analyse';
import { runRules, sortFindings } from './rules';
import { betweenDocuments, withoutPeerUnknowns } from './rules/between-documents';
import type { CheckContext, CheckFileResult, Finding } from './types';

export { formatCheckHtml, formatCheckText } from './report';
export { FINDING_CODES, ALL_FINDING_CODES } from './codes';
export type { CheckContext, CheckFileResult, Finding, FindingCode, KnownDocument, ContextFigure, Severity } from './types';

/** Checks a document's text (.txt/.md content, or the line form of a .docx/.pdf). */
export function checkText(text: string, opts: { fileName: string; context?: CheckContext }): CheckFileResult {
  const doc = extractText(nfc(text));
  return { file: opts.fileName, findings: runRules(analyse(doc), opts.context ?? {}) };
}

/** A document already read into the text extractor's line form (see fileToText / bytesToText). */
export interface CheckInput {
  file: string;
  text: string;
}

/**
 * Checks documents given together: each on its own, then against each other (citations of one
 * another, one document cited in different forms, figures along the chain). Same order as `inputs`.
 */
export function checkTexts(inputs: CheckInput[], context: CheckContext = {}): CheckFileResult[] {
  const analyses = inputs.map((i) => analyse(extractText(nfc(i.text))));
  const docs = inputs.map((i, k) => ({ file: i.file, analysis: analyses[k] }));
  const between = betweenDocuments(docs, context);
  return inputs.map((i, k) => ({
    file: i.file,
    findings: sortFindings([...withoutPeerUnknowns(runRules(analyses[k], context), k, docs), ...between[k]]),
  }));
}

/** Checks a file (.txt .md .docx .pdf). Rejects with DomainError check.unsupported / check.unreadable. */
export async function checkFile(path: string, context?: CheckContext): Promise<CheckFileResult> {
  return (await checkFileWithSource(path, context)).result;
}

/** As checkFile, with the source lines the line numbers refer to (for the HTML report). */
export async function checkFileWithSource(
  path: string,
  context?: CheckContext,
  displayName: string = path,
): Promise<{ result: CheckFileResult; lines: string[] }> {
  const text = await fileToText(path);
  const result = checkText(text, { fileName: displayName, context });
  return { result, lines: text.normalize('NFC').split(/\r\n|\r|\n/) };
}

/** Exactly the DESIGN.md `check --json` shape. */
export function checkReportJson(results: CheckFileResult[]): { files: CheckFileResult[] } {
  return {
    files: results.map((r) => ({
      file: r.file,
      findings: r.findings.map((f) => {
        const out: Finding = { code: f.code, severity: f.severity, message: f.message, line: f.line, excerpt: f.excerpt };
        if (f.expected !== undefined) out.expected = f.expected;
        if (f.actual !== undefined) out.actual = f.actual;
        return out;
      }),
    })),
  };
}

/** 0 = no error-level finding, 1 = some (2, unreadable input or bad usage, is the CLI's). */
export function checkExitCode(results: CheckFileResult[]): 0 | 1 {
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

export function displayNameOf(path: string): string {
  return basename(path);
}

export interface CheckFilesOutcome {
  results: CheckFileResult[];
  /** source lines per result `file`, for formatCheckHtml */
  sources: Record<string, string[]>;
  /** files that could not be read or are of an unsupported type */
  unreadable: { file: string; code: string; message: string }[];
  /** DESIGN.md: 0 no error-level finding, 1 some, 2 unreadable input (takes precedence) */
  exitCode: 0 | 1 | 2;
}

/**
 * Checks several files (for the CLI): each readable one on its own and all of them against each
 * other; never rejects for one bad file.
 */
export async function checkFiles(paths: string[], context?: CheckContext): Promise<CheckFilesOutcome> {
  return checkSources(
    paths.map((path) => ({ file: path, read: () => fileToText(path) })),
    context,
  );
}

/** As checkFiles for uploaded bytes; the type comes from each `fileName`'s extension. */
export async function checkUploads(uploads: { fileName: string; bytes: Uint8Array }[], context?: CheckContext): Promise<CheckFilesOutcome> {
  return checkSources(
    uploads.map((u) => ({ file: u.fileName, read: () => bytesToText(u.fileName, u.bytes) })),
    context,
  );
}

async function checkSources(sources: { file: string; read: () => Promise<string> }[], context?: CheckContext): Promise<CheckFilesOutcome> {
  const inputs: CheckInput[] = [];
  const unreadable: CheckFilesOutcome['unreadable'] = [];
  for (const s of sources) {
    try {
      inputs.push({ file: s.file, text: await s.read() });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      unreadable.push({ file: s.file, code: e.code, message: e.message });
    }
  }
  const results = checkTexts(inputs, context);
  const lines: Record<string, string[]> = {};
  for (const i of inputs) lines[i.file] = nfc(i.text).split(/\r\n|\r|\n/);
  return { results, sources: lines, unreadable, exitCode: unreadable.length > 0 ? 2 : checkExitCode(results) };
}
