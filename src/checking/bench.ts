import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkText } from './check';
import type { CheckContext, KnownDocument } from './types';

/**
 * For `npm run bench`: `check` of a 10-page document, warm. The document is the seeds and the check
 * fixtures laid end to end until it has ~10 pages of text (≈ 3,000 characters a page), so every
 * recogniser has work to do. Returns timings; asserts nothing.
 */
export interface CheckBench {
  name: string;
  pages: number;
  characters: number;
  lines: number;
  findings: number;
  runs: number;
  /** median and best of the warm runs, ms */
  medianMs: number;
  minMs: number;
}

const PAGE_CHARS = 3000;

export function benchDocument(root: string, pages = 10): string {
  const sources = [
    ...readdirSync(join(root, 'fixtures/seeds')).map((f) => join(root, 'fixtures/seeds', f)),
    ...readdirSync(join(root, 'fixtures/check/docs')).map((f) => join(root, 'fixtures/check/docs', f)),
  ].sort();
  let text = '';
  for (let i = 0; text.length < pages * PAGE_CHARS; i++) text += readFileSync(sources[i % sources.length], 'utf8') + '\n\n';
  return text.slice(0, pages * PAGE_CHARS);
}

export function benchCheck(opts: { root?: string; pages?: number; runs?: number } = {}): CheckBench {
  const root = opts.root ?? join(__dirname, '../..');
  const pages = opts.pages ?? 10;
  const runs = opts.runs ?? 20;
  const text = benchDocument(root, pages);
  const known = JSON.parse(readFileSync(join(root, 'fixtures/check/registry.json'), 'utf8')) as KnownDocument[];
  const context: CheckContext = { knownDocuments: known };
  let result = checkText(text, { fileName: 'bench.txt', context }); // warm-up
  for (let i = 0; i < 3; i++) result = checkText(text, { fileName: 'bench.txt', context });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = checkText(text, { fileName: 'bench.txt', context });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    name: `check ${pages}-page document (warm)`,
    pages,
    characters: text.length,
    lines: text.split('\n').length,
    findings: result.findings.length,
    runs,
    medianMs: times[Math.floor(times.length / 2)],
    minMs: times[0],
  };
}
