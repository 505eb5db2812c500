import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { benchBeneficiaryImport } from './bench';

describe('benchBeneficiaryImport (small)', () => {
  it('imports the synthetic list through the real path and renders its QĐ', async () => {
    // a data folder whose name says "test": the data source refuses any other under Jest
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-test-bench-'));
    try {
      const b = await benchBeneficiaryImport({ members: 300, annexRows: 30, runs: 1, dataDir: dir });
      // households of three
      expect(b.import).toMatchObject({ members: 300, households: 100 });
      expect(b.import.ms).toBeGreaterThan(0);
      expect(b.import.peakRssMb).toBeGreaterThan(0);
      expect(b.decision).toMatchObject({ rows: 30, runs: 1 });
      expect(b.decision.docxBytes).toBeGreaterThan(1000);
      expect(b.decision.pdfBytes).toBeGreaterThan(1000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
