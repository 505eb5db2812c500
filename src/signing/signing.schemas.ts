import { z } from 'zod';

/** Base64 (standard alphabet, line breaks allowed), as JSON carries a key file or an image. */
const base64 = z
  .string()
  .min(4)
  .regex(/^[A-Za-z0-9+/=\r\n]+$/, 'base64');

/**
 * The leader signs (POST /api/documents/:id/sign). The PKCS#12 file travels encrypted and is opened
 * with the passphrase for this one use; neither is stored.
 */
export const leaderSignInput = z
  .object({
    /** the official's code; must be the signer the document's signature block names */
    official: z.string().trim().min(1).max(64),
    /** the official's PKCS#12 (.p12/.pfx) file, base64 */
    p12: base64,
    passphrase: z.string().max(1024),
    /**
     * the official's signature image: PNG, blue, transparent background (ND30 PL I §II.7.d);
     * default <data>/signing/<agency>/officials/<official>.png
     */
    image: base64.optional(),
  })
  .strict();
export type LeaderSignInput = z.infer<typeof leaderSignInput>;

/** The agency's signature applied at issue (part of POST /api/documents/:id/issue). */
export const sealInput = z
  .object({
    /** the agency's PKCS#12 file, base64 */
    p12: base64,
    passphrase: z.string().max(1024),
    /** the agency's seal image: PNG, red, transparent background (ND30 PL I §II.8); default <data>/signing/<agency>/seal.png */
    image: base64.optional(),
    /** the seal's real diameter in mm (default 36) */
    diameterMm: z.number().min(10).max(60).optional(),
  })
  .strict();
export type SealInput = z.infer<typeof sealInput>;

/** An attachment in a separate file, signed by the agency (POST /api/documents/:id/attachments). */
export const attachmentSignInput = z
  .object({
    /** the attachment, a PDF, base64 */
    pdf: base64,
    /** its file name in the register, e.g. "Phu-luc-danh-sach.pdf" */
    name: z.string().trim().min(1).max(200),
    /** the agency's PKCS#12 file, base64 */
    p12: base64,
    passphrase: z.string().max(1024),
    note: z.string().max(500).optional(),
  })
  .strict();
export type AttachmentSignInput = z.infer<typeof attachmentSignInput>;
