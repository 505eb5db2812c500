import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { parseInput } from '../common/zod-body';
import type { AgencyScope } from '../registry/agency-scope';
import type { HouseholdRecord } from '../registry/records/record-set';
import { householdInput } from '../registry/registry.schemas';
import { VillageEntity } from '../registry/village.entity';
import { HouseholdEntity } from './household.entity';
import { MemberEntity } from './member.entity';
import { transaction } from '../database/transaction';

@Injectable()
export class HouseholdsService {
  constructor(private readonly ds: DataSource) {}

  async list(scope: AgencyScope): Promise<HouseholdRecord[]> {
    const [households, villages] = await Promise.all([
      this.ds.getRepository(HouseholdEntity).find({ where: { agencyId: scope.id }, order: { id: 'ASC' } }),
      this.ds.getRepository(VillageEntity).find({ where: { agencyId: scope.id } }),
    ]);
    const members = households.length
      ? await this.ds
          .getRepository(MemberEntity)
          .find({ where: { agencyId: scope.id, householdId: In(households.map((h) => h.id)) }, order: { id: 'ASC' } })
      : [];
    const villageCode = new Map(villages.map((v) => [v.id, v.code]));
    return households.map((h) => ({
      code: h.code,
      agency: scope.code,
      village: villageCode.get(h.villageId)!,
      head: h.head,
      categories: h.categories,
      members: members
        .filter((m) => m.householdId === h.id)
        .map((m) => ({
          code: m.code,
          name: m.name,
          ...(m.birthDate ? { birthDate: m.birthDate } : {}),
          ...(m.birthYear ? { birthYear: m.birthYear } : {}),
          ...(m.gender ? { gender: m.gender as 'nam' | 'nữ' } : {}),
          ...(m.idNumber ? { idNumber: m.idNumber } : {}),
          ...(m.relation ? { relation: m.relation } : {}),
        })),
    }));
  }

  async create(scope: AgencyScope, body: unknown): Promise<HouseholdRecord> {
    const input = parseInput(householdInput, body);
    await transaction(this.ds, async (em) => {
      const village = await em.getRepository(VillageEntity).findOneBy({ agencyId: scope.id, code: input.village });
      const problems = [];
      if (!village) problems.push({ path: 'village', message: `no village ${input.village} in this agency` });
      if (await em.getRepository(HouseholdEntity).existsBy({ agencyId: scope.id, code: input.code })) {
        problems.push({ path: 'code', message: 'already used in this agency' });
      }
      const taken = input.members.length
        ? await em
            .getRepository(MemberEntity)
            .findBy({ agencyId: scope.id, code: In(input.members.map((m) => m.code)) })
        : [];
      for (const t of taken) {
        problems.push({ path: `members.${input.members.findIndex((m) => m.code === t.code)}.code`, message: 'already used' });
      }
      if (problems.length) throw DomainError.validation('validation.failed', `${problems.length} invalid field(s)`, problems);
      const h = await em.getRepository(HouseholdEntity).save({
        agencyId: scope.id,
        code: input.code,
        villageId: village!.id,
        head: input.head,
        categories: input.categories,
      });
      await em.getRepository(MemberEntity).save(
        input.members.map((m) => ({
          agencyId: scope.id,
          householdId: h.id,
          code: m.code,
          name: m.name,
          birthDate: m.birthDate ?? null,
          birthYear: m.birthYear ?? null,
          gender: m.gender ?? null,
          idNumber: m.idNumber ?? null,
          relation: m.relation ?? null,
        })),
      );
    });
    const created = (await this.list(scope)).find((h) => h.code === input.code);
    if (!created) throw new DomainError('internal', 'household vanished after insert', 'internal');
    return created;
  }
}
