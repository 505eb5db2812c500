import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiAgencyScoped } from '../common/api-docs';
import { DomainError } from '../common/domain-error';
import { AgenciesService } from '../registry/agencies.service';
import { AgencyCode } from '../registry/agency-scope';
import { ArchiveService } from './archive.service';

@ApiTags('archive')
@ApiAgencyScoped()
@Controller()
export class ArchiveController {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly archive: ArchiveService,
  ) {}

  /** The sổ đăng ký văn bản đi of the agency, one year or all. */
  @Get('register')
  @ApiQuery({ name: 'year', required: false })
  async register(@AgencyCode() agency: string, @Query('year') year?: string) {
    if (year !== undefined && !/^\d{4}$/.test(year)) {
      throw DomainError.validation('validation.failed', '1 invalid field(s)', [{ path: 'year', message: 'a year, yyyy', key: 'validation.invalid_format' }]);
    }
    return this.archive.entries(await this.agencies.scope(agency), year ? Number(year) : undefined);
  }

  /** Recomputes the agency's chains and file hashes; 200 either way, `ok` says the verdict. */
  @Get('archive/verify')
  async verify(@AgencyCode() agency: string) {
    return this.archive.verify(await this.agencies.scope(agency));
  }

  /** An archived file of the agency, by its sha-256. */
  @Get('archive/files/:sha256')
  async file(@AgencyCode() agency: string, @Param('sha256') sha256: string, @Res() res: Response): Promise<void> {
    const scope = await this.agencies.scope(agency);
    const meta = await this.archive.fileMeta(scope, sha256);
    const bytes = await this.archive.readFile(sha256.toLowerCase());
    res
      .status(200)
      .type(meta.contentType)
      .setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(meta.name)}`)
      .send(bytes);
  }
}
