import { createHash } from 'node:crypto';
import { makeSamplePdf } from '../../test/signing-support/sample-pdf';
import { makeTestPki, type TestPki } from '../../test/signing-support/test-pki';
import { signPdf } from './pades';
import { Pkcs12Signer } from './pkcs12-signer';
import { parsePdfsigOutput, verifyPdf } from './verify';

const PDFSIG_TWO_VALID = `Digital Signature Info of: 2.pdf
Signature #1:
  - Signature Field Name: LãnhĐạo
  - Signer Certificate Common Name: Nguyễn Đình Huấn
  - Signer full Distinguished Name: CN=Nguyễn Đình Huấn,O=Ủy ban nhân dân xã Kim Thành,C=VN
  - Signing Time: May 26 2026 07:30:15
  - Signing Hash Algorithm: SHA-256
  - Signature Type: ETSI.CAdES.detached
  - Signed Ranges: [0 - 23984], [40370 - 52611]
  - Not total document signed
  - Signature Validation: Signature is Valid.
  - Certificate Validation: Certificate issuer isn't Trusted.
Signature #2:
  - Signature Field Name: Signature1
  - Signer Certificate Common Name: Ủy ban nhân dân xã Kim Thành
  - Signer full Distinguished Name: CN=Ủy ban nhân dân xã Kim Thành,O=Ủy ban nhân dân xã Kim Thành,C=VN
  - Signing Time: May 26 2026 07:31:02
  - Signing Hash Algorithm: SHA-256
  - Signature Type: ETSI.CAdES.detached
  - Signed Ranges: [0 - 53599], [69985 - 86148]
  - Total document signed
  - Signature Validation: Signature is Valid.
  - Certificate Validation: Certificate issuer isn't Trusted.
`;

describe('parsePdfsigOutput (poppler 22 text)', () => {
  it('reads both signatures of a leader + agency file', () => {
    const [a, b] = parsePdfsigOutput(PDFSIG_TWO_VALID, 86148, 'ab');
    expect(a).toMatchObject({
      fieldName: 'LãnhĐạo',
      signerName: 'Nguyễn Đình Huấn',
      signingTime: new Date('2026-05-26T07:30:15Z'),
      subFilter: 'ETSI.CAdES.detached',
      byteRange: [0, 23984, 40370, 12241],
      signedLength: 52611,
      coversWholeFile: false,
      digestMatches: true,
      signatureValid: true,
      valid: true,
      problems: ["pdfsig certificate: Certificate issuer isn't Trusted."],
    });
    expect(b).toMatchObject({ fieldName: 'Signature1', signerName: 'Ủy ban nhân dân xã Kim Thành', byteRange: [0, 53599, 69985, 16163], coversWholeFile: true, valid: true });
  });

  it.each([
    ['Digest Mismatch.', { digestMatches: false, signatureValid: null, valid: false }],
    ['Signature is Invalid.', { digestMatches: null, signatureValid: false, valid: false }],
    ['Unknown Validation Failure.', { digestMatches: null, signatureValid: null, valid: false }],
  ])('maps "Signature Validation: %s"', (status, expected) => {
    const [r] = parsePdfsigOutput(`Signature #1:\n  - Signature Field Name: S\n  - Signature Validation: ${status}\n`, 10, 'x');
    expect(r).toMatchObject({ ...expected, problems: [`pdfsig: ${status}`] });
  });

  it('finds nothing in an unsigned file', () => {
    expect(parsePdfsigOutput("File 'a.pdf' does not contain any signatures\n", 10, 'x')).toEqual([]);
  });
});

describe('verifyPdf', () => {
  let pki: TestPki;
  let unsigned: Uint8Array;
  let one: Uint8Array;
  let two: Uint8Array;
  beforeAll(async () => {
    pki = makeTestPki();
    const leader = await Pkcs12Signer.fromFile(pki.leader.p12Path, pki.leader.passphrase);
    const agency = await Pkcs12Signer.fromFile(pki.agency.p12Path, pki.agency.passphrase);
    unsigned = (await makeSamplePdf()).bytes;
    one = await signPdf(unsigned, { signer: leader, reason: 'Ký ban hành', location: 'Xã Kim Thành', signingTime: new Date('2026-05-26T07:30:15Z') });
    two = await signPdf(one, { signer: agency, reason: 'Đóng dấu cơ quan', signingTime: new Date('2026-05-26T07:31:02Z') });
    // openssl makes three RSA keys: slow on a loaded machine
  }, 60_000);
  afterAll(() => pki.cleanup());

  const flip = (bytes: Uint8Array, at: number) => {
    const copy = new Uint8Array(bytes);
    copy[at] ^= 0x01;
    return copy;
  };

  it('reports who signed, when, why, what each signature covers, and the file hash', async () => {
    const reports = await verifyPdf(two);
    expect(reports.map((r) => ({ ...r, sha256: r.sha256.length }))).toEqual([
      expect.objectContaining({
        fieldName: 'Signature1',
        signerName: 'Nguyễn Đình Huấn',
        signerOrganization: 'Ủy ban nhân dân xã Kim Thành',
        issuerDn: 'CN=CA thử nghiệm Văn thư, O=Tổ chức chứng thực thử nghiệm, C=VN',
        signingTime: new Date('2026-05-26T07:30:15Z'),
        reason: 'Ký ban hành',
        location: 'Xã Kim Thành',
        subFilter: 'ETSI.CAdES.detached',
        signedLength: one.length,
        coversWholeFile: false,
        digestMatches: true,
        signatureValid: true,
        valid: true,
        problems: [],
      }),
      expect.objectContaining({ fieldName: 'Signature2', signerName: 'Ủy ban nhân dân xã Kim Thành', signedLength: two.length, coversWholeFile: true, valid: true }),
    ]);
    expect(reports[0].sha256).toBe(createHash('sha256').update(two).digest('hex'));
    expect(reports[0].byteRange[0]).toBe(0);
  });

  it('finds no signatures in an unsigned PDF', async () => {
    expect(await verifyPdf(unsigned)).toEqual([]);
  });

  it('a byte changed in the first revision breaks both signatures', async () => {
    const reports = await verifyPdf(flip(two, 200));
    expect(reports.map((r) => [r.digestMatches, r.valid])).toEqual([[false, false], [false, false]]);
    expect(reports[0].problems).toContain('digest mismatch: the signed bytes were changed');
  });

  it('a byte changed in the second revision breaks only the second signature', async () => {
    // the last bytes of the file belong to the agency's update only
    const reports = await verifyPdf(flip(two, two.length - 30));
    expect(reports.map((r) => r.valid)).toEqual([true, false]);
  });

  it('a changed signature value fails the signature check, not the digest', async () => {
    // /Contents hex starts one byte after the first range; the RSA signature sits near the end of the CMS
    const [r] = await verifyPdf(two);
    const contentsStart = r.byteRange[1] + 1;
    const text = Buffer.from(two.subarray(contentsStart, r.byteRange[2] - 1)).toString('latin1');
    const cmsHexEnd = text.replace(/0+$/, '').length;
    const tampered = new Uint8Array(two);
    const at = contentsStart + cmsHexEnd - 10;
    tampered[at] = tampered[at] === 0x61 ? 0x62 : 0x61; // another hex digit
    const [t] = await verifyPdf(tampered);
    expect([t.digestMatches, t.signatureValid, t.valid]).toEqual([true, false, false]);
  });

  it('a ByteRange that does not end at the /Contents gap is reported', async () => {
    const [r] = await verifyPdf(one);
    const text = Buffer.from(one).toString('latin1');
    const original = `[0 ${r.byteRange.join(' ').slice(2)}]`;
    const at = text.indexOf(original);
    const shifted = `[0 ${r.byteRange[1] - 1} ${r.byteRange[2]} ${r.byteRange[3]}]`.padEnd(original.length, ' ');
    const tampered = new Uint8Array(Buffer.from(text.slice(0, at) + shifted + text.slice(at + original.length), 'latin1'));
    const [t] = await verifyPdf(tampered);
    expect(t.valid).toBe(false);
    expect(t.problems).toContain('/ByteRange gap is not the /Contents hex string');
  });
});
