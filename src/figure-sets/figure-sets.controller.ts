import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiAgencyScoped } from '../common/api-docs';
import { AgencyCode } from '../registry/agency-scope';
import { DocumentFiguresService } from './document-figures.service';

@ApiTags('figures')
@ApiAgencyScoped()
@Controller('documents')
export class FigureSetsController {
  constructor(private readonly figures: DocumentFiguresService) {}

  @Get(':id/figures')
  figuresOf(@AgencyCode() agency: string, @Param('id') id: string) {
    return this.figures.report(agency, id);
  }

  @Get(':id/renditions')
  renditionsOf(@AgencyCode() agency: string, @Param('id') id: string) {
    return this.figures.renditions(agency, id);
  }
}
