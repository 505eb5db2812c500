import * as fs from 'node:fs';
import { DocumentFiguresService } from '../figure-sets/document-figures.service';
import { allocateQuota, QuotaError, type QuotaMethod, type QuotaVillage } from '../figures/quota-allocation';
import { nfc } from '../vi/nfc';
import { CliError, locate, withRegistry, type CommandGroup } from './cli-support';

/** One CSV line into fields: commas, "quoted, fields" and "" for a quote. */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

const wholeNumber = (s: string): number | null => (/^\d+$/.test(s) ? Number(s) : null);

/** `calc quota --villages`: CSV `village,weight[,cap]` with a header row, or JSON `[{village, weight, cap?}]`. */
export function readQuotaVillages(file: string, text: string): QuotaVillage[] {
  const body = nfc(text.replace(/^\uFEFF/, ''));
  if (file.toLowerCase().endsWith('.json')) {
    let rows: unknown;
    try {
      rows = JSON.parse(body);
    } catch (e) {
      throw new CliError(`${file}: not JSON (${(e as Error).message})`);
    }
    if (!Array.isArray(rows)) throw new CliError(`${file}: expected a JSON array of {village, weight, cap?}`);
    return rows as QuotaVillage[];
  }
  const lines = body.split(/\r?\n/).map((l, i) => ({ n: i + 1, l })).filter((x) => x.l.trim() !== '');
  if (lines.length === 0) throw new CliError(`${file}: empty`);
  const header = csvFields(lines[0].l).map((h) => h.toLowerCase());
  if (header[0] !== 'village' || header[1] !== 'weight' || (header.length > 2 && header[2] !== 'cap') || header.length > 3) {
    throw new CliError(`${file}:1: the header must be "village,weight" or "village,weight,cap", got "${lines[0].l}"`);
  }
  const problems: string[] = [];
  const villages: QuotaVillage[] = [];
  for (const { n, l } of lines.slice(1)) {
    const [village, weight, cap, ...extra] = csvFields(l);
    const w = wholeNumber(weight ?? '');
    const c = cap === undefined || cap === '' ? undefined : wholeNumber(cap);
    if (!village) problems.push(`${file}:${n}: village is empty`);
    if (w === null) problems.push(`${file}:${n}: weight "${weight ?? ''}" is not a whole number`);
    if (c === null) problems.push(`${file}:${n}: cap "${cap}" is not a whole number`);
    if (extra.length) problems.push(`${file}:${n}: ${3 + extra.length} columns, expected at most 3`);
    villages.push({ village, weight: w ?? 0, ...(c !== undefined && c !== null ? { cap: c } : {}) });
  }
  if (problems.length) throw new CliError(problems.join('\n'));
  return villages;
}

/** figures, calc quota */
export const figuresCommands: CommandGroup = (program, io, g) => {
  program
    .command('figures <doc>')
    .description('the figure set of a document, computed from the registry now, with provenance')
    .option('--agency <code>', 'the agency whose registry holds the document')
    .option('--json', 'JSON output')
    .action(async (doc: string, o: { agency?: string; json?: boolean }) => {
      await withRegistry(g(), io, async (ctx) => {
        const hit = await locate(ctx, doc, o.agency);
        const report = await ctx.get(DocumentFiguresService).report(hit.agency, String(hit.id));
        if (o.json) return io.out(JSON.stringify(report));
        io.out(`${report.document.reference} (${report.document.code}) — ${report.figures.length} figure(s), computed ${report.computedAt}`);
        const width = Math.max(4, ...report.figures.map((f) => f.name.length));
        for (const f of report.figures) {
          io.out(`${f.name.padEnd(width)}  ${(f.parts ? f.text : `${f.text} ${f.unit}`).padEnd(24)} ${f.formula}  [${f.sources.length} row(s)]`);
        }
        for (const t of Object.values(report.tables)) {
          io.out(`\n${t.name}: ${t.formula}`);
          io.out(t.columns.map((c) => c.header).join(' | '));
          for (const r of t.rows) io.out(t.columns.map((c) => r.cells[c.key] ?? '').join(' | '));
        }
      });
    });

  const calc = program.command('calc').description('calculators, without the registry');
  calc
    .command('quota')
    .description('split a total over villages by their weights (largest remainder, capped)')
    .requiredOption('--total <n>', 'the whole number to split')
    .requiredOption('--villages <file>', 'CSV village,weight[,cap] (with header) or JSON [{village, weight, cap?}]')
    .option('--method <m>', 'largest-remainder (default) or monotone', 'largest-remainder')
    .option('--json', 'JSON output: { total, allocations: [{ village, weight, cap, quota }] }')
    .action((o: { total: string; villages: string; method: string; json?: boolean }) => {
      const total = wholeNumber(o.total);
      if (total === null) throw new CliError(`--total must be a whole number, got "${o.total}"`);
      if (o.method !== 'largest-remainder' && o.method !== 'monotone') throw new CliError(`--method must be largest-remainder or monotone`);
      if (!fs.existsSync(o.villages)) throw new CliError(`no such file: ${o.villages}`);
      const villages = readQuotaVillages(o.villages, fs.readFileSync(o.villages, 'utf8'));
      let allocations;
      try {
        allocations = allocateQuota(total, villages, o.method as QuotaMethod);
      } catch (e) {
        if (e instanceof QuotaError) throw new CliError([e.message, ...e.details.map((d) => `  ${d.path}: ${d.message}`)].join('\n'));
        throw e;
      }
      if (o.json) return io.out(JSON.stringify({ total, allocations }));
      const width = Math.max(7, ...allocations.map((a) => a.village.length));
      io.out(`${'village'.padEnd(width)}  weight     cap   quota`);
      for (const a of allocations) io.out(`${a.village.padEnd(width)} ${String(a.weight).padStart(7)} ${String(a.cap).padStart(7)} ${String(a.quota).padStart(7)}`);
      io.out(`${'total'.padEnd(width)} ${''.padStart(15)} ${String(total).padStart(7)}`);
    });
};
