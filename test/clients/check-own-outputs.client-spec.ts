/**
 * Precision on our own outputs: every DOCX and PDF the renderers produce for the DocModel fixtures
 * (fixtures/docmodels, and the renderer's sample models with a feature tour and a 60-row annex) is
 * read back by the checker — the DOCX from its XML, the PDF through poppler's text layer — and must
 * carry no error-level finding, except the seed's own error a fixture keeps on purpose, which must
 * then be found, at its line, in both outputs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOC_MODEL_FIXTURES } from '../../fixtures/docmodels';
import { checkFiles, type FindingCode } from '../../src/checking';
import type { DocModel } from '../../src/drafting/doc-model';
import { renderDocx } from '../../src/render/docx/docx-renderer';
import { featureModel, qdWithAnnex } from '../../src/render/pdf/fixtures/sample-models';
import { renderPdf } from '../../src/render/pdf/pdf-renderer';

jest.setTimeout(120_000);

const work = mkdtempSync(join(tmpdir(), 'vanthu-own-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Errors a fixture keeps on purpose (see its header comment), with text of the line they are on. */
const KEPT_ERRORS: Record<string, { code: FindingCode; at: string }[]> = {
  // seed 000 as written: "Từ ngày 29/5/2026 đến hết ngày 01/6/2025"
  'kh-kim-thanh': [{ code: 'date.range_reversed', at: 'đến hết ngày 01/6/2025' }],
};

const MODELS: [string, () => DocModel][] = [
  ...DOC_MODEL_FIXTURES.map((f): [string, () => DocModel] => [f.name, () => f.model]),
  ['feature', featureModel],
  ['qd-annex-60', () => qdWithAnnex(60)],
];

it('covers every DocModel fixture and keeps errors only for fixtures that exist', () => {
  expect(MODELS.length).toBeGreaterThanOrEqual(DOC_MODEL_FIXTURES.length + 2);
  expect(Object.keys(KEPT_ERRORS).filter((n) => !MODELS.some(([m]) => m === n))).toEqual([]);
});

describe.each(MODELS)('%s', (name, make) => {
  it.each(['docx', 'pdf'] as const)('as %s: no error-level finding but the kept ones', async (format) => {
    const model = make();
    const file = join(work, `${name}.${format}`);
    writeFileSync(file, format === 'docx' ? renderDocx(model) : await renderPdf(model));
    const outcome = await checkFiles([file]);
    expect(outcome.unreadable).toEqual([]);
    const lines = outcome.sources[file];
    expect(lines.join(' ').replace(/\s+/g, '').length).toBeGreaterThan(200);
    const expected = (KEPT_ERRORS[name] ?? []).map((k) => {
      const line = lines.findIndex((l) => l.includes(k.at)) + 1;
      expect(line).toBeGreaterThan(0);
      return { code: k.code, line };
    });
    const errors = outcome.results[0].findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => ({ code: f.code, line: f.line, excerpt: f.excerpt }))).toEqual(expected.map((e) => ({ ...e, excerpt: expect.any(String) })));
    expect(outcome.exitCode).toBe(expected.length > 0 ? 1 : 0);
  });
});
