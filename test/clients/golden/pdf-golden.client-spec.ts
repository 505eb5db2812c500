/**
 * Golden images: pages of our PDFs rendered by poppler at 50 dpi and compared with the PNGs committed
 * in fixtures/golden/ (pixelmatch, per-pixel threshold 0.1, at most 0.2 % of the pixels may differ).
 * A missing or different reference fails; `UPDATE_GOLDEN=1 npx jest test/clients/golden` rewrites
 * them (look at them before committing).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { DocModel } from '../../../src/drafting/doc-model';
import { featureModel } from '../../../src/render/pdf/fixtures/sample-models';
import { seedModel } from '../../../src/render/pdf/fixtures/seed-models';
import { renderPdfWithLayout } from '../../../src/render/pdf/pdf-renderer';

jest.setTimeout(60_000);

const GOLDEN = join(__dirname, '..', '..', '..', 'fixtures', 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const DPI = 50;
const MAX_DIFF = 0.002;

const work = mkdtempSync(join(tmpdir(), 'vanthu-golden-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Which pages of which document (1-based; -1 is the last page). */
const CASES: [string, () => DocModel, number[]][] = [
  ['kh-000', () => seedModel('000'), [1, -1]],
  ['kh-001', () => seedModel('001'), [1, -1]],
  ['kh-002', () => seedModel('002'), [1, 2, -1]],
  ['kh-003', () => seedModel('003'), [1, -1]],
  ['qd-feature', featureModel, [1, 2, 3, 4]],
];

function renderPage(pdf: string, page: number, out: string): PNG {
  const r = spawnSync('pdftoppm', ['-png', '-gray', '-r', String(DPI), '-f', String(page), '-l', String(page), '-singlefile', pdf, out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftoppm: ${r.stderr}`);
  return PNG.sync.read(readFileSync(`${out}.png`));
}

type Outcome = { page: number; result: 'same' | 'written' } | { page: number; result: string };

function compare(name: string, page: number, actual: PNG): Outcome {
  const ref = join(GOLDEN, `${name}-p${page}.png`);
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(ref, PNG.sync.write(actual, { colorType: 0 }));
    return { page, result: 'written' };
  }
  if (!existsSync(ref)) return { page, result: `no reference ${ref} (run with UPDATE_GOLDEN=1)` };
  const expected = PNG.sync.read(readFileSync(ref));
  if (expected.width !== actual.width || expected.height !== actual.height) {
    return { page, result: `size ${actual.width}x${actual.height}, reference ${expected.width}x${expected.height}` };
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const changed = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold: 0.1 });
  const share = changed / (actual.width * actual.height);
  if (share <= MAX_DIFF) return { page, result: 'same' };
  const diffFile = join(work, `${name}-p${page}-diff.png`);
  writeFileSync(diffFile, PNG.sync.write(diff));
  return { page, result: `${(share * 100).toFixed(2)} % of the pixels differ (diff image ${diffFile})` };
}

describe('golden page images', () => {
  it.each(CASES)('%s looks as it did', async (name, make, pages) => {
    const { bytes, layout } = await renderPdfWithLayout(make());
    const pdf = join(work, `${name}.pdf`);
    writeFileSync(pdf, bytes);
    const outcomes = pages.map((p) => {
      const page = p < 0 ? layout.pages.length + 1 + p : p;
      return compare(name, page, renderPage(pdf, page, join(work, `${name}-p${page}`)));
    });
    const want = UPDATE ? 'written' : 'same';
    expect(outcomes).toEqual(outcomes.map((o) => ({ page: o.page, result: want })));
  });

  it('notices a changed page (the comparison can fail)', async () => {
    const model = seedModel('000');
    model.header.numberLine = 'Số: 129/KH-UBND';
    const { bytes } = await renderPdfWithLayout(model);
    const pdf = join(work, 'changed.pdf');
    writeFileSync(pdf, bytes);
    const ref = join(GOLDEN, 'kh-000-p1.png');
    const actual = renderPage(pdf, 1, join(work, 'changed-p1'));
    const expected = PNG.sync.read(readFileSync(ref));
    const changed = pixelmatch(expected.data, actual.data, null, actual.width, actual.height, { threshold: 0.1 });
    expect(changed).toBeGreaterThan(0);
  });
});
