import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText, checkTexts } from './check';
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
interface SetEntry {
  clean?: boolean;
  expect?: Record<string, Expectation[]>;
}
const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as {
  files: Record<string, Entry>;
  sets: Record<string, SetEntry>;
};
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

describe('fixtures/check/sets: documents checked together', () => {
  const sets = Object.entries(manifest.sets).map(([name, entry]) => {
    const dir = join(ROOT, 'sets', name);
    const files = readdirSync(dir).sort();
    const sources = files.map((f) => readFileSync(join(dir, f), 'utf8'));
    const results = checkTexts(
      files.map((file, i) => ({ file, text: sources[i] })),
      { knownDocuments: registry },
    );
    const expected = Object.entries(entry.expect ?? {}).flatMap(([file, es]) => {
      const i = files.indexOf(file);
      if (i < 0) throw new Error(`manifest: ${name}/${file} missing`);
      return es.map((e) => ({ file, e, line: lineOf(sources[i], e.at) }));
    });
    return { name, entry, files, results, expected };
  });

  it('has planted and clean sets', () => {
    expect(sets.filter((s) => s.entry.clean).length).toBeGreaterThanOrEqual(3);
    expect(sets.filter((s) => !s.entry.clean).length).toBeGreaterThanOrEqual(3);
    expect(sets.every((s) => s.files.length >= 2)).toBe(true);
  });

  it.each(sets.filter((s) => !s.entry.clean).map((s) => [s.name, s] as const))('%s: every planted finding is found, and no other error', (_n, s) => {
    const missed = s.expected.filter(
      (x) =>
        !s.results[s.files.indexOf(x.file)].findings.some(
          (f) => f.code === x.e.code && f.line === x.line && (x.e.severity === undefined || f.severity === x.e.severity),
        ),
    );
    expect(missed).toEqual([]);
    const unexpected = s.results.flatMap((r) =>
      r.findings
        .filter((f) => f.severity === 'error' || f.code === 'figure.cross_document')
        .filter((f) => !s.expected.some((x) => x.file === r.file && x.e.code === f.code && x.line === f.line))
        .map((f) => `${r.file}:${f.line} ${f.code}`),
    );
    expect(unexpected).toEqual([]);
  });

  it.each(sets.filter((s) => s.entry.clean).map((s) => [s.name, s] as const))('%s: no error- or warning-level finding', (_n, s) => {
    expect(s.results.flatMap((r) => r.findings.filter((f) => f.severity !== 'info').map((f) => `${r.file}:${f.line} ${f.code}`))).toEqual([]);
  });

  it.each(sets.map((s) => [s.name, s] as const))('%s: each file alone has none of the between-document findings', (_n, s) => {
    const between = new Set(s.expected.map((x) => `${x.file}:${x.line}:${x.e.code}`));
    s.files.forEach((file) => {
      const alone = checkText(readFileSync(join(ROOT, 'sets', s.name, file), 'utf8'), { fileName: file, context: { knownDocuments: registry } });
      expect(alone.findings.filter((f) => between.has(`${file}:${f.line}:${f.code}`))).toEqual([]);
    });
  });
});
