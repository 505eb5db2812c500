/**
 * Wording template + an agency's registry + the clerk's choices → a draft document record (status
 * draft, no number, no date) whose texts are the agency's own: its names, units, villages, signer,
 * the documents it implements cited the ND30 way, and its numbers as {{fig "name"}} references the
 * render fills from the registry each time (the definitions go into `content.figures`).
 *
 * Every problem — of the template (syntax, unknown figure/helper/value, helper misuse, markup), of
 * the request (missing or bad input, a document fitting no slot) and of the agency's data (no unit,
 * no signer, a figure that cannot be computed) — is collected with its file, line and column, and
 * thrown together as one TemplateError before anything is produced.
 *
 * Pure: no Nest, no TypeORM; the registry comes in as plain records.
 */
import Handlebars from 'handlebars';
import { computeFigureSet, type FigureDefinition, type RegistrySnapshot } from '../../figures/compute-figures';
import { figureDefinitionSchema } from '../../figures/figure-definition.schema';
import { FigureError, type Figure } from '../../figures/figure-set';
import type { AgencyRecord, BlockRecord, DocumentContent, DocumentRecord, OfficialRecord, PolicyRecord, QuotaRecord } from '../../registry/records/record-set';
import { formatDateRange, formatLongDate, formatShortDate, padMonth } from '../../vi/nd30-date';
import { nfc } from '../../vi/nfc';
import { capitalizeFirst, lowerVi, upperVi } from '../../vi/text-case';
import { CitationError, MentionTracker, type CitableDocument } from '../citations/nd30-citation';
import { parseBlockMarkup } from '../templates/block-markup';
import { checkTemplate, parseTemplate } from '../templates/template-check';
import { agencyView, docView, signatureAuthority, signerView, type AgencyView, type DocView, type SignerView, type UnitView } from '../templates/template-context';
import { allInputs, type InputSpec, type SignatureMode, type TemplateManifest } from '../templates/template-manifest';
import { sortProblems, TemplateError, type TemplateProblem, type TemplateProblemCode } from '../templates/template-problems';
import type { LoadedTemplate, SourceText } from '../templates/template-source';
import { InputProblem, readInput, type InputValue } from './draft-inputs';

export type RegistryDocument = DocumentRecord & { id?: number };

/** One agency's registry, as plain records. */
export interface DraftingRegistry {
  agency: AgencyRecord;
  officials: OfficialRecord[];
  documents: RegistryDocument[];
  quotas: QuotaRecord[];
  policies: PolicyRecord[];
  snapshot: RegistrySnapshot;
}

export interface DraftRequest {
  /** documents it implements / cites: code, id or reference ("04/2026/NQ-HĐND") */
  implements: string[];
  /** raw inputs: strings from --set, or JSON values */
  inputs: Record<string, unknown>;
  /** the record code to give the draft */
  code: string;
  /** today (yyyy-mm-dd, Vietnam): the default year */
  today: string;
}

export interface BuiltDraft {
  document: DocumentRecord;
  /** the inputs as read (for the draft's notes and the API answer) */
  inputs: Record<string, unknown>;
  /** slot → codes of the documents filling it */
  slots: Record<string, string[]>;
}

function deps(def: unknown): string[] {
  if (!def || typeof def !== 'object') return [];
  const d = def as Record<string, unknown>;
  if (Array.isArray(d.sum)) return d.sum as string[];
  for (const k of ['difference', 'rate', 'points']) if (Array.isArray(d[k])) return d[k] as string[];
  if (typeof d.words === 'string') return [d.words];
  return [];
}

function closure(names: Iterable<string>, defs: Record<string, unknown>): string[] {
  const out = new Set<string>();
  const visit = (n: string) => {
    if (out.has(n) || !(n in defs)) return;
    out.add(n);
    deps(defs[n]).forEach(visit);
  };
  [...names].forEach(visit);
  return [...out];
}

/** Finds a registry document by code, id or reference. */
export function findDocument(docs: RegistryDocument[], ref: string): RegistryDocument | undefined {
  const r = nfc(ref).trim();
  return (
    docs.find((d) => d.code === r) ??
    (/^\d+$/.test(r) ? docs.find((d) => d.id === Number(r)) : undefined) ??
    docs.find((d) => d.number !== null && [`${String(d.number).padStart(2, '0')}/${d.symbol}`, `${String(d.number).padStart(2, '0')}/${d.year}/${d.symbol}`, `${d.number}/${d.symbol}`, `${d.number}/${d.year}/${d.symbol}`].includes(r))
  );
}

class Builder {
  private readonly problems: TemplateProblem[] = [];
  private readonly m: TemplateManifest;
  private readonly agency: AgencyView;

  constructor(
    private readonly t: LoadedTemplate,
    private readonly reg: DraftingRegistry,
    private readonly req: DraftRequest,
  ) {
    this.m = t.manifest!;
    this.agency = agencyView(reg.agency);
  }

  private problem(code: TemplateProblemCode, keyPath: (string | number)[], message: string): void {
    this.problems.push({ code, file: this.t.manifestFile, ...this.t.at(keyPath), message });
  }

  private fail(): never {
    throw new TemplateError(sortProblems(this.problems));
  }

  build(): BuiltDraft {
    const m = this.m;
    const slots = this.slots();
    const fromDoc = m.figures.from ? slots[m.figures.from]?.[0] : undefined;
    const inherited: Record<string, unknown> = fromDoc?.content?.figures ?? {};
    if (m.figures.from && fromDoc && Object.keys(inherited).length === 0) {
      this.problem('draft.not_applicable', ['figures', 'from'], `${fromDoc.typeName} ${fromDoc.code} defines no figures to report on`);
    }
    const check = checkTemplate(this.t, m.figures.from ? { inheritedFigures: new Set(Object.keys(inherited)) } : {});
    this.problems.push(...check.problems);

    if (m.levels && !m.levels.includes(this.agency.level)) {
      this.problem('draft.not_applicable', ['levels'], `written for ${m.levels.join(', ')}; ${this.reg.agency.name} is a ${this.agency.level || 'body of another level'}`);
    }
    const views: Record<string, DocView | DocView[] | null> = {};
    for (const [name, spec] of Object.entries(m.slots)) {
      const docs = (slots[name] ?? []).map((d) => this.view(d, ['slots', name]));
      views[name] = spec.many ? docs.filter((d): d is DocView => d !== null) : (docs[0] ?? null);
    }
    const inputs = this.inputs(slots);
    const unit = this.unit(inputs);
    const { signer, mode } = this.signer(inputs);

    // figure definitions read the inputs: only once those are right
    if (this.problems.length) this.fail();
    const defs = this.figureDefinitions(inputs, views, inherited);
    const available = this.availability(defs);
    for (const name of m.figures.require) {
      const f = available.get(name);
      if (!f || (typeof f.value === 'number' && f.value === 0)) {
        this.problem('draft.not_applicable', ['figures', 'require'], `"${name}" is ${f ? '0' : 'not computable'} for ${this.reg.agency.name}: the template does not apply`);
      }
    }
    if (this.problems.length) this.fail();

    const ctx = { agency: this.agency, inputs, implements: views, signer: signer ? signerView(signer) : null, unit };
    const out = this.render(ctx, available);
    if (this.problems.length) this.fail();

    // the figures the texts use, with what they depend on; a report's inherited ones all along
    const used = new Set<string>();
    const allTexts = JSON.stringify([out.title, out.canCu, out.body, out.kinhGui, out.recipients, out.annexes]);
    for (const mm of allTexts.matchAll(/\{\{\s*fig\s+\\"([a-z][a-z0-9_]*)\\"/g)) used.add(mm[1]);
    for (const b of [...out.body, ...out.annexes.flatMap((a) => a.body)]) walkBlocks(b, (x) => 'figureTable' in x && used.add(x.figureTable));
    const names = closure([...used, ...(m.figures.from ? Object.keys(inherited) : [])], defs);
    for (const n of used) {
      if (!(n in defs)) continue;
      if (!available.has(n)) {
        const use = check.uses.find((u) => u.name === n);
        this.problems.push({ code: 'template.figure', file: use?.src.file ?? this.t.manifestFile, line: use?.line ?? 1, column: use?.column ?? 1, message: `figure "${n}" cannot be computed for ${this.reg.agency.name}: ${this.figureProblems.get(n) ?? 'see its definition'}` });
      }
    }
    if (this.problems.length) this.fail();

    const signature = signatureAuthority(mode, signer!, this.reg.agency);
    const citations = [...new Set([...out.cited, ...Object.values(slots).flat().map((d) => d.code)])];
    const year = inputs.nam as number;
    const content: DocumentContent = {
      ...(typeof inputs.thang === 'number' ? { monthWhenUndated: inputs.thang } : {}),
      ...(m.authority ? { authority: [signature.authority] } : {}),
      ...(out.kinhGui.length ? { kinhGui: out.kinhGui } : {}),
      canCu: out.canCu,
      ...(out.enactingLine ? { enactingLine: out.enactingLine } : {}),
      body: out.body,
      recipients: out.recipients,
      signature: { official: signer!.code, authority: signature.lines },
      annexes: out.annexes,
      ...(names.length ? { figures: Object.fromEntries(names.map((n) => [n, defs[n] as FigureDefinition])) } : {}),
    };
    const issuer = m.issuer === 'unit' ? unit!.name : this.reg.agency.name;
    const symbol = m.symbol.replace('{agency}', this.reg.agency.abbreviation).replace('{unit}', unit?.abbreviation ?? '');
    const shownInputs = Object.fromEntries(Object.entries(inputs).filter(([, v]) => v !== null).map(([k, v]) => [k, v && typeof v === 'object' && 'code' in v ? v.code : v && typeof v === 'object' && 'abbreviation' in v ? v.abbreviation : v]));
    const document: DocumentRecord = {
      code: this.req.code,
      agency: this.reg.agency.code,
      direction: 'outgoing',
      type: m.type,
      typeName: m.typeName,
      number: null,
      year,
      symbol,
      yearInNumber: false,
      issuer,
      issuerAgency: this.reg.agency.code,
      date: null,
      title: out.title,
      status: 'draft',
      citations,
      notes: [`Soạn từ mẫu ${this.t.name}${this.t.overrideDir && Object.values(this.t.files).some((f) => f.origin === 'override') ? ' (lời văn riêng của cơ quan)' : ''}; đầu vào: ${JSON.stringify(shownInputs)}`],
      content,
    };
    return { document, inputs: shownInputs, slots: Object.fromEntries(Object.entries(slots).map(([k, v]) => [k, v.map((d) => d.code)])) };
  }

  private view(d: RegistryDocument, at: (string | number)[]): DocView | null {
    try {
      return docView(d);
    } catch (e) {
      if (e instanceof CitationError) {
        this.problem('draft.bad_input', at, e.message);
        return null;
      }
      throw e;
    }
  }

  /** --implements documents into the manifest's slots, by type, in order. */
  private slots(): Record<string, RegistryDocument[]> {
    const out: Record<string, RegistryDocument[]> = {};
    for (const ref of this.req.implements) {
      const d = findDocument(this.reg.documents, ref);
      if (!d) {
        this.problem('draft.bad_input', ['slots'], `no document "${ref}" in the registry of ${this.reg.agency.name}`);
        continue;
      }
      const slot = Object.entries(this.m.slots).find(([name, s]) => s.types.includes(d.type) && (s.many || !(out[name]?.length)));
      if (!slot) {
        const open = Object.entries(this.m.slots).map(([n, s]) => `${n} (${s.types.join('/')})`).join(', ');
        this.problem('draft.bad_input', ['slots'], `${d.typeName} ${d.code} fits no free slot of this template (${open || 'it implements no document'})`);
        continue;
      }
      if (d.number === null && !slot[1].unnumbered) {
        this.problem('draft.bad_input', ['slots', slot[0]], `${d.typeName} ${d.code} has no number yet: it cannot be cited`);
        continue;
      }
      (out[slot[0]] ??= []).push(d);
    }
    for (const [name, s] of Object.entries(this.m.slots)) {
      if (s.required && !out[name]?.length) this.problem('draft.missing_input', ['slots', name], `needs ${s.label ?? name} (${s.types.join('/')}): --implements <document>`);
    }
    return out;
  }

  private inputs(slots: Record<string, RegistryDocument[]>): Record<string, InputValue> {
    const specs = allInputs(this.m);
    const given = this.req.inputs;
    const out: Record<string, InputValue> = {};
    for (const k of Object.keys(given)) {
      if (!(k in specs)) this.problem('draft.bad_input', ['inputs'], `unknown input "${k}" (inputs: ${Object.keys(specs).join(', ')})`);
    }
    const at = (k: string) => (k in this.m.inputs ? ['inputs', k] : ['inputs']);
    const read = (k: string, spec: InputSpec, raw: unknown): void => {
      try {
        const lists = (this.reg.snapshot.lists ?? []).map((l) => ({ code: l.code, people: l.entries.length }));
        out[k] = readInput(spec, raw, { agency: this.agency, officials: this.reg.officials, quotas: this.reg.quotas, policies: this.reg.policies, lists });
      } catch (e) {
        if (!(e instanceof InputProblem)) throw e;
        this.problem('draft.bad_input', at(k), `input ${k}: ${e.message}`);
        out[k] = null;
      }
    };
    // everything but the year first (a quota's year is the default year), then defaults that read inputs
    const order = Object.keys(specs).sort((a, b) => Number(a === 'nam') - Number(b === 'nam'));
    for (const k of order) {
      const spec = specs[k];
      if (k in given && given[k] !== undefined && given[k] !== null && given[k] !== '') {
        read(k, spec, given[k]);
        continue;
      }
      if (k === 'nam') {
        const years = [...Object.values(slots).flat().map((d) => d.year), ...Object.values(out).flatMap((v) => (v && typeof v === 'object' && 'year' in v && typeof v.year === 'number' ? [v.year] : []))];
        out.nam = spec.default !== undefined ? Number(spec.default) : years.length ? Math.max(...years) : Number(this.req.today.slice(0, 4));
        continue;
      }
      if (spec.default !== undefined) {
        const raw = typeof spec.default === 'string' && spec.default.includes('{{') ? this.inline(`inputs.${k}.default`, { agency: this.agency, inputs: out }) : spec.default;
        if (raw !== undefined) read(k, spec, raw);
        continue;
      }
      if (spec.required) this.problem('draft.missing_input', at(k), `input ${k} is required${spec.label ? ` (${spec.label})` : ''}: --set ${k}=…`);
      out[k] = null;
    }
    if (typeof out.thang === 'number' && (out.thang < 1 || out.thang > 12)) this.problem('draft.bad_input', ['inputs'], `input thang: ${out.thang} is not a month`);
    return out;
  }

  private unit(inputs: Record<string, InputValue>): UnitView | null {
    const u = inputs.don_vi as UnitView | null | undefined;
    if (this.m.issuer === 'unit' && !u) this.problem('draft.not_applicable', ['issuer'], 'the issuing unit (input don_vi) is not known');
    return u ?? null;
  }

  private signer(inputs: Record<string, InputValue>): { signer: OfficialRecord | null; mode: SignatureMode } {
    const mode = (inputs.che_do_ky as SignatureMode | null) ?? this.m.signature.mode;
    const chosen = inputs.nguoi_ky as SignerView | null;
    const officials = this.reg.officials;
    const signer = chosen
      ? officials.find((o) => o.code === chosen.code)!
      : mode === 'don-vi'
        ? (officials.find((o) => /^Trưởng phòng/iu.test(o.position)) ?? officials.find((o) => /^Phó Trưởng phòng/iu.test(o.position)))
        : (officials.find((o) => /^Phó Chủ tịch/iu.test(o.position)) ?? officials.find((o) => /^Chủ tịch/iu.test(o.position)));
    if (!signer) {
      const who = mode === 'don-vi' ? 'a Trưởng phòng' : 'a Chủ tịch or Phó Chủ tịch';
      this.problem('draft.not_applicable', ['signature'], `${this.reg.agency.name} has no official who signs this (${who}); record one or --set nguoi_ky=<code>`);
    }
    return { signer: signer ?? null, mode };
  }

  /** A manifest inline string rendered with the context (input defaults, figure definitions). */
  private inline(key: string, ctx: object): string | undefined {
    const src = this.t.inline[key];
    if (!src) return undefined;
    return this.run(src, ctx, new Engine(new MentionTracker([]), new Map()));
  }

  private figureProblems = new Map<string, string>();

  private figureDefinitions(inputs: Record<string, InputValue>, views: Record<string, unknown>, inherited: Record<string, unknown>): Record<string, unknown> {
    const ctx = { agency: this.agency, inputs, implements: views };
    const own: Record<string, unknown> = {};
    // a templated key or value that renders to nothing is left out ("{{#if inputs.danh_sach}}…{{/if}}")
    const DROP = Symbol('drop');
    const templated = (v: unknown, at: (string | number)[]): unknown => {
      if (typeof v === 'string') {
        if (!v.includes('{{')) return v;
        const out = (this.inline(at.join('.'), ctx) ?? v).trim();
        if (out === '') return DROP;
        // "{{inputs.so_le}}" for a number field gives a number
        return /^\s*\{\{[^}]+\}\}\s*$/.test(v) && /^-?\d+$/.test(out) ? Number(out) : out;
      }
      if (Array.isArray(v)) return v.map((x, i) => templated(x, [...at, i])).filter((x) => x !== DROP);
      if (v && typeof v === 'object') {
        const entries = Object.entries(v).map(([k, x]) => [k.includes('{{') ? (this.inline([...at, k, '(key)'].join('.'), ctx) ?? k).trim() : k, templated(x, [...at, k])] as const);
        return Object.fromEntries(entries.filter(([k, x]) => k !== '' && x !== DROP));
      }
      return v;
    };
    for (const [name, def] of Object.entries(this.m.figures.define)) {
      const value = templated(def, ['figures', 'define', name]);
      const parsed = figureDefinitionSchema.safeParse(value);
      if (!parsed.success) {
        const detail = parsed.error.issues.map((i) => `${i.path.join('.') || name}: ${i.message}`).join('; ');
        this.problem('template.figure', ['figures', 'define', name], `figure "${name}" is not a valid definition (${detail})`);
        continue;
      }
      if (name in inherited && JSON.stringify(inherited[name]) !== JSON.stringify(parsed.data)) {
        this.problem('template.figure', ['figures', 'define', name], `figure "${name}" is defined differently by the document it reports on: a report keeps its definitions`);
        continue;
      }
      own[name] = parsed.data;
    }
    return { ...inherited, ...own };
  }

  /** Each figure computed on its own (with what it uses) now: which ones the registry can give. */
  private availability(defs: Record<string, unknown>): Map<string, Figure> {
    const out = new Map<string, Figure>();
    for (const name of Object.keys(defs)) {
      const part = Object.fromEntries(closure([name], defs).map((n) => [n, defs[n] as FigureDefinition]));
      try {
        const set = computeFigureSet(part, this.reg.snapshot, `${this.req.today}T00:00:00+07:00`);
        out.set(name, set.figures[name]);
      } catch (e) {
        if (!(e instanceof FigureError)) throw e;
        this.figureProblems.set(name, e.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
      }
    }
    return out;
  }

  /** Renders one source; a helper's error becomes a problem at the helper's place. */
  run(src: SourceText, ctx: object, engine: Engine): string | undefined {
    if (!parseTemplate(src, this.problems)) return undefined;
    try {
      return nfc(engine.hb.compile(src.text, { noEscape: true, strict: true })(ctx));
    } catch (e) {
      const err = e as Error & { templateLoc?: hbs.AST.SourceLocation; lineNumber?: number; column?: number };
      const loc = err.templateLoc;
      const line = loc?.start.line ?? err.lineNumber ?? 1;
      const col = (loc?.start.column ?? err.column ?? 0) + 1;
      this.problems.push({
        code: err instanceof HelperMisuse ? 'template.helper_misuse' : 'template.unknown_value',
        file: src.file,
        line: src.line + line - 1,
        column: line === 1 ? src.column + col - 1 : col,
        message: err.message.split('\n')[0],
      });
      return undefined;
    }
  }

  report(src: SourceText, line: number, code: TemplateProblemCode, message: string): void {
    this.problems.push({ code, file: src.file, line, column: 1, message });
  }

  private render(ctx: object, available: Map<string, Figure>) {
    const m = this.m;
    const known = this.reg.documents.filter((d) => d.number !== null) as CitableDocument[];
    const titleTracker = new MentionTracker(known);
    const tracker = new MentionTracker(known);
    const counters = new Map<string, number>();
    const cite = (doc: unknown, form: 'auto' | 'full' | 'short', withTitle: boolean, t: MentionTracker): string => {
      const code = doc && typeof doc === 'object' && 'code' in doc ? String((doc as { code: unknown }).code) : undefined;
      const d = code ? this.reg.documents.find((x) => x.code === code) : undefined;
      if (!d) throw new HelperMisuse('cite needs a document: this slot is empty (guard it with {{#if implements.…}})');
      try {
        return t.cite(d as CitableDocument, { form, withTitle });
      } catch (e) {
        if (e instanceof CitationError) throw new HelperMisuse(e.message);
        throw e;
      }
    };
    const titleEngine = new Engine(titleTracker, available, counters, cite);
    const engine = new Engine(tracker, available, counters, cite);

    const title = (this.run(this.t.inline.title, ctx, titleEngine) ?? '').replace(/\s+/g, ' ').trim().replace(/[.;:,]+$/u, '');
    const file = (name: string | undefined) => (name ? this.t.files[name] : undefined);
    const text = (name: string | undefined) => {
      const src = file(name);
      return src ? (this.run(src, ctx, engine) ?? '') : '';
    };
    const lines = (s: string) => s.split(/\r\n|\r|\n/).map((l) => l.trim()).filter(Boolean);
    const paragraphs = (s: string) =>
      s
        .split(/\n\s*\n/)
        .map((p) => lines(p).join(' '))
        .filter(Boolean);
    const blocks = (name: string | undefined): BlockRecord[] => {
      const src = file(name);
      if (!src) return [];
      const rendered = this.run(src, ctx, engine);
      if (rendered === undefined) return [];
      const parsed = parseBlockMarkup(rendered);
      const outLines = rendered.split(/\r\n|\r|\n/);
      for (const p of parsed.problems) this.report(src, 1, 'template.markup', `${p.message} (rendered line ${p.line}: "${(outLines[p.line - 1] ?? '').trim().slice(0, 60)}")`);
      return parsed.blocks;
    };

    const kinhGui = lines(text(m.sections.kinhGui));
    const canCu = ndCanCu(paragraphs(text(m.sections.canCu)));
    const enactingLine = m.enactingLine ? this.run(this.t.inline.enactingLine, ctx, engine) : undefined;
    const body = blocks(m.sections.body);
    const recipients = ndRecipients(lines(text(m.sections.recipients)));
    const annexes = m.annexes.map((a, i) => ({
      label: this.run(this.t.inline[`annexes.${i}.label`], ctx, engine) ?? a.label,
      title: a.title.map((s, j) => this.run(this.t.inline[`annexes.${i}.title.${j}`], ctx, engine) ?? s),
      ...(a.subtitle ? { subtitle: this.run(this.t.inline[`annexes.${i}.subtitle`], ctx, engine) ?? a.subtitle } : {}),
      ...(a.kemTheo ? { kemTheo: this.run(this.t.inline[`annexes.${i}.kemTheo`], ctx, engine) ?? a.kemTheo } : {}),
      ...(a.landscape ? { landscape: true } : {}),
      body: blocks(a.body),
    }));
    return { title, kinhGui, canCu, enactingLine, body, recipients, annexes, cited: [...titleTracker.codes(), ...tracker.codes()] };
  }
}

class HelperMisuse extends Error {}

/** The Handlebars environment one draft renders in: the helpers of TEMPLATE_HELPERS. */
class Engine {
  readonly hb = Handlebars.create();

  constructor(
    tracker: MentionTracker,
    available: Map<string, Figure>,
    counters = new Map<string, number>(),
    cite?: (doc: unknown, form: 'auto' | 'full' | 'short', withTitle: boolean, t: MentionTracker) => string,
  ) {
    const hb = this.hb;
    // a helper's error carries the place of the call, so that it is reported there
    const guard =
      <A extends unknown[]>(fn: (...a: A) => unknown) =>
      (...args: A) => {
        const opts = args[args.length - 1] as Handlebars.HelperOptions & { loc?: hbs.AST.SourceLocation };
        try {
          return fn(...args);
        } catch (e) {
          if (e instanceof Error && !(e as { templateLoc?: unknown }).templateLoc) Object.assign(e, { templateLoc: opts?.loc });
          throw e;
        }
      };
    const num = (v: unknown, what: string): number => {
      if (typeof v === 'number') return v;
      if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
      throw new HelperMisuse(`${what} takes a number, got ${JSON.stringify(v)}`);
    };
    const str = (v: unknown, what: string): string => {
      if (typeof v === 'string') return v;
      if (typeof v === 'number') return String(v);
      throw new HelperMisuse(`${what} takes a text, got ${v === null || v === undefined ? 'nothing (an empty input?)' : JSON.stringify(v)}`);
    };
    hb.registerHelper('fig', guard((name: unknown, o: Handlebars.HelperOptions) => {
      const pad = (o.hash as { pad?: number }).pad;
      return `{{fig "${String(name)}"${pad ? ` pad=${pad}` : ''}}}`;
    }));
    hb.registerHelper('figureTable', guard((name: unknown) => `@figureTable ${String(name)}`));
    hb.registerHelper('ifFig', function (this: unknown, name: unknown, o: Handlebars.HelperOptions) {
      const f = available.get(String(name));
      const on = f !== undefined && !(typeof f.value === 'number' && f.value === 0);
      return on ? o.fn(this) : o.inverse(this);
    });
    hb.registerHelper('cite', guard((doc: unknown, o: Handlebars.HelperOptions) => {
      const h = o.hash as { form?: 'full' | 'short'; title?: boolean };
      if (!cite) throw new HelperMisuse('cite is not available here');
      return cite(doc, h.form ?? 'auto', h.title !== false, tracker);
    }));
    hb.registerHelper('date', guard((v: unknown, o: Handlebars.HelperOptions) => {
      const iso = str(v, 'date');
      return (o.hash as { long?: boolean }).long ? formatLongDate(iso) : formatShortDate(iso);
    }));
    hb.registerHelper('dateRange', guard((v: unknown, o: Handlebars.HelperOptions) => {
      const r = v as { from?: string; to?: string } | null;
      if (!r || typeof r !== 'object' || !r.from || !r.to) throw new HelperMisuse('dateRange takes a date range input (type: dateRange)');
      return formatDateRange(r.from, r.to, { throughEnd: (o.hash as { through?: boolean }).through !== false });
    }));
    hb.registerHelper('month', guard((v: unknown) => {
      const [y, mo] = str(v, 'month').split('-').map(Number);
      if (!y || !mo) throw new HelperMisuse('month takes a month input (type: month)');
      return `${padMonth(mo)}/${y}`;
    }));
    hb.registerHelper('upper', guard((v: unknown) => upperVi(str(v, 'upper'))));
    hb.registerHelper('lower', guard((v: unknown) => lowerVi(str(v, 'lower'))));
    hb.registerHelper('capitalize', guard((v: unknown) => capitalizeFirst(str(v, 'capitalize'))));
    hb.registerHelper('minus', guard((a: unknown, b: unknown) => num(a, 'minus') - num(b, 'minus')));
    const next = (name: unknown) => {
      const n = (counters.get(String(name)) ?? 0) + 1;
      counters.set(String(name), n);
      return n;
    };
    hb.registerHelper('next', guard((name: unknown) => next(name)));
    hb.registerHelper('nextRoman', guard((name: unknown) => roman(next(name))));
    hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    hb.registerHelper('not', (a: unknown) => !a);
    hb.registerHelper('and', (...a: unknown[]) => a.slice(0, -1).every(Boolean));
    hb.registerHelper('or', (...a: unknown[]) => a.slice(0, -1).some(Boolean));
  }
}

const ROMAN: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];

export function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/** ND30 căn cứ punctuation: each line ends with ";", the last with "." (a closing ":" is kept). */
export function ndCanCu(paras: string[]): string[] {
  return paras.map((p, i) => {
    if (/:$/.test(p)) return p;
    const bare = p.replace(/[;.,]+$/u, '');
    return `${bare}${i === paras.length - 1 ? '.' : ';'}`;
  });
}

/** ND30 Nơi nhận: "- " before each, ";" after each, "." after the last (the Lưu line). */
export function ndRecipients(lines: string[]): string[] {
  return lines.map((l, i) => {
    const bare = l.replace(/^[-–]\s*/u, '').replace(/[;.,]+$/u, '');
    return `- ${bare}${i === lines.length - 1 ? '.' : ';'}`;
  });
}

function walkBlocks(b: BlockRecord, fn: (b: BlockRecord) => unknown): void {
  fn(b);
  if ('article' in b) b.article.body.forEach((x) => walkBlocks(x, fn));
}

/** Template + registry + request → the draft record, or a TemplateError listing every problem. */
export function buildDraft(t: LoadedTemplate, reg: DraftingRegistry, req: DraftRequest): BuiltDraft {
  if (!t.manifest) throw new TemplateError(sortProblems(checkTemplate(t).problems));
  return new Builder(t, reg, req).build();
}

/** Only the template's own problems (no agency, no request): `vanthu template check`. */
export function templateProblems(t: LoadedTemplate): TemplateProblem[] {
  return sortProblems(checkTemplate(t).problems);
}

