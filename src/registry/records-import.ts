import type { DataSource, EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { HouseholdEntity } from '../beneficiaries/household.entity';
import { MemberEntity } from '../beneficiaries/member.entity';
import { PolicyParameterEntity } from '../policies/policy-parameter.entity';
import { PolicyEntity } from '../policies/policy.entity';
import { WORKFLOW_STATES } from '../issuing/workflow';
import { QuotaEntity } from '../policies/quota.entity';
import { AgencyEntity } from './agency.entity';
import { CitationEntity } from './citation.entity';
import { DocumentEntity } from './document.entity';
import { OfficialEntity } from './official.entity';
import type { RecordSet } from './records/record-set';
import { UnitEntity } from './unit.entity';
import { VillageEntity } from './village.entity';
import { transaction } from '../database/transaction';

export interface ImportCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export type ImportSummary = Record<string, ImportCounts>;

/** Compares persisted values the way they round-trip (JSON columns as JSON, undefined as null). */
function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Upserts a whole RecordSet in ONE transaction, keyed by stable codes: importing twice changes
 * nothing, editing a value and re-importing updates that row, and any failure leaves the database
 * as it was. Rows absent from the records are left alone (the registry also holds what clerks
 * entered through the API).
 */
export async function importRecordSet(ds: DataSource, records: RecordSet): Promise<ImportSummary> {
  return transaction(ds, async (em) => new RecordsImporter(em).run(records));
}

class RecordsImporter {
  private readonly summary: ImportSummary = {};

  constructor(private readonly em: EntityManager) {}

  private async upsert<T extends ObjectLiteral>(
    kind: string,
    target: EntityTarget<T>,
    where: FindOptionsWhere<T>,
    values: Partial<T>,
  ): Promise<T> {
    const counts = (this.summary[kind] ??= { inserted: 0, updated: 0, unchanged: 0 });
    const repo = this.em.getRepository(target);
    const existing = await repo.findOneBy(where);
    if (!existing) {
      counts.inserted++;
      return repo.save(repo.create({ ...where, ...values } as T));
    }
    const changed = Object.entries(values).filter(([k, v]) => !sameValue((existing as Record<string, unknown>)[k], v));
    if (changed.length === 0) {
      counts.unchanged++;
      return existing;
    }
    counts.updated++;
    Object.assign(existing, values);
    return repo.save(existing);
  }

  async run(r: RecordSet): Promise<ImportSummary> {
    const agencyIds = new Map<string, number>();
    const villageIds = new Map<string, number>();
    for (const a of r.agencies) {
      const agency = await this.upsert('agencies', AgencyEntity, { code: a.code }, {
        name: a.name,
        shortName: a.shortName,
        governingBody: a.governingBody,
        issuerLines: a.issuerLines,
        abbreviation: a.abbreviation,
        placeName: a.placeName,
        province: a.province ?? null,
        numbering: a.numbering,
      });
      agencyIds.set(a.code, agency.id);
      for (const u of a.units) {
        await this.upsert('units', UnitEntity, { agencyId: agency.id, abbreviation: u.abbreviation }, { name: u.name });
      }
      for (const v of a.villages) {
        const village = await this.upsert('villages', VillageEntity, { agencyId: agency.id, code: v.code }, {
          name: v.name,
          kind: v.kind,
          totalHouseholds: v.totalHouseholds ?? null,
        });
        villageIds.set(`${a.code}/${v.code}`, village.id);
      }
    }
    const agencyId = (code: string): number => {
      const id = agencyIds.get(code);
      if (id === undefined) throw new Error(`unknown agency ${code}`);
      return id;
    };

    for (const o of r.officials) {
      await this.upsert('officials', OfficialEntity, { agencyId: agencyId(o.agency), code: o.code }, {
        name: o.name,
        position: o.position,
      });
    }

    const documentIds = new Map<string, number>();
    for (const d of r.documents) {
      const where = { agencyId: agencyId(d.agency), code: d.code };
      const existing = await this.em.getRepository(DocumentEntity).findOneBy(where);
      // A document the app has moved further along its workflow than the records say (numbered,
      // signed, issued here) keeps its workflow fields and its frozen content: re-importing records/
      // — every start does — must never reset an issued document.
      const movedOn = existing !== null && WORKFLOW_STATES.indexOf(existing.status) > WORKFLOW_STATES.indexOf(d.status);
      const workflow = movedOn ? {} : { number: d.number, date: d.date, status: d.status, title: d.title, content: d.content ?? null };
      const doc = await this.upsert('documents', DocumentEntity, where, {
        ...workflow,
        direction: d.direction,
        type: d.type,
        typeName: d.typeName,
        year: d.year,
        symbol: d.symbol,
        yearInNumber: d.yearInNumber,
        issuer: d.issuer,
        issuerAgency: d.issuerAgency ?? null,
        notes: d.notes ?? [],
        seed: d.seed ?? null,
      });
      documentIds.set(`${d.agency}/${d.code}`, doc.id);
    }
    for (const d of r.documents) {
      const from = documentIds.get(`${d.agency}/${d.code}`)!;
      for (const [i, cited] of d.citations.entries()) {
        const to = documentIds.get(`${d.agency}/${cited}`);
        if (to === undefined) throw new Error(`document ${d.code} cites unknown ${cited}`);
        await this.upsert(
          'citations',
          CitationEntity,
          { agencyId: agencyId(d.agency), fromDocumentId: from, toDocumentId: to },
          { ordinal: i + 1 },
        );
      }
    }

    for (const p of r.policies) {
      const aid = agencyId(p.agency);
      const policy = await this.upsert('policies', PolicyEntity, { agencyId: aid, code: p.code }, {
        name: p.name,
        rule: p.rule,
        documentId: p.document ? (documentIds.get(`${p.agency}/${p.document}`) ?? null) : null,
      });
      for (const param of p.parameters) {
        await this.upsert(
          'policyParameters',
          PolicyParameterEntity,
          { policyId: policy.id, name: param.name, effectiveFrom: param.effectiveFrom },
          {
            agencyId: aid,
            value: String(param.value),
            unit: param.unit,
            effectiveTo: param.effectiveTo ?? null,
            source: param.source ?? null,
          },
        );
      }
    }

    for (const h of r.households) {
      const aid = agencyId(h.agency);
      const villageId = villageIds.get(`${h.agency}/${h.village}`);
      if (villageId === undefined) throw new Error(`household ${h.code}: unknown village ${h.village}`);
      const household = await this.upsert('households', HouseholdEntity, { agencyId: aid, code: h.code }, {
        villageId,
        head: h.head,
        categories: h.categories,
        attributes: h.attributes ?? null,
      });
      for (const m of h.members) {
        // personal details a record leaves out are kept: a beneficiary list imported from Excel
        // fills them in (ID number, birth date) for members records/ names without them, and every
        // start re-imports records/
        const personal = Object.fromEntries(
          (['birthDate', 'birthYear', 'gender', 'idNumber', 'relation'] as const).filter((k) => m[k] !== undefined).map((k) => [k, m[k]]),
        );
        await this.upsert('members', MemberEntity, { agencyId: aid, code: m.code }, {
          householdId: household.id,
          name: m.name,
          ...personal,
          attributes: m.attributes ?? null,
        });
      }
    }

    for (const q of r.quotas) {
      await this.upsert('quotas', QuotaEntity, { agencyId: agencyId(q.agency), code: q.code }, {
        indicator: q.indicator,
        year: q.year,
        baseline: q.baseline,
        target: q.target,
        documentId: q.document ? (documentIds.get(`${q.agency}/${q.document}`) ?? null) : null,
        villages: q.villages ?? [],
      });
    }
    return this.summary;
  }
}

export function totalChanges(s: ImportSummary): number {
  return Object.values(s).reduce((n, c) => n + c.inserted + c.updated, 0);
}
