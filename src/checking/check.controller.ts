import { Body, Controller, Headers, HttpCode, Post, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiHeader, ApiTags } from '@nestjs/swagger';
import { AGENCY_HEADER } from '../registry/agency-scope';
import { CheckService, type UploadedDocument } from './check.service';

const MAX_FILES = 20;
const MAX_FILE_BYTES = 50 * 1024 * 1024;

@ApiTags('check')
@Controller('check')
export class CheckController {
  constructor(private readonly checks: CheckService) {}

  /**
   * Cross-check documents (.txt .md .docx .pdf uploaded in the field "file", or JSON `{ filename,
   * text }` / a list of them), together: `{ files: [ { file, findings } ] }` as `vanthu check --json`.
   */
  @Post()
  @HttpCode(200)
  @ApiHeader({ name: AGENCY_HEADER, required: false, description: 'check citations against this agency’s registry, e.g. kim-thanh' })
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        file: { type: 'array', items: { type: 'string', format: 'binary' } },
        filename: { type: 'string' },
        text: { type: 'string' },
      },
    },
  })
  @UseInterceptors(FilesInterceptor('file', MAX_FILES, { limits: { fileSize: MAX_FILE_BYTES }, defParamCharset: 'utf8' }))
  async check(@Headers(AGENCY_HEADER) agency: string | undefined, @UploadedFiles() files: UploadedDocument[] | undefined, @Body() body: unknown) {
    return this.checks.check(agency?.normalize('NFC'), files ?? [], body);
  }
}
