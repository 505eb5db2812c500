import * as path from 'node:path';
import { DraftsService, type DraftOptions } from '../drafting/drafts/drafts.service';
import { defaultTemplatesDir, loadTemplate, templateNames } from '../drafting/templates/template-source';
import { templateProblems } from '../drafting/drafts/draft-builder';
import { formatProblem } from '../drafting/templates/template-problems';
import { CliError, withRegistry, type CommandGroup } from './cli-support';

const collect = (v: string, prev: string[]): string[] => [...prev, v];

/** "--set k=v" pairs into inputs; "a..b" stays a string (a date range is read by its input's type). */
export function parseSets(sets: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const bad: string[] = [];
  for (const s of sets) {
    const i = s.indexOf('=');
    if (i <= 0) bad.push(s);
    else out[s.slice(0, i).trim()] = s.slice(i + 1).trim();
  }
  if (bad.length) throw new CliError(`--set takes key=value, got: ${bad.map((b) => `"${b}"`).join(', ')}`);
  return out;
}

/** draft, templates, template check */
export const draftingCommands: CommandGroup = (program, io, g) => {
  program
    .command('draft')
    .description('a draft document (status draft, no number) from a wording template, for one agency; prints its id')
    .requiredOption('--template <name>', 'template folder under templates/ (vanthu templates lists them)')
    .requiredOption('--agency <code>', 'the agency it is drafted for')
    .option('--implements <doc>', 'a document it implements or cites (code, id or "04/2026/NQ-HĐND"); repeatable', collect, [])
    .option('--set <key=value>', 'a template input; repeatable (a date range: 2026-05-29..2026-06-01)', collect, [])
    .option('--templates <dir>', 'templates folder (default: templates/ of the package, or $VANTHU_TEMPLATES)')
    .option('--json', 'JSON output: the draft summary')
    .action(async (o: { template: string; agency: string; implements: string[]; set: string[]; templates?: string; json?: boolean }) => {
      const inputs = parseSets(o.set);
      const opts: DraftOptions = { ...(g().records ? { recordsDir: path.resolve(g().records!) } : {}), ...(o.templates ? { templatesDir: path.resolve(o.templates) } : {}) };
      await withRegistry(g(), io, async (ctx) => {
        const draft = await ctx.get(DraftsService).create(o.agency, { template: o.template, implements: o.implements, inputs }, opts);
        if (o.json) return io.out(JSON.stringify(draft));
        io.out(String(draft.id));
        io.err(`${draft.code}: ${draft.type} ${draft.reference} — ${draft.title} (${draft.status}; figures: ${draft.figures.join(', ') || 'none'})`);
      });
    });

  program
    .command('templates')
    .description('the wording templates: what each drafts and needs')
    .option('--templates <dir>', 'templates folder')
    .option('--json', 'JSON output')
    .action((o: { templates?: string; json?: boolean }) => {
      const dir = o.templates ? path.resolve(o.templates) : (process.env.VANTHU_TEMPLATES ?? defaultTemplatesDir());
      const list = templateNames(dir).map((name) => {
        const t = loadTemplate(dir, name);
        return { name, type: t.manifest?.type ?? '?', description: t.manifest?.description ?? '(manifest has problems: vanthu template check)' };
      });
      if (o.json) return io.out(JSON.stringify(list));
      for (const t of list) io.out(`${t.name.padEnd(26)} ${t.type.padEnd(4)} ${t.description}`);
    });

  program
    .command('template')
    .description('wording templates')
    .command('check <name>')
    .description('every problem of a template (and of an agency override) with file:line:column; exit 1 if any')
    .option('--templates <dir>', 'templates folder')
    .option('--override <dir>', "an agency's override folder (records/<agency>/templates/<name>)")
    .option('--json', 'JSON output: { template, problems }')
    .action((name: string, o: { templates?: string; override?: string; json?: boolean }) => {
      const dir = o.templates ? path.resolve(o.templates) : (process.env.VANTHU_TEMPLATES ?? defaultTemplatesDir());
      const problems = templateProblems(loadTemplate(dir, name, o.override ? path.resolve(o.override) : undefined));
      if (o.json) io.out(JSON.stringify({ template: name, problems }));
      else io.out(problems.length ? problems.map(formatProblem).join('\n') : `${name}: no problem`);
      if (problems.length) throw new CliError(`${problems.length} problem(s) in template ${name}`, 1);
    });
};
