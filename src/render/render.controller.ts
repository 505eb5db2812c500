import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiAgencyScoped } from '../common/api-docs';
import { AgencyCode } from '../registry/agency-scope';
import { parseFormats, RenderService } from './render.service';

@ApiTags('render')
@ApiAgencyScoped()
@Controller('documents')
export class RenderController {
  constructor(private readonly render: RenderService) {}

  @Get(':id/render')
  @ApiQuery({ name: 'format', enum: ['docx', 'pdf', 'html'], required: false })
  async renderOne(
    @AgencyCode() agency: string,
    @Param('id') id: string,
    @Query('format') format: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const [file] = await this.render.render(agency, id, parseFormats(format).slice(0, 1));
    res
      .status(200)
      .type(file.contentType)
      .setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.bytes);
  }
}
