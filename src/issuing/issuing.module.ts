import { Module } from '@nestjs/common';
import { ArchiveController } from '../archive/archive.controller';
import { ArchiveService } from '../archive/archive.service';
import { AgenciesService } from '../registry/agencies.service';
import { SigningController } from '../signing/signing.controller';
import { SigningImages } from '../signing/signing-images';
import { SigningService } from '../signing/signing.service';
import { ISSUE_RENDERER } from './issue-renderer';
import { IssuingController } from './issuing.controller';
import { IssuingService } from './issuing.service';
import { RenderIssueRenderer } from './render-issue-renderer';
import { FiguresDriftCheck } from '../figure-sets/figures-drift-check';
import { AttachmentSigning } from '../signing/attachment-signing';
import { DRIFT_CHECK } from '../signing/drift-check';

/**
 * Workflow, signing (leader, then agency at issue), issue, register and archive. AgenciesService
 * is provided again here (it is stateless, on the global DataSource): AppModule's own providers
 * are not visible to an imported module (SigningService reaches RenderService through ModuleRef).
 */
@Module({
  controllers: [IssuingController, ArchiveController, SigningController],
  providers: [
    AgenciesService,
    ArchiveService,
    IssuingService,
    SigningService,
    SigningImages,
    AttachmentSigning,
    { provide: ISSUE_RENDERER, useClass: RenderIssueRenderer },
    { provide: DRIFT_CHECK, useClass: FiguresDriftCheck },
  ],
  exports: [ArchiveService, IssuingService, SigningService],
})
export class IssuingModule {}
