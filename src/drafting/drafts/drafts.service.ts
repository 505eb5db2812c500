import { Inject, Injectable } from '@nestjs/common';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { parseInput } from '../../common/zod-body';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { readRegistrySnapshot } from '../../figure-sets/registry-snapshot';
import { computeFigureSet, type FigureDefinition } from '../../figures/compute-figures';
import { figureDefinitionsSchema } from '../../figures/figure-definition.schema';
import { FigureError } from '../../figures/figure-set';
import { fillFigures } from '../../figures/fill-figures';
import { IssuingService, type WorkflowState } from '../../issuing/issuing.service';
import { PoliciesService } from '../../policies/policies.service';
import { AgenciesService } from '../../registry/agencies.service';
import type { AgencyScope } from '../../registry/agency-scope';
import { OfficialsService } from '../../registry/officials.service';
import type { DocumentRecord } from '../../registry/records/record-set';
import { formatDocNumber } from '../../vi/doc-number';
import { signatureAuthority } from '../templates/template-context';
import { checkTemplate } from '../templates/template-check';
import { INPUT_TYPES, type TemplateManifest } from '../templates/template-manifest';
import { formatProblem, TemplateError, type TemplateProblem } from '../templates/template-problems';
import { defaultTemplatesDir, loadTemplate, templateNames } from '../templates/template-source';
import { buildDraft, templateProblems, type DraftingRegistry } from './draft-builder';
import { DraftEditError, editTextSection, sectionText } from './draft-edit';
import { DraftStore } from './draft-store';
import { draftInput, figuresInput, sectionTextInput, signatureInput } from './drafts.schemas';

export interface TemplateSummary {
  name: string;
  description: string;
  type: string;
  typeName: string;
  levels?: string[];
  slots: TemplateManifest['slots'];
  inputs: Record<string, { type: (typeof INPUT_TYPES)[number]; required: boolean; label?: string; default?: unknown }>;
  /** the figures it defines … */
  figures: string[];
  /** … and those its wording uses (some only when non-zero, {{#ifFig}}; some a slot's document brings) */
  uses: string[];
  /** folder of this agency's own wording, when it has one */
  override?: string;
}

/** What POST /api/drafts and `vanthu draft` answer. */
export interface DraftSummary {
  id: number;
  code: string;
  agency: string;
  template: string;
  type: string;
  /** "/KH-UBND": no number until issued */
  reference: string;
  title: string;
  status: string;
  citations: string[];
  inputs: Record<string, unknown>;
  figures: string[];
}

export interface DraftView extends DraftSummary {
  sections: Record<string, unknown>;
}

export interface DraftOptions {
  /** the records folder whose <agency>/templates/<name>/ holds the agency's own wording (default: configuration) */
  recordsDir?: string;
  /** where the templates are (default: $VANTHU_TEMPLATES or templates/ of the package) */
  templatesDir?: string;
}

/** Vietnam's date today (UTC+7), for the default year of a draft. */
function todayInVietnam(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

export function problemsError(problems: TemplateProblem[], what: string): DomainError {
  const draft = problems.some((p) => p.code.startsWith('draft.'));
  return new DomainError(
    draft ? 'draft.problems' : 'template.invalid',
    `${problems.length} problem(s) ${what}; nothing was drafted:\n${problems.map(formatProblem).join('\n')}`,
    'unprocessable',
    problems.map((p) => ({ path: `${p.file}:${p.line}:${p.column}`, message: p.message, key: p.code })),
  );
}

function editError(e: DraftEditError): DomainError {
  return new DomainError('draft.invalid_section', `${e.problems.length} problem(s) in the edit; nothing was changed`, 'unprocessable', e.problems.map((p) => ({ ...p, key: 'draft.invalid_section' })));
}

/**
 * Drafting from wording templates: a draft document record from a template, the agency's registry
 * and the clerk's choices; then its sections edited one at a time; then the issuing workflow.
 */
@Injectable()
export class DraftsService {
  constructor(
    private readonly ds: DataSource,
    private readonly agencies: AgenciesService,
    private readonly officials: OfficialsService,
    private readonly policies: PoliciesService,
    private readonly store: DraftStore,
    private readonly issuing: IssuingService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private templatesDir(opts: DraftOptions = {}): string {
    return opts.templatesDir ?? process.env.VANTHU_TEMPLATES ?? defaultTemplatesDir();
  }

  private overrideDir(agency: string, name: string, opts: DraftOptions = {}): string | undefined {
    const dir = path.join(opts.recordsDir ?? this.config.recordsDir, agency, 'templates', name);
    return fs.existsSync(dir) ? dir : undefined;
  }

  templates(agency?: string, opts: DraftOptions = {}): TemplateSummary[] {
    const dir = this.templatesDir(opts);
    return templateNames(dir).flatMap((name) => {
      const override = agency ? this.overrideDir(agency, name, opts) : undefined;
      const t = loadTemplate(dir, name, override);
      const m = t.manifest;
      if (!m) return [];
      const uses = [...new Set(checkTemplate(t).uses.map((u) => u.name))];
      return [
        {
          name,
          description: m.description,
          type: m.type,
          typeName: m.typeName,
          ...(m.levels ? { levels: m.levels } : {}),
          slots: m.slots,
          inputs: Object.fromEntries(Object.entries(m.inputs).map(([k, s]) => [k, { type: s.type, required: s.required, ...(s.label ? { label: s.label } : {}), ...(s.default !== undefined ? { default: s.default } : {}) }])),
          figures: Object.keys(m.figures.define),
          uses,
          ...(override ? { override } : {}),
        },
      ];
    });
  }

  /** A template's own problems (and, with an agency, those of its override), all of them. */
  check(name: string, agency?: string, opts: DraftOptions = {}): TemplateProblem[] {
    return templateProblems(loadTemplate(this.templatesDir(opts), name, agency ? this.overrideDir(agency, name, opts) : undefined));
  }

  private async registry(scope: AgencyScope): Promise<DraftingRegistry> {
    const [agency, officials, documents, quotas, policies, snapshot] = await Promise.all([
      this.agencies.get(scope.code),
      this.officials.list(scope),
      this.store.documents(scope),
      this.policies.quotas(scope),
      this.policies.list(scope),
      readRegistrySnapshot(this.ds, scope),
    ]);
    return { agency, officials, documents, quotas, policies, snapshot };
  }

  async create(agencyCode: string, body: unknown, opts: DraftOptions = {}): Promise<DraftSummary> {
    const input = parseInput(draftInput, body);
    const scope = await this.agencies.scope(agencyCode);
    const reg = await this.registry(scope);
    const t = loadTemplate(this.templatesDir(opts), input.template, this.overrideDir(scope.code, input.template, opts));
    let built;
    try {
      built = buildDraft(t, reg, { implements: input.implements, inputs: input.inputs, code: await this.store.nextCode(scope, input.template), today: todayInVietnam() });
    } catch (e) {
      if (e instanceof TemplateError) throw problemsError(e.problems, `drafting ${input.template} for ${scope.code}`);
      throw e;
    }
    const id = await this.store.insert(scope, built.document);
    return summary(id, scope.code, input.template, built.document, built.inputs);
  }

  private async load(scope: AgencyScope, id: string): Promise<{ doc: DocumentRecord & { id?: number }; all: (DocumentRecord & { id?: number })[] }> {
    const all = await this.store.documents(scope);
    const doc = all.find((d) => String(d.id) === id || d.code === id);
    if (!doc) throw DomainError.notFound('document', id);
    if (!doc.content || doc.direction !== 'outgoing') throw new DomainError('draft.not_a_draft', `document ${doc.code} has no content of ours to edit`, 'unprocessable');
    return { doc, all };
  }

  async get(agencyCode: string, id: string): Promise<DraftView> {
    const scope = await this.agencies.scope(agencyCode);
    const { doc } = await this.load(scope, id);
    const c = doc.content!;
    const text = (s: string, part?: string) => sectionText(doc, s, part);
    return {
      ...summary(doc.id!, scope.code, templateOf(doc), doc, {}),
      sections: {
        title: text('title'),
        ...(c.kinhGui ? { kinhGui: text('kinhGui') } : {}),
        canCu: text('canCu'),
        body: text('body'),
        recipients: text('recipients'),
        annexes: c.annexes.map((a, i) => ({ label: a.label, title: a.title, subtitle: a.subtitle, kemTheo: a.kemTheo, body: text('annexes', String(i)) })),
        signature: c.signature,
        figures: c.figures ?? {},
      },
    };
  }

  async section(agencyCode: string, id: string, section: string, part?: string): Promise<{ section: string; text: string }> {
    const scope = await this.agencies.scope(agencyCode);
    const { doc } = await this.load(scope, id);
    try {
      return { section: part ? `${section}/${part}` : section, text: sectionText(doc, section, part) };
    } catch (e) {
      if (e instanceof DraftEditError) throw editError(e);
      throw e;
    }
  }

  /** One section replaced; the others untouched. */
  async patch(agencyCode: string, id: string, section: string, part: string | undefined, body: unknown): Promise<DraftView> {
    const scope = await this.agencies.scope(agencyCode);
    const { doc, all } = await this.load(scope, id);
    if (doc.status !== 'draft') throw new DomainError('document.frozen', `document ${doc.code} is ${doc.status}: only a draft is edited`, 'conflict');
    let next: DocumentRecord;
    if (section === 'signature') next = await this.patchSignature(scope, doc, body);
    else if (section === 'figures') next = await this.patchFigures(scope, doc, body);
    else {
      const { text } = parseInput(sectionTextInput, body);
      try {
        next = editTextSection(doc, section, part, text, all);
      } catch (e) {
        if (e instanceof DraftEditError) throw editError(e);
        throw e;
      }
    }
    await this.store.update(scope, doc.id!, next);
    return this.get(agencyCode, String(doc.id));
  }

  private async patchSignature(scope: AgencyScope, doc: DocumentRecord, body: unknown): Promise<DocumentRecord> {
    const input = parseInput(signatureInput, body);
    const [agency, officials] = await Promise.all([this.agencies.get(scope.code), this.officials.list(scope)]);
    const official = officials.find((o) => o.code === input.official);
    if (!official) {
      throw DomainError.validation('validation.failed', `no official ${input.official} in ${scope.code}`, [{ path: 'official', message: `officials: ${officials.map((o) => o.code).join(', ')}`, key: 'not_found' }]);
    }
    const c = doc.content!;
    const mode = input.mode ?? (c.signature.authority.some((l) => l.startsWith('TM.')) ? 'tap-the' : /^(Phó )?Trưởng phòng/iu.test(official.position) ? 'don-vi' : 'thu-truong');
    const sig = signatureAuthority(mode, official, agency);
    return { ...doc, content: { ...c, signature: { official: official.code, authority: sig.lines }, ...(c.authority ? { authority: [sig.authority] } : {}) } };
  }

  private async patchFigures(scope: AgencyScope, doc: DocumentRecord, body: unknown): Promise<DocumentRecord> {
    const { figures } = parseInput(figuresInput, body);
    const parsed = figureDefinitionsSchema.safeParse(figures);
    if (!parsed.success) {
      throw DomainError.validation('validation.failed', `${parsed.error.issues.length} invalid figure definition(s)`, parsed.error.issues.map((i) => ({ path: `figures.${i.path.join('.')}`, message: i.message, key: `validation.${i.code}` })));
    }
    const content = { ...doc.content!, figures: parsed.data as Record<string, FigureDefinition> };
    const problems: { path: string; message: string; key: string }[] = [];
    // every figure the texts use is still defined
    const texts = JSON.stringify({ ...content, figures: undefined });
    const used = new Set([...texts.matchAll(/\{\{\s*fig\s+\\"([a-z][a-z0-9_]*)\\"/g)].map((m) => m[1]));
    for (const m of texts.matchAll(/"figureTable":"([a-z][a-z0-9_]*)"/g)) used.add(m[1]);
    for (const n of used) if (!(n in content.figures)) problems.push({ path: `figures.${n}`, message: `the texts use figure "${n}": it cannot be taken away`, key: 'figure.unknown' });
    // and every definition computes from the registry now
    try {
      const set = computeFigureSet(content.figures, await readRegistrySnapshot(this.ds, scope), new Date().toISOString());
      if (!problems.length) fillFigures(content, set);
    } catch (e) {
      if (!(e instanceof FigureError)) throw e;
      problems.push(...e.problems.map((p) => ({ path: `figures.${p.path}`, message: p.message, key: p.code })));
    }
    if (problems.length) throw new DomainError('draft.invalid_section', `${problems.length} figure problem(s); nothing was changed`, 'unprocessable', problems);
    return { ...doc, content };
  }

  /** Hands the draft to the issuing workflow (draft → submitted); approval, signing and issue follow there. */
  async submit(agencyCode: string, id: string, note?: string): Promise<WorkflowState> {
    const scope = await this.agencies.scope(agencyCode);
    const { doc } = await this.load(scope, id);
    return this.issuing.transition(scope, doc.id!, { to: 'submitted', ...(note ? { note } : {}) });
  }
}

function templateOf(doc: DocumentRecord): string {
  return /^Soạn từ mẫu ([a-z0-9-]+)/u.exec(doc.notes?.[0] ?? '')?.[1] ?? '';
}

function summary(id: number, agency: string, template: string, d: DocumentRecord, inputs: Record<string, unknown>): DraftSummary {
  return {
    id,
    code: d.code,
    agency,
    template,
    type: d.type,
    reference: formatDocNumber({ number: d.number, year: d.year, symbol: d.symbol, yearInNumber: d.yearInNumber }).trim(),
    title: d.title,
    status: d.status,
    citations: d.citations,
    inputs,
    figures: Object.keys(d.content?.figures ?? {}),
  };
}
