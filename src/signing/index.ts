/** Public surface of src/signing: PAdES signatures with ND30 appearances, and their verification. */
export type { Signer, DigestAlgorithm } from './signer';
export { Pkcs12Signer } from './pkcs12-signer';
export { signPdf, type SignPdfOptions } from './pades';
export {
  leaderAppearance,
  sealAppearance,
  attachmentStamp,
  type Appearance,
  type Rect,
  type SignatureBox,
} from './appearance';
export { verifyPdf, pdfsigReport, parsePdfsigOutput, type SignatureReport } from './verify';
export { buildCadesDetached, parseCms, type CadesOptions, type ParsedCms } from './cms';
export { certificateInfo, type CertificateInfo } from './certificate-info';
export { stampTime, isoVn, pdfDate } from './vn-time';
export { signingError, type SigningErrorCode } from './errors';
export { benchSign, type SignBench } from './bench';
