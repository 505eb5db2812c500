import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { attachmentStamp, leaderAppearance, sealAppearance, type Appearance } from '../../src/signing/appearance';
import { signPdf } from '../../src/signing/pades';
import { Pkcs12Signer } from '../../src/signing/pkcs12-signer';
import { pdfsigReport, verifyPdf } from '../../src/signing/verify';
import { renderPdfWithLayout } from '../../src/render/pdf/pdf-renderer';
import { qdWithAnnex } from '../../src/render/pdf/fixtures/sample-models';
import { SEED_KH_NAMES, seedModel } from '../../src/render/pdf/fixtures/seed-models';
import { makeEcSigner } from '../signing-support/ec-signer';
import { sealPng, signaturePng } from '../signing-support/images';
import { makeSamplePdf, type SamplePdf } from '../signing-support/sample-pdf';
import { makeTestPki, type TestPki } from '../signing-support/test-pki';

/**
 * poppler (pdfsig, pdftoppm, pdftotext, pdffonts) and qpdf judge the signed files. The leader signs
 * a two-page văn bản with the signature image in the signature box, then the agency signs the
 * signed file with the seal as an incremental update.
 *
 * The test CA is not in any trust store, so pdfsig's "Certificate Validation" says the issuer is not
 * trusted; that is about trust, reported separately from "Signature Validation" (the digest and the
 * CMS signature), which is what these tests assert on.
 */
let pki: TestPki;
let dir: string;
let sample: SamplePdf;
let leaderLook: Appearance;
let sealLook: Appearance;
let one: Uint8Array;
let two: Uint8Array;
const leaderTime = new Date('2026-05-26T07:30:15Z');
const agencyTime = new Date('2026-05-26T07:45:00Z');
/** pdftoppm's rendering of page 1, kept for people to look at */
const PAGE_IMAGE = join(tmpdir(), 'vanthu-signing-page1.png');

beforeAll(async () => {
  pki = makeTestPki();
  dir = mkdtempSync(join(tmpdir(), 'vanthu-signing-client-'));
  sample = await makeSamplePdf();
  const leader = await Pkcs12Signer.fromFile(pki.leader.p12Path, pki.leader.passphrase);
  const agency = await Pkcs12Signer.fromFile(pki.agency.p12Path, pki.agency.passphrase);
  leaderLook = leaderAppearance({ signatureBox: sample.signatureBox, signatureImagePng: signaturePng() });
  sealLook = sealAppearance({ signatureBox: sample.signatureBox, sealImagePng: sealPng(), signatureImageRect: leaderLook.rect });
  one = await signPdf(sample.bytes, {
    signer: leader,
    fieldName: 'Lãnh đạo ký',
    reason: 'Ký ban hành Kế hoạch số 128/KH-UBND',
    location: 'Xã Kim Thành, tỉnh Hải Dương',
    signingTime: leaderTime,
    appearance: leaderLook,
  });
  two = await signPdf(one, {
    signer: agency,
    fieldName: 'Cơ quan ký số',
    reason: 'Đóng dấu cơ quan',
    location: 'Ủy ban nhân dân xã Kim Thành',
    signingTime: agencyTime,
    appearance: sealLook,
  });
  writeFileSync(join(dir, 'signed.pdf'), two);
}, 60_000);

afterAll(() => {
  pki.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('leader then agency, incremental (pdfsig)', () => {
  it('both signatures are valid; the first covers its revision only, the second the whole file', async () => {
    const reports = await pdfsigReport(join(dir, 'signed.pdf'));
    expect(reports.map((r) => [r.fieldName, r.signerName, r.valid, r.coversWholeFile, r.signedLength, r.signingTime?.toISOString()])).toEqual([
      ['Lãnh đạo ký', 'Nguyễn Đình Huấn', true, false, one.length, leaderTime.toISOString()],
      ['Cơ quan ký số', 'Ủy ban nhân dân xã Kim Thành', true, true, two.length, agencyTime.toISOString()],
    ]);
    expect(reports.map((r) => r.subFilter)).toEqual(['ETSI.CAdES.detached', 'ETSI.CAdES.detached']);
  });

  it('says nothing about an unsigned signature field, and only trust is in question with certificates checked', async () => {
    const raw = execFileSync('pdfsig', ['-no-ocsp', join(dir, 'signed.pdf')]).toString();
    expect(raw).not.toContain('The signature form field is not signed.');
    expect(raw.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2);
    const withCerts = await pdfsigReport(join(dir, 'signed.pdf'), { checkCertificate: true });
    expect(withCerts.map((r) => r.valid)).toEqual([true, true]);
    expect(withCerts[0].problems.join(' ')).toMatch(/pdfsig certificate: Certificate issuer isn't Trusted/);
  });

  it('the leader-only file was already valid on its own', async () => {
    writeFileSync(join(dir, 'one.pdf'), one);
    const [r] = await pdfsigReport(join(dir, 'one.pdf'));
    expect([r.valid, r.coversWholeFile]).toEqual([true, true]);
  });

  it('an ECDSA P-256 hash-only signer (the remote-signing shape) signs a third revision pdfsig accepts', async () => {
    const three = await signPdf(two, { signer: makeEcSigner(pki.dir, 'Dịch vụ ký số từ xa'), reason: 'Ký số từ xa' });
    writeFileSync(join(dir, 'three.pdf'), three);
    const reports = await pdfsigReport(join(dir, 'three.pdf'));
    expect(reports.map((r) => [r.signerName, r.valid, r.coversWholeFile])).toEqual([
      ['Nguyễn Đình Huấn', true, false],
      ['Ủy ban nhân dân xã Kim Thành', true, false],
      ['Dịch vụ ký số từ xa', true, true],
    ]);
    // and our own verifier agrees (ECDSA path)
    expect((await verifyPdf(three)).map((r) => r.valid)).toEqual([true, true, true]);
  });

  it('qpdf --check finds no errors', () => {
    const r = spawnSync('qpdf', ['--check', join(dir, 'signed.pdf')]);
    expect(r.stderr.toString()).toBe('');
    expect(r.stdout.toString()).toContain('No syntax or stream encoding errors found');
    expect(r.status).toBe(0);
  });

  it('one byte changed inside the first revision makes both signatures invalid', async () => {
    // a byte of stream data of the original file: the structure still parses, the digests change
    const text = Buffer.from(two.subarray(0, sample.bytes.length)).toString('latin1');
    const at = text.indexOf('stream\n') + 'stream\n'.length + 5;
    const tampered = new Uint8Array(two);
    tampered[at] ^= 0x20;
    writeFileSync(join(dir, 'tampered.pdf'), tampered);
    const reports = await pdfsigReport(join(dir, 'tampered.pdf'));
    expect(reports.map((r) => [r.valid, r.digestMatches])).toEqual([[false, false], [false, false]]);
  });

  it('Vietnamese /Reason, /Location and /Name come back intact (qpdf JSON)', () => {
    const json = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=qpdf', join(dir, 'signed.pdf')], { maxBuffer: 64 << 20 }).toString()) as {
      qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
    };
    const sigs = Object.values(json.qpdf[1])
      .map((o) => o.value)
      .filter((v): v is Record<string, unknown> => v !== undefined && v['/Type'] === '/Sig')
      .map((v) => [v['/Name'], v['/Reason'], v['/Location'], v['/M']]);
    expect(sigs).toEqual([
      ['u:Nguyễn Đình Huấn', 'u:Ký ban hành Kế hoạch số 128/KH-UBND', 'u:Xã Kim Thành, tỉnh Hải Dương', "u:D:20260526143015+07'00'"],
      ['u:Ủy ban nhân dân xã Kim Thành', 'u:Đóng dấu cơ quan', 'u:Ủy ban nhân dân xã Kim Thành', "u:D:20260526144500+07'00'"],
    ]);
  });
});

describe('what the page looks like (pdftoppm -r 70)', () => {
  const DPI = 70;
  const PAGE_H = 841.89;
  const px = (pt: number) => (pt * DPI) / 72;
  interface Box {
    minX: number;
    maxX: number;
    minY: number;
    maxY: number;
    count: number;
  }
  let blue: Box;
  let red: Box;

  beforeAll(() => {
    execFileSync('pdftoppm', ['-r', String(DPI), '-png', '-f', '1', '-l', '1', '-singlefile', join(dir, 'signed.pdf'), join(dir, 'page')]);
    copyFileSync(join(dir, 'page.png'), PAGE_IMAGE);
    const png = PNG.sync.read(readFileSync(join(dir, 'page.png')));
    const empty = (): Box => ({ minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity, count: 0 });
    blue = empty();
    red = empty();
    const add = (b: Box, x: number, y: number) => {
      b.minX = Math.min(b.minX, x);
      b.maxX = Math.max(b.maxX, x);
      b.minY = Math.min(b.minY, y);
      b.maxY = Math.max(b.maxY, y);
      b.count++;
    };
    const d = png.data;
    for (let y = 0; y < png.height; y++) {
      for (let x = 0; x < png.width; x++) {
        const i = (y * png.width + x) * 4;
        const [r, g, b] = [d[i], d[i + 1], d[i + 2]];
        if (b > 110 && r < 100 && g < 120) add(blue, x, y); // signature ink
        if (r > 160 && g < 100 && b < 100) add(red, x, y); // seal ink
      }
    }
  });

  it('the blue signature lies between the position line and the name, centred in the box', () => {
    expect(blue.count).toBeGreaterThan(200);
    // below the baseline of "CHỦ TỊCH", above the cap height of the name (14 pt bold ≈ 0.66 em)
    expect(blue.minY).toBeGreaterThan(px(PAGE_H - sample.positionBaseline));
    expect(blue.maxY).toBeLessThan(px(PAGE_H - (sample.nameBaseline + 14 * 0.66)));
    const box = sample.signatureBox;
    expect(Math.abs((blue.minX + blue.maxX) / 2 - px(box.x + box.width / 2))).toBeLessThan(px(12));
  });

  it('the red seal is 36 mm across and covers about the left third of the signature image', () => {
    const diameterPx = (36 / 25.4) * DPI;
    expect(red.maxX - red.minX).toBeGreaterThan(diameterPx - 4);
    expect(red.maxX - red.minX).toBeLessThan(diameterPx + 3);
    expect(red.maxY - red.minY).toBeGreaterThan(diameterPx - 4);
    const image = leaderLook.rect;
    // its right edge one third into the signature image, so the seal lies over the image's left part
    expect(Math.abs(red.maxX - px(image.x + image.width / 3))).toBeLessThan(4);
    expect(red.maxX).toBeGreaterThan(blue.minX);
    expect(red.minX).toBeLessThan(blue.minX);
    // vertically centred on the signature image
    expect(Math.abs((red.minY + red.maxY) / 2 - px(PAGE_H - (image.y + image.height / 2)))).toBeLessThan(4);
  });
});

describe('attachment in a separate file: agency signature at the top right (pdftotext, pdffonts)', () => {
  let path: string;
  beforeAll(async () => {
    const agency = await Pkcs12Signer.fromFile(pki.agency.p12Path, pki.agency.passphrase);
    const signingTime = new Date('2026-05-26T07:30:15Z');
    const signed = await signPdf(sample.bytes, {
      signer: agency,
      fieldName: 'Cơ quan ký phụ lục',
      reason: 'Ký số phụ lục kèm theo văn bản số 128/KH-UBND',
      signingTime,
      appearance: attachmentStamp({ number: '128/KH-UBND', signingTime }),
    });
    path = join(dir, 'attachment.pdf');
    writeFileSync(path, signed);
  });

  it('is a valid signature', async () => {
    const [r] = await pdfsigReport(path);
    expect([r.fieldName, r.valid]).toEqual(['Cơ quan ký phụ lục', true]);
  });

  it('shows "Số: 128/KH-UBND; 26/05/2026; 14:30:15 +07:00" at the top right of page 1', () => {
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', path, '-']).toString();
    expect(text).toContain('Số: 128/KH-UBND; 26/05/2026; 14:30:15 +07:00');
    const html = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-bbox', path, '-']).toString();
    const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">\+07:00<\/word>/.exec(html);
    expect(word).not.toBeNull();
    const [xMax, yMin] = [Number(word?.[3]), Number(word?.[2])];
    // right margin 15 mm, top 8 mm (pdftotext's y runs down from the top edge)
    expect(Math.abs(xMax - (595.28 - 15 * (72 / 25.4)))).toBeLessThan(3);
    expect(yMin).toBeLessThan(8 * (72 / 25.4) + 14);
  });

  it('draws it with an embedded Tinos that maps back to Unicode', () => {
    writeFileSync(join(dir, 'unsigned.pdf'), sample.bytes);
    const tinos = (file: string) => execFileSync('pdffonts', [file]).toString().split('\n').filter((l) => l.startsWith('Tinos'));
    const before = new Set(tinos(join(dir, 'unsigned.pdf')));
    const added = tinos(path).filter((l) => !before.has(l));
    expect(added).toHaveLength(1);
    // columns: name type encoding emb sub uni object ID (pdf-lib does not tag subsets with ABCDEF+)
    expect(added[0]).toMatch(/^Tinos-\S+ +CID TrueType +Identity-H +yes +no +yes /);
  });
});

describe('documents from the PDF renderer (seed KH, QĐ with phụ lục): sign where layout.signature says', () => {
  it.each([
    ['seed KH', () => seedModel(SEED_KH_NAMES[0])],
    ['QĐ with a 40-row phụ lục', () => qdWithAnnex(40)],
  ])('%s: pdfsig validates leader and agency signatures, qpdf is clean', async (name, model) => {
    const { bytes, layout } = await renderPdfWithLayout(model());
    const leader = await Pkcs12Signer.fromFile(pki.leader.p12Path, pki.leader.passphrase);
    const agency = await Pkcs12Signer.fromFile(pki.agency.p12Path, pki.agency.passphrase);
    const look = leaderAppearance({ signatureBox: layout.signature, signatureImagePng: signaturePng() });
    const first = await signPdf(bytes, { signer: leader, reason: 'Ký ban hành', appearance: look, signingTime: leaderTime });
    const second = await signPdf(first, {
      signer: agency,
      reason: 'Đóng dấu cơ quan',
      appearance: sealAppearance({ signatureBox: layout.signature, sealImagePng: sealPng(), signatureImageRect: look.rect }),
      signingTime: agencyTime,
    });
    const file = join(dir, `${name.replace(/\W+/g, '-')}.pdf`);
    writeFileSync(file, second);
    const reports = await pdfsigReport(file);
    expect(reports.map((r) => [r.valid, r.coversWholeFile, r.signedLength])).toEqual([
      [true, false, first.length],
      [true, true, second.length],
    ]);
    expect(spawnSync('qpdf', ['--check', file]).status).toBe(0);
    // the signature page, kept for people to look at
    const page = String(layout.signature.page + 1);
    execFileSync('pdftoppm', ['-r', '70', '-png', '-f', page, '-l', page, '-singlefile', file, join(tmpdir(), `vanthu-signing-${name.replace(/\W+/g, '-')}`)]);
  });
});
