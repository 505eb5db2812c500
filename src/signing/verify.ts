import { execFile } from 'node:child_process';
import { createHash, verify as cryptoVerify, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from '@cantoo/pdf-lib';
import { nfc } from '../vi/nfc';
import { certificateInfo } from './certificate-info';
import { OID, parseCms } from './cms';
import { signingError } from './errors';
import { parsePdfDate } from './vn-time';

/** One signature of a PDF as a verifier sees it. */
export interface SignatureReport {
  /** fully qualified field name */
  fieldName: string;
  /** CN of the signer's certificate subject */
  signerName: string | null;
  signerOrganization?: string;
  /** "CN=…, O=…, C=VN" */
  signerDn?: string;
  issuerDn?: string;
  /** the CMS signing-time attribute, else the dictionary's /M */
  signingTime: Date | null;
  reason?: string;
  location?: string;
  contactInfo?: string;
  subFilter?: string;
  /** [offset1, length1, offset2, length2] */
  byteRange: number[];
  /** the hash of the signed ranges equals the CMS message-digest (null: could not tell) */
  digestMatches: boolean | null;
  /** the CMS signature verifies with the signer certificate's public key (null: could not tell) */
  signatureValid: boolean | null;
  /** the ranges reach the end of the file: nothing was appended after this signature */
  coversWholeFile: boolean;
  /** bytes from the start of the file to the end of the signed revision */
  signedLength: number;
  fileLength: number;
  /** SHA-256 of the whole file, hex */
  sha256: string;
  /** digest, signature and byte range all check out (says nothing about trust in the certificate) */
  valid: boolean;
  /** what is wrong or missing, in words; empty when all is well */
  problems: string[];
}

const HASH_BY_OID: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  [OID.sha256]: 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** Signature algorithms verified here: PKCS#1 v1.5 RSA and ECDSA (with the SignerInfo's digest). */
const SIGNATURE_OIDS = new Set([
  OID.rsaEncryption,
  OID.sha256WithRsa,
  '1.2.840.113549.1.1.5',
  '1.2.840.113549.1.1.12',
  '1.2.840.113549.1.1.13',
  OID.ecdsaWithSha256,
  '1.2.840.10045.4.3.3',
  '1.2.840.10045.4.3.4',
]);

/**
 * Checks every signature field of a PDF from its bytes alone: the byte ranges, the digest of the
 * signed ranges against the CMS message-digest, the CMS signature against the embedded signer
 * certificate, and whether the signature covers the whole file or only an earlier revision.
 * Certificate trust (chain to a root, revocation) is not judged here.
 */
export async function verifyPdf(bytes: Uint8Array): Promise<SignatureReport[]> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } catch (e) {
    throw signingError('signing.bad_pdf', `cannot read the PDF: ${(e as Error).message}`, 'pdf');
  }
  const fileSha = createHash('sha256').update(bytes).digest('hex');
  return signatureFields(doc).map(({ name, sig }) => checkSignature(bytes, fileSha, name, sig));
}

interface SignatureField {
  name: string;
  sig: PDFDict;
}

function signatureFields(doc: PDFDocument): SignatureField[] {
  const out: SignatureField[] = [];
  const acroForm = doc.catalog.getAcroForm();
  if (!acroForm) return out;
  const visit = (ref: unknown, prefix: string, inheritedFt: string | undefined, depth: number) => {
    if (depth > 32) return;
    const dict = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
    if (!(dict instanceof PDFDict)) return;
    const t = dict.lookup(PDFName.of('T'));
    const part = t instanceof PDFString || t instanceof PDFHexString ? nfc(t.decodeText()) : undefined;
    const name = part === undefined ? prefix : prefix ? `${prefix}.${part}` : part;
    const ftObj = dict.lookup(PDFName.of('FT'));
    const ft = ftObj instanceof PDFName ? ftObj.decodeText() : inheritedFt;
    const v = dict.lookup(PDFName.of('V'));
    if (ft === 'Sig' && v instanceof PDFDict) out.push({ name, sig: v });
    const kids = dict.lookup(PDFName.of('Kids'));
    if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) visit(kids.get(i), name, ft, depth + 1);
  };
  const fields = acroForm.dict.lookup(PDFName.of('Fields'));
  if (fields instanceof PDFArray) for (let i = 0; i < fields.size(); i++) visit(fields.get(i), '', undefined, 0);
  // in file order of the signed ranges: the leader's (shorter revision) first
  return out.sort((a, b) => rangeEnd(a.sig) - rangeEnd(b.sig));
}

function rangeEnd(sig: PDFDict): number {
  const br = numbers(sig.lookup(PDFName.of('ByteRange')));
  return br.length === 4 ? br[2] + br[3] : Number.MAX_SAFE_INTEGER;
}

function numbers(obj: unknown): number[] {
  if (!(obj instanceof PDFArray)) return [];
  const out: number[] = [];
  for (let i = 0; i < obj.size(); i++) {
    const n = obj.get(i);
    if (n instanceof PDFNumber) out.push(n.asNumber());
  }
  return out;
}

function text(sig: PDFDict, key: string): string | undefined {
  const v = sig.lookup(PDFName.of(key));
  return v instanceof PDFString || v instanceof PDFHexString ? nfc(v.decodeText()) : v instanceof PDFName ? v.decodeText() : undefined;
}

function checkSignature(bytes: Uint8Array, sha256: string, fieldName: string, sig: PDFDict): SignatureReport {
  const problems: string[] = [];
  const byteRange = numbers(sig.lookup(PDFName.of('ByteRange')));
  const m = text(sig, 'M');
  const report: SignatureReport = {
    fieldName,
    signerName: null,
    signingTime: m ? (parsePdfDate(m) ?? null) : null,
    reason: text(sig, 'Reason'),
    location: text(sig, 'Location'),
    contactInfo: text(sig, 'ContactInfo'),
    subFilter: text(sig, 'SubFilter'),
    byteRange,
    digestMatches: null,
    signatureValid: null,
    coversWholeFile: false,
    signedLength: 0,
    fileLength: bytes.length,
    sha256,
    valid: false,
    problems,
  };
  for (const k of ['reason', 'location', 'contactInfo', 'subFilter'] as const) if (report[k] === undefined) delete report[k];

  const rangeOk = checkByteRange(bytes, byteRange, problems);
  if (byteRange.length === 4) {
    report.signedLength = byteRange[2] + byteRange[3];
    report.coversWholeFile = report.signedLength === bytes.length;
  }
  const contents = sig.lookup(PDFName.of('Contents'));
  if (!(contents instanceof PDFHexString || contents instanceof PDFString)) {
    problems.push('no /Contents');
    return report;
  }
  let cms;
  try {
    cms = parseCms(contents.asBytes());
  } catch (e) {
    problems.push((e as Error).message);
    return report;
  }
  const signerDer = cms.signerIndex >= 0 ? cms.certificates[cms.signerIndex] : undefined;
  if (!signerDer) problems.push('the signer certificate is not in the CMS');
  else {
    const info = certificateInfo(signerDer);
    report.signerName = info.commonName ?? null;
    if (info.organization !== undefined) report.signerOrganization = info.organization;
    report.signerDn = info.subjectDn;
    report.issuerDn = info.issuerDn;
  }
  if (cms.signingTime) report.signingTime = cms.signingTime;

  const hash = HASH_BY_OID[cms.digestAlgorithm];
  if (!hash) problems.push(`unsupported digest algorithm ${cms.digestAlgorithm}`);
  if (hash && rangeOk) {
    const h = createHash(hash);
    h.update(bytes.subarray(byteRange[0], byteRange[0] + byteRange[1]));
    h.update(bytes.subarray(byteRange[2], byteRange[2] + byteRange[3]));
    const digest = h.digest();
    report.digestMatches = cms.messageDigest !== undefined && digest.equals(Buffer.from(cms.messageDigest));
    if (!report.digestMatches) problems.push('digest mismatch: the signed bytes were changed');
  }
  if (hash && signerDer && cms.signedAttributesDer) {
    if (!SIGNATURE_OIDS.has(cms.signatureAlgorithm)) problems.push(`unsupported signature algorithm ${cms.signatureAlgorithm}`);
    else {
      try {
        const key = new X509Certificate(signerDer).publicKey;
        report.signatureValid = cryptoVerify(hash, cms.signedAttributesDer, key, cms.signature);
      } catch (e) {
        report.signatureValid = false;
        problems.push(`signature check failed: ${(e as Error).message}`);
      }
      if (!report.signatureValid) problems.push('the CMS signature does not verify with the signer certificate');
    }
  } else if (!cms.signedAttributesDer) problems.push('no signed attributes (not CAdES)');
  if (signerDer && cms.signingCertificateHash) {
    const h = createHash('sha256').update(signerDer).digest();
    if (!h.equals(Buffer.from(cms.signingCertificateHash))) problems.push('signing-certificate-v2 does not match the signer certificate');
  } else if (signerDer) problems.push('no signing-certificate-v2 attribute (required for PAdES B-B)');

  report.valid = rangeOk && report.digestMatches === true && report.signatureValid === true;
  return report;
}

/** ByteRange must start at 0 and leave out exactly the /Contents hex string. */
function checkByteRange(bytes: Uint8Array, br: number[], problems: string[]): boolean {
  if (br.length !== 4 || br.some((n) => !Number.isInteger(n) || n < 0)) {
    problems.push(`malformed /ByteRange [${br.join(' ')}]`);
    return false;
  }
  const [a, b, c, d] = br;
  if (a !== 0) problems.push('/ByteRange does not start at 0');
  if (c < a + b) problems.push('/ByteRange ranges overlap');
  if (c + d > bytes.length) problems.push('/ByteRange runs past the end of the file');
  else if (bytes[b] !== 0x3c || bytes[c - 1] !== 0x3e) problems.push('/ByteRange gap is not the /Contents hex string');
  return problems.length === 0;
}

const execFileAsync = promisify(execFile);

/**
 * poppler's `pdfsig` as an independent judge, its text parsed into the same shape. Run with TZ=UTC
 * so "Signing Time" can be read back exactly. By default `-nocert`: certificate trust is
 * reported by pdfsig separately ("Certificate Validation") and test certificates are untrusted.
 * Fields pdfsig 22 does not print (reason, location) are left out; digest/signature are read
 * from its "Signature Validation" line.
 */
export async function pdfsigReport(path: string, opts: { checkCertificate?: boolean } = {}): Promise<SignatureReport[]> {
  const args = opts.checkCertificate ? ['-no-ocsp', path] : ['-nocert', path];
  let stdout: string;
  try {
    ({ stdout } = await execFileAsync('pdfsig', args, { env: { ...process.env, TZ: 'UTC' }, maxBuffer: 16 << 20 }));
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    // pdfsig exits non-zero for "does not contain any signatures" and for invalid signatures
    if (err.stdout === undefined) throw e;
    stdout = err.stdout;
    if (/does not contain any signatures/.test(`${err.stdout}${err.stderr ?? ''}`)) return [];
  }
  const bytes = await readFile(path);
  return parsePdfsigOutput(stdout, bytes.length, createHash('sha256').update(bytes).digest('hex'));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Parses `pdfsig` (poppler 22) text output; times are taken as UTC (run it with TZ=UTC). */
export function parsePdfsigOutput(stdout: string, fileLength: number, sha256: string): SignatureReport[] {
  const reports: SignatureReport[] = [];
  let current: SignatureReport | undefined;
  for (const raw of stdout.split('\n')) {
    const line = raw.trimEnd();
    if (/^Signature #\d+:/.test(line)) {
      current = {
        fieldName: '',
        signerName: null,
        signingTime: null,
        byteRange: [],
        digestMatches: null,
        signatureValid: null,
        coversWholeFile: false,
        signedLength: 0,
        fileLength,
        sha256,
        valid: false,
        problems: [],
      };
      reports.push(current);
      continue;
    }
    const m = /^\s+- ([^:]+): ?(.*)$/.exec(line) ?? /^\s+- (.*)$/.exec(line);
    if (!current || !m) continue;
    const [key, value = ''] = m.length === 3 ? [m[1], m[2]] : [m[1]];
    switch (key) {
      case 'Signature Field Name':
        current.fieldName = nfc(value);
        break;
      case 'Signer Certificate Common Name':
        current.signerName = nfc(value);
        break;
      case 'Signer full Distinguished Name':
        current.signerDn = nfc(value);
        break;
      case 'Signing Time': {
        const t = /^(\w{3}) (\d{1,2}) (\d{4}) (\d{2}):(\d{2}):(\d{2})$/.exec(value);
        if (t) current.signingTime = new Date(Date.UTC(Number(t[3]), MONTHS.indexOf(t[1]), Number(t[2]), Number(t[4]), Number(t[5]), Number(t[6])));
        break;
      }
      case 'Signature Type':
        current.subFilter = value;
        break;
      case 'Signed Ranges': {
        const r = /\[(\d+) - (\d+)\], \[(\d+) - (\d+)\]/.exec(value);
        if (r) {
          const [a, b, c, d] = r.slice(1).map(Number);
          current.byteRange = [a, b - a, c, d - c];
          current.signedLength = d;
        }
        break;
      }
      case 'Total document signed':
        current.coversWholeFile = true;
        break;
      case 'Not total document signed':
        current.coversWholeFile = false;
        break;
      case 'Signature Validation':
        if (value === 'Signature is Valid.') {
          current.digestMatches = true;
          current.signatureValid = true;
        } else if (value === 'Digest Mismatch.') {
          current.digestMatches = false;
        } else if (value === 'Signature is Invalid.') {
          current.signatureValid = false;
        }
        if (value !== 'Signature is Valid.') current.problems.push(`pdfsig: ${value}`);
        current.valid = value === 'Signature is Valid.';
        break;
      case 'Certificate Validation':
        // trust is outside this report's `valid`; keep pdfsig's words for the reader
        if (value !== 'Certificate is Trusted.') current.problems.push(`pdfsig certificate: ${value}`);
        break;
      default:
        if (/not signed/i.test(key)) current.problems.push(`pdfsig: ${key}`);
    }
  }
  return reports;
}
