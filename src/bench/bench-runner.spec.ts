import { BENCH_CASES, benchMain, FULL_CONFIG, formatBenchTable, parseBenchArgs, runBench, TABLE_COLUMNS, type BenchConfig, type BenchReport } from './bench-runner';

jest.setTimeout(120_000);

/** Small enough for a unit test; the shape of the report is what is checked, never a time. */
const TINY: BenchConfig = { quick: true, annexRows: 20, members: 30, checkPages: 1, libreoffice: 'off', libreofficeAnnex: false };

const MEASURED_IDS = ['pdf.seed002', 'docx.seed002', 'pdf.annex', 'docx.annex', 'sign.first', 'sign.second', 'sign.verify', 'check', 'budget', 'lists.import', 'lists.qd.docx', 'lists.qd.pdf'];

describe('runBench (quick, tiny, in-process, without LibreOffice)', () => {
  let report: BenchReport;
  beforeAll(async () => {
    report = await runBench(TINY);
  });

  it('measures every case of the project but LibreOffice, in the order of the table', () => {
    expect(report.rows.map((r) => r.id)).toEqual(MEASURED_IDS);
    expect(report.skipped).toEqual([
      { id: 'libreoffice.seed002', reason: 'LibreOffice turned off' },
      { id: 'libreoffice.annex', reason: 'LibreOffice turned off' },
    ]);
  });

  it('gives every row a name, its runs, a median and a detail; a best run where the bench keeps one', () => {
    const signing = report.rows.filter((r) => r.id.startsWith('sign.'));
    const others = report.rows.filter((r) => !r.id.startsWith('sign.'));
    const shape = (r: BenchReport['rows'][number], minMs: unknown) =>
      expect(r).toEqual({
        id: expect.any(String),
        name: expect.any(String),
        runs: expect.any(Number),
        medianMs: expect.any(Number),
        minMs,
        peakRssMb: expect.any(Number),
        detail: expect.any(String),
        vsLibreOffice: null,
        target: r.id === 'pdf.seed002' ? '≥ 20× faster than LibreOffice' : null,
        met: null,
      });
    signing.forEach((r) => shape(r, null));
    others.forEach((r) => shape(r, expect.any(Number)));
    expect(signing).toHaveLength(3);
    expect(report.rows.filter((r) => r.runs < 1 || r.medianMs < 0)).toEqual([]);
    expect(others.filter((r) => (r.minMs ?? Infinity) > r.medianMs)).toEqual([]);
  });

  it('names the sizes it ran at', () => {
    const name = (id: string) => report.rows.find((r) => r.id === id)?.name;
    expect(name('pdf.annex')).toBe('PDF QĐ with a 20-row annex');
    expect(name('docx.annex')).toBe('DOCX QĐ with a 20-row annex');
    expect(name('budget')).toMatch(/^benefit budget, 30 members/);
    expect(name('lists.import')).toMatch(/^beneficiary list import, 30 members/);
    expect(name('lists.qd.pdf')).toMatch(/^PDF QĐ phê duyệt danh sách with a 20-row annex/);
    expect(name('check')).toMatch(/^check 1-page document/);
  });

  it('prints one table: a header with every column, a rule, one line per row, the skipped cases, the machine', () => {
    const lines = formatBenchTable(report).split('\n');
    const header = lines[0];
    let at = 0;
    for (const c of TABLE_COLUMNS) {
      const i = header.indexOf(c, at);
      expect({ column: c, found: i >= 0 }).toEqual({ column: c, found: true });
      at = i + c.length;
    }
    expect(lines[1]).toMatch(/^-+( {2}-+){7}$/);
    const body = lines.slice(2, 2 + report.rows.length);
    report.rows.forEach((r, i) => expect(body[i].startsWith(r.name)).toBe(true));
    expect(lines.slice(2 + report.rows.length)).toEqual([
      'skipped libreoffice.seed002: LibreOffice turned off',
      'skipped libreoffice.annex: LibreOffice turned off',
      expect.stringMatching(/^v\d+.*peak MB: of this process so far/),
    ]);
  });
});

describe('formatBenchTable', () => {
  const report: BenchReport = {
    environment: { node: 'v20.0.0', platform: 'linux x64', cpu: 'cpu × 2', isolated: true },
    config: FULL_CONFIG,
    rows: [
      { id: 'pdf.seed002', name: 'PDF seed 002', runs: 20, medianMs: 48.04, minMs: 4.5, peakRssMb: 180, detail: '13 pages', vsLibreOffice: 31.25, target: '≥ 20× faster than LibreOffice', met: true },
      { id: 'libreoffice.seed002', name: 'LibreOffice DOCX→PDF seed 002', runs: 3, medianMs: 1501.4, minMs: 1490, peakRssMb: null, detail: 'soffice', vsLibreOffice: null, target: null, met: null },
      { id: 'budget', name: 'budget', runs: 7, medianMs: 1200, minMs: 1100, peakRssMb: 300, detail: 'total', vsLibreOffice: null, target: '≤ 1 s', met: false },
    ],
    skipped: [],
  };

  it('right-aligns the figures under their headers and says met or NOT met', () => {
    const lines = formatBenchTable(report).split('\n');
    const header = lines[0];
    const endOf = (col: string) => header.indexOf(col) + col.length;
    // each figure ends where its column's header ends
    expect(lines[2].lastIndexOf('48.0', endOf('median ms')) + '48.0'.length).toBe(endOf('median ms'));
    expect(lines[2].indexOf(' 4.50 ') + ' 4.50'.length).toBe(endOf('best ms'));
    expect(lines[3].indexOf('1,501') + '1,501'.length).toBe(endOf('median ms'));
    expect(lines[2]).toContain('31.3× faster');
    expect(lines[2]).toContain('≥ 20× faster than LibreOffice: met');
    expect(lines[3]).toMatch(/ — +— +— /); // no peak, no ratio, no target
    expect(lines[4]).toContain('≤ 1 s: NOT met');
    expect(lines[5]).toMatch(/each case in its own process/);
  });
});

describe('parseBenchArgs', () => {
  it.each([
    [[], FULL_CONFIG, false],
    [['--quick'], { ...FULL_CONFIG, quick: true }, false],
    [['--json', '--no-libreoffice'], { ...FULL_CONFIG, libreoffice: 'off' }, true],
    [['--libreoffice-annex', '--annex-rows', '500'], { ...FULL_CONFIG, libreofficeAnnex: true, annexRows: 500 }, false],
    [['--members', '10', '--check-pages', '2'], { ...FULL_CONFIG, members: 10, checkPages: 2 }, false],
  ])('%j', (argv, config, json) => expect(parseBenchArgs(argv)).toEqual({ config, json }));

  it.each([[['--rows', '5']], [['--members']], [['--members', '0']], [['--annex-rows', 'many']]])('refuses %j', (argv) => expect(() => parseBenchArgs(argv)).toThrow());

  it('every case has a distinct id', () => {
    const ids = BENCH_CASES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('benchMain', () => {
  it('prints one JSON document with --json, and exits 2 on a bad option', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
    expect(await benchMain(['--quick', '--json', '--no-libreoffice', '--annex-rows', '3', '--members', '3', '--check-pages', '1'], undefined, io)).toBe(0);
    expect(out).toHaveLength(1);
    const report = JSON.parse(out[0]) as BenchReport;
    expect(report.rows.map((r) => r.id)).toEqual(MEASURED_IDS);
    expect(report.config).toEqual({ ...TINY, annexRows: 3, members: 3 });
    expect(await benchMain(['--fast'], undefined, io)).toBe(2);
    expect(err.pop()).toMatch(/unknown option --fast/);
  });

  it('runs one case alone with --case (what the isolated parent asks its children)', async () => {
    const out: string[] = [];
    expect(await benchMain(['--case', 'budget', '--quick', '--members', '3'], undefined, { out: (s) => out.push(s), err: () => undefined })).toBe(0);
    expect((JSON.parse(out[0]) as { id: string }[]).map((r) => r.id)).toEqual(['budget']);
  });
});
