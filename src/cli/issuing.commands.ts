import * as fs from 'node:fs';
import * as path from 'node:path';
import { ArchiveService, type VerifyReport } from '../archive/archive.service';
import { IssuingService, type IssueResult } from '../issuing/issuing.service';
import { AgenciesService } from '../registry/agencies.service';
import { CliError, locate, withRegistry, type CliIo, type CommandGroup } from './cli-support';
import { DEFAULT_PASSPHRASE_ENV, openSeal, type KeyOptions } from './signing-keys';

function year(raw: string): number {
  if (!/^\d{4}$/.test(raw)) throw new CliError(`--year wants a year (yyyy), not "${raw}"`);
  return Number(raw);
}

/** issue, transition, register export, archive verify, archive export */
export const issuingCommands: CommandGroup = (program, io, g) => {
  program
    .command('issue <doc>')
    .description('issue a signed document: number, date, register line and archived file (one transaction)')
    .option('--agency <code>', 'the agency whose registry holds the document')
    .option('--date <yyyy-mm-dd>', 'issue date (default: today in Vietnam)')
    .option('--copies <n>', 'số lượng bản (default: one per Nơi nhận line and lưu unit)')
    .option('--note <text>', 'ghi chú of the register line')
    .option('--p12 <file>', "the agency's PKCS#12 key file: its digital signature, for a document the leader signed with `vanthu sign`")
    .option('--pass-env <VAR>', `environment variable holding the key file's passphrase (default ${DEFAULT_PASSPHRASE_ENV})`)
    .option('--pass-file <file>', "file whose first line is the key file's passphrase")
    .option('--seal-image <file.png>', "with --p12: the agency's seal image (red, PNG, transparent background; default <data>/signing/<agency>/seal.png)")
    .option('--seal-mm <mm>', "with --p12: the seal's real diameter (default 36)")
    .option('--json', 'JSON output')
    .action(async (doc: string, o: KeyOptions & { agency?: string; date?: string; copies?: string; note?: string; sealImage?: string; sealMm?: string; json?: boolean }) => {
      if (o.copies !== undefined && !/^\d+$/.test(o.copies)) throw new CliError(`--copies wants a whole number, not "${o.copies}"`);
      if (!o.p12 && (o.sealImage || o.sealMm || o.passEnv || o.passFile)) throw new CliError('--seal-image, --seal-mm, --pass-env and --pass-file go with --p12');
      const seal = o.p12 ? await openSeal(o, o.sealImage, '--seal-image') : undefined;
      await withRegistry(g(), io, async (ctx) => {
        const hit = await locate(ctx, doc, o.agency);
        const scope = await ctx.get(AgenciesService).scope(hit.agency);
        const body = {
          ...(o.date ? { date: o.date } : {}),
          ...(o.copies !== undefined ? { copies: Number(o.copies) } : {}),
          ...(o.note ? { note: o.note } : {}),
        };
        printIssued(await ctx.get(IssuingService).issue(scope, hit.id, body, seal), io, o.json);
      });
    });

  program
    .command('transition <doc> <to>')
    .description('move a document in the workflow: submitted, approved, signed, draft (returned), replaced/corrected --by <doc>')
    .option('--agency <code>', 'the agency whose registry holds the document')
    .option('--by <doc>', 'replaced/corrected: the later document that does it')
    .option('--note <text>', 'a note for the history')
    .option('--json', 'JSON output')
    .action(async (doc: string, to: string, o: { agency?: string; by?: string; note?: string; json?: boolean }) => {
      await withRegistry(g(), io, async (ctx) => {
        const hit = await locate(ctx, doc, o.agency);
        const scope = await ctx.get(AgenciesService).scope(hit.agency);
        const s = await ctx.get(IssuingService).transition(scope, hit.id, { to, ...(o.by ? { by: o.by } : {}), ...(o.note ? { note: o.note } : {}) });
        if (o.json) io.out(JSON.stringify(s));
        else io.out(`${s.code}: ${s.status}${s.allowed.length ? ` (next: ${s.allowed.join(', ')})` : ''}`);
      });
    });

  const register = program.command('register').description('the sổ đăng ký văn bản đi');
  register
    .command('export')
    .description('write the register of a year as a workbook (.xlsx), one sheet per agency')
    .requiredOption('--year <yyyy>', 'the year')
    .requiredOption('--out <file.xlsx>', 'output workbook')
    .option('--agency <code>', 'only this agency')
    .action(async (o: { year: string; out: string; agency?: string }) => {
      const y = year(o.year);
      await withRegistry(g(), io, async (ctx) => {
        fs.mkdirSync(path.dirname(path.resolve(o.out)), { recursive: true });
        const r = await ctx.get(ArchiveService).exportRegister(y, path.resolve(o.out), o.agency ? [o.agency] : undefined);
        io.out(o.out);
        io.err(`${r.rows} entr${r.rows === 1 ? 'y' : 'ies'} of ${y} in ${r.agencies} sheet(s)`);
      });
    });

  const archive = program.command('archive').description('the immutable archive of issued files');
  archive
    .command('verify')
    .description('recompute every file hash and the register hash chains; exit 1 and name anything tampered')
    .option('--agency <code>', 'only this agency (skips the store-wide orphan check)')
    .option('--json', 'JSON output')
    .action(async (o: { agency?: string; json?: boolean }) => {
      const report = await withRegistry(g(), io, async (ctx) => {
        const scope = o.agency ? await ctx.get(AgenciesService).scope(o.agency) : undefined;
        return ctx.get(ArchiveService).verify(scope);
      });
      if (o.json) io.out(JSON.stringify(report));
      else printReport(report, io.out);
      if (!report.ok) throw new CliError(`archive verify: ${report.problems.length} problem(s)`, 1);
    });

  archive
    .command('export')
    .description('write the register and files of a year as a BagIt (RFC 8493) package')
    .requiredOption('--year <yyyy>', 'the year')
    .requiredOption('--out <dir>', 'output folder (new or empty)')
    .option('--agency <code>', 'only this agency')
    .action(async (o: { year: string; out: string; agency?: string }) => {
      const y = year(o.year);
      if (fs.existsSync(o.out) && fs.readdirSync(o.out).length > 0) throw new CliError(`${o.out} is not empty`);
      await withRegistry(g(), io, async (ctx) => {
        const r = await ctx.get(ArchiveService).exportBag(y, path.resolve(o.out), o.agency ? [o.agency] : undefined);
        io.out(o.out);
        io.err(`${r.entries} register entr${r.entries === 1 ? 'y' : 'ies'}, ${r.files} payload file(s), ${r.octets} bytes`);
      });
    });
};

export function printIssued(r: IssueResult, io: CliIo, json?: boolean): void {
  if (json) {
    io.out(JSON.stringify(r));
    return;
  }
  io.out(`${r.code}: issued as số ${r.reference} ngày ${r.date} (register entry ${r.entry.seq})`);
  for (const f of r.files) io.out(`  ${f.role}: ${f.name} sha256 ${f.sha256}`);
  for (const s of r.signatures) io.out(`  signed (${s.role}): ${s.signer} at ${s.signedAt}`);
  for (const n of r.notes) io.err(`note: ${n}`);
}

function printReport(r: VerifyReport, out: (s: string) => void): void {
  for (const a of r.agencies) out(`${a.code}: ${a.entries} register entr${a.entries === 1 ? 'y' : 'ies'}, ${a.attachments} attachment(s)`);
  out(`${r.files.checked} file(s) checked`);
  for (const p of r.problems) out(`${p.code}: ${p.message}`);
  out(r.ok ? 'archive intact' : `${r.problems.length} problem(s)`);
}
