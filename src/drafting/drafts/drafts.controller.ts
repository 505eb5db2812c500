import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiAgencyScoped, ApiZodBody } from '../../common/api-docs';
import { AgencyCode } from '../../registry/agency-scope';
import { draftInput, sectionTextInput } from './drafts.schemas';
import { DraftsService } from './drafts.service';

@ApiTags('drafting')
@Controller()
export class DraftsController {
  constructor(private readonly drafts: DraftsService) {}

  /** The wording templates, with what each needs (documents, inputs) and the figures it defines. */
  @Get('templates')
  @ApiQuery({ name: 'agency', required: false, description: 'shows the agency’s own wording (override) where it has one' })
  templates(@Query('agency') agency?: string) {
    return this.drafts.templates(agency);
  }

  /** Every problem of a template (and of the agency's override), with file:line:column. */
  @Get('templates/:name/check')
  @ApiQuery({ name: 'agency', required: false })
  check(@Param('name') name: string, @Query('agency') agency?: string) {
    return { template: name, problems: this.drafts.check(name, agency) };
  }

  /** `{ template, implements?, inputs? }` → a draft document record (status draft, no number). */
  @Post('drafts')
  @HttpCode(201)
  @ApiAgencyScoped()
  @ApiZodBody(draftInput)
  create(@AgencyCode() agency: string, @Body() body: unknown) {
    return this.drafts.create(agency, body);
  }

  @Get('drafts/:id')
  @ApiAgencyScoped()
  get(@AgencyCode() agency: string, @Param('id') id: string) {
    return this.drafts.get(agency, id);
  }

  /** One section as markup: title, kinhGui, canCu, body, recipients, annexes/<n>; body/<II|dieu-2> */
  @Get('drafts/:id/sections/:section')
  @ApiAgencyScoped()
  section(@AgencyCode() agency: string, @Param('id') id: string, @Param('section') section: string) {
    return this.drafts.section(agency, id, section);
  }

  @Get('drafts/:id/sections/:section/:part')
  @ApiAgencyScoped()
  sectionPart(@AgencyCode() agency: string, @Param('id') id: string, @Param('section') section: string, @Param('part') part: string) {
    return this.drafts.section(agency, id, section, part);
  }

  /** `{ text }` (markup with {{fig}}, {{cite}}); signature `{ official, mode? }`; figures `{ figures }` */
  @Patch('drafts/:id/sections/:section')
  @ApiAgencyScoped()
  @ApiZodBody(sectionTextInput)
  patch(@AgencyCode() agency: string, @Param('id') id: string, @Param('section') section: string, @Body() body: unknown) {
    return this.drafts.patch(agency, id, section, undefined, body);
  }

  @Patch('drafts/:id/sections/:section/:part')
  @ApiAgencyScoped()
  @ApiZodBody(sectionTextInput)
  patchPart(@AgencyCode() agency: string, @Param('id') id: string, @Param('section') section: string, @Param('part') part: string, @Body() body: unknown) {
    return this.drafts.patch(agency, id, section, part, body);
  }

  /** Hands the draft to the issuing workflow: draft → submitted (then /api/documents/:id/transitions, /issue). */
  @Post('drafts/:id/submit')
  @HttpCode(200)
  @ApiAgencyScoped()
  submit(@AgencyCode() agency: string, @Param('id') id: string, @Body() body: { note?: string } | undefined) {
    return this.drafts.submit(agency, id, typeof body?.note === 'string' ? body.note : undefined);
  }
}
