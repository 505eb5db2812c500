import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiAgencyScoped, ApiZodBody } from '../common/api-docs';
import { AgenciesService } from '../registry/agencies.service';
import { AgencyCode } from '../registry/agency-scope';
import { issueInput, transitionInput } from './issuing.schemas';
import { IssuingService } from './issuing.service';

@ApiTags('issuing')
@ApiAgencyScoped()
@Controller('documents')
export class IssuingController {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly issuing: IssuingService,
  ) {}

  /** The document's status and the statuses it may go to next. */
  @Get(':id/workflow')
  async state(@AgencyCode() agency: string, @Param('id') id: string) {
    return this.issuing.state(await this.agencies.scope(agency), id);
  }

  @Get(':id/history')
  async history(@AgencyCode() agency: string, @Param('id') id: string) {
    return this.issuing.history(await this.agencies.scope(agency), id);
  }

  /** `{ to, by?, note? }`; an illegal transition is 409 workflow.illegal_transition. */
  @Post(':id/transitions')
  @HttpCode(200)
  @ApiZodBody(transitionInput)
  async transition(@AgencyCode() agency: string, @Param('id') id: string, @Body() body: unknown) {
    return this.issuing.transition(await this.agencies.scope(agency), id, body);
  }

  /** Number, date, register line and archived file, in one transaction. */
  @Post(':id/issue')
  @HttpCode(201)
  @ApiZodBody(issueInput)
  async issue(@AgencyCode() agency: string, @Param('id') id: string, @Body() body: unknown) {
    return this.issuing.issue(await this.agencies.scope(agency), id, body ?? {});
  }
}
