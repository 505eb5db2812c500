import { Injectable } from '@nestjs/common';
import { basename } from 'node:path';
import { DomainError } from '../common/domain-error';
import { parseInput } from '../common/zod-body';
import { AgenciesService } from '../registry/agencies.service';
import { DocumentsService } from '../registry/documents.service';
import { FigureSetsService } from '../figure-sets/figure-sets.service';
import { figureAnchors } from '../figures/figure-anchors';
import type { Figure } from '../figures/figure-set';
import type { AgencyScope } from '../registry/agency-scope';
import { formatDocNumber } from '../vi/doc-number';
import { bytesToText } from './extract';
import { checkReportJson, checkTexts, type CheckInput } from './check';
import { checkBody } from './check.schemas';
import { registryContext } from './registry-context';
import type { CheckContext, CheckFileResult, ContextFigure } from './types';

/** An uploaded file as multer hands it over. */
export interface UploadedDocument {
  originalname: string;
  buffer: Buffer;
}

/** The DESIGN.md `check --json` shape. */
export interface CheckReport {
  files: CheckFileResult[];
}

@Injectable()
export class CheckService {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly documents: DocumentsService,
    private readonly figureSets: FigureSetsService,
  ) {}

  /** The agency's incoming and outgoing documents as the checker compares citations with them. */
  async context(agencyCode: string): Promise<CheckContext> {
    const scope = await this.agencies.scope(agencyCode);
    const summaries = await this.documents.list(scope);
    const records = [];
    const ours = [];
    for (const s of summaries) {
      if (s.number === null && s.direction !== 'outgoing') continue;
      const d = await this.documents.get(scope, s.id);
      if (s.number !== null) records.push(d);
      if (d.direction === 'outgoing' && d.content?.figures) ours.push(d);
    }
    const figures: ContextFigure[] = [];
    for (const d of ours) {
      let set;
      try {
        set = await this.figureSets.compute(scope, d);
      } catch (e) {
        // a figure the registry cannot compute now is the render's error to report, not the check's
        if (e instanceof DomainError) continue;
        throw e;
      }
      const document = { reference: d.number === null ? null : formatDocNumber(d), title: d.title };
      const chain = await this.chainFigures(scope, d.id);
      for (const a of figureAnchors(d.content!)) {
        const f = set.figures[a.name];
        if (!f || typeof f.value !== 'number' || f.parts || f.unit === 'text') continue;
        const related = chain.filter((c) => c.name === a.name).map(({ document: doc, value, note }) => ({ document: doc, value, note }));
        figures.push({ name: a.name, anchor: a.anchor, ...(a.unit ? { unit: a.unit } : {}), registryValue: valueOf(f), document, ...(related.length ? { related } : {}) });
      }
    }
    return { ...registryContext(records), ...(figures.length ? { figures } : {}) };
  }

  /**
   * The figures of the documents this one cites, as they were when last rendered (the stored figure
   * set of their latest rendition: for an issued KH, the numbers it went out with), so that a BC or a
   * QĐ stating the same named figure can be compared with them (figure.cross_document).
   */
  private async chainFigures(scope: AgencyScope, documentId: number): Promise<{ name: string; document: string; value: number; note: string }[]> {
    const out: { name: string; document: string; value: number; note: string }[] = [];
    for (const cited of await this.documents.cited(scope, documentId)) {
      if (cited.direction !== 'outgoing') continue;
      const last = (await this.figureSets.renditions(scope, cited.id)).at(-1);
      if (!last) continue;
      const ref = cited.number === null ? cited.title : formatDocNumber(cited);
      for (const f of Object.values(last.figures.figures)) {
        if (typeof f.value === 'number' && !f.parts && f.unit !== 'text') out.push({ name: f.name, document: ref, value: valueOf(f), note: `as rendered ${last.createdAt.slice(0, 10)}` });
      }
    }
    return out;
  }

  /**
   * Checks uploaded files and/or documents sent as text, all together (between-document checks
   * included). With an agency, against its registry; without, internal consistency only. Every
   * unreadable or unsupported file is reported at once (one error, a detail per file).
   */
  async check(agencyCode: string | undefined, uploads: UploadedDocument[], body: unknown): Promise<CheckReport> {
    const texts = textsOf(body);
    if (uploads.length === 0 && texts.length === 0) {
      throw DomainError.validation('check.no_input', 'nothing to check: upload files in the field "file" or send { filename, text }', [
        { path: 'file', message: 'at least one file or text is required', key: 'validation.required' },
      ]);
    }
    const context = agencyCode ? await this.context(agencyCode) : {};
    const inputs: CheckInput[] = [];
    const problems: { file: string; error: DomainError }[] = [];
    for (const u of uploads) {
      const file = basename(u.originalname.normalize('NFC'));
      try {
        inputs.push({ file, text: await bytesToText(file, u.buffer) });
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        problems.push({ file, error: e });
      }
    }
    texts.forEach((t, i) => inputs.push({ file: t.filename ?? (texts.length > 1 ? `van-ban-${i + 1}.txt` : 'van-ban.txt'), text: t.text }));
    if (problems.length > 0) {
      const unreadable = problems.some((p) => p.error.kind === 'unprocessable');
      throw new DomainError(
        unreadable ? 'check.unreadable' : 'check.unsupported',
        `${problems.length} file(s) cannot be checked`,
        unreadable ? 'unprocessable' : 'validation',
        problems.map((p) => ({ path: p.file, message: p.error.message, key: p.error.code })),
      );
    }
    return checkReportJson(checkTexts(inputs, context));
  }
}

/** Documents sent as text: none (an empty body next to uploads), one, or a list. */
function textsOf(body: unknown): { filename?: string; text: string }[] {
  if (body === undefined || body === null) return [];
  if (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0) return [];
  const parsed = parseInput(checkBody, body);
  return Array.isArray(parsed) ? parsed : [parsed];
}

/** A figure's value as a text states it: 6 with 1 decimal is 0,6. */
function valueOf(f: Figure): number {
  return f.decimals ? (f.value as number) / 10 ** f.decimals : (f.value as number);
}
