import { nfc } from '../vi/nfc';
import { children, expectTag, read, readOid, readString, readTime, TAG, type Node } from './der';

/** Short names of the DN attributes a Vietnamese signing certificate carries. */
const SHORT_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'T',
  '0.9.2342.19200300.100.1.1': 'UID',
  '1.2.840.113549.1.9.1': 'E',
};

export const KEY_OID = { rsa: '1.2.840.113549.1.1.1', ec: '1.2.840.10045.2.1' } as const;

export interface NameAttribute {
  /** short name (CN, O, …) or the OID when unknown */
  type: string;
  value: string;
}

/** The parts of an X.509 certificate signing needs, raw encodings kept byte for byte. */
export interface ParsedCertificate {
  der: Uint8Array;
  /** content octets of the serialNumber INTEGER */
  serial: Uint8Array;
  /** the issuer Name TLV exactly as encoded in the certificate */
  issuerRaw: Uint8Array;
  subjectRaw: Uint8Array;
  issuer: NameAttribute[];
  subject: NameAttribute[];
  keyAlgorithmOid: string;
  notBefore: Date;
  notAfter: Date;
}

export interface CertificateInfo {
  subject: NameAttribute[];
  issuer: NameAttribute[];
  /** most specific first: "CN=Nguyễn Đình Huấn, O=…, C=VN" */
  subjectDn: string;
  issuerDn: string;
  commonName?: string;
  organization?: string;
  serialNumberHex: string;
  notBefore: Date;
  notAfter: Date;
  keyAlgorithm: 'rsa' | 'ec' | string;
}

export function parseCertificate(der: Uint8Array): ParsedCertificate {
  const cert = expectTag(read(der), TAG.sequence, 'Certificate');
  const tbs = children(expectTag(children(cert)[0], TAG.sequence, 'TBSCertificate'));
  const fields = tbs[0]?.tag === 0xa0 ? tbs.slice(1) : tbs;
  const [serial, , issuer, validity, subject, spki] = fields;
  const [notBefore, notAfter] = children(expectTag(validity, TAG.sequence, 'Validity'));
  const keyAlg = children(expectTag(children(expectTag(spki, TAG.sequence, 'SubjectPublicKeyInfo'))[0], TAG.sequence, 'AlgorithmIdentifier'))[0];
  return {
    der,
    serial: expectTag(serial, TAG.integer, 'serialNumber').content,
    issuerRaw: expectTag(issuer, TAG.sequence, 'issuer').raw,
    subjectRaw: expectTag(subject, TAG.sequence, 'subject').raw,
    issuer: nameAttributes(issuer),
    subject: nameAttributes(subject),
    keyAlgorithmOid: readOid(keyAlg),
    notBefore: readTime(notBefore),
    notAfter: readTime(notAfter),
  };
}

export function certificateInfo(der: Uint8Array): CertificateInfo {
  const c = parseCertificate(der);
  const find = (t: string) => c.subject.find((a) => a.type === t)?.value;
  return {
    subject: c.subject,
    issuer: c.issuer,
    subjectDn: formatDn(c.subject),
    issuerDn: formatDn(c.issuer),
    commonName: find('CN'),
    organization: find('O'),
    serialNumberHex: Buffer.from(c.serial).toString('hex'),
    notBefore: c.notBefore,
    notAfter: c.notAfter,
    keyAlgorithm: c.keyAlgorithmOid === KEY_OID.rsa ? 'rsa' : c.keyAlgorithmOid === KEY_OID.ec ? 'ec' : c.keyAlgorithmOid,
  };
}

/** Name ::= SEQUENCE OF RelativeDistinguishedName (SET OF { type OID, value }), in encoded order. */
export function nameAttributes(name: Node): NameAttribute[] {
  const out: NameAttribute[] = [];
  for (const rdn of children(name)) {
    for (const atv of children(rdn)) {
      const [type, value] = children(atv);
      const oidText = readOid(type);
      out.push({ type: SHORT_NAMES[oidText] ?? oidText, value: nfc(readString(value)) });
    }
  }
  return out;
}

function formatDn(attrs: NameAttribute[]): string {
  return [...attrs].reverse().map((a) => `${a.type}=${a.value}`).join(', ');
}
