import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import type { DocModel } from '../../drafting/doc-model';
import { qdWithAnnex } from './fixtures/sample-models';
import { SRGB_CONDITION, xmpDate, xmpPacket } from './pdfa';
import { renderPdf } from './pdf-renderer';

jest.setTimeout(30_000);

const ICC = readFileSync(join(__dirname, '..', '..', '..', 'templates', 'icc', 'sRGB.icc'));

describe('xmpDate', () => {
  it.each([
    ['2026-06-02T00:00:00+07:00', '2026-06-01T17:00:00Z'],
    ['2026-01-01T00:00:00.999Z', '2026-01-01T00:00:00Z'],
    ['2025-12-31T23:59:59+00:00', '2025-12-31T23:59:59Z'],
  ])('%s → %s (UTC, to the second, as pdf-lib writes D:…Z)', (iso, xmp) => expect(xmpDate(new Date(iso))).toBe(xmp));
});

describe('xmpPacket', () => {
  const info = { title: 'A & B <C> "D" \'E\'', author: 'Ủy ban', subject: 'S', creator: 'vanthu', producer: 'p', language: 'vi-VN', date: new Date('2026-06-01T17:00:00Z') };

  it('escapes the five XML characters and writes NFC', () => {
    const x = xmpPacket({ ...info, author: 'Ủy ban'.normalize('NFD') });
    expect(x).toContain('<rdf:li xml:lang="x-default">A &amp; B &lt;C&gt; &quot;D&quot; &apos;E&apos;</rdf:li>');
    expect(x).toContain('<rdf:li>Ủy ban</rdf:li>');
    expect(x).toBe(x.normalize('NFC'));
  });

  it('is a packet with the byte order mark, part 2, conformance B', () => {
    const x = xmpPacket(info);
    expect(x.startsWith('<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>')).toBe(true);
    expect(x.endsWith('<?xpacket end="w"?>')).toBe(true);
    expect(x).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(x).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
  });
});

/** The text of an XMP property: rdf:li inside it when there is one. */
function xmpValue(xmp: string, prop: string): string | undefined {
  const m = new RegExp(`<${prop}>([\\s\\S]*?)</${prop}>`).exec(xmp);
  if (!m) return undefined;
  const li = /<rdf:li[^>]*>([\s\S]*?)<\/rdf:li>/.exec(m[1]);
  return (li ? li[1] : m[1]).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** "D:20260601170000Z" → ISO, read by hand (not with the code under test) */
function pdfDateToIso(d: string): string {
  const m = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(d);
  if (!m) throw new Error(`unexpected PDF date ${d}`);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`;
}

describe('renderPdf writes PDF/A-2b metadata', () => {
  let model: DocModel;
  let bytes: Uint8Array;
  let doc: PDFDocument;
  beforeAll(async () => {
    model = qdWithAnnex(5);
    model.meta.title = `${model.meta.title} & <cộng>`;
    bytes = await renderPdf(model);
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  });

  const info = (key: string) => {
    const v = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict).lookup(PDFName.of(key));
    if (v instanceof PDFString || v instanceof PDFHexString) return v.decodeText();
    throw new Error(`Info /${key} is not a string`);
  };
  const rawInfo = (key: string) => doc.context.lookup(doc.context.trailerInfo.Info, PDFDict).lookup(PDFName.of(key), PDFString).asString();

  it('puts an unfiltered XMP stream in the catalog, part 2, conformance B', () => {
    const meta = doc.catalog.lookup(PDFName.of('Metadata'));
    expect(meta).toBeInstanceOf(PDFRawStream);
    const stream = meta as PDFRawStream;
    expect(stream.dict.get(PDFName.of('Type'))).toBe(PDFName.of('Metadata'));
    expect(stream.dict.get(PDFName.of('Subtype'))).toBe(PDFName.of('XML'));
    expect(stream.dict.has(PDFName.of('Filter'))).toBe(false);
    const xmp = Buffer.from(stream.contents).toString('utf8');
    expect(xmpValue(xmp, 'pdfaid:part')).toBe('2');
    expect(xmpValue(xmp, 'pdfaid:conformance')).toBe('B');
  });

  it('repeats the Info dictionary in XMP: title, author, subject, tool, producer and both dates', () => {
    const meta = doc.catalog.lookup(PDFName.of('Metadata')) as PDFRawStream;
    const xmp = Buffer.from(meta.contents).toString('utf8');
    expect(info('Title')).toBe(model.meta.title);
    expect({
      title: xmpValue(xmp, 'dc:title'),
      creator: xmpValue(xmp, 'dc:creator'),
      description: xmpValue(xmp, 'dc:description'),
      tool: xmpValue(xmp, 'xmp:CreatorTool'),
      producer: xmpValue(xmp, 'pdf:Producer'),
      created: xmpValue(xmp, 'xmp:CreateDate'),
      modified: xmpValue(xmp, 'xmp:ModifyDate'),
    }).toEqual({
      title: info('Title'),
      creator: info('Author'),
      description: info('Subject'),
      tool: info('Creator'),
      producer: info('Producer'),
      created: pdfDateToIso(rawInfo('CreationDate')),
      modified: pdfDateToIso(rawInfo('ModDate')),
    });
    // the model's date, 2026-06-02 in Việt Nam, is 17:00 UTC the day before
    expect(xmpValue(xmp, 'xmp:CreateDate')).toBe('2026-06-01T17:00:00Z');
  });

  it('has one GTS_PDFA1 OutputIntent whose profile is templates/icc/sRGB.icc, an RGB monitor profile', () => {
    const intents = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
    expect(intents.size()).toBe(1);
    const intent = intents.lookup(0, PDFDict);
    expect(intent.get(PDFName.of('Type'))).toBe(PDFName.of('OutputIntent'));
    expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFA1'));
    expect(intent.lookup(PDFName.of('OutputConditionIdentifier'), PDFString).asString()).toBe(SRGB_CONDITION);
    const icc = intent.lookup(PDFName.of('DestOutputProfile'));
    if (!(icc instanceof PDFRawStream)) throw new Error('DestOutputProfile is not a stream');
    expect(icc.dict.lookup(PDFName.of('N'))?.toString()).toBe('3');
    const profile = inflateSync(icc.contents);
    expect(profile.equals(ICC)).toBe(true);
    // ICC header: size, 'mntr' device class at 12, 'RGB ' colour space at 16, 'acsp' at 36
    expect(profile.readUInt32BE(0)).toBe(profile.length);
    expect(profile.subarray(12, 16).toString('latin1')).toBe('mntr');
    expect(profile.subarray(16, 20).toString('latin1')).toBe('RGB ');
    expect(profile.subarray(36, 40).toString('latin1')).toBe('acsp');
  });

  it('writes a file identifier of two equal 16-byte strings, the same for the same model, another for another', async () => {
    const id = doc.context.trailerInfo.ID as PDFArray;
    expect(id).toBeInstanceOf(PDFArray);
    const parts = [0, 1].map((i) => (id.get(i) as PDFHexString).asString());
    expect(parts[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(parts[1]).toBe(parts[0]);
    const again = await PDFDocument.load(await renderPdf(model), { updateMetadata: false });
    expect(((again.context.trailerInfo.ID as PDFArray).get(0) as PDFHexString).asString()).toBe(parts[0]);
    const other = await PDFDocument.load(await renderPdf(qdWithAnnex(6)), { updateMetadata: false });
    expect(((other.context.trailerInfo.ID as PDFArray).get(0) as PDFHexString).asString()).not.toBe(parts[0]);
  });

  it('draws nothing transparent: no soft mask, no constant alpha, no blend mode, no transparency group', () => {
    const keys = ['SMask', 'CA', 'ca', 'BM', 'Group'].map((k) => PDFName.of(k));
    const found: string[] = [];
    for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
      const dict = obj instanceof PDFDict ? obj : obj instanceof PDFRawStream ? obj.dict : undefined;
      for (const k of keys) if (dict?.has(k)) found.push(`${ref.toString()} ${k.toString()}`);
    }
    expect(found).toEqual([]);
  });
});
