import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { BeneficiaryListsService, ListImportError, type ListDetail } from '../../src/beneficiaries/beneficiary-lists.service';
import { DomainError } from '../../src/common/domain-error';
import { openDatabase } from '../../src/database/data-source';
import { ENTITIES } from '../../src/database/entities';
import { AgenciesService } from '../../src/registry/agencies.service';
import type { AgencyScope } from '../../src/registry/agency-scope';
import { DocumentEntity } from '../../src/registry/document.entity';
import { OfficialsService } from '../../src/registry/officials.service';
import { importRecordSet } from '../../src/registry/records-import';
import { clerkWorkbook, listCommune, plantedErrorsWorkbook, syntheticPeople, type SyntheticPerson } from '../beneficiaries/list-fixtures';
import { testDatabase, type TestDatabase } from '../harness';

const MONTHS = 'Thời gian hỗ trợ: từ tháng 07/2026 đến tháng 12/2026; chuẩn nghèo giai đoạn 2026-2030';

describe(`beneficiary lists: Excel import, export, all or nothing (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let db: TestDatabase;
  let ds: DataSource;
  let lists: BeneficiaryListsService;
  let agencies: AgenciesService;

  beforeAll(async () => {
    db = testDatabase();
    ds = await openDatabase(db.config);
    agencies = new AgenciesService(ds);
    lists = new BeneficiaryListsService(ds, agencies, new OfficialsService(ds));
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.cleanup();
  });

  let n = 0;
  async function commune(): Promise<{ scope: AgencyScope; policy: string }> {
    const c = listCommune(`xa-ds-${++n}`);
    await importRecordSet(ds, c.set);
    return { scope: await agencies.scope(c.agency.code), policy: c.policy.code };
  }

  /** every row of every table, to prove that a rejected file changed nothing */
  async function dump(): Promise<string> {
    const parts: string[] = [];
    for (const e of ENTITIES) {
      const meta = ds.getMetadata(e);
      const order = Object.fromEntries(meta.primaryColumns.map((c) => [c.propertyName, 'ASC']));
      const rows = await ds.getRepository(e).find({ order: order as never });
      parts.push(`${meta.tableName}:${JSON.stringify(rows)}`);
    }
    return parts.join('\n');
  }

  /** what the list says of each person, as the registry holds it */
  const expectedEntries = (people: SyntheticPerson[]) =>
    people.map((p, i) => ({
      position: i + 1,
      name: p.name,
      birthDate: p.birthDate,
      birthYear: Number(p.birthDate.slice(0, 4)),
      gender: p.gender,
      idNumber: p.idNumber,
      village: p.villageCode,
      household: p.household,
      head: p.head,
      relation: p.relation,
      category: p.category,
      note: p.note ?? null,
    }));

  const entriesOf = (d: ListDetail) => d.entries.map(({ member: _m, villageName: _v, attributes: _a, ...rest }) => rest);

  it('imports a clerk’s workbook of 300 people: header found, columns in any order, NFD, formulas, merged cells, Excel and text dates', async () => {
    const { scope, policy } = await commune();
    const people = syntheticPeople(300);
    const bytes = await clerkWorkbook(people);
    const summary = await lists.importWorkbook(scope, { bytes, list: 'ds-2026-dot-1', policy, fromMonth: '2026-07', toMonth: '2026-12' });
    const households = new Set(people.map((p) => p.household)).size;
    expect(summary).toMatchObject({
      list: 'ds-2026-dot-1',
      period: '2026-2030',
      fromMonth: '2026-07',
      toMonth: '2026-12',
      headerRow: 4,
      people: 300,
      counts: { lists: { inserted: 1 }, households: { inserted: households }, members: { inserted: 300 }, entries: { inserted: 300, removed: 0 } },
      changes: 1 + households + 300 + 300,
    });
    const detail = await lists.get(scope, 'ds-2026-dot-1');
    expect(entriesOf(detail)).toEqual(expectedEntries(people));
    // NFD in the file, NFC in the registry
    expect(detail.entries.every((e) => e.name === e.name.normalize('NFC'))).toBe(true);

    // the same file again changes nothing
    const again = await lists.importWorkbook(scope, { bytes, list: 'ds-2026-dot-1', policy, fromMonth: '2026-07', toMonth: '2026-12' });
    expect(again.changes).toBe(0);
    expect(again.counts).toEqual({
      lists: { inserted: 0, updated: 0, unchanged: 1 },
      households: { inserted: 0, updated: 0, unchanged: households },
      members: { inserted: 0, updated: 0, unchanged: 300 },
      entries: { inserted: 0, updated: 0, unchanged: 300, removed: 0 },
    });
  });

  it('rejects the workbook with planted errors whole: every error by row and column, the database unchanged, an error workbook to open', async () => {
    const { scope, policy } = await commune();
    const people = syntheticPeople(40, 11, 5000);
    const { bytes, expected } = await plantedErrorsWorkbook(people);
    const before = await dump();
    const e = (await lists.importWorkbook(scope, { bytes, list: 'ds-loi', policy, fromMonth: '2026-07', toMonth: '2026-12' }).catch((x: unknown) => x)) as ListImportError;
    expect(e).toBeInstanceOf(ListImportError);
    expect(e.code).toBe('beneficiaries.import_invalid');
    // exactly the planted errors: the NFD text, the formula cells and the merged header are read, not reported
    expect(e.problems.map((p) => ({ row: p.row, column: p.col ? String.fromCharCode(64 + p.col) : '', key: p.key }))).toEqual(expected);
    expect(e.details.map((d) => d.path)).toEqual(expected.map((x) => expect.stringContaining(`dòng ${x.row}, cột ${x.column}`)));
    expect(await dump()).toBe(before);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await e.errorWorkbook()) as unknown as ArrayBuffer);
    const [data, list] = wb.worksheets;
    expect(list.name).toBe('Danh sách lỗi');
    expect(list.rowCount).toBe(1 + expected.length);
    for (const x of expected) {
      const cell = data.getCell(`${x.column}${x.row}`);
      expect(cell.note).toBeTruthy();
      expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    }
    // the sheet as read keeps the clerk's rows: 40 people below a two-row header
    expect(data.getCell('B6').value).toBe(people[1].name);

    // the same check without importing
    const checked = await lists.check(scope, { bytes, list: 'ds-loi', policy, fromMonth: '2026-07', toMonth: '2026-12' });
    expect(checked.problems).toHaveLength(expected.length);
    expect(checked.errorWorkbook).not.toBeNull();
  });

  it('exports a list in the import layout: re-importing it changes nothing, and it rebuilds the same list elsewhere', async () => {
    const { scope, policy } = await commune();
    const people = syntheticPeople(120, 3, 9000);
    await lists.importWorkbook(scope, { bytes: await clerkWorkbook(people), list: 'ds-xuat', policy, fromMonth: '2026-08', toMonth: '2026-11' });
    const original = await lists.get(scope, 'ds-xuat');
    const exported = await lists.exportWorkbook(scope, 'ds-xuat');
    // the months travel in the workbook: no --from/--to needed
    const same = await lists.importWorkbook(scope, { bytes: exported.bytes, list: 'ds-xuat', policy });
    expect(same.changes).toBe(0);

    const other = await commune();
    const rebuilt = await lists.importWorkbook(other.scope, { bytes: exported.bytes, list: 'ds-xuat', policy: other.policy });
    expect(rebuilt).toMatchObject({ fromMonth: '2026-08', toMonth: '2026-11', period: '2026-2030', people: 120 });
    const copy = await lists.get(other.scope, 'ds-xuat');
    expect(entriesOf(copy)).toEqual(entriesOf(original));
    expect(copy.entries.map((e) => e.member)).toEqual(original.entries.map((e) => e.member));
  });

  it('refuses a person already in another active list of the same policy whose months overlap, not one whose months do not', async () => {
    const { scope, policy } = await commune();
    const people = syntheticPeople(30, 5, 20000);
    await lists.importWorkbook(scope, { bytes: await clerkWorkbook(people.slice(0, 20)), list: 'ds-a', policy, fromMonth: '2026-07', toMonth: '2026-09' });
    const overlap = await lists.importWorkbook(scope, { bytes: await clerkWorkbook(people.slice(15)), list: 'ds-b', policy, fromMonth: '2026-09', toMonth: '2026-12' }).catch((x: unknown) => x);
    expect(overlap).toBeInstanceOf(ListImportError);
    const problems = (overlap as ListImportError).problems;
    expect(problems.map((p) => p.key)).toEqual(Array(5).fill('beneficiaries.person.other_list'));
    expect(problems.map((p) => p.row)).toEqual([6, 7, 8, 9, 10]);
    const later = await lists.importWorkbook(scope, { bytes: await clerkWorkbook(people.slice(15)), list: 'ds-b', policy, fromMonth: '2026-10', toMonth: '2026-12' });
    expect(later.people).toBe(15);
  });

  it('a changed file updates the list: rows removed, moved and added, notes changed', async () => {
    const { scope, policy } = await commune();
    const people = syntheticPeople(25, 9, 30000);
    await lists.importWorkbook(scope, { bytes: await clerkWorkbook(people), list: 'ds-sua', policy, fromMonth: '2026-07', toMonth: '2026-12' });
    const edited = [...people.slice(5), ...syntheticPeople(3, 99, 31000)].map((p, i) => (i === 0 ? { ...p, note: 'Đã xác minh' } : p));
    const s = await lists.importWorkbook(scope, { bytes: await clerkWorkbook(edited), list: 'ds-sua', policy, fromMonth: '2026-07', toMonth: '2026-12' });
    // 20 kept (all moved up five places: STT changes), 5 removed, 3 added
    expect(s.counts.entries).toEqual({ inserted: 3, updated: 20, unchanged: 0, removed: 5 });
    expect(entriesOf(await lists.get(scope, 'ds-sua'))).toEqual(expectedEntries(edited));
  });

  it('once its decision leaves the draft state the list is frozen: the same file passes, a changed one is refused', async () => {
    const { scope, policy } = await commune();
    const people = syntheticPeople(10, 4, 40000);
    const bytes = await clerkWorkbook(people);
    await lists.importWorkbook(scope, { bytes, list: 'ds-khoa', policy, fromMonth: '2026-07', toMonth: '2026-12' });
    const qd = await lists.draftDecision(scope, 'ds-khoa');
    await ds.getRepository(DocumentEntity).update({ id: qd.id }, { status: 'issued', number: 15, date: '2026-07-02' });
    expect((await lists.importWorkbook(scope, { bytes, list: 'ds-khoa', policy, fromMonth: '2026-07', toMonth: '2026-12' })).changes).toBe(0);
    const changed = await lists.importWorkbook(scope, { bytes: await clerkWorkbook(people.slice(1)), list: 'ds-khoa', policy, fromMonth: '2026-07', toMonth: '2026-12' }).catch((x: unknown) => x);
    expect(changed).toBeInstanceOf(DomainError);
    expect((changed as DomainError).code).toBe('beneficiaries.list_frozen');
    expect((await lists.get(scope, 'ds-khoa')).people).toBe(10);
  });

  it('checks categories against the policy and the household’s recorded category, villages against the agency', async () => {
    const { scope, policy } = await commune();
    const people = syntheticPeople(12, 21, 50000).map((p, i) => (i === 0 ? { ...p, categoryLabel: 'Hộ có mức sống trung bình', category: 'mức sống trung bình' } : p));
    const e = (await lists.importWorkbook(scope, { bytes: await clerkWorkbook(people), list: 'ds-dt', policy, fromMonth: '2026-07', toMonth: '2026-12' }).catch((x: unknown) => x)) as ListImportError;
    expect(e).toBeInstanceOf(ListImportError);
    // row 6: the policy pays nothing to that category; the other members of its household disagree with it
    expect(e.problems[0]).toMatchObject({ row: 6, key: 'beneficiaries.category.not_paid', header: 'PHÂN LOẠI HỘ' });
  });

  it('reports a workbook that is not a workbook, and a missing month range, as errors', async () => {
    const { scope, policy } = await commune();
    const bad = (await lists.importWorkbook(scope, { bytes: Buffer.from('not a zip'), list: 'ds-x', policy }).catch((x: unknown) => x)) as DomainError;
    expect(bad.code).toBe('beneficiaries.import_invalid');
    const noMonths = (await lists.importWorkbook(scope, { bytes: await clerkWorkbook(syntheticPeople(3)), list: 'ds-x', policy }).catch((x: unknown) => x)) as DomainError;
    expect(noMonths.code).toBe('validation.failed');
    expect(noMonths.details.map((d) => d.path)).toEqual(['from', 'to', 'period']);
    const withTitle = await lists.importWorkbook(scope, { bytes: await clerkWorkbook(syntheticPeople(3, 2, 60000), { months: MONTHS }), list: 'ds-x', policy });
    expect(withTitle).toMatchObject({ fromMonth: '2026-07', toMonth: '2026-12', period: '2026-2030' });
  });
});
