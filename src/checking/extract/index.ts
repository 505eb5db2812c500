import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
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
  if (ext === '.txt' || ext === '.md') return textOf(bytes, path);
  if (ext === '.docx') return docxToLines(bytes).join('\n');
  throw unsupported(ext, path);
}

function textOf(bytes: Buffer, name: string): string {
  const text = bytes.toString('utf8');
  if (text.includes('\u0000')) throw new DomainError('check.unreadable', `${name} is not a UTF-8 text file`, 'unprocessable');
  return text.replace(/^\uFEFF/, '');
}

function unsupported(ext: string, name: string): DomainError {
  return new DomainError('check.unsupported', `unsupported file type "${ext || name}": use ${SUPPORTED_EXTENSIONS.join(', ')}`, 'validation');
}

/**
 * As fileToText for bytes that arrive without a file (an upload): the type comes from `fileName`'s
 * extension. A PDF goes through a private temporary file, because poppler reads files.
 */
export async function bytesToText(fileName: string, bytes: Uint8Array): Promise<string> {
  const ext = extname(fileName).toLowerCase();
  if (ext === '.txt' || ext === '.md') return textOf(Buffer.from(bytes), fileName);
  if (ext === '.docx') return docxToLines(Buffer.from(bytes)).join('\n');
  if (ext === '.pdf') {
    const dir = await mkdtemp(join(tmpdir(), 'vanthu-check-'));
    try {
      const path = join(dir, 'upload.pdf');
      await writeFile(path, bytes);
      try {
        return layoutToLines(await pdfToText(path)).join('\n');
      } catch (e) {
        // name the upload, not the temporary file
        if (e instanceof DomainError) throw new DomainError(e.code, e.message.split(path).join(fileName), e.kind, e.details);
        throw e;
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  throw unsupported(ext, fileName);
}

export async function extractFile(path: string): Promise<ExtractedDoc> {
  return extractText(await fileToText(path));
}

export { extractText };
