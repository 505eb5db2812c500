import { generateKeyPairSync } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import forge from 'node-forge';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { attachmentStamp } from './appearance';
import { signPdf } from './pades';
import { Pkcs12Signer } from './pkcs12-signer';
import { verifyPdf } from './verify';

/**
 * For `npm run bench`: one PAdES signature on a fresh 2-page PDF, then an incremental second one
 * (with the attachment stamp text, so a font subset is embedded) on the signed file, with a throwaway RSA-2048 key in a PKCS#12 made in memory (Vietnamese UTF8String
 * names, as real certificates carry). Times exclude key generation and PKCS#12 opening; asserts
 * only that both signatures verify.
 */
export interface SignBench {
  name: string;
  runs: number;
  /** median of `runs`, ms */
  firstMs: number;
  secondMs: number;
  verifyMs: number;
  bytes: number;
}

export async function benchSign(opts: { runs?: number } = {}): Promise<SignBench> {
  const runs = opts.runs ?? 7;
  const { signer, agency } = await benchSigners();
  const pdf = await benchPdf();
  const first: number[] = [];
  const second: number[] = [];
  const verify: number[] = [];
  const when = new Date();
  // the second signature carries a text appearance, so font subsetting is in the timing
  const stamp = attachmentStamp({ number: '128/KH-UBND', signingTime: when });
  let out: Uint8Array = new Uint8Array();
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const one = await signPdf(pdf, { signer, reason: 'Ký ban hành', location: 'Xã Kim Thành' });
    const t1 = performance.now();
    out = await signPdf(one, { signer: agency, reason: 'Đóng dấu cơ quan', signingTime: when, appearance: stamp });
    const t2 = performance.now();
    const reports = await verifyPdf(out);
    const t3 = performance.now();
    if (reports.length !== 2 || !reports.every((r) => r.valid)) throw new Error('benchSign: signatures do not verify');
    if (i === 0) continue; // warm-up
    first.push(t1 - t0);
    second.push(t2 - t1);
    verify.push(t3 - t2);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return {
    name: 'PAdES sign (leader), incremental second signature (agency), verify both',
    runs,
    firstMs: median(first),
    secondMs: median(second),
    verifyMs: median(verify),
    bytes: out.length,
  };
}

async function benchPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (let p = 0; p < 2; p++) {
    const page = doc.addPage([595.28, 841.89]);
    for (let i = 0; i < 40; i++) page.drawText(`Line ${i + 1} of page ${p + 1}`, { x: 85, y: 780 - i * 18, size: 12, font });
  }
  return doc.save();
}

async function benchSigners(): Promise<{ signer: Pkcs12Signer; agency: Pkcs12Signer }> {
  const make = async (cn: string) => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()) as forge.pki.rsa.PrivateKey;
    const cert = forge.pki.createCertificate();
    cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
    cert.serialNumber = '01';
    cert.validity.notBefore = new Date(Date.now() - 86_400_000);
    cert.validity.notAfter = new Date(Date.now() + 86_400_000);
    const name = [
      { shortName: 'C', value: 'VN' },
      { shortName: 'CN', value: forge.util.encodeUtf8(cn), valueTagClass: forge.asn1.Type.UTF8 },
    ];
    cert.setSubject(name as forge.pki.CertificateField[]);
    cert.setIssuer(name as forge.pki.CertificateField[]);
    cert.sign(key, forge.md.sha256.create());
    const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], 'bench', { algorithm: 'aes256' });
    return Pkcs12Signer.fromBuffer(Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'), 'bench');
  };
  return { signer: await make('Nguyễn Đình Huấn'), agency: await make('Ủy ban nhân dân xã Kim Thành') };
}
