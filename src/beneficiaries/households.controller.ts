import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiAgencyScoped, ApiZodBody } from '../common/api-docs';
import { AgenciesService } from '../registry/agencies.service';
import { AgencyCode } from '../registry/agency-scope';
import { householdInput } from '../registry/registry.schemas';
import { HouseholdsService } from './households.service';

@ApiTags('households')
@ApiAgencyScoped()
@Controller('households')
export class HouseholdsController {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly households: HouseholdsService,
  ) {}

  @Get()
  async list(@AgencyCode() agency: string) {
    return this.households.list(await this.agencies.scope(agency));
  }

  @Post()
  @ApiZodBody(householdInput)
  async create(@AgencyCode() agency: string, @Body() body: unknown) {
    return this.households.create(await this.agencies.scope(agency), body);
  }
}
