/** One archived file as the register records it: what it is and the hash that names it in the store. */
export interface ArchivedFile {
  /** "issued" (the rendered document at issue), "signed" (after the agency signature), "attachment" … */
  role: string;
  /** file name as handed out: "kim-thanh-kh-128.pdf" */
  name: string;
  contentType: string;
  /** lower-case hex sha-256 of the bytes: the file's name in the store */
  sha256: string;
  size: number;
}
