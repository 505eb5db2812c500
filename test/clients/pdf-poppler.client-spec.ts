/**
 * poppler judges our PDFs: pdfinfo sees A4 pages, pdffonts sees every font embedded (as a subset),
 * pdftotext gives back the Vietnamese text exactly (NFC), and the ND30 lint (which runs the same
 * tools) finds nothing on any fixture, the 10,000-row annex included.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOC_MODEL_FIXTURES } from '../../fixtures/docmodels';
import type { DocModel } from '../../src/drafting/doc-model';
import { lintPdf } from '../../src/render/lint/nd30-lint';
import { featureModel, qdWithAnnex } from '../../src/render/pdf/fixtures/sample-models';
import { SEED_KH_NAMES, seedModel } from '../../src/render/pdf/fixtures/seed-models';
import { renderPdf, renderPdfWithLayout } from '../../src/render/pdf/pdf-renderer';

jest.setTimeout(120_000);

const work = mkdtempSync(join(tmpdir(), 'vanthu-poppler-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function tool(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

async function write(name: string, model: DocModel): Promise<string> {
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, await renderPdf(model));
  return file;
}

const MODELS: [string, () => DocModel][] = [
  ...SEED_KH_NAMES.map((n): [string, () => DocModel] => [`seed-${n}`, () => seedModel(n)]),
  ['feature', featureModel],
  ...DOC_MODEL_FIXTURES.map((f): [string, () => DocModel] => [f.name, () => f.model]),
  ['qd-10000-rows', () => qdWithAnnex(10_000)],
];

describe('poppler reads our PDFs', () => {
  it.each(MODELS)('%s: A4 pages, every font embedded as a subset, ND30 lint clean', async (name, make) => {
    const file = await write(name, make());
    const info = tool('pdfinfo', ['-f', '1', '-l', '100000', file]);
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => `${m[1]} x ${m[2]}`);
    expect(sizes.length).toBe(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]));
    // A4 = 210 × 297 mm = 595.276 × 841.89 pt (poppler prints three decimals at most)
    for (const s of new Set(sizes)) expect(['595.276 x 841.89', '841.89 x 595.276']).toContain(s);
    expect(sizes[0]).toBe('595.276 x 841.89');

    const fonts = tool('pdffonts', [file]).split('\n').slice(2).filter((l) => l.trim());
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/^[A-Z]{6}\+Tinos\S*\s+CID TrueType\s+Identity-H\s+yes yes yes/);

    expect(await lintPdf(file)).toEqual([]);
  });

  // every Vietnamese letter with every tone, upper and lower case, and the punctuation of our documents
  const LETTERS = 'aăâeêioôơuưy'.split('');
  const TONED = LETTERS.flatMap((v) => [v, ...['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'].map((t) => (v + t).normalize('NFC'))]);
  // six vowels with their tones to a line, so that no line wraps even in bold capitals
  const lower = [TONED.slice(0, 36).join(''), TONED.slice(36).join('')];
  const lines = [
    ...lower,
    ...lower.map((l) => l.toUpperCase()),
    'bcdđghklmnpqrstvx BCDĐGHKLMNPQRSTVX',
    'Số: 128/KH-UBND; “Vì người nghèo” – (để b/c)',
    '1.234.567 đồng, 0,6 %… [1] ‘a’ & b = c!?',
    'Nguyễn Đình Huấn, Lệnh Văn Dự, Vũ Hữu Vững,',
    'Thanh Thủy, PHƯỜNG BÁCH QUANG',
  ];

  it.each([
    ['regular', false, false],
    ['bold', true, false],
    ['italic', false, true],
    ['bold italic', true, true],
  ])('pdftotext gives back every Vietnamese letter exactly (%s)', async (face, bold, italic) => {
    const model = qdWithAnnex(1);
    model.body = lines.map((text) => ({ kind: 'paragraph', indent: false, align: 'left', runs: [{ text: text.normalize('NFD'), bold, italic }] }));
    const { bytes, layout } = await renderPdfWithLayout(model);
    const file = join(work, `letters-${face}.pdf`);
    writeFileSync(file, bytes);
    const text = tool('pdftotext', ['-raw', '-enc', 'UTF-8', '-f', '1', '-l', String(layout.signature.page + 1), file, '-']);
    const got = text.split('\n').map((l) => l.trim());
    // each input line is one line of the PDF, given back in NFC although the model was NFD
    for (const l of lines) expect(got).toContain(l.normalize('NFC'));
    expect(text).toBe(text.normalize('NFC'));
  });

  it('gives back the text of a second, different document rendered in the same process', async () => {
    // a parsed font shared between two documents once lost "o" in the second one's text layer
    await write('first', seedModel('000'));
    const file = await write('second', seedModel('002'));
    const text = tool('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']).normalize('NFC');
    expect(text).toContain('về việc giao chỉ tiêu Kế hoạch phát triển kinh tế - xã hội năm 2026;');
  });
});
