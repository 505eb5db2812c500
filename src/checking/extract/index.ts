import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { DomainError } from '../../common/domain-error';
import type { ExtractedDoc } from '../types';
import { docxToLines } from './docx';
import { layoutToLines, pdfToText } from './pdf';
import { extractText } from './text';

export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.docx', '.pdf'] as const;

/** Lines of a file in the text extractor's form (NFC). Throws DomainError check.unsupported / check.unreadable. */
export async function fileToText(path: string): Promise<string> {
  const ext = extname(path).toLowerCase();
  let bytes: Buffer;
  try {
    if (ext === '.pdf') return layoutToLines(await pdfToText(path)).join('\n');
    bytes = await readFile(path);
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new DomainError('check.unreadable', `cannot read ${path}: ${(e as Error).message}`, 'unprocessable');
  }
  if (ext === '.txt' || ext === '.md') {
    const text = bytes.toString('utf8');
    if (text.includes('\u0000')) throw new DomainError('check.unreadable', `${path} is not a UTF-8 text file`, 'unprocessable');
    return text.replace(/^\uFEFF/, '');
  }
  if (ext === '.docx') return docxToLines(bytes).join('\n');
  throw new DomainError('check.unsupported', `unsupported file type "${ext || path}": use ${SUPPORTED_EXTENSIONS.join(', ')}`, 'validation');
}

export async function extractFile(path: string): Promise<ExtractedDoc> {
  return extractText(await fileToText(path));
}

export { extractText };
