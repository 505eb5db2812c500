import type { DataSource } from 'typeorm';
import { BeneficiaryListEntryEntity } from '../beneficiaries/beneficiary-list-entry.entity';
import { BeneficiaryListEntity } from '../beneficiaries/beneficiary-list.entity';
import { HouseholdEntity } from '../beneficiaries/household.entity';
import { MemberEntity } from '../beneficiaries/member.entity';
import type { RegistrySnapshot } from '../figures/compute-figures';
import { PolicyParameterEntity } from '../policies/policy-parameter.entity';
import { PolicyEntity } from '../policies/policy.entity';
import { QuotaEntity } from '../policies/quota.entity';
import type { AgencyScope } from '../registry/agency-scope';
import { VillageEntity } from '../registry/village.entity';

/**
 * The rows the figures engine reads, for one agency, as plain data: the only place that turns
 * registry entities into a RegistrySnapshot (no ORM type goes further). Ordered by id so that the
 * same registry always gives the same snapshot.
 */
export async function readRegistrySnapshot(ds: DataSource, scope: AgencyScope): Promise<RegistrySnapshot> {
  const where = { agencyId: scope.id };
  const order = { id: 'ASC' } as const;
  const [villages, households, members, quotas, policies, parameters, lists, entries] = await Promise.all([
    ds.getRepository(VillageEntity).find({ where, order }),
    ds.getRepository(HouseholdEntity).find({ where, order }),
    ds.getRepository(MemberEntity).find({ where, order }),
    ds.getRepository(QuotaEntity).find({ where, order }),
    ds.getRepository(PolicyEntity).find({ where, order }),
    ds.getRepository(PolicyParameterEntity).find({ where, order }),
    ds.getRepository(BeneficiaryListEntity).find({ where, order }),
    ds.getRepository(BeneficiaryListEntryEntity).find({ where, order: { listId: 'ASC', position: 'ASC', id: 'ASC' } }),
  ]);
  const villageCode = new Map(villages.map((v) => [v.id, v.code]));
  const householdCode = new Map(households.map((h) => [h.id, h.code]));
  const memberCode = new Map(members.map((m) => [m.id, m.code]));
  const entriesOf = new Map<number, BeneficiaryListEntryEntity[]>();
  for (const e of entries) {
    const l = entriesOf.get(e.listId);
    if (l) l.push(e);
    else entriesOf.set(e.listId, [e]);
  }
  return {
    villages: villages.map((v) => ({ id: v.id, code: v.code, name: v.name, totalHouseholds: v.totalHouseholds })),
    households: households.map((h) => ({
      id: h.id,
      code: h.code,
      village: villageCode.get(h.villageId) ?? '',
      categories: h.categories,
      attributes: h.attributes ?? {},
    })),
    members: members.map((m) => ({
      id: m.id,
      code: m.code,
      name: m.name,
      household: householdCode.get(m.householdId) ?? '',
      attributes: m.attributes ?? {},
      birthDate: m.birthDate,
      birthYear: m.birthYear,
    })),
    // every list, withdrawn ones too: a QĐ that approved a list keeps rendering it
    lists: lists.map((l) => ({
      code: l.code,
      entries: (entriesOf.get(l.id) ?? []).map((e) => ({ member: memberCode.get(e.memberId) ?? '', note: e.note, attributes: e.attributes ?? {} })),
    })),
    quotas: quotas.map((q) => ({ id: q.id, code: q.code, baseline: q.baseline, target: q.target, villages: q.villages })),
    policies: policies.map((p) => ({
      id: p.id,
      code: p.code,
      rule: p.rule,
      parameters: parameters
        .filter((x) => x.policyId === p.id)
        .map((x) => ({ id: x.id, name: x.name, value: x.value, effectiveFrom: x.effectiveFrom, effectiveTo: x.effectiveTo })),
    })),
  };
}
