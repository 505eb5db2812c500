import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Test certificates made at test time with the openssl CLI (never committed): a CA with a
 * Vietnamese name, the leader (CN Nguyễn Đình Huấn, O Ủy ban nhân dân xã Kim Thành) and the agency
 * (CN Ủy ban nhân dân xã Kim Thành). openssl with `string_mask = utf8only` writes the names as
 * UTF8String, the encoding Vietnamese public CAs use and the one poppler must accept.
 * The leader's passphrase is Vietnamese (exercises the UTF-8 PBES2 path), the agency's is ASCII.
 */
export interface TestIdentity {
  p12Path: string;
  passphrase: string;
  certPem: string;
  certDer: Uint8Array;
  commonName: string;
  organization?: string;
}

export interface TestPki {
  dir: string;
  caCertPem: string;
  caCertDer: Uint8Array;
  caCommonName: string;
  leader: TestIdentity;
  agency: TestIdentity;
  cleanup(): void;
}

export const LEADER_NAME = 'Nguyễn Đình Huấn';
export const AGENCY_NAME = 'Ủy ban nhân dân xã Kim Thành';
export const CA_NAME = 'CA thử nghiệm Văn thư';

const CONFIG = `
[req]
distinguished_name = dn
string_mask = utf8only
utf8 = yes
prompt = no
[dn]
[v3_ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[v3_signer]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = emailProtection
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

function pemToDer(pem: string): Uint8Array {
  const b64 = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  return new Uint8Array(Buffer.from(b64, 'base64'));
}

function subj(parts: Record<string, string>): string {
  return Object.entries(parts)
    .map(([k, v]) => `/${k}=${v.normalize('NFC')}`)
    .join('');
}

export function makeTestPki(dir = mkdtempSync(join(tmpdir(), 'vanthu-pki-'))): TestPki {
  writeFileSync(join(dir, 'openssl.cnf'), CONFIG);
  const cnf = ['-config', 'openssl.cnf'];
  openssl(
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '3650', '-utf8',
      '-subj', subj({ C: 'VN', O: 'Tổ chức chứng thực thử nghiệm', CN: CA_NAME }), ...cnf, '-extensions', 'v3_ca'],
    dir,
  );
  const issue = (id: string, serial: string, names: Record<string, string>, passphrase: string): TestIdentity => {
    openssl(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${id}.key`, '-out', `${id}.csr`, '-utf8', '-subj', subj(names), ...cnf], dir);
    openssl(['x509', '-req', '-in', `${id}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-set_serial', serial, '-days', '825',
      '-out', `${id}.crt`, '-extfile', 'openssl.cnf', '-extensions', 'v3_signer'], dir);
    // openssl 3 defaults: PBES2/AES-256-CBC for key and certificates, HMAC-SHA256 MAC
    openssl(['pkcs12', '-export', '-inkey', `${id}.key`, '-in', `${id}.crt`, '-certfile', 'ca.crt', '-name', names.CN,
      '-passout', `pass:${passphrase}`, '-out', `${id}.p12`], dir);
    rmSync(join(dir, `${id}.key`)); // only the encrypted PKCS#12 stays on disk
    rmSync(join(dir, `${id}.csr`));
    const certPem = readFileSync(join(dir, `${id}.crt`), 'utf8');
    return { p12Path: join(dir, `${id}.p12`), passphrase, certPem, certDer: pemToDer(certPem), commonName: names.CN, organization: names.O };
  };
  const leader = issue('leader', '0x1001', { C: 'VN', O: AGENCY_NAME, CN: LEADER_NAME }, 'mật khẩu thử nghiệm');
  const agency = issue('agency', '0x1002', { C: 'VN', O: AGENCY_NAME, CN: AGENCY_NAME }, 'agency-test-pass');
  rmSync(join(dir, 'ca.key'));
  const caCertPem = readFileSync(join(dir, 'ca.crt'), 'utf8');
  return {
    dir,
    caCertPem,
    caCertDer: pemToDer(caCertPem),
    caCommonName: CA_NAME,
    leader,
    agency,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
