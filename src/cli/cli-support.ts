import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Command } from 'commander';
import * as path from 'node:path';
import { AppModule } from '../app.module';
import { DomainError } from '../common/domain-error';
import { loadConfig, type AppConfig } from '../config/app-config';
import { AgenciesService } from '../registry/agencies.service';
import { DocumentsService } from '../registry/documents.service';
import { totalChanges } from '../registry/records-import';
import { RecordsService } from '../registry/records.service';

/** Where the CLI writes: injectable so tests run it in-process. */
export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

export const defaultIo: CliIo = {
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

export interface GlobalOpts {
  data?: string;
  records?: string;
}

export async function withRegistry<T>(opts: GlobalOpts, io: CliIo, fn: (ctx: INestApplicationContext) => Promise<T>): Promise<T> {
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
export async function locate(ctx: INestApplicationContext, ref: string, agency?: string): Promise<{ agency: string; id: number }> {
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


/** A group of commands: each feature module adds its own to the program. */
export type CommandGroup = (program: Command, io: CliIo, globals: () => GlobalOpts) => void;
