import { Module } from '@nestjs/common';
import { AgenciesService } from '../registry/agencies.service';
import { OfficialsService } from '../registry/officials.service';
import { BeneficiaryListsController } from './beneficiary-lists.controller';
import { BeneficiaryListsRequests } from './beneficiary-lists.requests';
import { BeneficiaryListsService } from './beneficiary-lists.service';

/**
 * Beneficiary lists: Excel import and export, the QĐ phê duyệt danh sách, the posting list. The
 * registry services are provided again here (stateless, on the global DataSource), as IssuingModule does.
 */
@Module({
  controllers: [BeneficiaryListsController],
  providers: [AgenciesService, OfficialsService, BeneficiaryListsService, BeneficiaryListsRequests],
  exports: [BeneficiaryListsService],
})
export class BeneficiariesModule {}
