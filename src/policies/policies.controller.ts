import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiAgencyScoped } from '../common/api-docs';
import { AgenciesService } from '../registry/agencies.service';
import { AgencyCode } from '../registry/agency-scope';
import { PoliciesService } from './policies.service';

@ApiTags('policies')
@ApiAgencyScoped()
@Controller()
export class PoliciesController {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly policies: PoliciesService,
  ) {}

  @Get('policies')
  async list(@AgencyCode() agency: string) {
    return this.policies.list(await this.agencies.scope(agency));
  }

  @Get('quotas')
  async quotas(@AgencyCode() agency: string) {
    return this.policies.quotas(await this.agencies.scope(agency));
  }
}
