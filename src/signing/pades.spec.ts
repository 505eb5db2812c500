import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString } from 'pdf-lib';
import { DomainError } from '../common/domain-error';
import { makeSamplePdf, type SamplePdf } from '../../test/signing-support/sample-pdf';
import { makeTestPki, type TestPki } from '../../test/signing-support/test-pki';
import { attachmentStamp, type Appearance } from './appearance';
import { fillSignature, signPdf } from './pades';
import { Pkcs12Signer } from './pkcs12-signer';
import type { Signer } from './signer';
import { verifyPdf } from './verify';

const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const sha256hex = (s: string) => createHash('sha256').update(Buffer.from(s, 'latin1')).digest('hex');

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    return e instanceof DomainError ? e.code : `not a DomainError: ${(e as Error).message}`;
  }
}

describe('fillSignature (byte-level, worked by hand)', () => {
  const placeholder = '[ 0 /********** /********** /********** ]';
  const before = `%PDF-1.7 old revision\n%%EOF\n9 0 obj << /ByteRange ${placeholder} /Contents <`;
  const after = '> >> endobj trailer %%EOF';
  const file = `${before}${'0'.repeat(16)}${after}`;

  it('writes the ByteRange, signs exactly the bytes outside /Contents, writes the CMS as hex', async () => {
    let seen = '';
    const out = await fillSignature(latin1(file), 10, 8, async (digest) => {
      seen = Buffer.from(digest).toString('hex');
      return Uint8Array.of(0xde, 0xad, 0xbe, 0xef);
    });
    const start = before.length - 1; // the '<'
    const end = start + 18; // '<' + 16 hex digits + '>'
    const range = `[0 ${start} ${end} ${file.length - end}]`.padEnd(placeholder.length, ' ');
    const expectedFile = `${before.replace(placeholder, range)}deadbeef${'0'.repeat(8)}${after}`;
    expect(Buffer.from(out).toString('latin1')).toBe(expectedFile);
    expect(seen).toBe(sha256hex(expectedFile.slice(0, start) + expectedFile.slice(end)));
  });

  it('refuses a CMS larger than the placeholder', async () => {
    expect(await codeOf(fillSignature(latin1(file), 0, 8, async () => new Uint8Array(9)))).toBe('signing.placeholder_too_small');
  });

  it('looks for the placeholder only after the previous revision', async () => {
    expect(await codeOf(fillSignature(latin1(file), file.length - 5, 8, async () => new Uint8Array(1)))).toBe('signing.bad_pdf');
  });
});

describe('signPdf', () => {
  let pki: TestPki;
  let leader: Signer;
  let agency: Signer;
  let sample: SamplePdf;
  const when = new Date('2026-05-26T07:30:15Z');

  beforeAll(async () => {
    pki = makeTestPki();
    leader = await Pkcs12Signer.fromFile(pki.leader.p12Path, pki.leader.passphrase);
    agency = await Pkcs12Signer.fromFile(pki.agency.p12Path, pki.agency.passphrase);
    sample = await makeSamplePdf();
    // openssl makes three RSA keys: slow on a loaded machine
  }, 60_000);
  afterAll(() => pki.cleanup());

  const textOf = (d: PDFDict, key: string): string => {
    const v = d.lookup(PDFName.of(key));
    return v instanceof PDFHexString || v instanceof PDFString ? v.decodeText() : `not a string: ${String(v)}`;
  };

  /** The signature dictionaries and widgets as plain pdf-lib (a second reader) sees them. */
  async function read(bytes: Uint8Array): Promise<Array<{ name: string; widget: PDFDict; sig: PDFDict }>> {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const fields = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict).lookup(PDFName.of('Fields'), PDFArray);
    return fields.asArray().map((ref) => {
      const widget = doc.context.lookup(ref, PDFDict);
      return {
        name: textOf(widget, 'T'),
        widget,
        sig: widget.lookup(PDFName.of('V'), PDFDict),
      };
    });
  }

  it.each([
    ['object streams and an xref stream', true],
    ['a classic xref table', false],
  ])('appends to a PDF with %s, leaving its bytes untouched', async (_name, useObjectStreams) => {
    const original = useObjectStreams ? sample.bytes : (await makeSamplePdf({ useObjectStreams: false })).bytes;
    const signed = await signPdf(original, { signer: leader, signingTime: when });
    expect(Buffer.from(signed.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    const [report] = await verifyPdf(signed);
    expect(report).toMatchObject({ fieldName: 'Signature1', valid: true, coversWholeFile: true, signerName: 'Nguyễn Đình Huấn' });
  });

  it('keeps every earlier signature valid over its own revision (three signatures)', async () => {
    const one = await signPdf(sample.bytes, { signer: leader, signingTime: when });
    const two = await signPdf(one, { signer: agency, signingTime: when });
    const three = await signPdf(two, { signer: agency, fieldName: 'Văn thư lần 2', signingTime: when });
    const reports = await verifyPdf(three);
    expect(reports.map((r) => [r.fieldName, r.valid, r.signedLength, r.coversWholeFile])).toEqual([
      ['Signature1', true, one.length, false],
      ['Signature2', true, two.length, false],
      ['Văn thư lần 2', true, three.length, true],
    ]);
  });

  it('writes Vietnamese /Name, /Reason, /Location, /ContactInfo as text strings, NFC, and /M on the +07:00 clock', async () => {
    const signed = await signPdf(sample.bytes, {
      signer: leader,
      reason: 'Ký ban hành văn bản'.normalize('NFD'),
      location: 'Xã Kim Thành, tỉnh Hải Dương',
      contactInfo: 'vanthu@kimthanh.gov.vn',
      signingTime: when,
      fieldName: 'Lãnh đạo ký',
    });
    const [f] = await read(signed);
    expect(f.name).toBe('Lãnh đạo ký');
    expect(textOf(f.sig, 'Name')).toBe('Nguyễn Đình Huấn');
    expect(textOf(f.sig, 'Reason')).toBe('Ký ban hành văn bản'.normalize('NFC'));
    expect(textOf(f.sig, 'Location')).toBe('Xã Kim Thành, tỉnh Hải Dương');
    expect(textOf(f.sig, 'ContactInfo')).toBe('vanthu@kimthanh.gov.vn');
    expect(f.sig.lookup(PDFName.of('M'), PDFString).asString()).toBe("D:20260526143015+07'00'");
    expect(f.sig.lookup(PDFName.of('SubFilter'))).toBe(PDFName.of('ETSI.CAdES.detached'));
    expect(f.sig.lookup(PDFName.of('Filter'))).toBe(PDFName.of('Adobe.PPKLite'));
  });

  it('sets SigFlags 3 and, without an appearance, an invisible widget', async () => {
    const signed = await signPdf(sample.bytes, { signer: agency });
    const doc = await PDFDocument.load(signed);
    expect(doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict).lookup(PDFName.of('SigFlags'), PDFNumber).asNumber()).toBe(3);
    const [f] = await read(signed);
    expect(f.widget.lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => (n as PDFNumber).asNumber())).toEqual([0, 0, 0, 0]);
    expect(f.widget.get(PDFName.of('AP'))).toBeUndefined();
  });

  it('puts a visible widget on the requested page with an appearance stream of its size', async () => {
    const appearance = attachmentStamp({ number: '128/KH-UBND', signingTime: when, page: 1 });
    const signed = await signPdf(sample.bytes, { signer: agency, appearance, signingTime: when });
    const doc = await PDFDocument.load(signed);
    const [f] = await read(signed);
    const { x, y, width, height } = appearance.rect;
    const rect = f.widget.lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => (n as PDFNumber).asNumber());
    [x, y, x + width, y + height].forEach((v, i) => expect(rect[i]).toBeCloseTo(v, 2));
    expect(f.widget.get(PDFName.of('P'))).toBe(doc.getPage(1).ref);
    const fieldRef = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict).lookup(PDFName.of('Fields'), PDFArray).get(0);
    const annots = doc.getPage(1).node.Annots()?.asArray() ?? [];
    expect(fieldRef).toBeInstanceOf(PDFRef);
    expect(annots).toContain(fieldRef);
    expect(doc.getPage(0).node.Annots()?.asArray() ?? []).not.toContain(fieldRef);
    const ap = f.widget.lookup(PDFName.of('AP'), PDFDict).lookup(PDFName.of('N'));
    expect(ap).toBeInstanceOf(PDFRawStream);
    const bbox = (ap as PDFRawStream).dict.lookup(PDFName.of('BBox'), PDFArray).asArray().map((n) => (n as PDFNumber).asNumber());
    expect(bbox[2]).toBeCloseTo(width, 2);
    expect(bbox[3]).toBeCloseTo(height, 2);
    expect((await verifyPdf(signed))[0].valid).toBe(true);
  });

  it('names fields Signature1, Signature2 … and refuses a name already used', async () => {
    const one = await signPdf(sample.bytes, { signer: leader, fieldName: 'Signature2' });
    const two = await signPdf(one, { signer: agency });
    expect((await read(two)).map((f) => f.name)).toEqual(['Signature2', 'Signature1']);
    expect(await codeOf(signPdf(two, { signer: agency, fieldName: 'Signature1' }))).toBe('signing.field_exists');
  });

  const stamp = (over: Partial<Appearance>): Appearance => ({ ...attachmentStamp({ number: '1/TB-UBND', signingTime: when }), ...over });
  it.each([
    ['a page that does not exist', () => ({ appearance: stamp({ page: 2 }) }), 'signing.bad_page'],
    ['an empty rectangle', () => ({ appearance: stamp({ rect: { x: 0, y: 0, width: 0, height: 10 } }) }), 'signing.bad_page'],
    ['a glyph Tinos does not have', () => ({ appearance: stamp({ text: ['Số: 1 漢'] }) }), 'signing.missing_glyph'],
    ['a field name with a dot', () => ({ fieldName: 'a.b' }), 'signing.field_exists'],
    ['a placeholder too small for the CMS', () => ({ placeholderSize: 512 }), 'signing.placeholder_too_small'],
  ])('fails with a code for %s', async (_name, extra, code) => {
    expect(await codeOf(signPdf(sample.bytes, { signer: agency, ...extra() }))).toBe(code);
  });

  it('fails with signing.bad_pdf for bytes that are not a PDF', async () => {
    expect(await codeOf(signPdf(new Uint8Array(Buffer.from('không phải PDF')), { signer: agency }))).toBe('signing.bad_pdf');
  });
});
