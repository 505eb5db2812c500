import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { parseInput } from '../common/zod-body';
import { AgencyEntity } from './agency.entity';
import type { AgencyScope } from './agency-scope';
import type { AgencyRecord } from './records/record-set';
import { agencyInput } from './registry.schemas';
import { UnitEntity } from './unit.entity';
import { VillageEntity } from './village.entity';
import { transaction } from '../database/transaction';

@Injectable()
export class AgenciesService {
  constructor(private readonly ds: DataSource) {}

  async list(): Promise<AgencyRecord[]> {
    const rows = await this.ds.getRepository(AgencyEntity).find({
      relations: { units: true, villages: true },
      order: { code: 'ASC' },
    });
    return rows.map(toRecord);
  }

  async get(code: string): Promise<AgencyRecord> {
    const row = await this.ds.getRepository(AgencyEntity).findOne({
      where: { code },
      relations: { units: true, villages: true },
    });
    if (!row) throw DomainError.notFound('agency', code);
    return toRecord(row);
  }

  /** The scope a request runs in: unknown agency → 404, never a silent empty result. */
  async scope(code: string): Promise<AgencyScope> {
    const row = await this.ds.getRepository(AgencyEntity).findOne({ where: { code }, select: { id: true, code: true } });
    if (!row) throw DomainError.notFound('agency', code);
    return { id: row.id, code: row.code };
  }

  async create(body: unknown): Promise<AgencyRecord> {
    const input = parseInput(agencyInput, body);
    return transaction(this.ds, async (em) => {
      if (await em.getRepository(AgencyEntity).existsBy({ code: input.code })) {
        throw new DomainError('agency.exists', `agency ${input.code} already exists`, 'conflict', [
          { path: 'code', message: 'already used' },
        ]);
      }
      const agency = await em.getRepository(AgencyEntity).save({
        code: input.code,
        name: input.name,
        shortName: input.shortName,
        governingBody: input.governingBody,
        issuerLines: input.issuerLines,
        abbreviation: input.abbreviation,
        placeName: input.placeName,
        province: input.province ?? null,
        numbering: input.numbering,
      });
      await em.getRepository(UnitEntity).save(input.units.map((u) => ({ ...u, agencyId: agency.id })));
      await em.getRepository(VillageEntity).save(input.villages.map((v) => ({ ...v, agencyId: agency.id })));
      return input;
    }).then(() => this.get(input.code));
  }
}

function toRecord(a: AgencyEntity): AgencyRecord {
  return {
    code: a.code,
    name: a.name,
    shortName: a.shortName,
    governingBody: a.governingBody,
    issuerLines: a.issuerLines,
    abbreviation: a.abbreviation,
    placeName: a.placeName,
    ...(a.province ? { province: a.province } : {}),
    numbering: a.numbering,
    units: [...(a.units ?? [])]
      .sort((x, y) => x.id - y.id)
      .map((u) => ({ abbreviation: u.abbreviation, name: u.name })),
    villages: [...(a.villages ?? [])]
      .sort((x, y) => x.id - y.id)
      .map((v) => ({ code: v.code, name: v.name, kind: v.kind as AgencyRecord['villages'][number]['kind'] })),
  };
}
