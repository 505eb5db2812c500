import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { DomainError, type ErrorDetail } from '../common/domain-error';
import { transaction } from '../database/transaction';
import { readRegistrySnapshot } from '../figure-sets/registry-snapshot';
import { computeFigureSet } from '../figures/compute-figures';
import { FigureError } from '../figures/figure-set';
import { PolicyParameterEntity } from '../policies/policy-parameter.entity';
import { PolicyEntity } from '../policies/policy.entity';
import { AgenciesService } from '../registry/agencies.service';
import type { AgencyScope } from '../registry/agency-scope';
import { CitationEntity } from '../registry/citation.entity';
import { DocumentEntity } from '../registry/document.entity';
import { OfficialsService } from '../registry/officials.service';
import { VillageEntity } from '../registry/village.entity';
import { renderDocx } from '../render/docx/docx-renderer';
import { renderHtml } from '../render/html/html-renderer';
import { renderPdf } from '../render/pdf/pdf-renderer';
import type { RenderedFile, RenderFormat } from '../render/render.service';
import { approvalDecision, citeDocument, decisionCode, type BasisDocument } from './approval-decision';
import { BeneficiaryListEntryEntity } from './beneficiary-list-entry.entity';
import { BeneficiaryListEntity } from './beneficiary-list.entity';
import { HouseholdEntity } from './household.entity';
import { COLUMN_HEADERS, findHeader, type ColumnKey } from './list-columns';
import { listPeriodFromTitle, listPeriodLine, MONTH_RE, payableCategories } from './list-period';
import { parseRows, problemPath, type RowProblem } from './list-rows';
import { monthsOverlap, validateRows, type ResolvedRow, type Warning } from './list-validation';
import { readWorkbook, UnreadableWorkbook, writeErrorWorkbook, writeListWorkbook, type SheetGrid } from './list-workbook';
import { MemberEntity } from './member.entity';
import { CATEGORY_LABELS, categoryLabel, isPovertyPeriod, POVERTY_CATEGORIES, povertyPeriodOf } from './poverty-categories';
import { postingModel, type PostedPerson } from './posting-list';

export interface ListImportInput {
  bytes: Buffer;
  /** the list's code (new or existing) */
  list: string;
  /** the policy's code or id */
  policy: string;
  fromMonth?: string;
  toMonth?: string;
  period?: string;
}

export interface ChangeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  removed?: number;
}

export interface ListImportSummary {
  list: string;
  agency: string;
  policy: string;
  period: string;
  fromMonth: string;
  toMonth: string;
  sheet: string;
  headerRow: number;
  people: number;
  counts: { lists: ChangeCounts; households: ChangeCounts; members: ChangeCounts; entries: ChangeCounts };
  /** rows inserted, updated or removed: 0 when the same file is imported again */
  changes: number;
  warnings: (Warning & { path: string })[];
  /** headers the import does not read */
  ignoredColumns: string[];
}

export interface ListSummary {
  code: string;
  agency: string;
  policy: string;
  period: string;
  fromMonth: string;
  toMonth: string;
  status: string;
  people: number;
  decision: { id: number; code: string; status: string } | null;
}

/** A person of a list as the registry holds it (internal: carries the ID number). */
export interface ListPerson {
  position: number;
  member: string;
  name: string;
  birthDate: string | null;
  birthYear: number | null;
  gender: string | null;
  idNumber: string | null;
  village: string;
  villageName: string;
  household: string;
  head: string;
  relation: string | null;
  category: string;
  note: string | null;
  attributes: Record<string, string | number | boolean>;
}

export type ListDetail = ListSummary & { people: number; entries: ListPerson[] };

/** A rejected workbook: every problem, and the workbook marking them for the clerk. */
export class ListImportError extends DomainError {
  constructor(
    message: string,
    readonly problems: RowProblem[],
    private readonly sheet: SheetGrid | undefined,
    private readonly headerRow: number | undefined,
  ) {
    super(
      'beneficiaries.import_invalid',
      message,
      'unprocessable',
      problems.map((p): ErrorDetail => ({ path: p.row ? problemPath(p) : '(tệp)', message: p.value !== undefined ? `${p.message} [ô ghi: ${p.value}]` : p.message, key: p.key })),
    );
  }

  errorWorkbook(): Promise<Buffer> {
    return writeErrorWorkbook(this.sheet, this.problems, this.headerRow);
  }
}

const CHUNK = 400;
/** rows of a list written together: members, then their entries */
const BLOCK = 2000;

/**
 * Multi-row INSERTs in plain SQL, columns from the entity's metadata (simple-json as JSON text, as
 * TypeORM stores it): a 100,000-member list goes in within seconds and without the query
 * builder's per-row objects. About 5,000 parameters per statement, below SQLite's and PostgreSQL's
 * limits. With `returning`, the new rows' code → id (SQLite ≥ 3.35 and PostgreSQL have RETURNING).
 */
async function insertChunks<T extends ObjectLiteral>(em: EntityManager, target: EntityTarget<T>, rows: Partial<T>[], opts: { returning?: boolean } = {}): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (rows.length === 0) return ids;
  const meta = em.connection.getMetadata(target);
  const columns = meta.columns.filter((c) => !c.isGenerated);
  const postgres = em.connection.options.type === 'postgres';
  const per = Math.max(1, Math.floor(5000 / columns.length));
  const head = `INSERT INTO "${meta.tableName}" (${columns.map((c) => `"${c.databaseName}"`).join(', ')}) VALUES `;
  for (let i = 0; i < rows.length; i += per) {
    const params: unknown[] = [];
    const tuples = rows.slice(i, i + per).map((r) => {
      const marks = columns.map((c) => {
        const v = (r as Record<string, unknown>)[c.propertyName];
        params.push(v === undefined || v === null ? null : c.type === 'simple-json' ? JSON.stringify(v) : v);
        return postgres ? `$${params.length}` : '?';
      });
      return `(${marks.join(', ')})`;
    });
    const out = (await em.query(head + tuples.join(', ') + (opts.returning ? ' RETURNING "id", "code"' : ''), params)) as { id: number; code: string }[] | unknown;
    if (opts.returning && Array.isArray(out)) for (const r of out as { id: number; code: string }[]) ids.set(r.code, Number(r.id));
  }
  return ids;
}

/** JSON with sorted keys: attributes compare by value, not by key order. */
function canonical(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v !== 'object') return JSON.stringify(v);
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
}

const SENSITIVE_COLUMNS: [keyof typeof COLUMN_HEADERS, string][] = [
  ['group', 'doi_tuong'],
  ['allowance', 'tro_cap_dang_huong'],
  ['fromMonth', 'tu_thang'],
  ['toMonth', 'den_thang'],
  ['health', 'suc_khoe'],
  ['phone', 'dien_thoai'],
  ['bank', 'tai_khoan'],
  ['ethnicity', 'dan_toc'],
];

const mmYyyy = (m: string) => `${m.slice(5)}/${m.slice(0, 4)}`;

function basisOf(d: DocumentEntity): BasisDocument {
  return { code: d.code, type: d.type, typeName: d.typeName, number: d.number, year: d.year, symbol: d.symbol, yearInNumber: d.yearInNumber, issuer: d.issuer, date: d.date, title: d.title };
}

/**
 * Beneficiary lists: import from Excel (all or nothing, idempotent), export in the same layout, the
 * approving QĐ as a registry document, and the public posting list. Every query is scoped by agency.
 */
@Injectable()
export class BeneficiaryListsService {
  constructor(
    private readonly ds: DataSource,
    private readonly agencies: AgenciesService,
    private readonly officials: OfficialsService,
  ) {}

  // ---------------------------------------------------------------- import

  /** Reads and checks a workbook without importing it: the problems, and the error workbook. */
  async check(scope: AgencyScope, input: ListImportInput): Promise<{ problems: RowProblem[]; errorWorkbook: Buffer | null }> {
    try {
      await this.importWorkbook(scope, input, { dryRun: true });
      return { problems: [], errorWorkbook: null };
    } catch (e) {
      if (e instanceof ListImportError) return { problems: e.problems, errorWorkbook: await e.errorWorkbook() };
      throw e;
    }
  }

  async importWorkbook(scope: AgencyScope, input: ListImportInput, opts: { dryRun?: boolean } = {}): Promise<ListImportSummary> {
    const code = input.list.normalize('NFC').trim();
    if (!/^[a-z0-9][a-z0-9-]*$/.test(code) || code.length > 64) {
      throw DomainError.validation('validation.failed', 'bad list code', [{ path: 'list', message: 'lower-case letters, digits and "-" (at most 64)', key: 'validation.regex' }]);
    }
    let sheets: SheetGrid[];
    try {
      sheets = await readWorkbook(input.bytes);
    } catch (e) {
      if (e instanceof UnreadableWorkbook) throw new ListImportError(`không đọc được tệp Excel (.xlsx): ${e.message}`, [{ row: 0, key: 'beneficiaries.file.unreadable', message: 'không đọc được tệp Excel (.xlsx)' }], undefined, undefined);
      throw e;
    }
    // the first sheet whose header is found; else the first sheet's problems
    let sheet: SheetGrid | undefined;
    let found: ReturnType<typeof findHeader> | undefined;
    for (const s of sheets) {
      const h = findHeader(s.rows);
      if (h.layout) {
        sheet = s;
        found = h;
        break;
      }
      found ??= h;
      sheet ??= s;
    }
    const layout = found?.layout;
    const headerProblems: RowProblem[] = (found?.problems ?? [{ key: 'beneficiaries.file.empty', message: 'tệp không có trang tính nào' }]).map((p) => ({
      row: p.row ?? 0,
      ...(p.col ? { col: p.col, header: layout?.columns.find((c) => c.col === p.col)?.header } : {}),
      key: p.key,
      message: p.message,
    }));
    const headerRow = layout?.headerRows[0];
    const fail = (problems: RowProblem[]): never => {
      const sorted = [...problems].sort((a, b) => a.row - b.row || (a.col ?? 0) - (b.col ?? 0));
      throw new ListImportError(`${sorted.length} lỗi trong tệp; không nhập gì vào sổ`, sorted, sheet, headerRow);
    };
    if (!layout || !sheet) return fail(headerProblems);
    const parsed = parseRows(sheet.rows, layout);

    const policy = await this.policy(scope, input.policy);
    const titleMonths = listPeriodFromTitle(sheet.rows.slice(0, layout.headerRows[0] - 1));
    const existing = await this.ds.getRepository(BeneficiaryListEntity).findOneBy({ agencyId: scope.id, code });
    const fromMonth = input.fromMonth ?? titleMonths?.fromMonth ?? existing?.fromMonth;
    const toMonth = input.toMonth ?? titleMonths?.toMonth ?? existing?.toMonth;
    const optionProblems: ErrorDetail[] = [];
    if (!fromMonth || !MONTH_RE.test(fromMonth)) optionProblems.push({ path: 'from', message: 'the first month paid, yyyy-mm (--from; or "Thời gian hỗ trợ: từ tháng mm/yyyy đến tháng mm/yyyy" above the header)', key: 'validation.required' });
    if (!toMonth || !MONTH_RE.test(toMonth)) optionProblems.push({ path: 'to', message: 'the last month paid, yyyy-mm (--to)', key: 'validation.required' });
    if (fromMonth && toMonth && MONTH_RE.test(fromMonth) && MONTH_RE.test(toMonth) && toMonth < fromMonth) optionProblems.push({ path: 'to', message: `${toMonth} is before ${fromMonth}`, key: 'validation.range' });
    const period = input.period ?? titleMonths?.period ?? existing?.period ?? (fromMonth ? povertyPeriodOf(fromMonth) : null);
    if (!period || !isPovertyPeriod(period)) optionProblems.push({ path: 'period', message: 'a poverty-standard period: 2016-2020, 2021-2025 or 2026-2030', key: 'validation.enum' });
    const payable = payableCategories(policy.rule, policy.parameters, fromMonth ?? '0000-01', toMonth ?? '9999-12');
    if (payable === null) optionProblems.push({ path: 'policy', message: `policy ${policy.code} has rule "${policy.rule}", which pays no list`, key: 'beneficiaries.policy.rule' });
    if (optionProblems.length) throw DomainError.validation('validation.failed', `${optionProblems.length} invalid option(s)`, optionProblems);
    const months = { fromMonth: fromMonth!, toMonth: toMonth! };

    const run = async (em: EntityManager): Promise<ListImportSummary> => {
      // one after another: a transaction is one connection
      const villages = await em.getRepository(VillageEntity).find({ where: { agencyId: scope.id }, order: { id: 'ASC' } });
      const households = await em.getRepository(HouseholdEntity).find({ where: { agencyId: scope.id }, select: { id: true, code: true, villageId: true, head: true, categories: true } });
      const members = await em.getRepository(MemberEntity).find({
        where: { agencyId: scope.id },
        select: { id: true, code: true, householdId: true, name: true, idNumber: true, birthDate: true, birthYear: true, gender: true, relation: true },
      });
      const others = await em.getRepository(BeneficiaryListEntity).find({ where: { agencyId: scope.id, policyId: policy.id, status: 'active' } });
      const villageCode = new Map(villages.map((v) => [v.id, v.code]));
      const villageId = new Map(villages.map((v) => [v.code, v.id]));
      const householdById = new Map(households.map((h) => [h.id, h]));
      const householdByCode = new Map(households.map((h) => [h.code, h]));
      const memberByIdNumber = new Map(members.filter((m) => m.idNumber).map((m) => [m.idNumber!, m]));
      const overlapping = others.filter((l) => l.code !== code && monthsOverlap(l, months));
      const otherEntries = overlapping.length
        ? await em.getRepository(BeneficiaryListEntryEntity).find({ where: { agencyId: scope.id, listId: In(overlapping.map((l) => l.id)) }, select: { listId: true, memberId: true } })
        : [];
      const idOfMember = new Map(members.map((m) => [m.id, m.idNumber]));
      const result = validateRows(parsed.rows, layout.columns, {
        period: period!,
        ...months,
        villages: villages.map((v) => ({ code: v.code, name: v.name })),
        payable: payable!,
        households: new Map(households.map((h) => [h.code, { village: villageCode.get(h.villageId) ?? '', head: h.head, ...(h.categories[period!] ? { category: h.categories[period!] } : {}) }])),
        members: new Map(members.filter((m) => m.idNumber).map((m) => [m.idNumber!, { household: householdById.get(m.householdId)?.code ?? '', name: m.name }])),
        otherLists: overlapping.map((l) => ({
          code: l.code,
          fromMonth: l.fromMonth,
          toMonth: l.toMonth,
          idNumbers: new Set(otherEntries.filter((e) => e.listId === l.id).map((e) => idOfMember.get(e.memberId)).filter((x): x is string => Boolean(x))),
        })),
      });
      const problems = [...headerProblems, ...parsed.problems, ...result.problems];
      if (problems.length) fail(problems);
      // the grid and the parsed rows are needed only for an error workbook: let them go before writing
      sheet.rows.length = 0;
      parsed.rows.length = 0;

      const summary: ListImportSummary = {
        list: code,
        agency: scope.code,
        policy: policy.code,
        period: period!,
        ...months,
        sheet: sheet.name,
        headerRow: layout.headerRows[0],
        people: result.rows.length,
        counts: {
          lists: { inserted: 0, updated: 0, unchanged: 0 },
          households: { inserted: 0, updated: 0, unchanged: 0 },
          members: { inserted: 0, updated: 0, unchanged: 0 },
          entries: { inserted: 0, updated: 0, unchanged: 0, removed: 0 },
        },
        changes: 0,
        warnings: result.warnings.map((w) => ({ ...w, path: problemPath(w) })),
        ignoredColumns: layout.ignored.map((c) => c.header),
      };
      if (opts.dryRun) return summary;
      // read again inside the transaction: another import of the same list may have come first
      const current = await em.getRepository(BeneficiaryListEntity).findOneBy({ agencyId: scope.id, code });
      await this.write(em, scope, code, policy.id, period!, months, current, result.rows, { villageId, householdByCode, memberByIdNumber, members }, summary);
      const c = summary.counts;
      summary.changes = [c.lists, c.households, c.members, c.entries].reduce((s, x) => s + x.inserted + x.updated + (x.removed ?? 0), 0);
      return summary;
    };
    return opts.dryRun ? run(this.ds.manager) : transaction(this.ds, run);
  }

  /** One transaction: households, members, the list and its entries, each inserted, updated or left. */
  private async write(
    em: EntityManager,
    scope: AgencyScope,
    code: string,
    policyId: number,
    period: string,
    months: { fromMonth: string; toMonth: string },
    existing: BeneficiaryListEntity | null,
    rows: ResolvedRow[],
    known: {
      villageId: Map<string, number>;
      householdByCode: Map<string, HouseholdEntity>;
      memberByIdNumber: Map<string, MemberEntity>;
      members: MemberEntity[];
    },
    summary: ListImportSummary,
  ): Promise<void> {
    const { counts } = summary;
    // a list approved by an issued (or signed …) decision is frozen: a new list replaces it
    let entriesBefore: BeneficiaryListEntryEntity[] = [];
    if (existing) {
      entriesBefore = await em.getRepository(BeneficiaryListEntryEntity).find({ where: { agencyId: scope.id, listId: existing.id }, order: { position: 'ASC' } });
    }

    // households
    const newHouseholds = new Map<string, Partial<HouseholdEntity>>();
    const touched = new Set<string>();
    for (const r of rows) {
      if (touched.has(r.household)) continue;
      touched.add(r.household);
      const h = known.householdByCode.get(r.household);
      if (!h) {
        newHouseholds.set(r.household, {
          agencyId: scope.id,
          code: r.household,
          villageId: known.villageId.get(r.village)!,
          head: r.head ?? r.name,
          categories: { [period]: r.category },
          attributes: null,
        });
      } else if (h.categories[period] === undefined) {
        await em.getRepository(HouseholdEntity).update({ id: h.id }, { categories: { ...h.categories, [period]: r.category } });
        counts.households.updated++;
      } else counts.households.unchanged++;
    }
    const householdId = await insertChunks(em, HouseholdEntity, [...newHouseholds.values()], { returning: true });
    counts.households.inserted += newHouseholds.size;
    newHouseholds.clear();
    for (const [c, h] of known.householdByCode) householdId.set(c, h.id);

    // members: by số định danh, else the member of the same household with the same name and no number yet
    const codes = new Set(known.members.map((m) => m.code));
    const withoutId = new Map<string, MemberEntity>();
    for (const m of known.members) if (!m.idNumber) withoutId.set(`${m.householdId}|${m.name.normalize('NFC').toLocaleLowerCase('vi')}`, m);
    const nextCode = (household: string): string => {
      const base = household.slice(0, 56);
      for (let k = 1; ; k++) {
        const c = `${base}-tv${k}`;
        if (!codes.has(c)) {
          codes.add(c);
          return c;
        }
      }
    };
    // the list
    let listId: number;
    if (!existing) {
      const saved = await em.getRepository(BeneficiaryListEntity).save({ agencyId: scope.id, code, policyId, period, ...months, status: 'active', decisionDocumentId: null });
      listId = saved.id;
      counts.lists.inserted++;
    } else {
      listId = existing.id;
      const next = { policyId, period, ...months, status: 'active' as const };
      const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => existing[k] !== next[k]);
      if (changed.length) {
        await em.getRepository(BeneficiaryListEntity).update({ id: existing.id }, next);
        counts.lists.updated++;
      } else counts.lists.unchanged++;
    }

    // members and entries, a block of rows at a time (no list-long arrays of new rows); the file is the list
    const before = new Map(entriesBefore.map((e) => [e.memberId, e]));
    const seen = new Set<number>();
    for (let start = 0; start < rows.length; start += BLOCK) {
      const block = rows.slice(start, start + BLOCK);
      const newMembers: Partial<MemberEntity>[] = [];
      const memberOf: (number | string)[] = [];
      for (const r of block) {
        const hid = householdId.get(r.household)!;
        const m = known.memberByIdNumber.get(r.idNumber) ?? withoutId.get(`${hid}|${r.name.toLocaleLowerCase('vi')}`);
        if (!m) {
          const c = nextCode(r.household);
          memberOf.push(c);
          newMembers.push({
            agencyId: scope.id,
            householdId: hid,
            code: c,
            name: r.name,
            birthDate: r.birth.date ?? null,
            birthYear: r.birth.year,
            gender: r.gender ?? null,
            idNumber: r.idNumber,
            relation: r.relation ?? null,
            attributes: null,
          });
          continue;
        }
        memberOf.push(m.id);
        const next = {
          householdId: hid,
          name: r.name,
          // a row giving the year only keeps a known full date of that year
          birthDate: r.birth.date ?? (m.birthDate && m.birthDate.startsWith(String(r.birth.year)) ? m.birthDate : null),
          birthYear: r.birth.year,
          gender: r.gender ?? m.gender,
          idNumber: r.idNumber,
          relation: r.relation ?? m.relation,
        };
        const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => (m[k] ?? null) !== (next[k] ?? null));
        if (changed.length) {
          await em.getRepository(MemberEntity).update({ id: m.id }, Object.fromEntries(changed.map((k) => [k, next[k]])));
          counts.members.updated++;
        } else counts.members.unchanged++;
      }
      const fresh = await insertChunks(em, MemberEntity, newMembers, { returning: true });
      counts.members.inserted += newMembers.length;

      const inserts: Partial<BeneficiaryListEntryEntity>[] = [];
      for (const [k, r] of block.entries()) {
        const ref = memberOf[k];
        const mid = typeof ref === 'number' ? ref : fresh.get(ref)!;
        seen.add(mid);
        const want = { position: start + k + 1, category: r.category, note: r.note ?? null, attributes: Object.keys(r.attributes).length ? r.attributes : null };
        const e = before.get(mid);
        if (!e) {
          inserts.push({ agencyId: scope.id, listId, memberId: mid, ...want });
          continue;
        }
        if (e.position !== want.position || e.category !== want.category || (e.note ?? null) !== want.note || canonical(e.attributes) !== canonical(want.attributes)) {
          await em.getRepository(BeneficiaryListEntryEntity).update({ id: e.id }, want);
          counts.entries.updated++;
        } else counts.entries.unchanged++;
      }
      await insertChunks(em, BeneficiaryListEntryEntity, inserts);
      counts.entries.inserted += inserts.length;
    }
    const gone = entriesBefore.filter((e) => !seen.has(e.memberId)).map((e) => e.id);
    for (let i = 0; i < gone.length; i += CHUNK) await em.getRepository(BeneficiaryListEntryEntity).delete({ id: In(gone.slice(i, i + CHUNK)) });
    counts.entries.removed = gone.length;

    const changes = counts.lists.updated + counts.entries.inserted + counts.entries.updated + gone.length + counts.members.updated + counts.households.updated;
    if (existing && changes > 0) await this.refuseFrozen(em, scope, existing);
  }

  /** A list whose decision has left the draft state cannot change: import it as a new list. */
  private async refuseFrozen(em: EntityManager, scope: AgencyScope, list: BeneficiaryListEntity): Promise<void> {
    if (list.decisionDocumentId === null) return;
    const doc = await em.getRepository(DocumentEntity).findOne({ where: { agencyId: scope.id, id: list.decisionDocumentId }, select: { id: true, code: true, status: true } });
    if (doc && doc.status !== 'draft') {
      throw new DomainError('beneficiaries.list_frozen', `danh sách ${list.code} đã được phê duyệt (${doc.code}, ${doc.status}): nhập danh sách mới với mã khác`, 'conflict', [
        { path: 'list', message: `approved by ${doc.code} (${doc.status}); import the changes as a new list`, key: 'beneficiaries.list_frozen' },
      ]);
    }
  }

  private async policy(scope: AgencyScope, ref: string) {
    const repo = this.ds.getRepository(PolicyEntity);
    const p = (/^\d+$/.test(ref) ? await repo.findOneBy({ agencyId: scope.id, id: Number(ref) }) : null) ?? (await repo.findOneBy({ agencyId: scope.id, code: ref.normalize('NFC') }));
    if (!p) throw DomainError.notFound('policy', ref);
    const parameters = await this.ds.getRepository(PolicyParameterEntity).find({ where: { agencyId: scope.id, policyId: p.id }, order: { name: 'ASC', effectiveFrom: 'ASC' } });
    return { id: p.id, code: p.code, name: p.name, rule: p.rule, documentId: p.documentId, parameters: parameters.map((x) => ({ name: x.name, effectiveFrom: x.effectiveFrom, effectiveTo: x.effectiveTo })) };
  }

  // ---------------------------------------------------------------- reading

  async list(scope: AgencyScope): Promise<ListSummary[]> {
    const lists = await this.ds.getRepository(BeneficiaryListEntity).find({ where: { agencyId: scope.id }, order: { id: 'ASC' } });
    return Promise.all(lists.map((l) => this.summary(scope, l)));
  }

  private async summary(scope: AgencyScope, l: BeneficiaryListEntity): Promise<ListSummary> {
    const [policy, people, doc] = await Promise.all([
      this.ds.getRepository(PolicyEntity).findOne({ where: { agencyId: scope.id, id: l.policyId }, select: { id: true, code: true } }),
      this.ds.getRepository(BeneficiaryListEntryEntity).countBy({ agencyId: scope.id, listId: l.id }),
      l.decisionDocumentId === null
        ? null
        : this.ds.getRepository(DocumentEntity).findOne({ where: { agencyId: scope.id, id: l.decisionDocumentId }, select: { id: true, code: true, status: true } }),
    ]);
    return {
      code: l.code,
      agency: scope.code,
      policy: policy?.code ?? '',
      period: l.period,
      fromMonth: l.fromMonth,
      toMonth: l.toMonth,
      status: l.status,
      people,
      decision: doc ? { id: doc.id, code: doc.code, status: doc.status } : null,
    };
  }

  private async find(scope: AgencyScope, code: string): Promise<BeneficiaryListEntity> {
    const l = await this.ds.getRepository(BeneficiaryListEntity).findOneBy({ agencyId: scope.id, code: code.normalize('NFC') });
    if (!l) throw DomainError.notFound('beneficiary list', code);
    return l;
  }

  async get(scope: AgencyScope, code: string): Promise<ListDetail> {
    const l = await this.find(scope, code);
    const entries = await this.people(scope, l);
    return { ...(await this.summary(scope, l)), entries };
  }

  private async people(scope: AgencyScope, l: BeneficiaryListEntity): Promise<ListPerson[]> {
    const entries = await this.ds.getRepository(BeneficiaryListEntryEntity).find({ where: { agencyId: scope.id, listId: l.id }, order: { position: 'ASC' } });
    const members = new Map<number, MemberEntity>();
    const ids = entries.map((e) => e.memberId);
    for (let i = 0; i < ids.length; i += CHUNK) {
      for (const m of await this.ds.getRepository(MemberEntity).findBy({ agencyId: scope.id, id: In(ids.slice(i, i + CHUNK)) })) members.set(m.id, m);
    }
    const hids = [...new Set([...members.values()].map((m) => m.householdId))];
    const households = new Map<number, HouseholdEntity>();
    for (let i = 0; i < hids.length; i += CHUNK) {
      for (const h of await this.ds.getRepository(HouseholdEntity).findBy({ agencyId: scope.id, id: In(hids.slice(i, i + CHUNK)) })) households.set(h.id, h);
    }
    const villages = new Map((await this.ds.getRepository(VillageEntity).findBy({ agencyId: scope.id })).map((v) => [v.id, v]));
    return entries.map((e) => {
      const m = members.get(e.memberId)!;
      const h = households.get(m.householdId)!;
      const v = villages.get(h.villageId)!;
      return {
        position: e.position,
        member: m.code,
        name: m.name,
        birthDate: m.birthDate,
        birthYear: m.birthYear ?? (m.birthDate ? Number(m.birthDate.slice(0, 4)) : null),
        gender: m.gender,
        idNumber: m.idNumber,
        village: v.code,
        villageName: v.name,
        household: h.code,
        head: h.head,
        relation: m.relation,
        category: e.category,
        note: e.note,
        attributes: e.attributes ?? {},
      };
    });
  }

  // ---------------------------------------------------------------- export

  /** The list as a workbook in the layout the import reads: export → import changes nothing. */
  async exportWorkbook(scope: AgencyScope, code: string): Promise<{ fileName: string; bytes: Buffer }> {
    const l = await this.find(scope, code);
    const [agency, policy, people] = await Promise.all([this.agencies.get(scope.code), this.ds.getRepository(PolicyEntity).findOneByOrFail({ agencyId: scope.id, id: l.policyId }), this.people(scope, l)]);
    const extra = SENSITIVE_COLUMNS.filter(([, attr]) => people.some((p) => p.attributes[attr] !== undefined));
    const keys: (keyof typeof COLUMN_HEADERS)[] = ['stt', 'name', 'birth', 'gender', 'idNumber', 'village', 'householdCode', 'head', 'relation', 'category', ...extra.map(([k]) => k), 'note'];
    const value = (p: ListPerson, k: ColumnKey): string | number | null => {
      switch (k) {
        case 'stt':
          return p.position;
        case 'name':
          return p.name;
        case 'birth':
          return p.birthDate ? `${p.birthDate.slice(8, 10)}/${p.birthDate.slice(5, 7)}/${p.birthDate.slice(0, 4)}` : p.birthYear;
        case 'gender':
          return p.gender === 'nam' ? 'Nam' : p.gender === 'nữ' ? 'Nữ' : null;
        case 'idNumber':
          return p.idNumber;
        case 'village':
          return p.villageName;
        case 'householdCode':
          return p.household;
        case 'head':
          return p.head;
        case 'relation':
          return p.relation;
        case 'category':
          return categoryLabel(p.category);
        case 'note':
          return p.note;
        default: {
          const attr = SENSITIVE_COLUMNS.find(([c]) => c === k)?.[1];
          const v = attr ? p.attributes[attr] : undefined;
          if (v === undefined || typeof v === 'boolean') return null;
          return (k === 'fromMonth' || k === 'toMonth') && typeof v === 'string' ? mmYyyy(v) : v;
        }
      }
    };
    const widths: Partial<Record<ColumnKey, number>> = { stt: 6, name: 26, birth: 12, gender: 8, idNumber: 16, village: 16, householdCode: 14, head: 24, relation: 12, category: 18, note: 24 };
    const bytes = await writeListWorkbook({
      title: [
        agency.issuerLines.join(' '),
        `DANH SÁCH NGƯỜI ĐƯỢC HỖ TRỢ: ${policy.name}`,
        `Mã danh sách: ${l.code}; chính sách: ${policy.code}`,
        listPeriodLine({ fromMonth: l.fromMonth, toMonth: l.toMonth, period: l.period }),
      ],
      headers: keys.map((k) => COLUMN_HEADERS[k]),
      rows: people.map((p) => keys.map((k) => value(p, k))),
      widths: keys.map((k) => widths[k] ?? 16),
    });
    return { fileName: `${scope.code}-${l.code}.xlsx`, bytes };
  }

  // ---------------------------------------------------------------- decision

  /**
   * Drafts (or redrafts, while it is a draft) the QĐ phê duyệt danh sách in the registry and links it
   * to the list. Its figures are computed at every render from the list.
   */
  async draftDecision(scope: AgencyScope, code: string, opts: { signer?: string; proposer?: string; unit?: string; year?: number } = {}): Promise<{ id: number; code: string; status: string }> {
    const l = await this.find(scope, code);
    const [agency, officials, policyRow, people] = await Promise.all([
      this.agencies.get(scope.code),
      this.officials.list(scope),
      this.ds.getRepository(PolicyEntity).findOneByOrFail({ agencyId: scope.id, id: l.policyId }),
      this.ds.getRepository(BeneficiaryListEntryEntity).find({ where: { agencyId: scope.id, listId: l.id }, select: { category: true } }),
    ]);
    if (people.length === 0) throw new DomainError('beneficiaries.list_empty', `list ${l.code} has nobody in it`, 'unprocessable');
    const signer = opts.signer ? officials.find((o) => o.code === opts.signer) : (officials.find((o) => /^chủ tịch$/iu.test(o.position.trim())) ?? officials[0]);
    if (!signer) throw DomainError.validation('validation.failed', 'no signer', [{ path: 'signer', message: opts.signer ? `no official ${opts.signer} in this agency` : 'the agency has no official to sign', key: 'not_found' }]);
    const unit = (opts.unit ? agency.units.find((u) => u.abbreviation === opts.unit) : undefined) ?? agency.units.find((u) => /văn hóa - xã hội/iu.test(u.name)) ?? agency.units[0];
    if (!unit) throw DomainError.validation('validation.failed', 'no unit', [{ path: 'unit', message: 'the agency has no unit to propose and carry out the decision', key: 'not_found' }]);
    const policy = await this.policy(scope, String(policyRow.id));
    const docs = await this.ds.getRepository(DocumentEntity).find({ where: { agencyId: scope.id }, order: { id: 'ASC' } });
    const citations = await this.ds.getRepository(CitationEntity).find({ where: { agencyId: scope.id } });
    const policyDoc = policyRow.documentId !== null ? docs.find((d) => d.id === policyRow.documentId) : undefined;
    // the plans implementing the policy's resolution: KH citing it, numbered and dated (a citation needs both)
    const plans = policyDoc
      ? docs.filter((d) => d.type === 'KH' && d.number !== null && d.date !== null && citations.some((c) => c.fromDocumentId === d.id && c.toDocumentId === policyDoc.id))
      : [];
    const categories = POVERTY_CATEGORIES.filter((c) => people.some((p) => p.category === c));
    const record = approvalDecision({
      list: { code: l.code, period: l.period, fromMonth: l.fromMonth, toMonth: l.toMonth, categories },
      policy,
      ...(policyDoc ? { policyDocument: basisOf(policyDoc) } : {}),
      plans: plans.map(basisOf),
      agency,
      signer,
      proposer: opts.proposer ?? `Trưởng ${unit.name.charAt(0).toLocaleLowerCase('vi')}${unit.name.slice(1)}`,
      unit,
      year: opts.year ?? Number(l.fromMonth.slice(0, 4)),
    });
    const id = await transaction(this.ds, async (em) => {
      const repo = em.getRepository(DocumentEntity);
      const current = await repo.findOneBy({ agencyId: scope.id, code: record.code });
      if (current && current.status !== 'draft') {
        throw new DomainError('beneficiaries.decision_frozen', `${current.code} is ${current.status}: it is no longer redrafted`, 'conflict');
      }
      const fields = {
        direction: record.direction,
        type: record.type,
        typeName: record.typeName,
        number: null,
        year: record.year,
        symbol: record.symbol,
        yearInNumber: false,
        issuer: record.issuer,
        issuerAgency: scope.code,
        date: null,
        title: record.title,
        status: 'draft' as const,
        notes: record.notes ?? [],
        seed: null,
        content: record.content ?? null,
      };
      const saved = current ? (await repo.update({ id: current.id }, fields), current.id) : (await repo.save({ agencyId: scope.id, code: record.code, ...fields })).id;
      await em.getRepository(CitationEntity).delete({ agencyId: scope.id, fromDocumentId: saved });
      const byCode = new Map(docs.map((d) => [d.code, d.id]));
      await em.getRepository(CitationEntity).save(record.citations.map((c, i) => ({ agencyId: scope.id, fromDocumentId: saved, toDocumentId: byCode.get(c)!, ordinal: i + 1 })));
      await em.getRepository(BeneficiaryListEntity).update({ id: l.id }, { decisionDocumentId: saved });
      return saved;
    });
    return { id, code: record.code, status: 'draft' };
  }

  // ---------------------------------------------------------------- posting

  /** The public posting list in the formats asked: no ID numbers, birth year only, no health data. */
  async posting(scope: AgencyScope, code: string, formats: RenderFormat[], opts: { signer?: string; days?: number } = {}): Promise<RenderedFile[]> {
    const l = await this.find(scope, code);
    const [agency, officials, policyRow, people, snapshot] = await Promise.all([
      this.agencies.get(scope.code),
      this.officials.list(scope),
      this.ds.getRepository(PolicyEntity).findOneByOrFail({ agencyId: scope.id, id: l.policyId }),
      this.people(scope, l),
      readRegistrySnapshot(this.ds, scope),
    ]);
    const signer = opts.signer ? officials.find((o) => o.code === opts.signer) : (officials.find((o) => /^chủ tịch$/iu.test(o.position.trim())) ?? officials[0]);
    if (!signer) throw DomainError.validation('validation.failed', 'no signer', [{ path: 'signer', message: 'no official to sign the posting list', key: 'not_found' }]);
    let count: string;
    try {
      count = computeFigureSet({ so_nguoi: { count: 'members', where: { period: l.period, list: l.code } } }, snapshot, new Date().toISOString()).figures.so_nguoi.text;
    } catch (e) {
      if (e instanceof FigureError) throw new DomainError('figure.problems', e.message, 'unprocessable');
      throw e;
    }
    const policyDoc = policyRow.documentId !== null ? await this.ds.getRepository(DocumentEntity).findOneBy({ agencyId: scope.id, id: policyRow.documentId }) : null;
    const categories = POVERTY_CATEGORIES.filter((c) => people.some((p) => p.category === c));
    const names = categories.map((c) => CATEGORY_LABELS[c].toLocaleLowerCase('vi'));
    const who = `người thuộc ${names.length <= 1 ? (names[0] ?? 'hộ nghèo') : `${names.slice(0, -1).join(', ')} và ${names.at(-1)}`}`;
    // only these five fields leave the registry for the posting list
    const posted: PostedPerson[] = people.map((p) => ({ name: p.name, birthYear: p.birthYear, village: p.villageName, head: p.head, category: categoryLabel(p.category) }));
    const model = postingModel({
      agency,
      signer,
      list: { code: l.code, fromMonth: l.fromMonth, toMonth: l.toMonth },
      who,
      basis: policyDoc ? `theo ${citeDocument(basisOf(policyDoc))}` : `theo chính sách ${policyRow.name}`,
      count,
      people: posted,
      year: Number(l.fromMonth.slice(0, 4)),
      postingDays: opts.days ?? 5,
    });
    const out: RenderedFile[] = [];
    for (const format of formats) {
      const bytes = format === 'docx' ? Buffer.from(renderDocx(model)) : format === 'pdf' ? Buffer.from(await renderPdf(model)) : Buffer.from(renderHtml(model), 'utf8');
      out.push({
        format,
        contentType: format === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : format === 'pdf' ? 'application/pdf' : 'text/html; charset=utf-8',
        fileName: `${scope.code}-${l.code}-niem-yet.${format}`,
        bytes,
      });
    }
    return out;
  }

  /** An error workbook with no error in it (a checked file that is fine). */
  emptyErrorWorkbook(): Promise<Buffer> {
    return writeErrorWorkbook(undefined, []);
  }

  /** The decision's record code (for the CLI to render it). */
  decisionCodeOf(listCode: string): string {
    return decisionCode(listCode);
  }
}
