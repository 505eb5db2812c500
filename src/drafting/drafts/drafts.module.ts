import { Module } from '@nestjs/common';
import { IssuingModule } from '../../issuing/issuing.module';
import { PoliciesService } from '../../policies/policies.service';
import { AgenciesService } from '../../registry/agencies.service';
import { OfficialsService } from '../../registry/officials.service';
import { DraftStore } from './draft-store';
import { DraftsController } from './drafts.controller';
import { DraftsService } from './drafts.service';

/**
 * Drafting from wording templates (templates/<name>/). The registry services are provided again
 * here (stateless, on the global DataSource): AppModule's own providers are not visible to an
 * imported module; the issuing workflow comes from IssuingModule's exports.
 */
@Module({
  imports: [IssuingModule],
  controllers: [DraftsController],
  providers: [AgenciesService, OfficialsService, PoliciesService, DraftStore, DraftsService],
  exports: [DraftsService],
})
export class DraftsModule {}
