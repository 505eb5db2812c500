/**
 * ND30 rules on a produced PDF, read with poppler: every page A4 (portrait or landscape), every font
 * embedded, the text inside the margins, page numbers from page 2 (each phụ lục numbered on its own,
 * its first page unnumbered). The parsers are pure and tested on canned poppler output; lintPdf runs
 * the tools.
 */
import { execFile } from 'node:child_process';
import { finding, type LintFinding } from './finding';

const MM = 72 / 25.4;
export const A4_PT = { width: 210 * MM, height: 297 * MM };
/** ND30 minimum margins (top, bottom 20 mm, left 30 mm, right 15 mm), less 1 pt for rounding. */
const MIN_MARGIN = { top: 20 * MM - 1, bottom: 20 * MM - 1, left: 30 * MM - 1, right: 15 * MM - 1 };

function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')}: ${String(stderr || err.message).trim()}`));
      else resolve(stdout);
    });
  });
}

/** `pdfinfo -f 1 -l N` → page sizes in points. */
export function parsePageSizes(pdfinfo: string): { page: number; width: number; height: number }[] {
  return [...pdfinfo.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ page: Number(m[1]), width: Number(m[2]), height: Number(m[3]) }));
}

export function checkPageSizes(sizes: { page: number; width: number; height: number }[]): LintFinding[] {
  const near = (a: number, b: number) => Math.abs(a - b) <= 1;
  return sizes
    .filter((s) => !((near(s.width, A4_PT.width) && near(s.height, A4_PT.height)) || (near(s.width, A4_PT.height) && near(s.height, A4_PT.width))))
    .map((s) => finding('nd30.pdf.page_size', 'error', `page ${s.page} is ${s.width} x ${s.height} pt, not A4 (595.276 x 841.89)`, `page ${s.page}`));
}

/** `pdffonts` → one entry per font (name, type, emb). */
export function parsePdffonts(out: string): { name: string; embedded: boolean }[] {
  const lines = out.split('\n');
  const rule = lines.findIndex((l) => /^-+ -+/.test(l));
  if (rule < 0) return [];
  // columns are fixed-width: take them from the dashes
  const cols = [...lines[rule].matchAll(/-+/g)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length] as const);
  const header = lines[rule - 1] ?? '';
  const embIndex = cols.findIndex(([a, b]) => header.slice(a, b + 1).trim().startsWith('emb'));
  return lines
    .slice(rule + 1)
    .filter((l) => l.trim())
    .map((l) => ({ name: l.slice(cols[0][0], cols[0][1]).trim(), embedded: l.slice(cols[embIndex][0], cols[embIndex][1] + 1).trim() === 'yes' }));
}

export function checkFonts(fonts: { name: string; embedded: boolean }[]): LintFinding[] {
  const out: LintFinding[] = [];
  if (fonts.length === 0) out.push(finding('nd30.pdf.no_text', 'error', 'the PDF has no fonts: no text layer (a scan?)'));
  for (const f of fonts) {
    if (!f.embedded) out.push(finding('nd30.pdf.font_not_embedded', 'error', `font ${f.name} is not embedded`, f.name));
    if (!/times|tinos|liberation ?serif/i.test(f.name)) {
      out.push(finding('nd30.pdf.font_family', 'warning', `font ${f.name} is not Times New Roman or a metric twin (Tinos, Liberation Serif)`, f.name));
    }
  }
  return out;
}

/** `pdftotext -layout` split at form feeds: one string per page. */
export function splitPages(text: string): string[] {
  const pages = text.split('\f');
  if (pages.length > 1 && pages[pages.length - 1].trim() === '') pages.pop();
  return pages;
}

const ANNEX_START = /^\s*(Phụ lục|PHỤ LỤC)\b/u;

/**
 * Page numbers: none on page 1; from page 2 the first line is the number, centred; a page that
 * starts a phụ lục has none and the next pages count from 2 again.
 */
export function checkPageNumbers(pages: string[]): LintFinding[] {
  const out: LintFinding[] = [];
  let sectionStart = 0;
  pages.forEach((text, i) => {
    const first = text.split('\n').find((l) => l.trim() !== '') ?? '';
    const shown = /^\s*\d{1,4}\s*$/.test(first) ? Number(first.trim()) : undefined;
    const where = `page ${i + 1}`;
    if (i === 0) {
      if (shown !== undefined) out.push(finding('nd30.pdf.page_number_first', 'error', 'page 1 must not show a page number', where));
      return;
    }
    if (shown === undefined) {
      const rest = text.split('\n').filter((l) => l.trim() !== '');
      if (rest.length && ANNEX_START.test(rest[0])) sectionStart = i;
      else out.push(finding('nd30.pdf.page_number_missing', 'error', `page ${i + 1} has no page number at the top`, where));
      return;
    }
    const expected = i - sectionStart + 1;
    if (shown !== expected) out.push(finding('nd30.pdf.page_number_wrong', 'error', `page ${i + 1} is numbered ${shown}, expected ${expected}`, where));
  });
  return out;
}

export interface WordBox {
  page: number;
  pageWidth: number;
  pageHeight: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** `pdftotext -bbox` (XHTML) → words with their boxes. */
export function parseBbox(xhtml: string): WordBox[] {
  const words: WordBox[] = [];
  let page = 0;
  let pw = 0;
  let ph = 0;
  for (const m of xhtml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (m[1] !== undefined) {
      page++;
      pw = Number(m[1]);
      ph = Number(m[2]);
    } else {
      words.push({ page, pageWidth: pw, pageHeight: ph, text: m[7], xMin: Number(m[3]), yMin: Number(m[4]), xMax: Number(m[5]), yMax: Number(m[6]) });
    }
  }
  return words;
}

/** Text outside the ND30 margins (the page number in the top margin excepted). */
export function checkMargins(words: WordBox[]): LintFinding[] {
  const out: LintFinding[] = [];
  const seen = new Set<string>();
  for (const w of words) {
    const isPageNumber = /^\d{1,4}$/.test(w.text) && w.yMax < MIN_MARGIN.top + 1;
    const sides: string[] = [];
    if (w.xMin < MIN_MARGIN.left) sides.push('left');
    if (w.xMax > w.pageWidth - MIN_MARGIN.right) sides.push('right');
    if (w.yMin < MIN_MARGIN.top && !isPageNumber) sides.push('top');
    if (w.yMax > w.pageHeight - MIN_MARGIN.bottom) sides.push('bottom');
    for (const side of sides) {
      const key = `${w.page} ${side}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(finding('nd30.pdf.margin', 'error', `text in the ${side} margin of page ${w.page} ("${w.text}")`, `page ${w.page}`));
    }
  }
  return out;
}

export async function lintPdf(path: string): Promise<LintFinding[]> {
  const info = await run('pdfinfo', [path]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? '0');
  const [sizes, fonts, text, bbox] = await Promise.all([
    run('pdfinfo', ['-f', '1', '-l', String(Math.max(1, pages)), path]),
    run('pdffonts', [path]),
    run('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-']),
    run('pdftotext', ['-bbox', '-enc', 'UTF-8', path, '-']),
  ]);
  return [
    ...checkPageSizes(parsePageSizes(sizes)),
    ...checkFonts(parsePdffonts(fonts)),
    ...checkPageNumbers(splitPages(text.normalize('NFC'))),
    ...checkMargins(parseBbox(bbox)),
  ];
}
