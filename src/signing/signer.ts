/**
 * The one thing signing needs from a key holder, in the hash-signing shape: the PDF code computes
 * the SHA-256 of the CMS signed attributes and hands only that digest over. A local PKCS#12 file
 * (`Pkcs12Signer`) implements it today; a remote signing service (an HSM, or a CA's "ký số từ xa"
 * / remote-signing API, which never lets the private key leave its hardware) implements the same
 * three methods by sending the digest and returning what the service signed. Nothing else in
 * `src/signing/` touches key material.
 */
export type DigestAlgorithm = 'sha256';

export interface Signer {
  /**
   * The signer's certificate first, then its issuing CA chain (DER each). The first certificate's
   * public key decides the signature algorithm written into the CMS: RSA → sha256WithRSAEncryption
   * (PKCS#1 v1.5), EC → ecdsa-with-SHA256.
   */
  certificateChain(): Promise<Uint8Array[]>;
  /**
   * Signs a digest that is already computed (the SHA-256 of the DER-encoded signed attributes).
   * Returns the raw signature: for RSA the PKCS#1 v1.5 signature over DigestInfo(sha256, digest)
   * (modulus length); for ECDSA the DER `ECDSA-Sig-Value` SEQUENCE { r, s }. Remote services that
   * return base64 or P1363 (r‖s) output must convert before returning.
   */
  sign(digest: Uint8Array, algorithm: DigestAlgorithm): Promise<Uint8Array>;
  /** Who signs, for the signature dictionary /Name and log lines; NFC. */
  describe(): { name: string; organization?: string };
}
