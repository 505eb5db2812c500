import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { parseInput } from '../common/zod-body';
import { AgenciesService } from '../registry/agencies.service';
import { BeneficiaryListsService, type ListDetail, type ListImportSummary, type ListSummary } from './beneficiary-lists.service';
import { decisionInput, listImportFields, postingQuery } from './beneficiary-lists.schemas';

/** A workbook as multer hands it over. */
export interface UploadedWorkbook {
  originalname: string;
  buffer: Buffer;
}

export interface DownloadFile {
  contentType: string;
  fileName: string;
  bytes: Buffer;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Agency code + raw request → the service: what the controller calls, one line per route. */
@Injectable()
export class BeneficiaryListsRequests {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly lists: BeneficiaryListsService,
  ) {}

  async list(agency: string): Promise<ListSummary[]> {
    return this.lists.list(await this.agencies.scope(agency));
  }

  async get(agency: string, code: string): Promise<ListDetail> {
    return this.lists.get(await this.agencies.scope(agency), code);
  }

  /** The form's fields and its file, every problem of both reported together. */
  private input(file: UploadedWorkbook | undefined, body: unknown) {
    const noFile = { path: 'file', message: 'upload the .xlsx workbook in the field "file"', key: 'validation.required' };
    let fields;
    try {
      fields = parseInput(listImportFields, body ?? {});
    } catch (e) {
      if (e instanceof DomainError && !file) throw DomainError.validation(e.code, `${e.details.length + 1} invalid field(s)`, [...e.details, noFile]);
      throw e;
    }
    if (!file) throw DomainError.validation('validation.failed', '1 invalid field(s)', [noFile]);
    return { bytes: file.buffer, list: fields.list, policy: fields.policy, fromMonth: fields.from, toMonth: fields.to, period: fields.period };
  }

  async import(agency: string, file: UploadedWorkbook | undefined, body: unknown): Promise<ListImportSummary> {
    const scope = await this.agencies.scope(agency);
    return this.lists.importWorkbook(scope, this.input(file, body));
  }

  /** `{ problems }`, or the error workbook with format=xlsx. */
  async check(agency: string, file: UploadedWorkbook | undefined, body: unknown, format: string | undefined): Promise<DownloadFile | { problems: unknown[] }> {
    const scope = await this.agencies.scope(agency);
    const input = this.input(file, body);
    const { problems, errorWorkbook } = await this.lists.check(scope, input);
    if (format === 'xlsx') {
      const bytes = errorWorkbook ?? (await this.lists.emptyErrorWorkbook());
      return { contentType: XLSX, fileName: `${input.list}-loi.xlsx`, bytes };
    }
    return { problems };
  }

  async export(agency: string, code: string): Promise<DownloadFile> {
    const { fileName, bytes } = await this.lists.exportWorkbook(await this.agencies.scope(agency), code);
    return { contentType: XLSX, fileName, bytes };
  }

  async decision(agency: string, code: string, body: unknown): Promise<{ id: number; code: string; status: string }> {
    return this.lists.draftDecision(await this.agencies.scope(agency), code, parseInput(decisionInput, body ?? {}));
  }

  async posting(agency: string, code: string, query: unknown): Promise<DownloadFile> {
    const q = parseInput(postingQuery, query ?? {});
    const [file] = await this.lists.posting(await this.agencies.scope(agency), code, [q.format], { ...(q.signer ? { signer: q.signer } : {}), ...(q.days ? { days: q.days } : {}) });
    return file;
  }
}
