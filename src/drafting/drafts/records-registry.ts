/**
 * A DraftingRegistry straight from a records/ RecordSet (no database): for specs and for checking
 * templates against the records folder. Row ids are positions, as a fresh import would number them.
 */
import type { RegistrySnapshot } from '../../figures/compute-figures';
import type { RecordSet } from '../../registry/records/record-set';
import type { DraftingRegistry } from './draft-builder';

export function registryFromRecords(set: RecordSet, agencyCode: string): DraftingRegistry {
  const agency = set.agencies.find((a) => a.code === agencyCode);
  if (!agency) throw new Error(`no agency ${agencyCode} in the records`);
  const mine = <T extends { agency: string }>(xs: T[]) => xs.filter((x) => x.agency === agencyCode);
  const households = mine(set.households);
  let memberId = 0;
  const snapshot: RegistrySnapshot = {
    villages: agency.villages.map((v, i) => ({ id: i + 1, code: v.code, name: v.name, totalHouseholds: v.totalHouseholds ?? null })),
    households: households.map((h, i) => ({ id: i + 1, code: h.code, village: h.village, categories: h.categories, attributes: h.attributes ?? {} })),
    members: households.flatMap((h) => h.members.map((m) => ({ id: ++memberId, code: m.code, name: m.name, household: h.code, attributes: m.attributes ?? {} }))),
    quotas: mine(set.quotas).map((q, i) => ({ id: i + 1, code: q.code, baseline: q.baseline, target: q.target, villages: q.villages ?? [] })),
    policies: mine(set.policies).map((p, i) => ({
      id: i + 1,
      code: p.code,
      rule: p.rule,
      parameters: p.parameters.map((x, j) => ({ id: i * 100 + j + 1, name: x.name, value: String(x.value), effectiveFrom: x.effectiveFrom, effectiveTo: x.effectiveTo ?? null })),
    })),
  };
  return {
    agency,
    officials: mine(set.officials),
    documents: mine(set.documents).map((d, i) => ({ ...d, id: i + 1 })),
    quotas: mine(set.quotas),
    policies: mine(set.policies),
    snapshot,
  };
}
