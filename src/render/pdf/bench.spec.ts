import { benchModels, benchPdfModel } from './bench';
import { qdWithAnnex } from './fixtures/sample-models';

describe('benchPdfModel', () => {
  it('reports pages, size and timings of warm runs (asserting no speed)', async () => {
    const b = await benchPdfModel('small QĐ', qdWithAnnex(5), 2);
    expect(b).toEqual({
      name: 'PDF small QĐ',
      pages: 2,
      bytes: expect.any(Number),
      runs: 2,
      medianMs: expect.any(Number),
      minMs: expect.any(Number),
      peakRssMb: expect.any(Number),
    });
    expect(b.minMs).toBeLessThanOrEqual(b.medianMs);
    expect(b.bytes).toBeGreaterThan(10_000);
  });

  it('benches seed 002 and the 10,000-row annex', () => {
    expect(benchModels().map((m) => m.name)).toEqual(['seed 002 (KH, 13 pages)', 'QĐ with a 10,000-row annex']);
  });
});
