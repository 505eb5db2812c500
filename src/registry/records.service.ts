import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import * as fs from 'node:fs';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { importRecordSet, totalChanges, type ImportSummary } from './records-import';
import { loadRecords, RecordsError } from './records/records-loader';

/** Imports a records/ folder or file: validated whole first (file:line errors), then one transaction. */
@Injectable()
export class RecordsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('records');

  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.importOnStart || !fs.existsSync(this.config.recordsDir)) return;
    const summary = await this.importPath(this.config.recordsDir);
    this.logger.log(`imported ${this.config.recordsDir}: ${totalChanges(summary)} change(s)`);
  }

  async importPath(path: string): Promise<ImportSummary> {
    let records;
    try {
      records = loadRecords(path);
    } catch (e) {
      if (e instanceof RecordsError) {
        throw new DomainError(
          'records.invalid',
          `${e.issues.length} problem(s) in ${path}; nothing was imported`,
          'unprocessable',
          e.issues.map((i) => ({ path: `${i.file}:${i.line}:${i.column} ${i.path}`.trim(), message: i.message })),
        );
      }
      throw e;
    }
    return importRecordSet(this.ds, records);
  }
}
