import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { CheckService } from '../../src/checking/check.service';
import { openDatabase } from '../../src/database/data-source';
import { FigureSetsService } from '../../src/figure-sets/figure-sets.service';
import { AgenciesService } from '../../src/registry/agencies.service';
import { DocumentsService } from '../../src/registry/documents.service';
import { OfficialsService } from '../../src/registry/officials.service';
import { importRecordSet } from '../../src/registry/records-import';
import { loadRecords } from '../../src/registry/records/records-loader';
import { RenderService } from '../../src/render/render.service';
import { figuresCommune, outgoingPlan } from '../factories';
import { testDatabase, type TestDatabase } from '../harness';

/** figure.registry_mismatch: a copy of one of our documents whose figures the registry no longer gives. */

jest.setTimeout(60_000);

const ROOT = path.join(__dirname, '..', '..');
const seed = (prefix: string): string => {
  const dir = path.join(ROOT, 'fixtures/seeds');
  return fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.startsWith(prefix))!), 'utf8');
};

describe('check against the registry\'s figures', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let check: CheckService;
  let render: RenderService;

  beforeAll(async () => {
    db = testDatabase();
    ds = await openDatabase(db.config);
    const agencies = new AgenciesService(ds);
    const documents = new DocumentsService(ds);
    const figureSets = new FigureSetsService(ds);
    check = new CheckService(agencies, documents, figureSets);
    render = new RenderService(agencies, new OfficialsService(ds), documents, figureSets);
    await importRecordSet(ds, loadRecords(path.join(ROOT, 'records')));
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.cleanup();
  });

  const codes = async (agency: string, text: string): Promise<{ code: string; expected?: string; actual?: string; line: number }[]> =>
    (await check.check(agency, [], { filename: 'kh.txt', text })).files[0].findings.filter((f) => f.code.startsWith('figure.'));

  it.each([
    ['003', 'bach-quang'],
    ['002', 'thanh-thuy'],
    ['001', 'cat-hai'],
  ])('seed %s states the figures its registry gives: no figure finding', async (prefix, agency) => {
    expect(await codes(agency, seed(prefix))).toEqual([]);
  });

  it('finds a seed figure typed differently from the registry, at its line', async () => {
    const text = seed('003').replace('toàn phường có 41 hộ nghèo', 'toàn phường có 43 hộ nghèo');
    const line = text.split('\n').findIndex((l) => l.includes('toàn phường có 43 hộ nghèo')) + 1;
    expect(await codes('bach-quang', text)).toEqual([expect.objectContaining({ code: 'figure.registry_mismatch', expected: '41 hộ', actual: '43 hộ', line })]);
  });

  it('does not apply one document\'s figures to another document', async () => {
    // seed 001's scale "73 người" checked as if it were Bách Quang's: no Bách Quang figure applies
    expect(await codes('bach-quang', seed('001'))).toEqual([]);
  });

  it('finds the figures a rendered document no longer shares with the registry', async () => {
    const { set, agency, plan } = figuresCommune();
    await importRecordSet(ds, set);
    const [html] = await render.render(agency.code, plan.code, ['html']);
    const text = html.bytes.toString('utf8').replace(/<[^>]+>/g, '\n');
    expect(await codes(agency.code, text)).toEqual([]);
    // one near-poor household becomes poor: 3 → 4 poor households (0,4% → 0,6%); BHYT 591.705 → 657.450
    const edited = structuredClone(set);
    edited.households.find((h) => h.code.endsWith('-h4'))!.categories['2021-2025'] = 'nghèo';
    await importRecordSet(ds, edited);
    const found = await codes(agency.code, text);
    expect(found.map((f) => [f.code, f.expected, f.actual])).toEqual([
      ['figure.registry_mismatch', '4 hộ', '3 hộ'],
      ['figure.registry_mismatch', '657.450 đồng', '591.705 đồng'],
    ]);
  });

  it('compares a report\'s figures with the plan it cites, as the plan went out (figure.cross_document)', async () => {
    const { set, agency, plan } = figuresCommune();
    const report = outgoingPlan(agency.code, plan.content!.signature.official, {
      type: 'BC',
      typeName: 'Báo cáo',
      symbol: 'BC-UBND',
      number: 15,
      date: '2026-12-20',
      title: 'Kết quả thực hiện Kế hoạch số 128/KH-UBND',
      citations: [plan.code],
      content: {
        canCu: [],
        body: [{ p: 'Đến cuối năm, toàn xã có {{fig "ho_ngheo"}} hộ nghèo theo kết quả rà soát.' }],
        recipients: ['- Lưu: VT, KT.'],
        signature: plan.content!.signature,
        annexes: [],
        figures: { ho_ngheo: plan.content!.figures!.ho_ngheo },
      },
    });
    set.documents.push(report);
    await importRecordSet(ds, set);
    await render.render(agency.code, plan.code, ['docx']); // the plan goes out with 3 poor households
    const edited = structuredClone(set);
    edited.households.find((h) => h.code.endsWith('-h4'))!.categories['2021-2025'] = 'nghèo';
    await importRecordSet(ds, edited);
    const [html] = await render.render(agency.code, report.code, ['html']);
    const text = html.bytes.toString('utf8').replace(/<[^>]+>/g, '\n');
    const found = await codes(agency.code, text);
    // the report states today's 4 (no registry mismatch); the plan it reports on went out with 3
    expect(found.map((f) => [f.code, f.expected, f.actual])).toEqual([['figure.cross_document', '3 hộ (128/KH-UBND)', '4 hộ']]);
  });
});
