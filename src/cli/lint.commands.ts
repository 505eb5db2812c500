import * as fs from 'node:fs';
import { DomainError } from '../common/domain-error';
import { errorCount, lintFile, lintFileKind, lintModelOutputs, UnreadableForLint, type LintedOutput } from '../render/lint/nd30-lint';
import { RenderService } from '../render/render.service';
import { CliError, locate, withRegistry, type CliIo, type CommandGroup } from './cli-support';

interface LintOpts {
  json?: boolean;
  agency?: string;
}

interface LintResult {
  target: string;
  /** for a document: the agency whose registry holds it and its record id */
  document?: { agency: string; id: number };
  outputs: LintedOutput[];
}

/** A target is a file when it exists as one, or when it is named like one (then it is missing). */
function isFileTarget(target: string): boolean {
  return (fs.existsSync(target) && fs.statSync(target).isFile()) || lintFileKind(target) !== undefined;
}

function formatText(results: LintResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(r.document ? `${r.target} (${r.document.agency}, record ${r.document.id})` : r.target);
    for (const o of r.outputs) {
      const errors = o.findings.filter((f) => f.severity === 'error').length;
      const label = o.file && r.document ? `${o.output} ${o.file}` : o.output;
      lines.push(`  ${label}: ${o.findings.length === 0 ? 'ND30 form, no finding' : `${errors} error(s), ${o.findings.length - errors} other finding(s)`}`);
      for (const f of o.findings) lines.push(`    ${f.severity.padEnd(7)} ${f.code}${f.where ? ` [${f.where}]` : ''}: ${f.message}`);
    }
  }
  return lines.join('\n');
}

/**
 * Documents named by record id, code or "128/KH-UBND": each composed with its figures computed now,
 * rendered to DOCX and PDF, and all three linted. Nothing is recorded: linting is not rendering a
 * version.
 */
async function lintDocuments(refs: string[], o: LintOpts, g: Parameters<CommandGroup>[2], io: CliIo, unreadable: Map<string, string>): Promise<Map<string, LintResult>> {
  const out = new Map<string, LintResult>();
  if (refs.length === 0) return out;
  await withRegistry(g(), io, async (ctx) => {
    for (const ref of refs) {
      try {
        const hit = await locate(ctx, ref, o.agency);
        const { model, fileBase } = await ctx.get(RenderService).model(hit.agency, String(hit.id));
        out.set(ref, { target: ref, document: hit, outputs: await lintModelOutputs(model, fileBase) });
      } catch (e) {
        if (e instanceof CliError || e instanceof DomainError) unreadable.set(ref, e.message);
        else throw e;
      }
    }
  });
  return out;
}

/** lint <file|doc...>: exit 0 = no error-level finding, 1 = some, 2 = usage or unreadable input. */
export const lintCommands: CommandGroup = (program, io, g) => {
  program
    .command('lint <targets...>')
    .description('ND30 lint of a .pdf or .docx file, or of a document (record id, code or "128/KH-UBND") rendered to DocModel, DOCX and PDF')
    .option('--json', 'print { targets: [ { target, document?, outputs: [ { output, file?, findings } ] } ] }')
    .option('--agency <code>', 'the agency whose registry holds the documents')
    .action(async (targets: string[], o: LintOpts) => {
      const unreadable = new Map<string, string>();
      const files = new Map<string, LintResult>();
      for (const t of targets.filter(isFileTarget)) {
        try {
          files.set(t, { target: t, outputs: [await lintFile(t)] });
        } catch (e) {
          if (e instanceof UnreadableForLint) unreadable.set(t, e.message);
          else throw e;
        }
      }
      const documents = await lintDocuments(targets.filter((t) => !isFileTarget(t)), o, g, io, unreadable);
      const results = targets.map((t) => files.get(t) ?? documents.get(t)).filter((r): r is LintResult => r !== undefined);

      for (const [t, message] of unreadable) io.err(`vanthu: ${message.startsWith(t) ? message : `${t}: ${message}`}`);
      if (o.json) io.out(JSON.stringify({ targets: results }));
      else if (results.length) io.out(formatText(results));
      if (unreadable.size) throw new CliError(`${unreadable.size} target(s) could not be linted`, 2);
      const errors = errorCount(results.flatMap((r) => r.outputs));
      if (errors) throw new CliError(`${errors} error-level finding(s)`, 1);
    });
};
