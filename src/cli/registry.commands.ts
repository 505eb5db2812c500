import * as fs from 'node:fs';
import * as path from 'node:path';
import { AgenciesService } from '../registry/agencies.service';
import { DocumentsService, type DocumentSummary } from '../registry/documents.service';
import { totalChanges } from '../registry/records-import';
import { RecordsService } from '../registry/records.service';
import { parseFormats, RenderService } from '../render/render.service';
import { importListWorkbook, type ListImportOptions } from './beneficiaries.commands';
import { CliError, locate, withRegistry, type CommandGroup } from './cli-support';

/** import, documents, render */
export const registryCommands: CommandGroup = (program, io, g) => {
  program
    .command('import <path>')
    .description('import records/ YAML (a folder or one file), or an .xlsx beneficiary list (--list, --policy); idempotent, all or nothing')
    .option('--json', 'print the summary as JSON')
    .option('--list <code>', '.xlsx: the beneficiary list it is')
    .option('--policy <code>', '.xlsx: the policy that pays the list')
    .option('--from <yyyy-mm>', '.xlsx: first month paid')
    .option('--to <yyyy-mm>', '.xlsx: last month paid')
    .option('--period <yyyy-yyyy>', '.xlsx: poverty-standard period (default: that of --from)')
    .option('--agency <code>', '.xlsx: the agency (when the policy code is in several)')
    .option('--errors <file>', '.xlsx: where the error workbook goes (default: <file>-loi.xlsx)')
    .action(async (p: string, o: { json?: boolean } & ListImportOptions) => {
      if (!fs.existsSync(p)) throw new CliError(`no such file or folder: ${p}`);
      if (/\.xlsx$/i.test(p) || o.list) return importListWorkbook(p, o, io, g());
      await withRegistry(g(), io, async (ctx) => {
        const summary = await ctx.get(RecordsService).importPath(path.resolve(p));
        if (o.json) io.out(JSON.stringify(summary));
        else {
          for (const [kind, c] of Object.entries(summary)) {
            io.out(`${kind.padEnd(18)} +${c.inserted} ~${c.updated} =${c.unchanged}`);
          }
          io.out(`${totalChanges(summary)} change(s)`);
        }
      });
    });

  program
    .command('documents')
    .description('list documents: [{id, agency, type, number, symbol, date, title, status}]')
    .option('--agency <code>', 'only this agency')
    .option('--json', 'JSON output')
    .action(async (o: { agency?: string; json?: boolean }) => {
      await withRegistry(g(), io, async (ctx) => {
        const agencies = ctx.get(AgenciesService);
        const documents = ctx.get(DocumentsService);
        const codes = o.agency ? [o.agency] : (await agencies.list()).map((a) => a.code);
        const all: DocumentSummary[] = [];
        for (const code of codes) all.push(...(await documents.list(await agencies.scope(code))));
        if (o.json) io.out(JSON.stringify(all));
        else for (const d of all) io.out(`${String(d.id).padStart(4)}  ${d.agency.padEnd(12)} ${d.reference.padEnd(20)} ${d.date ?? '          '}  ${d.status.padEnd(8)} ${d.title}`);
      });
    });

  program
    .command('render <doc>')
    .description('render a document (record id, code or "128/KH-UBND") to files')
    .option('--format <list>', 'docx,pdf,html', 'docx')
    .option('--out <dir>', 'output folder', '.')
    .option('--agency <code>', 'the agency whose registry holds the document')
    .action(async (doc: string, o: { format: string; out: string; agency?: string }) => {
      const formats = parseFormats(o.format);
      await withRegistry(g(), io, async (ctx) => {
        const hit = await locate(ctx, doc, o.agency);
        const files = await ctx.get(RenderService).render(hit.agency, String(hit.id), formats);
        fs.mkdirSync(o.out, { recursive: true });
        for (const f of files) {
          const target = path.join(o.out, f.fileName);
          fs.writeFileSync(target, f.bytes);
          io.out(target);
        }
      });
    });

};
