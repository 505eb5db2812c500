import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { BeneficiariesModule } from './beneficiaries/beneficiaries.module';
import { HouseholdsController } from './beneficiaries/households.controller';
import { HouseholdsService } from './beneficiaries/households.service';
import { CheckModule } from './checking/check.module';
import { DomainErrorFilter } from './common/domain-error.filter';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { DatabaseModule } from './database/database.module';
import { DraftsModule } from './drafting/drafts/drafts.module';
import { DocumentFiguresService } from './figure-sets/document-figures.service';
import { FigureSetsController } from './figure-sets/figure-sets.controller';
import { FigureSetsService } from './figure-sets/figure-sets.service';
import { IssuingModule } from './issuing/issuing.module';
import { PoliciesController } from './policies/policies.controller';
import { PoliciesService } from './policies/policies.service';
import { AgenciesController, OfficialsController } from './registry/agencies.controller';
import { AgenciesService } from './registry/agencies.service';
import { DocumentsController } from './registry/documents.controller';
import { DocumentsService } from './registry/documents.service';
import { OfficialsService } from './registry/officials.service';
import { RecordsService } from './registry/records.service';
import { RenderController } from './render/render.controller';
import { RenderService } from './render/render.service';

@Global()
@Module({})
class ConfigModule {
  static with(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}

@Module({})
export class AppModule {
  static with(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.with(config), DatabaseModule, IssuingModule, CheckModule, BeneficiariesModule, DraftsModule],
      controllers: [
        AgenciesController,
        OfficialsController,
        DocumentsController,
        HouseholdsController,
        PoliciesController,
        RenderController,
        FigureSetsController,
      ],
      providers: [
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        AgenciesService,
        OfficialsService,
        DocumentsService,
        HouseholdsService,
        PoliciesService,
        RecordsService,
        RenderService,
        FigureSetsService,
        DocumentFiguresService,
      ],
    };
  }
}
