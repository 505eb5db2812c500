/**
 * Checks a wording template without drafting anything: every .hbs file and every inline template
 * string of the manifest is parsed (Handlebars' own parser, for syntax errors with their position)
 * and its syntax tree walked, so that an unknown figure, an unknown helper or value, a helper used
 * the wrong way and an unknown block-markup directive are all found, each at its file, line and
 * column, and reported together.
 */
import Handlebars from 'handlebars';
import { FIGURE_KINDS } from '../../figures/compute-figures';
import { MARKUP_DIRECTIVES } from './block-markup';
import { AGENCY_KEYS, CONTEXT_ROOTS, DOC_KEYS, SIGNER_KEYS } from './template-context';
import { allInputs, type TemplateManifest } from './template-manifest';
import type { TemplateProblem, TemplateProblemCode } from './template-problems';
import type { LoadedTemplate, SourceText } from './template-source';

type Node = hbs.AST.Node;
type Expr = hbs.AST.Expression;

interface HelperSpec {
  /** used as {{#name}} … {{/name}} (true), as {{name}} / (name) (false) */
  block: boolean;
  params: [number, number];
  /** what each parameter must be: a quoted figure name, a value path, or anything */
  kinds?: ('figure' | 'name' | 'value' | 'any')[];
  hash?: string[];
  usage: string;
}

/** The helpers a wording template may use (the engine registers exactly these). */
export const TEMPLATE_HELPERS: Record<string, HelperSpec> = {
  fig: { block: false, params: [1, 1], kinds: ['figure'], hash: ['pad'], usage: '{{fig "so_ho_ngheo"}} or {{fig "so_ho_ngheo" pad=2}}' },
  figureTable: { block: false, params: [1, 1], kinds: ['figure'], usage: '{{figureTable "giam_ho_ngheo"}} on a line of its own' },
  ifFig: { block: true, params: [1, 1], kinds: ['figure'], usage: '{{#ifFig "quy_mo"}} … {{/ifFig}}: the text when the figure is non-zero for this agency' },
  cite: { block: false, params: [1, 1], kinds: ['value'], hash: ['form', 'title'], usage: '{{cite implements.nghi_quyet}}; form="full"|"short", title=false' },
  date: { block: false, params: [1, 1], kinds: ['value'], hash: ['long'], usage: '{{date inputs.ngay}} → 20/4/2026; long=true → ngày 20 tháng 4 năm 2026' },
  dateRange: { block: false, params: [1, 1], kinds: ['value'], hash: ['through'], usage: '{{dateRange inputs.thoi_gian}} → từ ngày 29/5/2026 đến hết ngày 01/6/2026' },
  month: { block: false, params: [1, 1], kinds: ['value'], usage: '{{month inputs.tu_thang}} → 7/2026' },
  upper: { block: false, params: [1, 1], usage: '{{upper agency.levelName}}' },
  lower: { block: false, params: [1, 1], usage: '{{lower x}}' },
  capitalize: { block: false, params: [1, 1], usage: '{{capitalize agency.villageWord}}' },
  minus: { block: false, params: [2, 2], usage: '{{minus inputs.nam 1}}' },
  next: { block: false, params: [1, 1], kinds: ['name'], usage: '{{next "iii"}}: 1, 2, 3 … per counter' },
  nextRoman: { block: false, params: [1, 1], kinds: ['name'], usage: '{{nextRoman "phan"}}: I, II, III … per counter' },
  eq: { block: false, params: [2, 2], usage: '(eq agency.level "phường")' },
  not: { block: false, params: [1, 1], usage: '(not inputs.x)' },
  and: { block: false, params: [2, 4], usage: '(and a b)' },
  or: { block: false, params: [2, 4], usage: '(or a b)' },
  if: { block: true, params: [1, 1], hash: ['includeZero'], usage: '{{#if x}} … {{else}} … {{/if}}' },
  unless: { block: true, params: [1, 1], usage: '{{#unless x}} … {{/unless}}' },
  each: { block: true, params: [1, 1], usage: '{{#each agency.units}} … {{/each}}' },
  with: { block: true, params: [1, 1], usage: '{{#with implements.ke_hoach}} … {{/with}}' },
};

const DATA_VARS = new Set(['index', 'first', 'last', 'key']);
const UNIT_KEYS = ['abbreviation', 'name', 'head'];

export interface CheckOptions {
  /**
   * Figure names the template takes over from a slot's document (`figures.from`): known once the
   * document is; undefined = not known yet, names outside `define` are not reported.
   */
  inheritedFigures?: ReadonlySet<string>;
}

export interface FigureUse {
  name: string;
  helper: 'fig' | 'figureTable' | 'ifFig';
  src: SourceText;
  line: number;
  column: number;
}

/** Handlebars locations are 1-based lines and 0-based columns; a source may start inside a file. */
function place(src: SourceText, loc: hbs.AST.SourceLocation | undefined): { line: number; column: number } {
  const line = loc?.start.line ?? 1;
  const col = (loc?.start.column ?? 0) + 1;
  return { line: src.line + line - 1, column: line === 1 ? src.column + col - 1 : col };
}

/** Parses one template text; a syntax error becomes a problem at its position. */
export function parseTemplate(src: SourceText, problems: TemplateProblem[]): hbs.AST.Program | null {
  try {
    return Handlebars.parse(src.text);
  } catch (e) {
    const err = e as Error & { lineNumber?: number; column?: number };
    const lex = (Handlebars as unknown as { Parser: { lexer: { yylloc?: { first_line: number; first_column: number } } } }).Parser.lexer.yylloc;
    const line = err.lineNumber ?? lex?.first_line ?? 1;
    const column = (err.column ?? lex?.first_column ?? 0) + 1;
    const message = err.message.split('\n').filter((l) => !/^[.-]*\^?$/.test(l) && !l.startsWith('...'));
    problems.push({
      code: 'template.syntax',
      file: src.file,
      line: src.line + line - 1,
      column: line === 1 ? src.column + column - 1 : column,
      message: message.join(' ').replace(/\s+/g, ' ').trim(),
    });
    return null;
  }
}

class Walker {
  readonly uses: FigureUse[] = [];
  private readonly inputs: Set<string>;
  private readonly slots: Set<string>;

  constructor(
    private readonly m: TemplateManifest,
    private readonly opts: CheckOptions,
    private readonly problems: TemplateProblem[],
  ) {
    this.inputs = new Set(Object.keys(allInputs(m)));
    this.slots = new Set(Object.keys(m.slots));
  }

  private report(src: SourceText, node: Node | undefined, code: TemplateProblemCode, message: string): void {
    this.problems.push({ code, file: src.file, ...place(src, node?.loc), message });
  }

  walk(src: SourceText, program: hbs.AST.Program): void {
    this.program(src, program, { loops: 0, guarded: new Set() });
  }

  private program(src: SourceText, p: hbs.AST.Program | undefined, scope: Scope): void {
    for (const s of p?.body ?? []) this.statement(src, s, scope);
  }

  private statement(src: SourceText, s: hbs.AST.Statement, scope: Scope): void {
    switch (s.type) {
      case 'ContentStatement':
      case 'CommentStatement':
        return;
      case 'MustacheStatement':
        return this.call(src, s as hbs.AST.MustacheStatement, false, scope);
      case 'BlockStatement': {
        const b = s as hbs.AST.BlockStatement;
        this.call(src, b, true, scope);
        const name = pathName(b.path);
        const inner: Scope = {
          loops: scope.loops + (name === 'each' || name === 'with' ? 1 : 0),
          guarded: name === 'ifFig' && b.params[0]?.type === 'StringLiteral' ? new Set([...scope.guarded, (b.params[0] as hbs.AST.StringLiteral).value]) : scope.guarded,
        };
        this.program(src, b.program, inner);
        this.program(src, b.inverse, scope);
        return;
      }
      default:
        this.report(src, s, 'template.helper_misuse', `${s.type.replace(/Statement$/, '').toLowerCase()}s are not supported in wording templates`);
    }
  }

  /** A mustache, block or sub-expression: a helper call, or a value. */
  private call(src: SourceText, n: hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression, block: boolean, scope: Scope): void {
    const name = pathName(n.path);
    const spec = name ? TEMPLATE_HELPERS[name] : undefined;
    const args = n.params.length > 0 || (n.hash?.pairs.length ?? 0) > 0;
    if (!name) {
      this.report(src, n, 'template.helper_misuse', 'a literal cannot be called');
      return;
    }
    if (!spec) {
      if (block || args || n.type === 'SubExpression') {
        this.report(src, n.path, 'template.unknown_helper', `unknown helper "${name}" (helpers: ${Object.keys(TEMPLATE_HELPERS).join(', ')})`);
        for (const p of n.params) this.expr(src, p, scope);
        return;
      }
      this.value(src, n.path as hbs.AST.PathExpression, scope);
      return;
    }
    if (spec.block !== block) {
      this.report(src, n.path, 'template.helper_misuse', block ? `"${name}" is not a block helper: ${spec.usage}` : `"${name}" is a block helper: ${spec.usage}`);
    }
    const [min, max] = spec.params;
    if (n.params.length < min || n.params.length > max) {
      const want = min === max ? `${min}` : `${min} to ${max}`;
      this.report(src, n.path, 'template.helper_misuse', `"${name}" takes ${want} argument(s), got ${n.params.length}: ${spec.usage}`);
    }
    for (const pair of n.hash?.pairs ?? []) {
      if (!spec.hash?.includes(pair.key)) this.report(src, pair, 'template.helper_misuse', `"${name}" has no option ${pair.key}=: ${spec.usage}`);
      else if (name === 'fig' && (pair.value.type !== 'NumberLiteral' || ![1, 2, 3, 4].includes((pair.value as hbs.AST.NumberLiteral).value))) {
        this.report(src, pair, 'template.helper_misuse', 'pad= is a number from 1 to 4 (pad=2 prints 05)');
      } else if (name === 'cite' && pair.key === 'form' && !(pair.value.type === 'StringLiteral' && ['full', 'short'].includes((pair.value as hbs.AST.StringLiteral).value))) {
        this.report(src, pair, 'template.helper_misuse', 'form= is "full" or "short"');
      }
    }
    n.params.forEach((p, i) => {
      const kind = spec.kinds?.[i] ?? 'any';
      if ((kind === 'figure' || kind === 'name') && p.type !== 'StringLiteral') {
        this.report(src, p, 'template.helper_misuse', `"${name}" takes a name in quotes: ${spec.usage}`);
        return;
      } else if (kind === 'value' && p.type !== 'PathExpression' && p.type !== 'SubExpression') {
        this.report(src, p, 'template.helper_misuse', `"${name}" takes a value, not a literal: ${spec.usage}`);
      }
      if (kind === 'figure' && p.type === 'StringLiteral') this.figure(src, p as hbs.AST.StringLiteral, name as FigureUse['helper'], scope);
      else this.expr(src, p, scope);
    });
    for (const pair of n.hash?.pairs ?? []) this.expr(src, pair.value, scope);
  }

  private figure(src: SourceText, lit: hbs.AST.StringLiteral, helper: FigureUse['helper'], scope: Scope): void {
    const fig = lit.value;
    this.uses.push({ name: fig, helper, src, ...place(src, lit.loc) });
    if (helper === 'ifFig' || scope.guarded.has(fig)) return;
    const def = this.m.figures.define[fig];
    if (def === undefined) {
      if (this.m.figures.from && !this.opts.inheritedFigures) return; // known once the document is
      if (this.opts.inheritedFigures?.has(fig)) return;
      const known = [...Object.keys(this.m.figures.define), ...(this.opts.inheritedFigures ?? [])];
      this.report(src, lit, 'template.unknown_figure', `unknown figure "${fig}"${known.length ? ` (this template has ${known.join(', ')})` : ' (the manifest defines none)'}`);
      return;
    }
    if (helper === 'figureTable' && !(def && typeof def === 'object' && ('allocation' in def || 'budget' in def))) {
      this.report(src, lit, 'template.helper_misuse', `figure "${fig}" has no table: figureTable takes an allocation or a budget figure`);
    }
  }

  private expr(src: SourceText, e: Expr, scope: Scope): void {
    if (e.type === 'SubExpression') this.call(src, e as hbs.AST.SubExpression, false, scope);
    else if (e.type === 'PathExpression') this.value(src, e as hbs.AST.PathExpression, scope);
  }

  private value(src: SourceText, p: hbs.AST.PathExpression, scope: Scope): void {
    if (p.data) {
      if (!DATA_VARS.has(p.parts[0]) || scope.loops === 0) this.report(src, p, 'template.unknown_value', `@${p.parts.join('.')} is only known inside {{#each}}`);
      return;
    }
    const [root, key] = p.parts;
    if (p.original === 'this' || p.original.startsWith('this.') || p.original.startsWith('../')) {
      if (scope.loops === 0) this.report(src, p, 'template.unknown_value', `"${p.original}" is only known inside {{#each}} or {{#with}}`);
      return;
    }
    if (!(CONTEXT_ROOTS as readonly string[]).includes(root)) {
      if (scope.loops === 0) this.report(src, p, 'template.unknown_value', `unknown value "${p.original}" (a template reads ${CONTEXT_ROOTS.map((r) => `${r}.…`).join(', ')})`);
      return;
    }
    const bad = (what: string, known: Iterable<string>) =>
      this.report(src, p, 'template.unknown_value', `unknown ${what} "${key}" in "${p.original}" (known: ${[...known].join(', ') || 'none'})`);
    if (root === 'inputs' && key !== undefined && !this.inputs.has(key)) bad('input', this.inputs);
    else if (root === 'implements' && key !== undefined && !this.slots.has(key)) bad('document slot', this.slots);
    else if (root === 'agency' && key !== undefined && !(AGENCY_KEYS as readonly string[]).includes(key)) bad('agency field', AGENCY_KEYS);
    else if (root === 'signer' && key !== undefined && !(SIGNER_KEYS as readonly string[]).includes(key)) bad('signer field', SIGNER_KEYS);
    else if (root === 'unit' && key !== undefined && !UNIT_KEYS.includes(key)) bad('unit field', UNIT_KEYS);
    else if (root === 'implements' && p.parts[2] !== undefined && !this.m.slots[key]?.many && !(DOC_KEYS as readonly string[]).includes(p.parts[2])) {
      this.report(src, p, 'template.unknown_value', `unknown document field "${p.parts[2]}" in "${p.original}" (known: ${DOC_KEYS.join(', ')})`);
    }
    else if (key === undefined && root !== 'unit' && root !== 'signer') this.report(src, p, 'template.unknown_value', `"${root}" is a group: name one of its fields (${root}.…)`);
  }
}

interface Scope {
  /** inside #each / #with: relative paths are the item's */
  loops: number;
  /** inside {{#ifFig "x"}}: x may be missing */
  guarded: ReadonlySet<string>;
}

function pathName(p: hbs.AST.PathExpression | hbs.AST.Literal | Expr): string | undefined {
  return p.type === 'PathExpression' ? (p as hbs.AST.PathExpression).original : undefined;
}

/** Lines of a wording file that start with "@": each must be a known block-markup directive. */
function markupDirectives(src: SourceText, problems: TemplateProblem[]): void {
  src.text.split(/\r\n|\r|\n/).forEach((l, i) => {
    const m = /^(\s*)@([A-Za-z]+)/.exec(l);
    if (m && !(MARKUP_DIRECTIVES as readonly string[]).includes(m[2])) {
      problems.push({ code: 'template.markup', file: src.file, line: src.line + i, column: m[1].length + 1, message: `unknown directive @${m[2]} (known: ${MARKUP_DIRECTIVES.map((d) => `@${d}`).join(', ')})` });
    }
  });
}

export interface TemplateCheck {
  problems: TemplateProblem[];
  uses: FigureUse[];
  /** parsed programs by source key (file name or inline path), for the engine to reuse */
  programs: Map<SourceText, hbs.AST.Program>;
}

/** Every problem of a loaded template (its load problems included), in reading order of the sources. */
export function checkTemplate(t: LoadedTemplate, opts: CheckOptions = {}): TemplateCheck {
  const problems = [...t.problems];
  const programs = new Map<SourceText, hbs.AST.Program>();
  const m = t.manifest;
  if (!m) return { problems, uses: [], programs };
  const walker = new Walker(m, opts, problems);
  const blockFiles = new Set([m.sections.body, ...m.annexes.map((a) => a.body)]);
  const sources: SourceText[] = [...Object.values(t.inline), ...Object.entries(t.files).map(([, s]) => s)];
  for (const src of sources) {
    const program = parseTemplate(src, problems);
    if (!program) continue;
    programs.set(src, program);
    walker.walk(src, program);
  }
  for (const [name, src] of Object.entries(t.files)) if (blockFiles.has(name)) markupDirectives(src, problems);

  // manifest consistency: inputs.x defaults only read declared things; figure kinds; slots named
  for (const [fig, def] of Object.entries(m.figures.define)) {
    const kinds = def && typeof def === 'object' ? Object.keys(def).filter((k) => (FIGURE_KINDS as readonly string[]).includes(k)) : [];
    if (kinds.length !== 1) {
      problems.push({ code: 'template.figure', file: t.manifestFile, ...t.at(['figures', 'define', fig]), message: `figure "${fig}" needs exactly one kind of ${FIGURE_KINDS.join(', ')}` });
    }
  }
  for (const fig of m.figures.require) {
    if (!(fig in m.figures.define) && !m.figures.from) {
      problems.push({ code: 'template.unknown_figure', file: t.manifestFile, ...t.at(['figures', 'require']), message: `figures.require names "${fig}", which figures.define does not define` });
    }
  }
  if (m.figures.from && !(m.figures.from in m.slots)) {
    problems.push({ code: 'template.manifest', file: t.manifestFile, ...t.at(['figures', 'from']), message: `figures.from names slot "${m.figures.from}", which slots does not declare` });
  }
  if (m.issuer === 'unit' && !('don_vi' in m.inputs)) {
    problems.push({ code: 'template.manifest', file: t.manifestFile, ...t.at(['issuer']), message: 'a document issued by a unit needs the input don_vi (type: unit)' });
  }
  return { problems, uses: walker.uses, programs };
}
