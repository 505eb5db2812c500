import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from './check';
import type { CheckContext, Finding, KnownDocument } from './types';

/**
 * The five real documents. Expectations were worked out by reading them (line numbers of the seed
 * files); the registry is hand-written from what the seeds cite until records/ lands.
 */

const SEEDS = join(__dirname, '../../fixtures/seeds');
const known = JSON.parse(readFileSync(join(__dirname, '../../fixtures/check/registry.json'), 'utf8')) as KnownDocument[];
const context: CheckContext = { knownDocuments: known };

function seed(prefix: string): Finding[] {
  const file = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`seed ${prefix} missing`);
  return checkText(readFileSync(join(SEEDS, file), 'utf8'), { fileName: file, context }).findings;
}

const pick = (fs: Finding[], code: string) => fs.filter((f) => f.code === code);

describe('seeds', () => {
  it('000: reversed range 29/5/2026 → 01/6/2025 and "tháng 05" in the date line', () => {
    const f = seed('000');
    expect(pick(f, 'date.range_reversed')).toEqual([
      expect.objectContaining({ severity: 'error', line: 41, excerpt: expect.stringContaining('29/5/2026 đến hết ngày 01/6/2025') }),
    ]);
    expect(pick(f, 'date.format')).toEqual(
      expect.arrayContaining([expect.objectContaining({ severity: 'warning', line: 5, expected: '26/5', actual: '26/05' })]),
    );
  });

  it('001: 04/NQ-HĐND vs 04/2026/NQ-HĐND is inconsistent; the missing number of a draft is info', () => {
    const f = seed('001');
    const inconsistent = pick(f, 'citation.inconsistent');
    expect(inconsistent.map((x) => x.line)).toEqual([9, 11]);
    expect(inconsistent.every((x) => x.actual === '04/NQ-HĐND' && x.expected === '04/2026/NQ-HĐND')).toBe(true);
    expect(pick(f, 'number.missing')).toEqual([expect.objectContaining({ severity: 'info', line: 3 })]);
  });

  it('001: the Telex slip "BLDDTBXH" in the TTLT symbol is a mismatch with the registry', () => {
    expect(pick(seed('001'), 'citation.mismatch')).toEqual([
      expect.objectContaining({ line: 63, expected: '28/2013/TTLT-BYT-BLĐTBXH', actual: '28/2013/TTLT-BYT-BLDDTBXH' }),
    ]);
  });

  it('003: the poverty-standard periods 2022 - 2025 and 2027 - 2030 are invalid', () => {
    const periods = pick(seed('003'), 'period.invalid');
    expect(periods.map((p) => [p.line, p.actual])).toEqual([
      [21, '2022-2025'],
      [21, '2027-2030'],
      [53, '2022-2025'],
      [101, '2022-2025'],
    ]);
    expect(periods.every((p) => p.severity === 'error')).toBe(true);
  });

  it.each(['002', '004'])('%s: no error-level finding', (prefix) => {
    expect(seed(prefix).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it.each(['000', '001', '002', '003', '004'])('%s: every cited document is found in the hand-written registry', (prefix) => {
    expect(pick(seed(prefix), 'citation.unknown')).toEqual([]);
  });

  it('003 and 002 carry consistent arithmetic: no sum, percent or change finding', () => {
    for (const prefix of ['002', '003']) {
      const codes = seed(prefix).map((f) => f.code);
      expect(codes.filter((c) => ['sum.mismatch', 'percent.mismatch', 'arithmetic.mismatch', 'count.mismatch'].includes(c))).toEqual([]);
    }
  });
});
