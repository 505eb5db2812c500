import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiAgencyScoped, ApiZodBody } from '../common/api-docs';
import { AgenciesService } from './agencies.service';
import { AgencyCode } from './agency-scope';
import { OfficialsService } from './officials.service';
import { agencyInput, officialInput } from './registry.schemas';

@ApiTags('agencies')
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  list() {
    return this.agencies.list();
  }

  @Get(':code')
  get(@Param('code') code: string) {
    return this.agencies.get(code.normalize('NFC'));
  }

  @Post()
  @ApiZodBody(agencyInput)
  create(@Body() body: unknown) {
    return this.agencies.create(body);
  }
}

@ApiTags('officials')
@ApiAgencyScoped()
@Controller('officials')
export class OfficialsController {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly officials: OfficialsService,
  ) {}

  @Get()
  async list(@AgencyCode() agency: string) {
    return this.officials.list(await this.agencies.scope(agency));
  }

  @Post()
  @ApiZodBody(officialInput)
  async create(@AgencyCode() agency: string, @Body() body: unknown) {
    return this.officials.create(await this.agencies.scope(agency), body);
  }
}
