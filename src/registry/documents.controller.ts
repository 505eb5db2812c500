import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiAgencyScoped, ApiZodBody } from '../common/api-docs';
import { AgenciesService } from './agencies.service';
import { AgencyCode } from './agency-scope';
import { DocumentsService } from './documents.service';
import { documentInput, documentPatch } from './registry.schemas';

@ApiTags('documents')
@ApiAgencyScoped()
@Controller('documents')
export class DocumentsController {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly documents: DocumentsService,
  ) {}

  @Get()
  @ApiQuery({ name: 'direction', required: false, enum: ['outgoing', 'incoming'] })
  async list(@AgencyCode() agency: string, @Query('direction') direction?: 'outgoing' | 'incoming') {
    return this.documents.list(await this.agencies.scope(agency), direction);
  }

  /** `:id` is the record id, its code, or its reference URL-encoded ("128%2FKH-UBND"). */
  @Get(':id')
  async get(@AgencyCode() agency: string, @Param('id') id: string) {
    return this.documents.get(await this.agencies.scope(agency), id);
  }

  @Get(':id/citations')
  async citations(@AgencyCode() agency: string, @Param('id') id: string) {
    const scope = await this.agencies.scope(agency);
    return this.documents.cited(scope, (await this.documents.get(scope, id)).id);
  }

  @Post()
  @ApiZodBody(documentInput)
  async create(@AgencyCode() agency: string, @Body() body: unknown) {
    return this.documents.create(await this.agencies.scope(agency), body);
  }

  @Patch(':id')
  @ApiZodBody(documentPatch)
  async patch(@AgencyCode() agency: string, @Param('id') id: string, @Body() body: unknown) {
    return this.documents.patch(await this.agencies.scope(agency), id, body);
  }
}
