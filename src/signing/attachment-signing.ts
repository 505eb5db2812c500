import { Inject, Injectable, Optional } from '@nestjs/common';
import { PDFDocument } from 'pdf-lib';
import { DataSource } from 'typeorm';
import { ArchiveService } from '../archive/archive.service';
import type { ArchivedFile } from '../archive/archived-file';
import { CLOCK, systemClock, type Clock } from '../archive/clock';
import { assertOutgoing, findDocument } from '../issuing/document-lookup';
import { AgencyEntity } from '../registry/agency.entity';
import type { AgencyScope } from '../registry/agency-scope';
import { formatDocNumber } from '../vi/doc-number';
import { parseInput } from '../common/zod-body';
import { nfc } from '../vi/nfc';
import { checkAgencyCertificate, type AgencySeal } from './agency-seal';
import { attachmentStamp } from './appearance';
import { AGENCY_FIELD } from './document-signing';
import { signingError } from './errors';
import { Pkcs12Signer } from './pkcs12-signer';
import { attachmentSignInput } from './signing.schemas';
import { signPdf } from './pades';
import { locationOf } from './signature-ledger';
import { isoVn } from './vn-time';

export interface AttachmentSignRequest {
  /** the attachment as a PDF (a phụ lục, a list, a map sent as a separate file) */
  pdf: Uint8Array;
  /** file name kept in the register */
  name: string;
  seal: AgencySeal;
  note?: string;
}

export interface AttachmentSignResult {
  code: string;
  reference: string;
  seq: number;
  signedAt: string;
  file: ArchivedFile;
}

/**
 * ND30 PL I §II.8: an attachment in a separate file carries the agency's digital signature at the
 * top right of its first page, with the document's number and the signing time in Times 10 and no
 * image. Signed only once the document is issued (the number is what it shows), then archived and
 * chained to the document's register line.
 */
@Injectable()
export class AttachmentSigning {
  constructor(
    private readonly ds: DataSource,
    private readonly archive: ArchiveService,
    @Optional() @Inject(CLOCK) private readonly now: Clock = systemClock,
  ) {}

  /** API: the PDF and the agency's key file arrive base64; the key is opened for this call only. */
  async signFromBody(scope: AgencyScope, ref: string | number, body: unknown): Promise<AttachmentSignResult> {
    const input = parseInput(attachmentSignInput, body);
    const signer = await Pkcs12Signer.fromBuffer(Buffer.from(input.p12, 'base64'), input.passphrase);
    const { signed: _bytes, ...result } = await this.sign(scope, ref, { pdf: Buffer.from(input.pdf, 'base64'), name: input.name, seal: { signer }, ...(input.note ? { note: input.note } : {}) });
    return result;
  }

  async sign(scope: AgencyScope, ref: string | number, req: AttachmentSignRequest): Promise<AttachmentSignResult & { signed: Uint8Array }> {
    const doc = await findDocument(this.ds.manager, scope, ref);
    assertOutgoing(doc);
    if (doc.number === null || !['issued', 'corrected', 'replaced'].includes(doc.status)) {
      throw signingError('signing.not_issued', `document ${doc.code} is ${doc.status}: an attachment is signed once the document is issued, with its number`, 'document');
    }
    const agency = await this.ds.getRepository(AgencyEntity).findOneByOrFail({ id: scope.id });
    const signingTime = this.now();
    await checkAgencyCertificate(req.seal, agency, signingTime, null);
    let page: { width: number; height: number };
    try {
      const pdf = await PDFDocument.load(req.pdf, { updateMetadata: false });
      page = pdf.getPage(0).getSize();
    } catch (e) {
      throw signingError('signing.bad_pdf', `cannot read the attachment: ${(e as Error).message}`, 'pdf');
    }
    const reference = formatDocNumber({ number: doc.number, year: doc.year, symbol: doc.symbol, yearInNumber: doc.yearInNumber });
    const signed = await signPdf(req.pdf, {
      signer: req.seal.signer,
      fieldName: AGENCY_FIELD,
      reason: nfc(`Văn bản kèm theo ${doc.typeName} số ${reference}`),
      location: locationOf(agency),
      signingTime,
      appearance: attachmentStamp({ number: reference, signingTime, pageWidth: page.width, pageHeight: page.height }),
    });
    const archived = await this.archive.attach(scope, doc.id, {
      bytes: signed,
      role: 'attachment',
      name: nfc(req.name),
      contentType: 'application/pdf',
      ...(req.note ? { note: req.note } : {}),
    });
    return { code: doc.code, reference, seq: archived.seq, signedAt: isoVn(signingTime), file: archived.file, signed };
  }
}
