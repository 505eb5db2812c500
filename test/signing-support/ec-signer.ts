import { execFileSync } from 'node:child_process';
import { createPrivateKey, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Signer } from '../../src/signing/signer';

/**
 * A hash-signing ECDSA P-256 Signer, standing in for a remote signing service: it receives only the
 * digest. Node's crypto cannot sign a pre-computed digest with ECDSA, so the curve arithmetic is
 * written out here (test use only: not constant-time). The certificate is made by openssl.
 */
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const A = P - 3n;
const G: Point = [
  0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
  0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
];
type Point = [bigint, bigint] | null;

const mod = (a: bigint, m: bigint) => ((a % m) + m) % m;
function inv(a: bigint, m: bigint): bigint {
  // extended Euclid
  let [r0, r1, s0, s1] = [mod(a, m), m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return mod(s0, m);
}
function add(p: Point, q: Point): Point {
  if (!p) return q;
  if (!q) return p;
  if (p[0] === q[0] && mod(p[1] + q[1], P) === 0n) return null;
  const l = p[0] === q[0] && p[1] === q[1] ? mod((3n * p[0] * p[0] + A) * inv(2n * p[1], P), P) : mod((q[1] - p[1]) * inv(q[0] - p[0], P), P);
  const x = mod(l * l - p[0] - q[0], P);
  return [x, mod(l * (p[0] - x) - p[1], P)];
}
function mul(k: bigint, p: Point): Point {
  let r: Point = null;
  for (let a = p; k > 0n; k >>= 1n, a = add(a, a)) if (k & 1n) r = add(r, a);
  return r;
}
const big = (b: Uint8Array) => BigInt(`0x${Buffer.from(b).toString('hex') || '0'}`);
function derInteger(n: bigint): Buffer {
  let h = n.toString(16);
  if (h.length % 2) h = `0${h}`;
  if (parseInt(h.slice(0, 2), 16) & 0x80) h = `00${h}`;
  return Buffer.concat([Buffer.of(0x02, h.length / 2), Buffer.from(h, 'hex')]);
}

export function makeEcSigner(dir: string, commonName: string): Signer {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ec.key', '-out', 'ec.crt',
    '-days', '30', '-utf8', '-subj', `/C=VN/CN=${commonName}`], { cwd: dir, stdio: 'ignore' });
  const jwk = createPrivateKey(readFileSync(join(dir, 'ec.key'))).export({ format: 'jwk' });
  const d = big(Buffer.from(jwk.d as string, 'base64url'));
  const pem = readFileSync(join(dir, 'ec.crt'), 'utf8');
  const certDer = new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64'));
  return {
    certificateChain: async () => [certDer],
    describe: () => ({ name: commonName }),
    sign: async (digest) => {
      const e = big(digest);
      for (;;) {
        const k = mod(big(randomBytes(40)), N - 1n) + 1n;
        const r = mod((mul(k, G) as [bigint, bigint])[0], N);
        const s = mod(inv(k, N) * (e + r * d), N);
        if (r === 0n || s === 0n) continue;
        const body = Buffer.concat([derInteger(r), derInteger(s)]);
        return new Uint8Array(Buffer.concat([Buffer.of(0x30, body.length), body]));
      }
    },
  };
}
