/**
 * PDF/A-2b (ISO 19005-2, level B) for the renderer's output: what pdf-lib does not write itself.
 * - an XMP metadata stream (unfiltered, as PDF/A wants it readable) that identifies the part and
 *   conformance and repeats the Info dictionary: dc:title = Title, dc:creator = Author,
 *   dc:description = Subject, xmp:CreatorTool = Creator, pdf:Producer = Producer, xmp:CreateDate =
 *   CreationDate, xmp:ModifyDate = ModDate (both to the second, in UTC, as pdf-lib writes them);
 * - an OutputIntent (GTS_PDFA1) with the sRGB profile of templates/icc/, so that the device colour
 *   spaces of our content (DeviceGray, the default) and of later additions (a signature image in
 *   DeviceRGB, a transparent PNG) have a defined meaning;
 * - the file identifier /ID in the trailer, derived from the content so that the same model gives
 *   the same bytes.
 * Fonts are embedded as subsets by subset-font.ts; we draw no transparency, no annotation, no
 * image. The parts of PDF/A this module cannot know (e.g. what an incremental update adds later)
 * are not claimed here.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFHexString, PDFName, PDFString, type PDFArray, type PDFDocument } from 'pdf-lib';
import { fontsDir } from './fonts';
import { flate } from './subset-font';

export interface PdfAInfo {
  title: string;
  author: string;
  subject: string;
  creator: string;
  producer: string;
  /** BCP 47, e.g. "vi-VN" */
  language: string;
  /** CreationDate = ModDate */
  date: Date;
}

/** The output condition our sRGB profile describes (its registry entry at color.org). */
export const SRGB_CONDITION = 'sRGB IEC61966-2.1';

let profile: Uint8Array | undefined;

/** templates/icc/sRGB.icc (zlib licence, see templates/icc/README.md). */
export function srgbProfile(): Uint8Array {
  profile ??= new Uint8Array(readFileSync(join(fontsDir(), '..', 'icc', 'sRGB.icc')));
  return profile;
}

/** ISO 8601 to the second in UTC: the precision and zone of pdf-lib's "D:YYYYMMDDHHmmSSZ". */
export function xmpDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function xmlText(s: string): string {
  return s.normalize('NFC').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** The XMP packet (UTF-8) for PDF/A-2b with the document's own metadata. */
export function xmpPacket(info: PdfAInfo): string {
  const date = xmpDate(info.date);
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    '  xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"',
    '  xmlns:dc="http://purl.org/dc/elements/1.1/"',
    '  xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    '  xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    '<pdfaid:part>2</pdfaid:part>',
    '<pdfaid:conformance>B</pdfaid:conformance>',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlText(info.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${xmlText(info.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xmlText(info.subject)}</rdf:li></rdf:Alt></dc:description>`,
    `<dc:language><rdf:Bag><rdf:li>${xmlText(info.language)}</rdf:li></rdf:Bag></dc:language>`,
    `<xmp:CreatorTool>${xmlText(info.creator)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `<pdf:Producer>${xmlText(info.producer)}</pdf:Producer>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

/**
 * Writes the Info dictionary and everything PDF/A-2b adds to it. `identity` is hashed into the
 * file identifier: pass what determines the content (the model), so equal inputs give equal files.
 */
export function makePdfA(doc: PDFDocument, info: PdfAInfo, identity: string): void {
  const title = info.title.normalize('NFC');
  const author = info.author.normalize('NFC');
  const subject = info.subject.normalize('NFC');
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setAuthor(author);
  doc.setSubject(subject);
  doc.setCreator(info.creator);
  doc.setProducer(info.producer);
  doc.setLanguage(info.language);
  doc.setCreationDate(info.date);
  doc.setModificationDate(info.date);

  const ctx = doc.context;
  const xmp = Buffer.from(xmpPacket({ ...info, title, author, subject }), 'utf8');
  // unfiltered: a PDF/A metadata stream must be readable without decoding
  const metadata = ctx.register(ctx.stream(xmp, { Type: 'Metadata', Subtype: 'XML' }));
  doc.catalog.set(PDFName.of('Metadata'), metadata);

  const icc = flate(ctx, srgbProfile(), { N: 3 });
  const intent = ctx.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of(SRGB_CONDITION),
    RegistryName: PDFString.of('http://www.color.org'),
    Info: PDFString.of(SRGB_CONDITION),
    DestOutputProfile: icc,
  });
  doc.catalog.set(PDFName.of('OutputIntents'), ctx.obj([ctx.register(intent)]) as PDFArray);

  const id = createHash('sha256').update(identity.normalize('NFC')).update(xmpDate(info.date)).digest('hex').slice(0, 32);
  ctx.trailerInfo.ID = ctx.obj([PDFHexString.of(id), PDFHexString.of(id)]) as PDFArray;
}
