/**
 * Editing a draft section by section (PATCH /api/drafts/:id/sections/…): each section reads and
 * writes as the same block markup the templates produce, with two helpers — {{fig "name"}} (kept
 * for the render to fill; the name must be one of the draft's figures) and {{cite "ref"}} (a
 * registry document by code or number, cited in full unless a section before this one already
 * mentions it, the ND30 rule). The document's citation links follow what its texts cite.
 *
 * Pure: the service loads and stores; problems come back with their line and column.
 */
import Handlebars from 'handlebars';
import type { BlockRecord, DocumentContent, DocumentRecord } from '../../registry/records/record-set';
import { nfc } from '../../vi/nfc';
import { CitationError, citationReference, MentionTracker, type CitableDocument } from '../citations/nd30-citation';
import { blocksToMarkup, parseBlockMarkup } from '../templates/block-markup';
import { parseTemplate } from '../templates/template-check';
import type { TemplateProblem } from '../templates/template-problems';
import { findDocument, ndCanCu, ndRecipients, type RegistryDocument } from './draft-builder';

/** The sections of a draft, in reading order. "body/II" is the part under heading "II. …", "body/dieu-2" Điều 2. */
export const DRAFT_SECTIONS = ['title', 'kinhGui', 'canCu', 'body', 'recipients', 'annexes', 'signature', 'figures'] as const;
export type DraftSection = (typeof DRAFT_SECTIONS)[number];

export class DraftEditError extends Error {
  constructor(readonly problems: { path: string; message: string }[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  }
}

function paragraphs(s: string): string[] {
  return s
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split(/\r\n|\r|\n/)
        .map((l) => l.trim())
        .filter(Boolean)
        .join(' '),
    )
    .filter(Boolean);
}

function lines(s: string): string[] {
  return s
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Where a body part starts and ends (block indexes), by "II" (a level-1 heading) or "dieu-2". */
export function bodyPart(body: BlockRecord[], part: string): [number, number] | null {
  const dieu = /^dieu-(\d+)$/.exec(part);
  if (dieu) {
    const i = body.findIndex((b) => 'article' in b && b.article.number === Number(dieu[1]));
    return i < 0 ? null : [i, i + 1];
  }
  const start = body.findIndex((b) => 'h1' in b && new RegExp(`^${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.\\s`, 'u').test(b.h1));
  if (start < 0) return null;
  const next = body.findIndex((b, i) => i > start && 'h1' in b);
  return [start, next < 0 ? body.length : next];
}

/** A section as markup (GET). */
export function sectionText(doc: DocumentRecord, section: string, part?: string): string {
  const c = doc.content!;
  switch (section) {
    case 'title':
      return doc.title;
    case 'kinhGui':
      return (c.kinhGui ?? []).join('\n');
    case 'canCu':
      return c.canCu.join('\n\n');
    case 'recipients':
      return c.recipients.join('\n');
    case 'body': {
      if (!part) return blocksToMarkup(c.body);
      const r = bodyPart(c.body, part);
      if (!r) throw new DraftEditError([{ path: `body/${part}`, message: 'no such part of the body (a heading "II. …" or "dieu-2")' }]);
      return blocksToMarkup(c.body.slice(...r));
    }
    case 'annexes': {
      const a = c.annexes[Number(part ?? '0')];
      if (!a) throw new DraftEditError([{ path: `annexes/${part}`, message: `the draft has ${c.annexes.length} annex(es), numbered from 0` }]);
      return blocksToMarkup(a.body);
    }
    default:
      throw new DraftEditError([{ path: section, message: `not a text section (${['title', 'kinhGui', 'canCu', 'body', 'recipients', 'annexes'].join(', ')})` }]);
  }
}

/** Every text of a content before a section, in reading order (for "mentioned before"). */
function textsBefore(doc: DocumentRecord, section: string, part?: string): string {
  const c = doc.content!;
  const all = (bs: BlockRecord[]) => JSON.stringify(bs);
  const out: string[] = [];
  if (section === 'title' || section === 'kinhGui') return '';
  if (section === 'canCu') return (c.kinhGui ?? []).join('\n');
  out.push(...(c.kinhGui ?? []), ...c.canCu);
  if (section === 'body') {
    const r = part ? bodyPart(c.body, part) : null;
    if (r) out.push(all(c.body.slice(0, r[0])));
    return out.join('\n');
  }
  out.push(all(c.body));
  if (section === 'annexes') c.annexes.slice(0, Number(part ?? '0')).forEach((a) => out.push(all(a.body)));
  return out.join('\n');
}

/** Renders a section's markup: {{cite "ref"}} and {{fig "name"}} only. */
function renderEdit(text: string, path: string, doc: DocumentRecord, registry: RegistryDocument[], before: string, problems: { path: string; message: string }[]): string {
  const src = { file: path, text: nfc(text), line: 1, column: 1, origin: 'override' as const };
  const parseProblems: TemplateProblem[] = [];
  if (!parseTemplate(src, parseProblems)) {
    problems.push(...parseProblems.map((p) => ({ path: `${path}:${p.line}:${p.column}`, message: p.message })));
    return text;
  }
  const figures = doc.content!.figures ?? {};
  const known = registry.filter((d) => d.number !== null) as CitableDocument[];
  const tracker = new MentionTracker(known);
  tracker.noteText(before);
  const hb = Handlebars.create();
  // a helper's error is reported where the helper is
  const at = <A extends unknown[]>(fn: (...a: A) => string) => (...a: A): string => {
    try {
      return fn(...a);
    } catch (e) {
      const loc = (a[a.length - 1] as { loc?: hbs.AST.SourceLocation }).loc;
      if (loc && e instanceof Error) Object.assign(e, { lineNumber: loc.start.line, column: loc.start.column });
      throw e;
    }
  };
  hb.registerHelper('fig', at((name: unknown, o: Handlebars.HelperOptions) => {
    const n = String(name);
    if (!(n in figures)) throw new Error(`unknown figure "${n}" (this draft has ${Object.keys(figures).join(', ') || 'none'}; add it with PATCH …/sections/figures)`);
    const pad = (o.hash as { pad?: number }).pad;
    return `{{fig "${n}"${pad ? ` pad=${pad}` : ''}}}`;
  }));
  hb.registerHelper('cite', at((ref: unknown, o: Handlebars.HelperOptions) => {
    const d = findDocument(registry, String(ref));
    if (!d) throw new Error(`no document "${String(ref)}" in the registry`);
    const form = (o.hash as { form?: 'full' | 'short' }).form ?? 'auto';
    try {
      return tracker.cite(d as CitableDocument, { form, withTitle: (o.hash as { title?: boolean }).title !== false });
    } catch (e) {
      if (e instanceof CitationError) throw new Error(e.message);
      throw e;
    }
  }));
  try {
    return hb.compile(src.text, { noEscape: true, strict: true, knownHelpers: { fig: true, cite: true }, knownHelpersOnly: true })({});
  } catch (e) {
    const err = e as Error & { lineNumber?: number; column?: number };
    problems.push({ path: `${path}${err.lineNumber ? `:${err.lineNumber}:${(err.column ?? 0) + 1}` : ''}`, message: err.message.split('\n')[0] });
    return text;
  }
}

/** Registry documents the texts of a content cite (their "số <reference>"), in order of first mention. */
export function citedCodes(doc: DocumentRecord, registry: RegistryDocument[]): string[] {
  const c = doc.content!;
  const text = [doc.title, ...(c.kinhGui ?? []), ...c.canCu, JSON.stringify(c.body), JSON.stringify(c.annexes)].join('\n');
  const hits: [number, string][] = [];
  for (const d of registry) {
    if (d.number === null || d.code === doc.code) continue;
    const at = text.indexOf(`số ${citationReference(d as CitableDocument)}`);
    if (at >= 0) hits.push([at, d.code]);
  }
  return hits.sort((a, b) => a[0] - b[0]).map(([, code]) => code);
}

/**
 * The document with one text section replaced by `text` (markup). Throws DraftEditError listing
 * every problem of the text.
 */
export function editTextSection(doc: DocumentRecord, section: string, part: string | undefined, text: string, registry: RegistryDocument[]): DocumentRecord {
  const c = doc.content!;
  const problems: { path: string; message: string }[] = [];
  const path = part ? `${section}/${part}` : section;
  const rendered = renderEdit(text, path, doc, registry, textsBefore(doc, section, part), problems);
  const content: DocumentContent = { ...c };
  let title = doc.title;
  const blocks = () => {
    const parsed = parseBlockMarkup(rendered);
    problems.push(...parsed.problems.map((p) => ({ path: `${path}:${p.line}`, message: p.message })));
    const figs = c.figures ?? {};
    const walk = (bs: BlockRecord[]) =>
      bs.forEach((b) => {
        if ('figureTable' in b) {
          const def = figs[b.figureTable] as object | undefined;
          if (!def || !('allocation' in def || 'budget' in def)) problems.push({ path, message: `@figureTable ${b.figureTable}: not a table figure of this draft` });
        }
        if ('article' in b) walk(b.article.body);
      });
    walk(parsed.blocks);
    return parsed.blocks;
  };
  switch (section) {
    case 'title':
      title = rendered.replace(/\s+/g, ' ').trim().replace(/[.;:,]+$/u, '');
      if (!title) problems.push({ path, message: 'a document needs its trích yếu' });
      break;
    case 'kinhGui':
      content.kinhGui = lines(rendered);
      break;
    case 'canCu':
      content.canCu = ndCanCu(paragraphs(rendered));
      break;
    case 'recipients':
      content.recipients = ndRecipients(lines(rendered));
      if (!content.recipients.length || !/^- Lưu/u.test(content.recipients[content.recipients.length - 1])) {
        problems.push({ path, message: 'Nơi nhận ends with the archive line "Lưu: VT, …"' });
      }
      break;
    case 'body': {
      const bs = blocks();
      if (!part) content.body = bs;
      else {
        const r = bodyPart(c.body, part);
        if (!r) problems.push({ path, message: 'no such part of the body (a heading "II. …" or "dieu-2")' });
        else {
          const body = [...c.body.slice(0, r[0]), ...bs, ...c.body.slice(r[1])];
          // Điều stay numbered in order
          let n = 0;
          content.body = body.map((b) => ('article' in b ? { article: { ...b.article, number: ++n } } : b));
        }
      }
      break;
    }
    case 'annexes': {
      const i = Number(part ?? '0');
      if (!c.annexes[i]) problems.push({ path, message: `the draft has ${c.annexes.length} annex(es), numbered from 0` });
      else content.annexes = c.annexes.map((a, k) => (k === i ? { ...a, body: blocks() } : a));
      break;
    }
    default:
      problems.push({ path, message: `not a text section (${['title', 'kinhGui', 'canCu', 'body', 'recipients', 'annexes'].join(', ')})` });
  }
  if (problems.length) throw new DraftEditError(problems);
  const next: DocumentRecord = { ...doc, title, content };
  // links follow the texts; a linked document that cannot be cited by number (a draft) stays linked
  const unnumbered = doc.citations.filter((code) => registry.find((d) => d.code === code)?.number === null);
  return { ...next, citations: [...new Set([...citedCodes(next, registry), ...unnumbered])] };
}
