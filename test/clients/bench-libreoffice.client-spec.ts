import { runBench, type BenchReport } from '../../src/bench/bench-runner';

/**
 * `npm run bench` with LibreOffice (installed wherever the clients tier runs): the LibreOffice row
 * is measured and our PDF row carries the ratio and says whether the ≥ 20× target was met. Quick
 * and tiny: the shape is checked, never a time.
 */

jest.setTimeout(300_000);

describe('runBench with LibreOffice', () => {
  let report: BenchReport;
  beforeAll(async () => {
    report = await runBench({ quick: true, annexRows: 20, members: 30, checkPages: 1, libreoffice: 'auto', libreofficeAnnex: false });
  });

  it('measures LibreOffice converting our DOCX of seed 002, once, after our PDF and DOCX of it', () => {
    expect(report.rows.map((r) => r.id).slice(0, 3)).toEqual(['pdf.seed002', 'docx.seed002', 'libreoffice.seed002']);
    const lo = report.rows.find((r) => r.id === 'libreoffice.seed002');
    expect(lo).toMatchObject({ name: 'LibreOffice DOCX→PDF seed 002 (KH, 13 pages)', runs: 1, peakRssMb: null });
    expect(report.skipped).toEqual([{ id: 'libreoffice.annex', reason: 'LibreOffice takes minutes on this table: add --libreoffice-annex' }]);
  });

  it('gives our PDF of seed 002 the ratio LibreOffice ÷ ours and a verdict on the target', () => {
    const ours = report.rows.find((r) => r.id === 'pdf.seed002');
    const lo = report.rows.find((r) => r.id === 'libreoffice.seed002');
    expect(ours?.vsLibreOffice).toBeCloseTo((lo?.medianMs ?? NaN) / (ours?.medianMs ?? NaN), 9);
    expect(ours?.target).toBe('≥ 20× faster than LibreOffice');
    expect(ours?.met).toBe((ours?.vsLibreOffice ?? 0) >= 20);
  });
});
