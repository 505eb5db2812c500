import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { AgencyScope } from '../registry/agency-scope';
import { DocumentEntity } from '../registry/document.entity';
import type { PolicyRecord, QuotaRecord } from '../registry/records/record-set';
import { PolicyParameterEntity } from './policy-parameter.entity';
import { PolicyEntity } from './policy.entity';
import { QuotaEntity } from './quota.entity';

@Injectable()
export class PoliciesService {
  constructor(private readonly ds: DataSource) {}

  async list(scope: AgencyScope): Promise<PolicyRecord[]> {
    const policies = await this.ds.getRepository(PolicyEntity).find({ where: { agencyId: scope.id }, order: { id: 'ASC' } });
    const params = policies.length
      ? await this.ds.getRepository(PolicyParameterEntity).find({
          where: { policyId: In(policies.map((p) => p.id)) },
          order: { name: 'ASC', effectiveFrom: 'ASC' },
        })
      : [];
    const docCodes = await this.documentCodes(policies.map((p) => p.documentId));
    return policies.map((p) => ({
      code: p.code,
      agency: scope.code,
      name: p.name,
      ...(p.documentId ? { document: docCodes.get(p.documentId) } : {}),
      rule: p.rule,
      parameters: params
        .filter((x) => x.policyId === p.id)
        .map((x) => ({
          name: x.name,
          value: /^-?\d+$/.test(x.value) ? Number(x.value) : x.value,
          unit: x.unit,
          effectiveFrom: x.effectiveFrom,
          ...(x.effectiveTo ? { effectiveTo: x.effectiveTo } : {}),
          ...(x.source ? { source: x.source } : {}),
        })),
    }));
  }

  async quotas(scope: AgencyScope): Promise<QuotaRecord[]> {
    const rows = await this.ds.getRepository(QuotaEntity).find({ where: { agencyId: scope.id }, order: { id: 'ASC' } });
    const docCodes = await this.documentCodes(rows.map((q) => q.documentId));
    return rows.map((q) => ({
      code: q.code,
      agency: scope.code,
      indicator: q.indicator,
      year: q.year,
      baseline: q.baseline,
      target: q.target,
      ...(q.documentId ? { document: docCodes.get(q.documentId) } : {}),
      villages: q.villages,
    }));
  }

  private async documentCodes(ids: (number | null)[]): Promise<Map<number, string>> {
    const wanted = ids.filter((i): i is number => i !== null);
    if (!wanted.length) return new Map();
    const docs = await this.ds.getRepository(DocumentEntity).find({ where: { id: In(wanted) }, select: { id: true, code: true } });
    return new Map(docs.map((d) => [d.id, d.code]));
  }
}
