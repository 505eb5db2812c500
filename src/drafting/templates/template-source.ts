/**
 * Reads a wording template from disk: `templates/<name>/manifest.yaml` and its `.hbs` files, with
 * an agency's override laid over it. An override is a folder of `.hbs` files only (its wording),
 * `records/<agency>/templates/<name>/`: each replaces the template's file of the same name and is
 * checked exactly like it. (Only .hbs: the records loader reads every .yaml under records/.)
 *
 * Nothing is thrown for a bad template: problems are collected with file:line:column.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import { nfc, nfcDeep } from '../../vi/nfc';
import { manifestSchema, type TemplateManifest } from './template-manifest';
import type { TemplateProblem } from './template-problems';

export interface SourceText {
  /** display path ("templates/kh-trien-khai/body.hbs") */
  file: string;
  text: string;
  /** where the text starts in its file (an inline string of the manifest starts inside it) */
  line: number;
  column: number;
  /** the manifest's quoted strings: columns of the first line are one further */
  origin: 'template' | 'override' | 'manifest';
}

export interface LoadedTemplate {
  name: string;
  dir: string;
  overrideDir?: string;
  manifest?: TemplateManifest;
  manifestFile: string;
  /** .hbs files by name (the override's where it has one) */
  files: Record<string, SourceText>;
  /** the manifest's inline template strings by dotted path ("title", "annexes.0.title.0", "inputs.x.default") */
  inline: Record<string, SourceText>;
  /** position of a manifest field, by its path */
  at(keyPath: (string | number)[]): { line: number; column: number };
  problems: TemplateProblem[];
}

/** The folder the templates live in: `templates/` at the package root (found from this file). */
export function defaultTemplatesDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'templates'))) return path.join(dir, 'templates');
    dir = path.dirname(dir);
  }
  return path.resolve('templates');
}

export function displayPath(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') ? rel.split(path.sep).join('/') : abs;
}

/** Template folders: those with a manifest.yaml (templates/docx, html, fonts are the renderers'). */
export function templateNames(templatesDir: string): string[] {
  if (!fs.existsSync(templatesDir)) return [];
  return fs
    .readdirSync(templatesDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(templatesDir, e.name, 'manifest.yaml')))
    .map((e) => e.name)
    .sort();
}

function positionOf(doc: Document, lc: LineCounter, keyPath: (string | number)[]): { line: number; column: number; quoted: boolean } {
  for (let n = keyPath.length; n >= 0; n--) {
    const node = doc.getIn(keyPath.slice(0, n), true) as { range?: [number, number, number]; type?: string } | undefined;
    if (node?.range) {
      const pos = lc.linePos(node.range[0]);
      return { line: pos.line, column: pos.col, quoted: node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' };
    }
  }
  return { line: 1, column: 1, quoted: false };
}

/** Every string inside the manifest's figure definitions, by path (they may use {{inputs.x}}). */
function stringsIn(value: unknown, at: (string | number)[], out: [(string | number)[], string][]): void {
  if (typeof value === 'string') out.push([at, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => stringsIn(v, [...at, i], out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('{{')) out.push([[...at, k, '(key)'], k]);
      stringsIn(v, [...at, k], out);
    }
  }
}

export function loadTemplate(templatesDir: string, name: string, overrideDir?: string): LoadedTemplate {
  const dir = path.join(templatesDir, name);
  const manifestPath = path.join(dir, 'manifest.yaml');
  const manifestFile = displayPath(manifestPath);
  const problems: TemplateProblem[] = [];
  const files: Record<string, SourceText> = {};
  const inline: Record<string, SourceText> = {};
  let at: LoadedTemplate['at'] = () => ({ line: 1, column: 1 });
  const t: LoadedTemplate = { name, dir, manifestFile, files, inline, at: (p) => at(p), problems, ...(overrideDir ? { overrideDir } : {}) };

  if (!/^[a-z0-9][a-z0-9-]*$/.test(name) || !fs.existsSync(manifestPath)) {
    problems.push({ code: 'template.manifest', file: manifestFile, line: 1, column: 1, message: `no template "${name}" (no ${manifestFile})` });
    return t;
  }
  for (const e of fs.readdirSync(dir).filter((f) => f.endsWith('.hbs')).sort()) {
    files[e] = { file: displayPath(path.join(dir, e)), text: nfc(fs.readFileSync(path.join(dir, e), 'utf8')), line: 1, column: 1, origin: 'template' };
  }
  if (overrideDir && fs.existsSync(overrideDir)) {
    for (const e of fs.readdirSync(overrideDir).sort()) {
      const file = displayPath(path.join(overrideDir, e));
      if (!e.endsWith('.hbs')) {
        problems.push({ code: 'template.override', file, line: 1, column: 1, message: 'an override holds .hbs wording files only' });
        continue;
      }
      if (!files[e]) {
        problems.push({ code: 'template.override', file, line: 1, column: 1, message: `template ${name} has no ${e} to override (it has ${Object.keys(files).join(', ')})` });
        continue;
      }
      files[e] = { file, text: nfc(fs.readFileSync(path.join(overrideDir, e), 'utf8')), line: 1, column: 1, origin: 'override' };
    }
  }

  const lc = new LineCounter();
  const doc = parseDocument(fs.readFileSync(manifestPath, 'utf8'), { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  at = (p) => {
    const { line, column } = positionOf(doc, lc, p);
    return { line, column };
  };
  for (const err of doc.errors) {
    const pos = lc.linePos(err.pos[0]);
    problems.push({ code: 'template.syntax', file: manifestFile, line: pos.line, column: pos.col, message: err.message.split('\n')[0] });
  }
  if (doc.errors.length) return t;
  if (!isMap(doc.contents)) {
    problems.push({ code: 'template.manifest', file: manifestFile, line: 1, column: 1, message: 'a manifest is a map of fields' });
    return t;
  }
  const raw = nfcDeep(doc.toJS()) as Record<string, unknown>;
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const p = i.path as (string | number)[];
      if (i.code === 'unrecognized_keys') {
        for (const k of i.keys) problems.push({ code: 'template.manifest', file: manifestFile, ...at([...p, k]), message: `unknown field "${[...p, k].join('.')}"` });
      } else problems.push({ code: 'template.manifest', file: manifestFile, ...at(p), message: `${p.join('.') || '(manifest)'}: ${i.message}` });
    }
    return t;
  }
  const m = parsed.data;
  t.manifest = m;

  const inlineAt = (p: (string | number)[], text: string) => {
    const pos = positionOf(doc, lc, p);
    inline[p.join('.')] = { file: manifestFile, text, line: pos.line, column: pos.column + (pos.quoted ? 1 : 0), origin: 'manifest' };
  };
  inlineAt(['title'], m.title);
  if (m.enactingLine) inlineAt(['enactingLine'], m.enactingLine);
  m.annexes.forEach((a, i) => {
    inlineAt(['annexes', i, 'label'], a.label);
    a.title.forEach((s, j) => inlineAt(['annexes', i, 'title', j], s));
    if (a.subtitle) inlineAt(['annexes', i, 'subtitle'], a.subtitle);
    if (a.kemTheo) inlineAt(['annexes', i, 'kemTheo'], a.kemTheo);
  });
  for (const [k, spec] of Object.entries(m.inputs)) if (typeof spec.default === 'string') inlineAt(['inputs', k, 'default'], spec.default);
  const defStrings: [(string | number)[], string][] = [];
  stringsIn(m.figures.define, ['figures', 'define'], defStrings);
  for (const [p, s] of defStrings) {
    if (!s.includes('{{')) continue;
    const key = p[p.length - 1] === '(key)';
    const pos = positionOf(doc, lc, key ? p.slice(0, -2) : p);
    inline[p.join('.')] = { file: manifestFile, text: s, line: pos.line, column: pos.column + (pos.quoted ? 1 : 0), origin: 'manifest' };
  }

  const wanted = [
    ...Object.entries(m.sections).map(([k, f]) => [['sections', k], f] as const),
    ...m.annexes.map((a, i) => [['annexes', i, 'body'], a.body] as const),
  ];
  for (const [p, f] of wanted) {
    if (f && !files[f]) problems.push({ code: 'template.manifest', file: manifestFile, ...at([...p]), message: `${p.join('.')}: no file ${f} in ${displayPath(dir)}` });
  }
  return t;
}
