/**
 * For `npm run bench`: our PDF renderer on seed 002 (13 pages of text) and on a Quyết định with a
 * 10,000-row annex, warm, and LibreOffice converting our DOCX of the same model when `soffice` is
 * installed. Returns timings and memory; asserts nothing (the issue's targets: seed 002 ≥ 20× faster
 * than LibreOffice, the 10,000-row annex ≤ 3 s and ≤ 400 MB).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DocModel } from '../../drafting/doc-model';
import { qdWithAnnex } from './fixtures/sample-models';
import { seedModel } from './fixtures/seed-models';
import { renderPdfWithLayout } from './pdf-renderer';

export interface PdfBench {
  name: string;
  pages: number;
  bytes: number;
  runs: number;
  /** median and best of the warm runs, ms */
  medianMs: number;
  minMs: number;
  /** the process's peak resident set so far (MB): run the big case in a fresh process for its own peak */
  peakRssMb: number;
}

export interface ConvertBench {
  name: string;
  runs: number;
  medianMs: number;
  minMs: number;
}

export function benchModels(rows = 10_000): { name: string; model: DocModel }[] {
  return [
    { name: 'seed 002 (KH, 13 pages)', model: seedModel('002') },
    { name: `QĐ with a ${rows.toLocaleString('en')}-row annex`, model: qdWithAnnex(rows) },
  ];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Renders `model` `runs` times after one warm-up. */
export async function benchPdfModel(name: string, model: DocModel, runs: number): Promise<PdfBench> {
  let out = await renderPdfWithLayout(model);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    out = await renderPdfWithLayout(model);
    times.push(performance.now() - t0);
  }
  return {
    name: `PDF ${name}`,
    pages: out.layout.pages.length,
    bytes: out.bytes.length,
    runs,
    medianMs: median(times),
    minMs: Math.min(...times),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

export async function benchPdf(opts: { runs?: number; bigRuns?: number; rows?: number } = {}): Promise<PdfBench[]> {
  const [seed, big] = benchModels(opts.rows);
  return [await benchPdfModel(seed.name, seed.model, opts.runs ?? 20), await benchPdfModel(big.name, big.model, opts.bigRuns ?? 3)];
}

/** True when LibreOffice can be run here. */
export function hasLibreOffice(): boolean {
  const r = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return r.status === 0;
}

/**
 * `soffice --headless --convert-to pdf` of `docx` (our DOCX of the same model), each run with a fresh
 * profile of its own (a shared one hands the call to a running instance). Includes start-up, as a
 * request path would pay it.
 */
export function benchLibreOffice(name: string, docx: Buffer, runs = 3, timeoutMs = 600_000): ConvertBench {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-bench-lo-'));
  try {
    const file = join(dir, 'doc.docx');
    writeFileSync(file, docx);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const r = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, `profile-${i}`)}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
        encoding: 'utf8',
        timeout: timeoutMs,
      });
      if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr || r.error?.message}`);
      times.push(performance.now() - t0);
    }
    return { name: `LibreOffice DOCX→PDF ${name}`, runs, medianMs: median(times), minMs: Math.min(...times) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
