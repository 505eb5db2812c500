import type { INestApplicationContext } from '@nestjs/common';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BeneficiaryListsService, ListImportError, type ListImportSummary } from '../beneficiaries/beneficiary-lists.service';
import { PoliciesService } from '../policies/policies.service';
import { AgenciesService } from '../registry/agencies.service';
import { parseFormats } from '../render/render.service';
import { CliError, withRegistry, type CliIo, type CommandGroup, type GlobalOpts } from './cli-support';

export interface ListImportOptions {
  list?: string;
  policy?: string;
  from?: string;
  to?: string;
  period?: string;
  agency?: string;
  errors?: string;
  json?: boolean;
}

/** The agency that has this policy (or list), or the one named: a code is unique only within an agency. */
async function agencyWith(ctx: INestApplicationContext, what: 'policy' | 'list', code: string, agency?: string): Promise<string> {
  if (agency) return agency;
  const agencies = ctx.get(AgenciesService);
  const hits: string[] = [];
  for (const a of await agencies.list()) {
    const scope = await agencies.scope(a.code);
    const codes =
      what === 'policy'
        ? (await ctx.get(PoliciesService).list(scope)).map((p) => p.code)
        : (await ctx.get(BeneficiaryListsService).list(scope)).map((l) => l.code);
    if (codes.includes(code) || (what === 'policy' && /^\d+$/.test(code))) hits.push(a.code);
  }
  if (hits.length === 1) return hits[0];
  if (hits.length === 0) throw new CliError(`no ${what} "${code}" in the registry`);
  throw new CliError(`${what} "${code}" exists in several agencies (${hits.join(', ')}): add --agency`);
}

function printSummary(io: CliIo, s: ListImportSummary, json?: boolean): void {
  if (json) {
    io.out(JSON.stringify(s));
    return;
  }
  io.out(`list ${s.list} (${s.agency}, policy ${s.policy}, ${s.fromMonth} to ${s.toMonth}, period ${s.period}): ${s.people} people from sheet "${s.sheet}", header at row ${s.headerRow}`);
  for (const [kind, c] of Object.entries(s.counts)) io.out(`${kind.padEnd(12)} +${c.inserted} ~${c.updated} =${c.unchanged}${c.removed !== undefined ? ` -${c.removed}` : ''}`);
  io.out(`${s.changes} change(s)`);
  for (const w of s.warnings) io.err(`warning: ${w.path}: ${w.message}`);
  if (s.ignoredColumns.length) io.err(`columns not read: ${s.ignoredColumns.join(', ')}`);
}

/**
 * `vanthu import <file.xlsx> --list <code> --policy <id>`: the registry's import command hands an
 * .xlsx here. All or nothing: a workbook with any bad row changes nothing, every bad cell is listed on
 * stderr and marked in an error workbook written beside it (or to --errors).
 */
export async function importListWorkbook(file: string, o: ListImportOptions, io: CliIo, g: GlobalOpts): Promise<void> {
  if (!o.list || !o.policy) throw new CliError('a beneficiary list needs --list <code> and --policy <code>');
  const bytes = fs.readFileSync(file);
  await withRegistry(g, io, async (ctx) => {
    const agency = await agencyWith(ctx, 'policy', o.policy!, o.agency);
    const scope = await ctx.get(AgenciesService).scope(agency);
    try {
      const summary = await ctx.get(BeneficiaryListsService).importWorkbook(scope, {
        bytes,
        list: o.list!,
        policy: o.policy!,
        ...(o.from ? { fromMonth: o.from } : {}),
        ...(o.to ? { toMonth: o.to } : {}),
        ...(o.period ? { period: o.period } : {}),
      });
      printSummary(io, summary, o.json);
    } catch (e) {
      if (e instanceof ListImportError) {
        const target = o.errors ?? path.join(path.dirname(file), `${path.basename(file).replace(/\.xlsx$/i, '')}-loi.xlsx`);
        fs.writeFileSync(target, await e.errorWorkbook());
        io.err(`vanthu: the bad cells are marked in ${target}`);
      }
      throw e;
    }
  });
}

/** lists, list show|export|decision|posting */
export const beneficiariesCommands: CommandGroup = (program, io, g) => {
  program
    .command('lists')
    .description('beneficiary lists: [{code, agency, policy, period, fromMonth, toMonth, status, people, decision}]')
    .option('--agency <code>', 'only this agency')
    .option('--json', 'JSON output')
    .action(async (o: { agency?: string; json?: boolean }) => {
      await withRegistry(g(), io, async (ctx) => {
        const agencies = ctx.get(AgenciesService);
        const codes = o.agency ? [o.agency] : (await agencies.list()).map((a) => a.code);
        const all = [];
        for (const code of codes) all.push(...(await ctx.get(BeneficiaryListsService).list(await agencies.scope(code))));
        if (o.json) io.out(JSON.stringify(all));
        else for (const l of all) io.out(`${l.agency.padEnd(12)} ${l.code.padEnd(24)} ${l.policy.padEnd(24)} ${l.fromMonth}…${l.toMonth}  ${String(l.people).padStart(6)} người  ${l.status}${l.decision ? `  ${l.decision.code} (${l.decision.status})` : ''}`);
      });
    });

  const list = program.command('list').description('one beneficiary list: show, export, decision, posting');

  list
    .command('show <code>')
    .description('the people of a list (internal: with ID numbers)')
    .option('--agency <code>', 'the agency whose list it is')
    .option('--json', 'JSON output')
    .action(async (code: string, o: { agency?: string; json?: boolean }) => {
      await withRegistry(g(), io, async (ctx) => {
        const scope = await ctx.get(AgenciesService).scope(await agencyWith(ctx, 'list', code, o.agency));
        const d = await ctx.get(BeneficiaryListsService).get(scope, code);
        if (o.json) io.out(JSON.stringify(d));
        else {
          io.out(`${d.code}: ${d.people} người, ${d.fromMonth} to ${d.toMonth}, policy ${d.policy}`);
          for (const e of d.entries) io.out(`${String(e.position).padStart(5)}  ${e.name.padEnd(28)} ${String(e.birthYear ?? '').padEnd(5)} ${e.villageName.padEnd(18)} ${e.category}`);
        }
      });
    });

  list
    .command('export <code>')
    .description('the list as .xlsx in the layout the import reads (round trip)')
    .requiredOption('--out <file>', 'the .xlsx to write')
    .option('--agency <code>', 'the agency whose list it is')
    .action(async (code: string, o: { out: string; agency?: string }) => {
      await withRegistry(g(), io, async (ctx) => {
        const scope = await ctx.get(AgenciesService).scope(await agencyWith(ctx, 'list', code, o.agency));
        const { bytes } = await ctx.get(BeneficiaryListsService).exportWorkbook(scope, code);
        fs.writeFileSync(o.out, bytes);
        io.out(o.out);
      });
    });

  list
    .command('decision <code>')
    .description('draft (or redraft, while a draft) the QĐ phê duyệt danh sách; prints its id (render it with vanthu render)')
    .option('--agency <code>', 'the agency whose list it is')
    .option('--signer <official>', 'the official who signs (default: the Chủ tịch)')
    .option('--proposer <text>', '"Theo đề nghị của …" (default: the head of the Văn hóa - Xã hội unit)')
    .option('--unit <abbr>', 'the unit that proposes and carries it out (e.g. VH-XH)')
    .option('--json', 'JSON output')
    .action(async (code: string, o: { agency?: string; signer?: string; proposer?: string; unit?: string; json?: boolean }) => {
      await withRegistry(g(), io, async (ctx) => {
        const scope = await ctx.get(AgenciesService).scope(await agencyWith(ctx, 'list', code, o.agency));
        const d = await ctx.get(BeneficiaryListsService).draftDecision(scope, code, { signer: o.signer, proposer: o.proposer, unit: o.unit });
        io.out(o.json ? JSON.stringify(d) : String(d.id));
      });
    });

  list
    .command('posting <code>')
    .description('the danh sách niêm yết công khai: no ID numbers, birth year only, no health, phone or bank data')
    .option('--format <list>', 'docx,pdf,html', 'pdf')
    .option('--out <dir>', 'output folder', '.')
    .option('--agency <code>', 'the agency whose list it is')
    .option('--signer <official>', 'the official who signs (default: the Chủ tịch)')
    .option('--days <n>', 'working days on the notice board', '5')
    .action(async (code: string, o: { format: string; out: string; agency?: string; signer?: string; days: string }) => {
      const formats = parseFormats(o.format);
      if (!/^\d+$/.test(o.days)) throw new CliError('--days wants a whole number');
      await withRegistry(g(), io, async (ctx) => {
        const scope = await ctx.get(AgenciesService).scope(await agencyWith(ctx, 'list', code, o.agency));
        const files = await ctx.get(BeneficiaryListsService).posting(scope, code, formats, { signer: o.signer, days: Number(o.days) });
        fs.mkdirSync(o.out, { recursive: true });
        for (const f of files) {
          const target = path.join(o.out, f.fileName);
          fs.writeFileSync(target, f.bytes);
          io.out(target);
        }
      });
    });
};
