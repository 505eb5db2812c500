import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from './check';
import { ALL_FINDING_CODES } from './codes';
import type { CheckContext, Finding, FindingCode, KnownDocument, Severity } from './types';

/**
 * Recall over the planted errors of fixtures/check (manifest.json) and precision on the clean
 * documents. The expected line of each planted error is found by searching the source for the
 * manifest's `at` text, independently of the checker.
 */

const ROOT = join(__dirname, '../../fixtures/check');
const registry = JSON.parse(readFileSync(join(ROOT, 'registry.json'), 'utf8')) as KnownDocument[];

interface Expectation {
  code: FindingCode;
  at: string;
  severity?: Severity;
}
interface Entry {
  clean?: boolean;
  expect?: Expectation[];
  context?: Omit<CheckContext, 'knownDocuments'>;
}
const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { files: Record<string, Entry> };
const files = Object.entries(manifest.files);

function lineOf(source: string, at: string): number {
  const lines = source.normalize('NFC').split(/\r\n|\r|\n/);
  const i = lines.findIndex((l) => l.includes(at.normalize('NFC')));
  if (i < 0) throw new Error(`manifest: "${at}" not found`);
  return i + 1;
}

interface Outcome {
  file: string;
  findings: Finding[];
  expected: { e: Expectation; line: number; found: boolean }[];
  unexpectedErrors: Finding[];
}

const outcomes: Outcome[] = files.map(([file, entry]) => {
  const source = readFileSync(join(ROOT, 'docs', file), 'utf8');
  const { findings } = checkText(source, { fileName: file, context: { knownDocuments: registry, ...(entry.context ?? {}) } });
  const expected = (entry.expect ?? []).map((e) => {
    const line = lineOf(source, e.at);
    const found = findings.some((f) => f.code === e.code && f.line === line && (e.severity === undefined || f.severity === e.severity));
    return { e, line, found };
  });
  const unexpectedErrors = findings.filter(
    (f) => f.severity === 'error' && !expected.some((x) => x.e.code === f.code && x.line === f.line),
  );
  return { file, findings, expected, unexpectedErrors };
});

describe('fixtures/check: planted errors and clean documents', () => {
  const planted = outcomes.flatMap((o) => o.expected.map((x) => ({ file: o.file, ...x })));
  const recall = planted.filter((p) => p.found).length / planted.length;

  afterAll(() => {
    const missed = planted.filter((p) => !p.found).map((p) => `${p.file}:${p.line} ${p.e.code}`);
    console.log(
      `check fixtures: ${files.length} documents, ${planted.length} planted findings, recall ${(recall * 100).toFixed(1)} %` +
        (missed.length ? `; missed: ${missed.join(', ')}` : ''),
    );
  });

  it('has at least 30 documents, clean and planted', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(files.filter(([, e]) => e.clean).length).toBeGreaterThanOrEqual(10);
  });

  it('plants every finding code at least once', () => {
    const codes = new Set(planted.map((p) => p.e.code));
    expect(ALL_FINDING_CODES.filter((c) => !codes.has(c))).toEqual([]);
  });

  it('finds at least 95 % of the planted findings', () => {
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it.each(outcomes.filter((o) => manifest.files[o.file].clean).map((o) => [o.file, o] as const))(
    'clean document %s has no error-level finding',
    (_file, o) => {
      expect(o.findings.filter((f) => f.severity === 'error')).toEqual([]);
    },
  );

  it.each(outcomes.filter((o) => !manifest.files[o.file].clean).map((o) => [o.file, o] as const))(
    '%s has no error-level finding besides the planted ones',
    (_file, o) => {
      expect(o.unexpectedErrors).toEqual([]);
    },
  );
});
