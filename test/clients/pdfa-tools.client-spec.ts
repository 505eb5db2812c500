/**
 * PDF/A-2b, as far as the tools installed here can tell (no PDF/A validator is packaged for Debian;
 * see templates/icc/README.md and the renderer's pdfa.ts for what is claimed):
 * - qpdf --check finds no syntax or stream error;
 * - poppler's `pdfinfo -meta` reads the XMP packet: pdfaid part 2, conformance B, and its title,
 *   creator, description and dates equal what `pdfinfo -isodates` reads from the Info dictionary;
 * - `pdffonts`: every font embedded.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocModel } from '../../src/drafting/doc-model';
import { featureModel, qdWithAnnex } from '../../src/render/pdf/fixtures/sample-models';
import { SEED_KH_NAMES, seedModel } from '../../src/render/pdf/fixtures/seed-models';
import { renderPdf } from '../../src/render/pdf/pdf-renderer';

jest.setTimeout(120_000);

const work = mkdtempSync(join(tmpdir(), 'vanthu-pdfa-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function tool(cmd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** An XMP property's text (its rdf:li when it has one), entities decoded. */
function xmpValue(xmp: string, prop: string): string | undefined {
  const m = new RegExp(`<${prop}>([\\s\\S]*?)</${prop}>`).exec(xmp);
  if (!m) return undefined;
  const li = /<rdf:li[^>]*>([\s\S]*?)<\/rdf:li>/.exec(m[1]);
  return (li ? li[1] : m[1]).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** `pdfinfo` "Key:   value" lines. */
function infoField(text: string, key: string): string | undefined {
  return new RegExp(`^${key}:\\s+(.*)$`, 'm').exec(text)?.[1];
}

const MODELS: [string, () => DocModel][] = [
  ...SEED_KH_NAMES.map((n): [string, () => DocModel] => [`seed-${n}`, () => seedModel(n)]),
  ['feature', featureModel],
  ['qd-10000-rows', () => qdWithAnnex(10_000)],
];

describe('PDF/A-2b as the tools here read it', () => {
  it.each(MODELS)('%s: qpdf finds no error; the XMP says PDF/A-2b and equals the Info dictionary; fonts embedded', async (name, make) => {
    const file = join(work, `${name}.pdf`);
    writeFileSync(file, await renderPdf(make()));

    const check = tool('qpdf', ['--check', file]);
    expect({ status: check.status, stderr: check.stderr }).toEqual({ status: 0, stderr: '' });
    expect(check.stdout).toContain('No syntax or stream encoding errors found');

    const meta = tool('pdfinfo', ['-meta', file]);
    expect(meta.status).toBe(0);
    const xmp = meta.stdout.normalize('NFC');
    expect(xmpValue(xmp, 'pdfaid:part')).toBe('2');
    expect(xmpValue(xmp, 'pdfaid:conformance')).toBe('B');

    const info = tool('pdfinfo', ['-isodates', file]).stdout.normalize('NFC');
    expect(infoField(info, 'Metadata Stream')).toBe('yes');
    expect({
      title: xmpValue(xmp, 'dc:title'),
      author: xmpValue(xmp, 'dc:creator'),
      subject: xmpValue(xmp, 'dc:description'),
      creator: xmpValue(xmp, 'xmp:CreatorTool'),
      producer: xmpValue(xmp, 'pdf:Producer'),
      created: xmpValue(xmp, 'xmp:CreateDate'),
      modified: xmpValue(xmp, 'xmp:ModifyDate'),
    }).toEqual({
      title: infoField(info, 'Title'),
      author: infoField(info, 'Author'),
      subject: infoField(info, 'Subject'),
      creator: infoField(info, 'Creator'),
      producer: infoField(info, 'Producer'),
      created: infoField(info, 'CreationDate'),
      modified: infoField(info, 'ModDate'),
    });

    const fonts = tool('pdffonts', [file]).stdout.split('\n').slice(2).filter((l) => l.trim());
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((l) => !/\syes\s+yes\s+yes\s/.test(l))).toEqual([]);
  });
});
