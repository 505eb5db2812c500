import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { openDatabase } from './data-source';

/** The one DataSource, migrated to date before anything else runs. */
@Global()
@Module({
  providers: [{ provide: DataSource, inject: [APP_CONFIG], useFactory: (c: AppConfig) => openDatabase(c) }],
  exports: [DataSource],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}
