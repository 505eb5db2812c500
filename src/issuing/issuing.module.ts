import { Module } from '@nestjs/common';
import { ArchiveController } from '../archive/archive.controller';
import { ArchiveService } from '../archive/archive.service';
import { AgenciesService } from '../registry/agencies.service';
import { ISSUE_RENDERER } from './issue-renderer';
import { IssuingController } from './issuing.controller';
import { IssuingService } from './issuing.service';
import { RenderIssueRenderer } from './render-issue-renderer';

/**
 * Workflow, issue, register and archive. AgenciesService is provided again here (it is stateless,
 * on the global DataSource): AppModule's own providers are not visible to an imported module.
 */
@Module({
  controllers: [IssuingController, ArchiveController],
  providers: [AgenciesService, ArchiveService, IssuingService, { provide: ISSUE_RENDERER, useClass: RenderIssueRenderer }],
  exports: [ArchiveService, IssuingService],
})
export class IssuingModule {}
