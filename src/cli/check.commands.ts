import * as fs from 'node:fs';
import { CheckService } from '../checking/check.service';
import { checkFiles, checkReportJson, formatCheckHtml, formatCheckText, type CheckContext } from '../checking';
import { AgenciesService } from '../registry/agencies.service';
import { CliError, withRegistry, type CliIo, type CommandGroup, type GlobalOpts } from './cli-support';

interface CheckOpts {
  json?: boolean;
  agency?: string;
  html?: string;
}

/**
 * The registry context: only when asked for (--data, --records or --agency), so that checking a file
 * never creates a data folder. Without --agency, the registry's only agency; several need --agency.
 */
async function registryContextOf(g: GlobalOpts, o: CheckOpts, io: CliIo): Promise<CheckContext> {
  if (!g.data && !g.records && !o.agency) return {};
  return withRegistry(g, io, async (ctx) => {
    let agency = o.agency;
    if (!agency) {
      const codes = (await ctx.get(AgenciesService).list()).map((a) => a.code);
      if (codes.length === 0) {
        io.err('vanthu: the registry holds no agency: citations are checked within the documents only');
        return {};
      }
      if (codes.length > 1) throw new CliError(`the registry holds several agencies (${codes.join(', ')}): add --agency <code>`);
      agency = codes[0];
    }
    return ctx.get(CheckService).context(agency);
  });
}

/** check <file...>: exit 0 = no error-level finding, 1 = some, 2 = usage or unreadable input. */
export const checkCommands: CommandGroup = (program, io, g) => {
  program
    .command('check <files...>')
    .description('cross-check documents (.txt .md .docx .pdf) alone and against each other; with the registry, their citations too')
    .option('--json', 'print { files: [ { file, findings } ] }')
    .option('--agency <code>', 'check citations against this agency’s registry')
    .option('--html <file>', 'also write an HTML report: each document with its findings at their lines')
    .action(async (files: string[], o: CheckOpts) => {
      const context = await registryContextOf(g(), o, io);
      const outcome = await checkFiles(files, context);
      for (const u of outcome.unreadable) io.err(`vanthu: ${u.file}: ${u.message}`);
      io.out(o.json ? JSON.stringify(checkReportJson(outcome.results)) : formatCheckText(outcome.results).replace(/\n$/, ''));
      if (o.html) fs.writeFileSync(o.html, formatCheckHtml(outcome.results, outcome.sources));
      if (outcome.exitCode === 2) throw new CliError(`${outcome.unreadable.length} file(s) could not be checked`, 2);
      if (outcome.exitCode === 1) {
        const errors = outcome.results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
        throw new CliError(`${errors} error-level finding(s)`, 1);
      }
    });
};
