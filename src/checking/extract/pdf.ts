import { execFile } from 'node:child_process';
import { DomainError } from '../../common/domain-error';

/**
 * .pdf → text layer via poppler's `pdftotext -layout`. A PDF without a text layer (a scan) or that
 * poppler cannot open is a clear "check.unreadable" error, never an empty report.
 */
export function pdfToText(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) {
        const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'pdftotext (poppler-utils) is not installed' : String(stderr || err.message).trim();
        reject(new DomainError('check.unreadable', `cannot read PDF ${path}: ${why}`, 'unprocessable'));
        return;
      }
      if (stdout.replace(/[\s\f]/g, '') === '') {
        reject(new DomainError('check.unreadable', `PDF ${path} has no text layer (scanned image?)`, 'unprocessable'));
        return;
      }
      resolve(stdout);
    });
  });
}

/**
 * Layout text → the line form of the text extractor: runs of 3+ lines that split into the same
 * number (≥ 3) of columns on wide gaps, with numbers in them, become "| … |" table rows; elsewhere
 * the gaps of justified text collapse to one space.
 */
export function layoutToLines(text: string): string[] {
  const raw = text.normalize('NFC').split(/\r?\n/);
  // a page number alone at the top or bottom of a page would run into the sentence it interrupts;
  // blank it (the line stays, so line numbers are those of pdftotext)
  for (let i = 0; i < raw.length; i++) {
    if (!raw[i].includes('\f')) continue;
    raw[i] = raw[i].replace(/\f/g, '');
    const near = [i - 2, i - 1, i, i + 1, i + 2].filter((k) => k >= 0 && k < raw.length && raw[k].trim() !== '');
    for (const k of near.filter((k) => /^\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*$/.test(raw[k]))) raw[k] = '';
  }
  const cells = raw.map((l) => l.trim().split(/\s{2,}/));
  const isRow = (i: number) => cells[i].length >= 3 && cells[i].filter((c) => /^[\d.,%]+$/.test(c)).length >= 2;
  const out: string[] = [];
  let i = 0;
  while (i < raw.length) {
    if (isRow(i)) {
      let j = i;
      while (j < raw.length && isRow(j) && cells[j].length === cells[i].length) j++;
      if (j - i >= 3) {
        // the header is the line above when it has the same number of columns; else a blank line
        // above becomes a neutral header (line numbers stay those of pdftotext)
        const prev = out.length - 1;
        if (prev >= 0 && cells[i - 1].length === cells[i].length) out[prev] = '| ' + cells[i - 1].join(' | ') + ' |';
        else if (prev >= 0 && raw[i - 1].trim() === '') out[prev] = '| ' + cells[i].map((_, k) => `Cột ${k + 1}`).join(' | ') + ' |';
        for (let k = i; k < j; k++) out.push('| ' + cells[k].join(' | ') + ' |');
        i = j;
        continue;
      }
    }
    out.push(raw[i].replace(/(\S)\s{2,}(?=\S)/g, '$1 ').replace(/\s+$/, ''));
    i++;
  }
  return out;
}
