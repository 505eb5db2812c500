/**
 * The ND30 lint over what a clerk hands it: a produced .pdf or .docx file, or a DocModel rendered
 * here to DOCX and PDF so that the model and both files are linted. Used by `vanthu lint`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { DocModel } from '../../drafting/doc-model';
import { renderDocx } from '../docx/docx-renderer';
import { renderPdf } from '../pdf/pdf-renderer';
import { lintDocModel } from './model-rules';
import { lintDocx } from './docx-rules';
import type { LintFinding } from './finding';
import { lintPdf } from './pdf-rules';

export type LintOutput = 'model' | 'docx' | 'pdf';

export interface LintedOutput {
  output: LintOutput;
  /** the file linted, when there is one on disk */
  file?: string;
  findings: LintFinding[];
}

/** A file the lint cannot read at all (wrong kind, not a PDF, not a zip): exit 2, not a finding. */
export class UnreadableForLint extends Error {}

/** The kind of file by its extension, or undefined when it is not one the lint reads. */
export function lintFileKind(path: string): 'pdf' | 'docx' | undefined {
  const ext = extname(path).toLowerCase();
  return ext === '.pdf' ? 'pdf' : ext === '.docx' ? 'docx' : undefined;
}

export async function lintFile(path: string): Promise<LintedOutput> {
  const kind = lintFileKind(path);
  if (!kind) throw new UnreadableForLint(`${path}: the lint reads .pdf and .docx files`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new UnreadableForLint(`${path}: ${(e as Error).message}`);
  }
  if (kind === 'pdf') {
    // poppler would report a non-PDF too, but less plainly
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new UnreadableForLint(`${path}: not a PDF file`);
    try {
      return { output: 'pdf', file: path, findings: await lintPdf(path) };
    } catch (e) {
      throw new UnreadableForLint(`${path}: ${(e as Error).message}`);
    }
  }
  const findings = lintDocx(bytes);
  const unreadable = findings.find((f) => f.code === 'nd30.docx.unreadable');
  if (unreadable) throw new UnreadableForLint(`${path}: ${unreadable.message}`);
  return { output: 'docx', file: path, findings };
}

/** The model, its DOCX and its PDF (rendered to a temporary folder, removed afterwards). */
export async function lintModelOutputs(model: DocModel, fileBase = 'document'): Promise<LintedOutput[]> {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-lint-'));
  try {
    const docx = Buffer.from(renderDocx(model));
    const pdfPath = join(dir, `${fileBase}.pdf`);
    writeFileSync(pdfPath, await renderPdf(model));
    return [
      { output: 'model', findings: lintDocModel(model) },
      { output: 'docx', file: `${fileBase}.docx`, findings: lintDocx(docx) },
      { output: 'pdf', file: `${fileBase}.pdf`, findings: await lintPdf(pdfPath) },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function errorCount(outputs: LintedOutput[]): number {
  return outputs.reduce((n, o) => n + o.findings.filter((f) => f.severity === 'error').length, 0);
}
