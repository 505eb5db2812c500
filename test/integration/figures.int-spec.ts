import { DataSource } from 'typeorm';
import { DomainError } from '../../src/common/domain-error';
import { openDatabase } from '../../src/database/data-source';
import { FigureSetsService } from '../../src/figure-sets/figure-sets.service';
import { AgenciesService } from '../../src/registry/agencies.service';
import { DocumentsService } from '../../src/registry/documents.service';
import { OfficialsService } from '../../src/registry/officials.service';
import { importRecordSet } from '../../src/registry/records-import';
import { extractDocxParagraphs } from '../../src/render/docx/docx-text';
import { RenderService } from '../../src/render/render.service';
import { figuresCommune } from '../factories';
import { testDatabase, type TestDatabase } from '../harness';

describe(`figures computed from the registry at render (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let db: TestDatabase;
  let ds: DataSource;
  let render: RenderService;
  let figureSets: FigureSetsService;
  let agencies: AgenciesService;

  beforeAll(async () => {
    db = testDatabase();
    ds = await openDatabase(db.config);
    agencies = new AgenciesService(ds);
    figureSets = new FigureSetsService(ds);
    render = new RenderService(agencies, new OfficialsService(ds), new DocumentsService(ds), figureSets);
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.cleanup();
  });

  const docxText = async (agency: string, doc: string): Promise<string[]> => {
    const [docx] = await render.render(agency, doc, ['docx']);
    return extractDocxParagraphs(docx.bytes);
  };

  it('prints the figures in the DOCX, stores them with the rendition, and follows a change of category', async () => {
    const { set, agency, plan } = figuresCommune();
    await importRecordSet(ds, set);
    const before = await docxText(agency.code, plan.code);
    // worked by hand: 3 poor of 400 + 267 = 667 households = 0,449…% → 0,4; BHYT June + July for
    // m1, m2 (poor, 100%: 105.300 + 113.850 each) and m3 (near-poor, 70%: 73.710 + 79.695)
    expect(before).toEqual(
      expect.arrayContaining([
        'Toàn xã có 3 hộ nghèo, chiếm 0,4% tổng số hộ.',
        'Hỗ trợ đóng bảo hiểm y tế cho 3 người, kinh phí đóng bảo hiểm y tế 591.705 đồng.',
        'Giảm 2 hộ nghèo, chi tiết từng thôn như sau:',
        'Tổ chức triển khai kịp thời, đầy đủ.',
      ]),
    );
    // 3 → 1 over weights 2/1: shares 1,33 and 0,67 → floors 1 and 0, the spare unit to Thôn 2
    const tableText = before.join(' | ');
    expect(tableText).toMatch(/Thôn 1 \| 2 \| 1 \| 1 \|.*Thôn 2 \| 1 \| 1 \| 0 \|.*Tổng cộng \| 3 \| 2 \| 1/);

    const scope = await agencies.scope(agency.code);
    const doc = await new DocumentsService(ds).get(scope, plan.code);
    const [first] = await figureSets.renditions(scope, doc.id);
    expect(first.format).toBe('docx');
    expect(first.figures.figures.ho_ngheo).toMatchObject({ value: 3, text: '3', unit: 'hộ' });
    expect(first.figures.figures.kinh_phi_bhyt.sources).toEqual(expect.arrayContaining([expect.stringMatching(/^member:\d+$/), expect.stringMatching(/^policy_parameter:\d+$/)]));

    // the near-poor household h4 becomes poor: 4 poor = 0,5997% → 0,6; m3 now 100%: 3 × 219.150
    const edited = structuredClone(set);
    edited.households.find((h) => h.code.endsWith('-h4'))!.categories['2021-2025'] = 'nghèo';
    await importRecordSet(ds, edited);
    const after = await docxText(agency.code, plan.code);
    const changed = after.filter((p, i) => p !== before[i]);
    expect(after).toHaveLength(before.length);
    expect(changed).toEqual(['Toàn xã có 4 hộ nghèo, chiếm 0,6% tổng số hộ.', 'Hỗ trợ đóng bảo hiểm y tế cho 3 người, kinh phí đóng bảo hiểm y tế 657.450 đồng.']);

    const [, second] = await figureSets.renditions(scope, doc.id);
    const valueChanged = Object.keys(second.figures.figures).filter((n) => second.figures.figures[n].value !== first.figures.figures[n].value);
    expect(valueChanged.sort()).toEqual(['ho_ngheo', 'kinh_phi_bhyt', 'ty_le_ngheo']);
    expect(second.figuresDigest).not.toBe(first.figuresDigest);
  });

  it('follows a change of one member\'s group, and nothing else changes', async () => {
    const { set, agency, plan } = figuresCommune();
    await importRecordSet(ds, set);
    const before = await docxText(agency.code, plan.code);
    // two children (m1, m3) at 1.500.000 and one elderly (m2) at 900.000, July–December:
    // 6 × (2 × 1.500.000 + 900.000) = 23.400.000
    expect(before).toContain('Hỗ trợ thu nhập cho 2 trẻ em, kinh phí 23.400.000 đồng.');
    const edited = structuredClone(set);
    edited.households.flatMap((h) => h.members).find((m) => m.code.endsWith('-m3'))!.attributes = { doi_tuong: 'nguoi_cao_tuoi' };
    await importRecordSet(ds, edited);
    const after = await docxText(agency.code, plan.code);
    // one child, two elderly: 6 × (1.500.000 + 2 × 900.000) = 19.800.000
    expect(after.filter((p, i) => p !== before[i])).toEqual(['Hỗ trợ thu nhập cho 1 trẻ em, kinh phí 19.800.000 đồng.']);
  });

  it('refuses to render a text naming a figure that is not in the set, naming it', async () => {
    const { set, agency, plan } = figuresCommune();
    plan.content!.body.push({ p: 'Còn {{fig "ho_can_ngheo"}} hộ cận nghèo.' });
    await importRecordSet(ds, set);
    const e = await render.render(agency.code, plan.code, ['docx']).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('figure.unknown');
    expect((e as DomainError).message).toContain('"ho_can_ngheo"');
    expect((e as DomainError).details).toEqual([{ path: 'body[7].p', message: expect.stringContaining('"ho_can_ngheo"'), key: 'figure.unknown' }]);
  });

  it('refuses to render when a parameter is not in force, and stores nothing', async () => {
    const { set, agency, plan } = figuresCommune();
    set.policies[0].parameters = set.policies[0].parameters.filter((p) => p.effectiveFrom !== '2024-07-01');
    await importRecordSet(ds, set);
    const e = await render.render(agency.code, plan.code, ['docx']).catch((err: unknown) => err);
    expect((e as DomainError).code).toBe('figure.parameter_missing');
    expect((e as DomainError).message).toContain('luong_co_so');
    const scope = await agencies.scope(agency.code);
    const doc = await new DocumentsService(ds).get(scope, plan.code);
    expect(await figureSets.renditions(scope, doc.id)).toEqual([]);
  });
});
