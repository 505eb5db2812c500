import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiQuery, ApiTags, type ApiBodyOptions } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiAgencyScoped, ApiZodBody } from '../common/api-docs';
import { AgencyCode } from '../registry/agency-scope';
import { BeneficiaryListsRequests, type DownloadFile, type UploadedWorkbook } from './beneficiary-lists.requests';
import { decisionInput } from './beneficiary-lists.schemas';

const MAX_WORKBOOK_BYTES = 100 * 1024 * 1024;

const UPLOAD_BODY: ApiBodyOptions = {
  schema: {
    type: 'object',
    required: ['file', 'list', 'policy'],
    properties: {
      file: { type: 'string', format: 'binary', description: 'the .xlsx workbook' },
      list: { type: 'string', description: 'the list code, e.g. ds-2026-dot-1' },
      policy: { type: 'string', description: 'the policy code (or id)' },
      from: { type: 'string', description: 'first month paid, yyyy-mm (else read above the header, or kept)' },
      to: { type: 'string', description: 'last month paid, yyyy-mm' },
      period: { type: 'string', description: 'poverty-standard period, e.g. 2026-2030' },
    },
  },
};

function send(res: Response, file: DownloadFile | { problems: unknown[] }): void {
  if (!('bytes' in file)) {
    res.status(200).json(file);
    return;
  }
  res.status(200).type(file.contentType).setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(file.bytes);
}

/** Beneficiary lists: upload (all or nothing), check, export, the QĐ phê duyệt danh sách, the posting list. */
@ApiTags('beneficiary-lists')
@ApiAgencyScoped()
@Controller('beneficiary-lists')
export class BeneficiaryListsController {
  constructor(private readonly lists: BeneficiaryListsRequests) {}

  @Get()
  list(@AgencyCode() agency: string) {
    return this.lists.list(agency);
  }

  /** Imports a workbook as the list (422 with every bad cell when any row is bad; nothing changes then). */
  @Post('import')
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_WORKBOOK_BYTES }, defParamCharset: 'utf8' }))
  import(@AgencyCode() agency: string, @UploadedFile() file: UploadedWorkbook | undefined, @Body() body: unknown) {
    return this.lists.import(agency, file, body);
  }

  /** Checks a workbook without importing it: `{ problems }`, or with ?format=xlsx the error workbook. */
  @Post('check')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiQuery({ name: 'format', enum: ['json', 'xlsx'], required: false })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_WORKBOOK_BYTES }, defParamCharset: 'utf8' }))
  async check(@AgencyCode() agency: string, @UploadedFile() file: UploadedWorkbook | undefined, @Body() body: unknown, @Query('format') format: string | undefined, @Res() res: Response) {
    send(res, await this.lists.check(agency, file, body, format));
  }

  @Get(':code')
  get(@AgencyCode() agency: string, @Param('code') code: string) {
    return this.lists.get(agency, code);
  }

  /** The list as a workbook in the layout the import reads. */
  @Get(':code/export')
  async export(@AgencyCode() agency: string, @Param('code') code: string, @Res() res: Response) {
    send(res, await this.lists.export(agency, code));
  }

  /** Drafts (or redrafts while a draft) the QĐ phê duyệt danh sách; render it at /api/documents/:id/render. */
  @Post(':code/decision')
  @ApiZodBody(decisionInput)
  decision(@AgencyCode() agency: string, @Param('code') code: string, @Body() body: unknown) {
    return this.lists.decision(agency, code, body);
  }

  /** The public posting list: no ID numbers, birth year only, no health, phone or bank data. */
  @Get(':code/posting')
  @ApiQuery({ name: 'format', enum: ['docx', 'pdf', 'html'], required: false })
  async posting(@AgencyCode() agency: string, @Param('code') code: string, @Query() query: Record<string, unknown>, @Res() res: Response) {
    send(res, await this.lists.posting(agency, code, query));
  }
}
