/**
 * `npm run bench`: every benchmark the project has, in one run, printed as one table of medians,
 * best runs, peak memory and the ratios the issues ask for. Nothing here asserts a time: the
 * "target" column says whether a stated target was met on this machine, and only when the
 * benchmark ran at the size the target is stated for.
 *
 * When run as a script, each case runs in a child process of its own (`--case <id>`), so that its
 * peak resident set is its own and not the largest of everything before it.
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { benchBeneficiaryImport } from '../beneficiaries/bench';
import { benchCheck } from '../checking/bench';
import { benchBudget } from '../figures/bench';
import { renderDocx } from '../render/docx/docx-renderer';
import { benchLibreOffice, benchModels, benchPdfModel } from '../render/pdf/bench';
import { benchSign } from '../signing/bench';

export interface BenchConfig {
  /** one warm run per case (two where a median of one would say little): a smoke test */
  quick: boolean;
  /** rows of the QĐ annex (the case: 10,000) */
  annexRows: number;
  /** members in the figures budget (the case: 100,000) */
  members: number;
  /** pages of the document checked (the case: 10) */
  checkPages: number;
  /** LibreOffice on seed 002: when `soffice` runs here ('auto'), or never ('off') */
  libreoffice: 'auto' | 'off';
  /** LibreOffice on the annex too (it takes minutes at 10,000 rows): only when asked */
  libreofficeAnnex: boolean;
}

export const FULL_CONFIG: BenchConfig = { quick: false, annexRows: 10_000, members: 100_000, checkPages: 10, libreoffice: 'auto', libreofficeAnnex: false };

export interface BenchRow {
  /** stable id: "pdf.seed002", "libreoffice.annex", "sign.first" … */
  id: string;
  name: string;
  runs: number;
  medianMs: number;
  minMs: number | null;
  /** peak resident set of the process that ran the case (its own process when isolated), MB */
  peakRssMb: number | null;
  /** what was produced or measured: pages, bytes, findings … */
  detail: string;
  /** for our PDF: LibreOffice's median converting our DOCX of the same document ÷ ours */
  vsLibreOffice: number | null;
  /** the stated target, when the case ran at the target's size */
  target: string | null;
  met: boolean | null;
}

export interface BenchSkip {
  id: string;
  reason: string;
}

export interface BenchReport {
  environment: { node: string; platform: string; cpu: string; isolated: boolean };
  config: BenchConfig;
  rows: BenchRow[];
  skipped: BenchSkip[];
}

type Measured = Omit<BenchRow, 'vsLibreOffice' | 'target' | 'met'>;

interface BenchCase {
  id: string;
  run: (c: BenchConfig) => Promise<Measured[]>;
  /** why it does not run under this configuration, or undefined */
  skip?: (c: BenchConfig) => string | undefined;
}

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en')} kB`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function models(c: BenchConfig) {
  const [seed, annex] = benchModels(c.annexRows);
  return { seed, annex };
}

async function pdfCase(id: string, pick: 'seed' | 'annex', c: BenchConfig): Promise<Measured[]> {
  const m = models(c)[pick];
  const runs = pick === 'seed' ? (c.quick ? 2 : 20) : c.quick ? 1 : 3;
  const b = await benchPdfModel(m.name, m.model, runs);
  return [{ id, name: b.name, runs, medianMs: b.medianMs, minMs: b.minMs, peakRssMb: peakRssMb(), detail: `${b.pages} pages, ${kb(b.bytes)}` }];
}

function docxCase(id: string, pick: 'seed' | 'annex', c: BenchConfig): Measured[] {
  const m = models(c)[pick];
  const runs = pick === 'seed' ? (c.quick ? 2 : 20) : c.quick ? 1 : 3;
  let bytes = renderDocx(m.model); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    bytes = renderDocx(m.model);
    times.push(performance.now() - t0);
  }
  return [{ id, name: `DOCX ${m.name}`, runs, medianMs: median(times), minMs: Math.min(...times), peakRssMb: peakRssMb(), detail: kb(bytes.length) }];
}

let libreOffice: { version?: string } | undefined;

function libreOfficeVersion(): string | undefined {
  if (!libreOffice) {
    const r = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 });
    libreOffice = { version: r.status === 0 ? r.stdout.trim().split('\n')[0] : undefined };
  }
  return libreOffice.version;
}

function libreOfficeCase(id: string, pick: 'seed' | 'annex', c: BenchConfig): Measured[] {
  const m = models(c)[pick];
  const runs = pick === 'seed' && !c.quick ? 3 : 1;
  const b = benchLibreOffice(m.name, renderDocx(m.model), runs, 3_600_000);
  // LibreOffice's own memory is that of another process: not measured here
  return [{ id, name: b.name, runs, medianMs: b.medianMs, minMs: b.minMs, peakRssMb: null, detail: 'soffice --headless --convert-to pdf of our DOCX, fresh profile, start-up included' }];
}

/** Every benchmark of the project, in the order of the table. */
export const BENCH_CASES: BenchCase[] = [
  { id: 'pdf.seed002', run: (c) => pdfCase('pdf.seed002', 'seed', c) },
  { id: 'docx.seed002', run: async (c) => docxCase('docx.seed002', 'seed', c) },
  {
    id: 'libreoffice.seed002',
    run: async (c) => libreOfficeCase('libreoffice.seed002', 'seed', c),
    skip: (c) => (c.libreoffice === 'off' ? 'LibreOffice turned off' : libreOfficeVersion() ? undefined : 'soffice is not installed here'),
  },
  { id: 'pdf.annex', run: (c) => pdfCase('pdf.annex', 'annex', c) },
  { id: 'docx.annex', run: async (c) => docxCase('docx.annex', 'annex', c) },
  {
    id: 'libreoffice.annex',
    run: async (c) => libreOfficeCase('libreoffice.annex', 'annex', c),
    skip: (c) =>
      c.libreoffice === 'off'
        ? 'LibreOffice turned off'
        : !c.libreofficeAnnex
          ? 'LibreOffice takes minutes on this table: add --libreoffice-annex'
          : libreOfficeVersion()
            ? undefined
            : 'soffice is not installed here',
  },
  {
    id: 'sign',
    run: async (c) => {
      const b = await benchSign({ runs: c.quick ? 1 : 7 });
      const rss = peakRssMb();
      const detail = `RSA-2048, ${kb(b.bytes)} after both`;
      return [
        { id: 'sign.first', name: 'PAdES signature (leader) on a 2-page PDF', runs: b.runs, medianMs: b.firstMs, minMs: null, peakRssMb: rss, detail },
        { id: 'sign.second', name: 'second signature (agency seal), incremental, with a text stamp', runs: b.runs, medianMs: b.secondMs, minMs: null, peakRssMb: rss, detail },
        { id: 'sign.verify', name: 'verify both signatures', runs: b.runs, medianMs: b.verifyMs, minMs: null, peakRssMb: rss, detail: 'both valid' },
      ];
    },
  },
  {
    id: 'check',
    run: async (c) => {
      const b = benchCheck({ pages: c.checkPages, runs: c.quick ? 2 : 20 });
      return [{ id: 'check', name: b.name, runs: b.runs, medianMs: b.medianMs, minMs: b.minMs, peakRssMb: peakRssMb(), detail: `${b.characters.toLocaleString('en')} characters, ${b.findings} findings` }];
    },
  },
  {
    id: 'budget',
    run: async (c) => {
      const b = benchBudget({ members: c.members, runs: c.quick ? 1 : 7 });
      return [{ id: 'budget', name: b.name, runs: b.runs, medianMs: b.medianMs, minMs: b.minMs, peakRssMb: peakRssMb(), detail: `total ${b.total.toLocaleString('en')} đồng` }];
    },
  },
  {
    id: 'lists',
    run: async (c) => {
      const b = await benchBeneficiaryImport({ members: c.members, annexRows: c.annexRows, runs: c.quick ? 1 : 3 });
      const d = b.decision;
      const qd = `QĐ phê duyệt danh sách with a ${d.rows.toLocaleString('en')}-row annex (figures from the registry)`;
      return [
        { id: 'lists.import', name: `beneficiary list import, ${b.import.members.toLocaleString('en')} members from .xlsx (one run)`, runs: 1, medianMs: b.import.ms, minMs: b.import.ms, peakRssMb: b.import.peakRssMb, detail: `${b.import.households.toLocaleString('en')} households, ${kb(b.import.bytes)}, SQLite, one transaction` },
        { id: 'lists.qd.docx', name: `DOCX ${qd}`, runs: d.runs, medianMs: d.docxMs, minMs: d.docxMinMs, peakRssMb: peakRssMb(), detail: kb(d.docxBytes) },
        { id: 'lists.qd.pdf', name: `PDF ${qd}`, runs: d.runs, medianMs: d.pdfMs, minMs: d.pdfMinMs, peakRssMb: peakRssMb(), detail: kb(d.pdfBytes) },
      ];
    },
  },
];

/** The issues' targets, each for the size it is stated for. */
function withTargets(rows: Measured[], c: BenchConfig): BenchRow[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ratio = (ours: string, theirs: string) => {
    const a = byId.get(ours);
    const b = byId.get(theirs);
    return a && b && a.medianMs > 0 ? b.medianMs / a.medianMs : null;
  };
  return rows.map((r): BenchRow => {
    const row: BenchRow = { ...r, vsLibreOffice: null, target: null, met: null };
    if (r.id === 'pdf.seed002') row.vsLibreOffice = ratio(r.id, 'libreoffice.seed002');
    if (r.id === 'pdf.annex') row.vsLibreOffice = ratio(r.id, 'libreoffice.annex');
    if (r.id === 'pdf.seed002') {
      row.target = '≥ 20× faster than LibreOffice';
      row.met = row.vsLibreOffice === null ? null : row.vsLibreOffice >= 20;
    }
    if (r.id === 'pdf.annex' && c.annexRows === 10_000) {
      row.target = '≤ 3 s and ≤ 400 MB';
      row.met = r.medianMs <= 3000 && r.peakRssMb !== null && r.peakRssMb <= 400;
    }
    if (r.id === 'check' && c.checkPages === 10) {
      row.target = '≤ 100 ms warm';
      row.met = r.medianMs <= 100;
    }
    if (r.id === 'lists.import' && c.members === 100_000) {
      row.target = '≤ 30 s and ≤ 500 MB';
      row.met = r.medianMs <= 30_000 && r.peakRssMb !== null && r.peakRssMb <= 500;
    }
    if (r.id === 'budget' && c.members === 100_000) {
      row.target = '≤ 1 s';
      row.met = r.medianMs <= 1000;
    }
    return row;
  });
}

export interface RunOptions {
  /** run each case in its own `node <script> --case <id>` process (peak memory per case) */
  isolateWith?: string;
  /** progress lines ("running pdf.seed002…") */
  progress?: (line: string) => void;
}

function configArgs(c: BenchConfig): string[] {
  return [
    ...(c.quick ? ['--quick'] : []),
    ...(c.libreoffice === 'off' ? ['--no-libreoffice'] : []),
    ...(c.libreofficeAnnex ? ['--libreoffice-annex'] : []),
    '--annex-rows',
    String(c.annexRows),
    '--members',
    String(c.members),
    '--check-pages',
    String(c.checkPages),
  ];
}

function runIsolated(script: string, id: string, c: BenchConfig): Measured[] {
  const r = spawnSync(process.execPath, [script, '--case', id, ...configArgs(c)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`bench case ${id} failed (exit ${r.status ?? r.signal})`);
  return JSON.parse(r.stdout) as Measured[];
}

export async function runCase(id: string, c: BenchConfig): Promise<Measured[]> {
  const bc = BENCH_CASES.find((x) => x.id === id);
  if (!bc) throw new Error(`no bench case "${id}" (cases: ${BENCH_CASES.map((x) => x.id).join(', ')})`);
  return bc.run(c);
}

export async function runBench(c: BenchConfig, opts: RunOptions = {}): Promise<BenchReport> {
  const measured: Measured[] = [];
  const skipped: BenchSkip[] = [];
  for (const bc of BENCH_CASES) {
    const why = bc.skip?.(c);
    if (why) {
      skipped.push({ id: bc.id, reason: why });
      continue;
    }
    opts.progress?.(`running ${bc.id}…`);
    measured.push(...(opts.isolateWith ? runIsolated(opts.isolateWith, bc.id, c) : await bc.run(c)));
  }
  return {
    environment: { node: process.version, platform: `${process.platform} ${process.arch}`, cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`, isolated: Boolean(opts.isolateWith) },
    config: c,
    rows: withTargets(measured, c),
    skipped,
  };
}

export const TABLE_COLUMNS = ['benchmark', 'runs', 'median ms', 'best ms', 'peak MB', 'vs LibreOffice', 'target', 'detail'] as const;

function ms(v: number | null): string {
  if (v === null) return '—';
  return v < 10 ? v.toFixed(2) : v < 1000 ? v.toFixed(1) : Math.round(v).toLocaleString('en');
}

/** One table, one line per measured row, then the skipped cases. */
export function formatBenchTable(report: BenchReport): string {
  const cells = report.rows.map((r) => [
    r.name,
    String(r.runs),
    ms(r.medianMs),
    ms(r.minMs),
    r.peakRssMb === null ? '—' : String(r.peakRssMb),
    r.vsLibreOffice === null ? '—' : `${r.vsLibreOffice.toFixed(1)}× faster`,
    r.target === null ? '—' : `${r.target}: ${r.met === null ? 'not measured' : r.met ? 'met' : 'NOT met'}`,
    r.detail,
  ]);
  const all = [[...TABLE_COLUMNS], ...cells];
  const widths = TABLE_COLUMNS.map((_, i) => Math.max(...all.map((row) => [...row[i]].length)));
  const numeric = new Set([1, 2, 3, 4]);
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : numeric.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i] + cell.length - [...cell].length)))
      .join('  ')
      .trimEnd();
  const out = [line(all[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)];
  for (const s of report.skipped) out.push(`skipped ${s.id}: ${s.reason}`);
  const e = report.environment;
  out.push(`${e.node}, ${e.platform}, ${e.cpu}; peak MB: ${e.isolated ? 'each case in its own process' : 'of this process so far'}; LibreOffice's own memory is not measured`);
  return out.join('\n');
}

export interface BenchArgs {
  config: BenchConfig;
  json: boolean;
  /** internal: run one case and print its rows as JSON (the parent's isolation) */
  case?: string;
}

export function parseBenchArgs(argv: string[]): BenchArgs {
  const config: BenchConfig = { ...FULL_CONFIG };
  const args: BenchArgs = { config, json: false };
  const count = (flag: string, v: string | undefined): number => {
    if (v === undefined || !/^\d+$/.test(v) || Number(v) < 1) throw new Error(`${flag} wants a whole number ≥ 1`);
    return Number(v);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') config.quick = true;
    else if (a === '--json') args.json = true;
    else if (a === '--no-libreoffice') config.libreoffice = 'off';
    else if (a === '--libreoffice-annex') config.libreofficeAnnex = true;
    else if (a === '--annex-rows') config.annexRows = count(a, argv[++i]);
    else if (a === '--members') config.members = count(a, argv[++i]);
    else if (a === '--check-pages') config.checkPages = count(a, argv[++i]);
    else if (a === '--case') args.case = argv[++i];
    else throw new Error(`unknown option ${a}; options: --quick, --json, --no-libreoffice, --libreoffice-annex, --annex-rows N, --members N, --check-pages N`);
  }
  return args;
}

/** The script's body: returns the exit code. */
export async function benchMain(argv: string[], script: string | undefined, io: { out: (s: string) => void; err: (s: string) => void }): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(argv);
  } catch (e) {
    io.err(`bench: ${(e as Error).message}`);
    return 2;
  }
  if (args.case) {
    io.out(JSON.stringify(await runCase(args.case, args.config)));
    return 0;
  }
  const report = await runBench(args.config, { isolateWith: script, progress: args.json ? undefined : io.err });
  io.out(args.json ? JSON.stringify(report) : formatBenchTable(report));
  return 0;
}
