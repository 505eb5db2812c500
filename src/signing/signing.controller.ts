import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiAgencyScoped, ApiZodBody } from '../common/api-docs';
import { AgenciesService } from '../registry/agencies.service';
import { AgencyCode } from '../registry/agency-scope';
import { AttachmentSigning } from './attachment-signing';
import { attachmentSignInput, leaderSignInput } from './signing.schemas';
import { SigningService } from './signing.service';
import { uploadedBody } from './uploaded-body';

@ApiTags('signing')
@ApiAgencyScoped()
@Controller()
export class SigningController {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly signing: SigningService,
    private readonly attachments: AttachmentSigning,
  ) {}

  /** The leader signs an approved document (approved → signed); the agency's signature comes at issue. */
  @Post('documents/:id/sign')
  @HttpCode(201)
  @ApiZodBody(leaderSignInput)
  async sign(@AgencyCode() agency: string, @Param('id') id: string, @Body() body: unknown) {
    return this.signing.signFromBody(await this.agencies.scope(agency), id, body);
  }

  /** An attachment in a separate file: signed by the agency (number and time at the top right), archived, registered. */
  @Post('documents/:id/attachments')
  @HttpCode(201)
  @ApiZodBody(attachmentSignInput)
  async signAttachment(@AgencyCode() agency: string, @Param('id') id: string, @Body() body: unknown) {
    return this.attachments.signFromBody(await this.agencies.scope(agency), id, body);
  }

  /** The digital signatures recorded for a document, leader first. */
  @Get('documents/:id/signatures')
  async signatures(@AgencyCode() agency: string, @Param('id') id: string) {
    return this.signing.signatures(await this.agencies.scope(agency), id);
  }

  /** A PDF as the raw body (Content-Type: application/pdf): its signatures, the register, drift. */
  @Post('verify')
  @HttpCode(200)
  @ApiConsumes('application/pdf')
  @ApiBody({ description: 'the PDF to verify', schema: { type: 'string', format: 'binary' } })
  async verify(@AgencyCode() agency: string, @Req() req: Request) {
    return this.signing.verifyUpload(await uploadedBody(req), await this.agencies.scope(agency));
  }
}
