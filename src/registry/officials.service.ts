import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { parseInput } from '../common/zod-body';
import type { AgencyScope } from './agency-scope';
import { OfficialEntity } from './official.entity';
import type { OfficialRecord } from './records/record-set';
import { officialInput } from './registry.schemas';

@Injectable()
export class OfficialsService {
  constructor(private readonly ds: DataSource) {}

  async list(scope: AgencyScope): Promise<OfficialRecord[]> {
    const rows = await this.ds.getRepository(OfficialEntity).find({ where: { agencyId: scope.id }, order: { id: 'ASC' } });
    return rows.map((o) => ({ code: o.code, agency: scope.code, name: o.name, position: o.position }));
  }

  async create(scope: AgencyScope, body: unknown): Promise<OfficialRecord> {
    const input = parseInput(officialInput, body);
    const repo = this.ds.getRepository(OfficialEntity);
    if (await repo.existsBy({ agencyId: scope.id, code: input.code })) {
      throw new DomainError('official.exists', `official ${input.code} already exists`, 'conflict', [
        { path: 'code', message: 'already used in this agency' },
      ]);
    }
    await repo.save({ ...input, agencyId: scope.id });
    return { ...input, agency: scope.code };
  }
}
