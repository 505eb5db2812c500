import { DataSource } from 'typeorm';
import { openDatabase } from '../../src/database/data-source';
import { FigureSetsService } from '../../src/figure-sets/figure-sets.service';
import { FiguresDriftCheck } from '../../src/figure-sets/figures-drift-check';
import { AgenciesService } from '../../src/registry/agencies.service';
import { DocumentsService } from '../../src/registry/documents.service';
import { OfficialsService } from '../../src/registry/officials.service';
import { importRecordSet } from '../../src/registry/records-import';
import { RenderService } from '../../src/render/render.service';
import { figuresCommune } from '../factories';
import { testDatabase, type TestDatabase } from '../harness';
import { createHash } from 'node:crypto';

describe(`verify's figures drift (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = testDatabase();
    ds = await openDatabase(db.config);
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.cleanup();
  });

  it('compares the figures a PDF was rendered with against the registry now', async () => {
    const { set, agency, plan } = figuresCommune();
    await importRecordSet(ds, set);
    const agencies = new AgenciesService(ds);
    const documents = new DocumentsService(ds);
    const render = new RenderService(agencies, new OfficialsService(ds), documents, new FigureSetsService(ds));
    const [pdf] = await render.render(agency.code, plan.code, ['pdf']);
    const scope = await agencies.scope(agency.code);
    const doc = await documents.get(scope, plan.code);
    const input = { agencyId: scope.id, agencyCode: scope.code, documentId: doc.id, reference: '128/KH-UBND', renderedSha256: createHash('sha256').update(pdf.bytes).digest('hex') };
    const drift = new FiguresDriftCheck(ds);

    expect(await drift.check(input)).toEqual({ checked: true, drift: false, figures: [] });

    // the near-poor household h4 becomes poor (worked by hand in figures.int-spec.ts)
    const edited = structuredClone(set);
    edited.households.find((h) => h.code.endsWith('-h4'))!.categories['2021-2025'] = 'nghèo';
    await importRecordSet(ds, edited);
    expect(await drift.check(input)).toEqual({
      checked: true,
      drift: true,
      figures: [
        { name: 'ho_ngheo', inDocument: '3 hộ', inRegistry: '4 hộ' },
        { name: 'ty_le_ngheo', inDocument: '0,4 %', inRegistry: '0,6 %' },
        { name: 'kinh_phi_bhyt', inDocument: '591.705 đồng', inRegistry: '657.450 đồng' },
        // m3's line (near-poor → poor) and the total line
        { name: 'kinh_phi_bhyt', inDocument: 'table of 4 row(s)', inRegistry: '2 row(s) differ' },
      ],
    });
  });

  it('says what it could not check, never "no drift"', async () => {
    const drift = new FiguresDriftCheck(ds);
    expect(await drift.check({ agencyId: 1, agencyCode: 'x', documentId: 1, reference: null, renderedSha256: null })).toEqual({ checked: false, reason: expect.stringContaining('no rendered version') });
    expect(await drift.check({ agencyId: 1, agencyCode: 'x', documentId: 1, reference: null, renderedSha256: 'f'.repeat(64) })).toEqual({ checked: false, reason: expect.stringContaining('not in the renditions') });
  });
});
