import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Command, CommanderError } from 'commander';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AppModule } from './app.module';
import { DomainError } from './common/domain-error';
import { loadConfig, type AppConfig } from './config/app-config';
import { AgenciesService } from './registry/agencies.service';
import { DocumentsService, type DocumentSummary } from './registry/documents.service';
import { totalChanges } from './registry/records-import';
import { RecordsService } from './registry/records.service';
import { parseFormats, RenderService } from './render/render.service';

/** Where the CLI writes: injectable so tests run it in-process. */
export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: CliIo = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
};

/** Exit code 2 = usage or unreadable input; 1 = the command ran and found a problem. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

interface GlobalOpts {
  data?: string;
  records?: string;
}

async function withRegistry<T>(opts: GlobalOpts, io: CliIo, fn: (ctx: INestApplicationContext) => Promise<T>): Promise<T> {
  const env = { ...process.env, ...(opts.data ? { VANTHU_DATA: opts.data } : {}) };
  const config: AppConfig = { ...loadConfig(env), importOnStart: false };
  const ctx = await NestFactory.createApplicationContext(AppModule.with(config), { logger: false });
  try {
    if (opts.records) {
      const summary = await ctx.get(RecordsService).importPath(path.resolve(opts.records));
      io.err(`imported ${opts.records}: ${totalChanges(summary)} change(s)`);
    }
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

/** Finds a document by id/code/reference, in one agency or, without --agency, in all of them. */
async function locate(ctx: INestApplicationContext, ref: string, agency?: string): Promise<{ agency: string; id: number }> {
  const agencies = ctx.get(AgenciesService);
  const documents = ctx.get(DocumentsService);
  const codes = agency ? [agency] : (await agencies.list()).map((a) => a.code);
  const hits: { agency: string; id: number }[] = [];
  for (const code of codes) {
    try {
      const d = await documents.get(await agencies.scope(code), ref);
      hits.push({ agency: code, id: d.id });
    } catch (e) {
      if (!(e instanceof DomainError && e.kind === 'not_found')) throw e;
    }
  }
  if (hits.length === 0) throw new CliError(`no document "${ref}"${agency ? ` in agency ${agency}` : ''}`);
  if (hits.length > 1) {
    throw new CliError(`"${ref}" matches documents of several agencies (${hits.map((h) => h.agency).join(', ')}): add --agency`);
  }
  return hits[0];
}

export function buildProgram(io: CliIo): Command {
  const program = new Command('vanthu')
    .description('Records and documents for commune administrations (ND30)')
    .option('--data <dir>', 'data folder (default ./data or $VANTHU_DATA)')
    .option('--records <dir>', 'import a records folder first')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  const g = (): GlobalOpts => program.opts<GlobalOpts>();

  program
    .command('import <path>')
    .description('import records/ YAML (a folder or one file); idempotent, all or nothing')
    .option('--json', 'print the summary as JSON')
    .action(async (p: string, o: { json?: boolean }) => {
      if (!fs.existsSync(p)) throw new CliError(`no such file or folder: ${p}`);
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

  return program;
}

/** Runs the CLI and returns the exit code (never calls process.exit itself). */
export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof CliError) {
      io.err(`vanthu: ${e.message}`);
      return e.exitCode;
    }
    if (e instanceof DomainError) {
      io.err(`vanthu: ${e.message}`);
      for (const d of e.details) io.err(`  ${d.path}: ${d.message}`);
      return e.kind === 'not_found' || e.kind === 'validation' || e.kind === 'unprocessable' ? 2 : 1;
    }
    io.err(`vanthu: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}

export function main(): void {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 2;
    },
  );
}
