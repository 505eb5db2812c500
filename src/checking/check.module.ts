import { Module } from '@nestjs/common';
import { AgenciesService } from '../registry/agencies.service';
import { FigureSetsService } from '../figure-sets/figure-sets.service';
import { DocumentsService } from '../registry/documents.service';
import { CheckController } from './check.controller';
import { CheckService } from './check.service';

/**
 * POST /api/check and the registry context of `vanthu check`. The registry services are provided
 * again here (stateless, on the global DataSource), as IssuingModule does.
 */
@Module({
  controllers: [CheckController],
  providers: [AgenciesService, DocumentsService, FigureSetsService, CheckService],
  exports: [CheckService],
})
export class CheckModule {}
