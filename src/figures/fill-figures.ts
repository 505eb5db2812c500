/**
 * Puts a FigureSet into a document's content: every text passes through Handlebars with one helper,
 * `{{fig "name"}}` (options: `pad=2` pads counts and breakdown parts with zeros), and a
 * `{ figureTable: name }` block becomes the table of that figure. A name not in the set, a syntax
 * error or an unknown helper is a problem; all problems of all texts are reported together, and no
 * text is produced with a blank or a silent 0.
 */
import Handlebars from 'handlebars';
import type { BlockRecord, DocumentContent } from '../registry/records/record-set';
import { breakdownText, formatCount } from './breakdown';
import { FigureError, type FigureProblem, type FigureSet } from './figure-set';

/** The names a text uses, without computing anything (for manifests and checks). */
export function figureNamesIn(text: string): string[] {
  return [...text.matchAll(/\{\{\s*fig\s+"([^"]+)"/g)].map((m) => m[1]);
}

function figText(set: FigureSet, name: string, hash: Record<string, unknown>): string {
  const f = set.figures[name];
  if (!f) throw new UnknownFigure(name);
  const pad = typeof hash.pad === 'number' ? hash.pad : 0;
  if (f.parts) return breakdownText(f.parts, { unit: f.unit, pad });
  if (pad && typeof f.value === 'number' && f.decimals === undefined) return formatCount(f.value, pad);
  return f.text;
}

class UnknownFigure extends Error {
  constructor(readonly figure: string) {
    super(`figure "${figure}" is not in the figure set`);
  }
}

export function fillFigures(content: DocumentContent, set: FigureSet): DocumentContent {
  const problems: FigureProblem[] = [];
  const hb = Handlebars.create();
  hb.registerHelper('fig', (name: unknown, options: Handlebars.HelperOptions) => {
    if (typeof name !== 'string') throw new Error('fig needs a figure name in quotes: {{fig "so_ho_ngheo"}}');
    return figText(set, name, options.hash as Record<string, unknown>);
  });
  const text = (s: string, path: string): string => {
    if (!s.includes('{{')) return s;
    try {
      return hb.compile(s, { noEscape: true, strict: true, knownHelpers: { fig: true }, knownHelpersOnly: false })({});
    } catch (e) {
      if (e instanceof UnknownFigure) problems.push({ code: 'figure.unknown', path, message: `names figure "${e.figure}", which is not in the figure set` });
      else problems.push({ code: 'figure.template_error', path, message: (e as Error).message.split('\n')[0] });
      return s;
    }
  };
  const blocks = (bs: BlockRecord[], path: string): BlockRecord[] => bs.map((b, i) => block(b, `${path}[${i}]`));
  const block = (b: BlockRecord, path: string): BlockRecord => {
    if ('h1' in b) return { ...b, h1: text(b.h1, `${path}.h1`) };
    if ('h2' in b) return { ...b, h2: text(b.h2, `${path}.h2`) };
    if ('h3' in b) return { ...b, h3: text(b.h3, `${path}.h3`) };
    if ('h4' in b) return { ...b, h4: text(b.h4, `${path}.h4`) };
    if ('p' in b) return { ...b, p: text(b.p, `${path}.p`) };
    if ('article' in b) return { article: { ...b.article, title: text(b.article.title, `${path}.article.title`), body: blocks(b.article.body, `${path}.article.body`) } };
    if ('figureTable' in b) {
      const t = set.tables?.[b.figureTable];
      if (!t) {
        problems.push({ code: 'figure.unknown', path: `${path}.figureTable`, message: `names table figure "${b.figureTable}", which is not in the figure set` });
        return b;
      }
      return {
        table: {
          ...(b.caption ? { caption: text(b.caption, `${path}.caption`) } : {}),
          columns: t.columns.map((c) => {
            const width = b.widths?.[c.key] ?? c.width;
            const align = c.numeric ? ('right' as const) : c.align;
            return { header: c.header, ...(align ? { align } : {}), ...(c.numeric ? { numeric: true } : {}), ...(width ? { width } : {}) };
          }),
          rows: t.rows.map((r) => ({ cells: t.columns.map((c) => r.cells[c.key] ?? ''), ...(r.total ? { total: true } : {}) })),
        },
      };
    }
    return {
      table: {
        ...b.table,
        ...(b.table.caption ? { caption: text(b.table.caption, `${path}.table.caption`) } : {}),
        columns: b.table.columns.map((c, j) => ({ ...c, header: text(c.header, `${path}.table.columns[${j}]`) })),
        rows: b.table.rows.map((r, j) => ({ ...r, cells: r.cells.map((c, k) => text(c, `${path}.table.rows[${j}][${k}]`)) })),
      },
    };
  };
  const filled: DocumentContent = {
    ...content,
    ...(content.titleLines ? { titleLines: content.titleLines.map((s, i) => text(s, `titleLines[${i}]`)) } : {}),
    ...(content.kinhGui ? { kinhGui: content.kinhGui.map((s, i) => text(s, `kinhGui[${i}]`)) } : {}),
    ...(content.enactingLine ? { enactingLine: text(content.enactingLine, 'enactingLine') } : {}),
    canCu: content.canCu.map((s, i) => text(s, `canCu[${i}]`)),
    body: blocks(content.body, 'body'),
    recipients: content.recipients.map((s, i) => text(s, `recipients[${i}]`)),
    annexes: content.annexes.map((a, i) => ({
      ...a,
      title: a.title.map((s, j) => text(s, `annexes[${i}].title[${j}]`)),
      ...(a.subtitle ? { subtitle: text(a.subtitle, `annexes[${i}].subtitle`) } : {}),
      body: blocks(a.body, `annexes[${i}].body`),
    })),
  };
  if (problems.length) throw new FigureError(problems);
  return filled;
}
