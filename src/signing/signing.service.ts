import { Inject, Injectable, Optional } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ArchiveService } from '../archive/archive.service';
import type { ArchivedFile } from '../archive/archived-file';
import { CLOCK, systemClock, type Clock } from '../archive/clock';
import { registerTransaction } from '../archive/register-lock';
import { DomainError } from '../common/domain-error';
import { parseInput } from '../common/zod-body';
import { assertOutgoing, findDocument } from '../issuing/document-lookup';
import { vietnamTimestamp } from '../issuing/numbering';
import { WorkflowEventEntity } from '../issuing/workflow-event.entity';
import { assertTransition } from '../issuing/workflow';
import { AgencyEntity } from '../registry/agency.entity';
import type { AgencyScope } from '../registry/agency-scope';
import { DocumentEntity } from '../registry/document.entity';
import { OfficialEntity } from '../registry/official.entity';
import { FigureSetsService } from '../figure-sets/figure-sets.service';
import { RenderService } from '../render/render.service';
import { nfc } from '../vi/nfc';
import { coverageOf, describeCoverage, type Coverage } from './coverage';
import {
  AGENCY_FIELD,
  assertCertificateCurrent,
  LEADER_FIELD,
  sameName,
  sha256Hex,
  signAsLeader,
  signerCertificate,
} from './document-signing';
import { DRIFT_CHECK, figuresNotWired, type DriftCheck, type DriftReport } from './drift-check';
import { signingError } from './errors';
import { SigningImages } from './signing-images';
import { unnumberedModel } from './issue-slots';
import { Pkcs12Signer } from './pkcs12-signer';
import {
  leaderFileName,
  locationOf,
  recordSignature,
  signatureOf,
  signaturesByFile,
  signaturesOf,
  signatureView,
  type SignatureRecord,
  type SignatureRole,
  type SignatureView,
} from './signature-ledger';
import type { Signer } from './signer';
import { leaderSignInput } from './signing.schemas';
import { verifyPdf, type SignatureReport } from './verify';
import { isoVn, vnParts } from './vn-time';

/** The leader's signature request once the key is open. */
export interface LeaderSignRequest {
  /** the official's code */
  official: string;
  signer: Signer;
  /** PNG; absent: the official's stored signature image (SigningImages) */
  image?: Uint8Array;
}

export interface LeaderSignResult {
  id: number;
  code: string;
  status: 'signed';
  signature: SignatureView;
  file: ArchivedFile;
}

export type RegisterStatus = 'found' | 'not_found' | 'differs';

export interface RegisterMatch {
  agency: string;
  documentId: number;
  /** null: signed by the leader, not issued yet */
  reference: string | null;
  seq: number | null;
  role: string;
}

/** `vanthu verify` / POST /api/verify. */
export interface DocumentVerification {
  sha256: string;
  size: number;
  signatures: {
    field: string;
    /** our two signatures by their field names; null for anyone else's */
    role: SignatureRole | null;
    valid: boolean;
    signer: string | null;
    organization?: string;
    signerDn?: string;
    issuerDn?: string;
    /** ISO 8601, +07:00 */
    time: string | null;
    reason?: string;
    location?: string;
    covers: Coverage;
    summary: string;
    problems: string[];
  }[];
  register: { status: RegisterStatus; message: string; matches: RegisterMatch[] };
  /** whether the figures in the document still equal the registry (see drift-check.ts) */
  drift: DriftReport;
  /** every signature valid, nothing rewritten under one, the file itself in the register (issued) */
  ok: boolean;
  /** what this verification does not judge */
  notChecked: string[];
}

export const NOT_CHECKED_TRUST =
  'certificate trust: whether each certificate chains to a trusted root CA and was not revoked (no trust store or OCSP/CRL is configured)';

const ROLE_BY_FIELD: Record<string, SignatureRole> = { [LEADER_FIELD]: 'leader', [AGENCY_FIELD]: 'agency' };

/**
 * The leader's digital signature (approved → signed) and the verification of signed files. The
 * agency's signature is part of the issue step (IssuingService.issue): the number and date it
 * writes must be covered by it and registered in the same transaction.
 */
@Injectable()
export class SigningService {
  constructor(
    private readonly ds: DataSource,
    private readonly archive: ArchiveService,
    private readonly modules: ModuleRef,
    private readonly images: SigningImages,
    @Optional() @Inject(CLOCK) private readonly now: Clock = systemClock,
    @Optional() @Inject(DRIFT_CHECK) private readonly drift: DriftCheck = figuresNotWired,
  ) {}

  /** API: the key file and image arrive base64 in the body; the key is opened for this call only. */
  async signFromBody(scope: AgencyScope, ref: string | number, body: unknown): Promise<LeaderSignResult> {
    const input = parseInput(leaderSignInput, body);
    const signer = await Pkcs12Signer.fromBuffer(Buffer.from(input.p12, 'base64'), input.passphrase);
    return this.sign(scope, ref, {
      official: input.official,
      signer,
      ...(input.image !== undefined ? { image: Buffer.from(input.image, 'base64') } : {}),
    });
  }

  /**
   * The leader signs an approved document: it is rendered with number and date blank, signed with
   * the signature image in the signature box, archived (content-addressed) and the workflow moves
   * to "signed", in one transaction under the agency's register lock.
   */
  async sign(scope: AgencyScope, ref: string | number, req: LeaderSignRequest): Promise<LeaderSignResult> {
    const doc = await findDocument(this.ds.manager, scope, ref);
    assertOutgoing(doc);
    assertTransition(doc.status, 'signed', doc.code);
    const official = await this.designatedSigner(scope, doc, req.official);
    const cert = await signerCertificate(req.signer);
    const signingTime = this.now();
    if (!sameName(cert.commonName, official.name)) {
      throw signingError(
        'signing.certificate_mismatch',
        `the certificate is ${cert.commonName}'s, not ${official.name}'s (${official.code})`,
        'certificate',
      );
    }
    assertCertificateCurrent(cert, signingTime, official.name);
    const image = await this.images.official(scope.code, official.code, req.image);
    const agency = await this.ds.getRepository(AgencyEntity).findOneByOrFail({ id: scope.id });
    const { model, figures } = await this.modules.get(RenderService, { strict: false }).model(scope.code, String(doc.id));
    const signed = await signAsLeader({
      model: unnumberedModel(model, {
        symbol: doc.symbol,
        yearInNumber: doc.yearInNumber,
        placeName: agency.placeName,
        year: vnParts(signingTime).year,
      }),
      signer: req.signer,
      signatureImage: image,
      signingTime,
      reason: nfc(`Ký ban hành ${doc.typeName.toLocaleLowerCase('vi')}: ${doc.title}`).slice(0, 240),
      location: locationOf(agency),
    });
    // the version the leader signs keeps the figure set it was computed from, as every rendered
    // version does: a drift check later looks it up by the rendered bytes' hash (sourceSha256)
    await this.modules.get(FigureSetsService, { strict: false }).recordRendition(scope, doc.id, 'pdf', signed.rendered, figures);

    const staged = await this.archive.store.stage(signed.signed, scope.id);
    let committed = false;
    try {
      const record = await registerTransaction(this.ds, scope.id, async (em) => {
        const res = await em
          .createQueryBuilder()
          .update(DocumentEntity)
          .set({ status: 'signed' })
          .where('id = :id AND agency_id = :agency AND status = :from', { id: doc.id, agency: scope.id, from: 'approved' })
          .execute();
        if (res.affected !== 1) throw new DomainError('workflow.concurrent_change', `document ${doc.code} changed meanwhile: try again`, 'conflict');
        const at = vietnamTimestamp(signingTime);
        const rec: SignatureRecord = {
          documentId: doc.id,
          role: 'leader',
          official: official.code,
          signer: cert.commonName,
          signerDn: cert.subjectDn,
          issuerDn: cert.issuerDn,
          certificateSerial: cert.serial,
          certificateSha256: cert.sha256,
          fieldName: LEADER_FIELD,
          signedAt: isoVn(signingTime),
          sourceSha256: sha256Hex(signed.rendered),
          fileSha256: staged.sha256,
          fileSize: staged.size,
          layout: signed.layout,
        };
        await recordSignature(em, { ...rec, agencyId: scope.id });
        await em.getRepository(WorkflowEventEntity).save({
          agencyId: scope.id,
          documentId: doc.id,
          fromStatus: 'approved',
          toStatus: 'signed',
          relatedDocumentId: null,
          note: nfc(`ký số: ${official.name} (${cert.commonName}, số sê-ri ${cert.serial})`),
          at,
        });
        return rec;
      });
      committed = true;
      await this.archive.store.promote(staged);
      return {
        id: doc.id,
        code: doc.code,
        status: 'signed',
        signature: signatureView(record),
        file: {
          role: 'leader-signed',
          name: leaderFileName(scope.code, doc.code),
          contentType: 'application/pdf',
          sha256: staged.sha256,
          size: staged.size,
        },
      };
    } catch (e) {
      if (!committed) await this.archive.settle(staged);
      throw e;
    }
  }

  async signatures(scope: AgencyScope, ref: string | number): Promise<SignatureView[]> {
    const doc = await findDocument(this.ds.manager, scope, ref);
    return (await signaturesOf(this.ds.manager, scope.id, doc.id)).map(signatureView);
  }

  /** API: the raw application/pdf body. */
  async verifyUpload(body: unknown, scope?: AgencyScope): Promise<DocumentVerification> {
    if (!Buffer.isBuffer(body) || body.length === 0) {
      throw DomainError.validation('verify.no_pdf', 'send the PDF itself as the request body', [
        { path: '(body)', message: 'Content-Type: application/pdf, the file as the body', key: 'validation.required' },
      ]);
    }
    return this.verify(body, scope);
  }

  /**
   * Each signature (valid, signer, time, what it covers), the file against the register, and the
   * figures drift seam. With a scope only that agency's register is consulted.
   */
  async verify(bytes: Uint8Array, scope?: AgencyScope): Promise<DocumentVerification> {
    const sha256 = sha256Hex(bytes);
    const reports = await verifyPdf(bytes);
    const coverage = await coverageOf(bytes, reports);
    const signatures = reports.map((r, i) => {
      const covers = coverage[i];
      const problems = [...r.problems];
      if (covers.pagesChangedAfter.length) {
        problems.push(`the content of page(s) ${covers.pagesChangedAfter.join(', ')} was changed after this signature: what it signed is not what is shown`);
      }
      return {
        field: r.fieldName,
        role: ROLE_BY_FIELD[r.fieldName] ?? null,
        valid: r.valid,
        signer: r.signerName,
        ...(r.signerOrganization !== undefined ? { organization: r.signerOrganization } : {}),
        ...(r.signerDn !== undefined ? { signerDn: r.signerDn } : {}),
        ...(r.issuerDn !== undefined ? { issuerDn: r.issuerDn } : {}),
        time: r.signingTime ? isoVn(r.signingTime) : null,
        ...(r.reason !== undefined ? { reason: r.reason } : {}),
        ...(r.location !== undefined ? { location: r.location } : {}),
        covers,
        summary: describeCoverage(covers),
        problems,
      };
    });
    const register = await this.registerStatus(bytes, sha256, reports, scope);
    const doc = register.matches[0];
    let drift: DriftReport;
    if (!doc) drift = { checked: false, reason: 'not checked: the file is not in the register, so there is no document to compare with the registry' };
    else {
      const agencyId = (await this.ds.getRepository(AgencyEntity).findOneByOrFail({ code: doc.agency })).id;
      const leader = await signatureOf(this.ds.manager, agencyId, doc.documentId, 'leader');
      drift = await this.drift.check({
        agencyId,
        agencyCode: doc.agency,
        documentId: doc.documentId,
        reference: doc.reference,
        renderedSha256: leader?.sourceSha256 ?? null,
      });
    }
    const ok =
      signatures.length > 0 &&
      signatures.every((s) => s.valid && s.covers.pagesChangedAfter.length === 0) &&
      register.status === 'found' &&
      // a leader-signed file not issued yet is archived, but it is not an issued document
      // drift is reported, not held against the file: a registry edited after issue does not make
      // an authentic, registered document less so (the issued text is what was decided)
      register.matches.some((m) => m.reference !== null);
    return { sha256, size: bytes.length, signatures, register, drift, ok, notChecked: [NOT_CHECKED_TRUST] };
  }

  /**
   * found: this very file is archived (register line, attachment, or a leader-signed file not yet
   * issued). differs: a signed revision of it is archived with other bytes after it, or its agency
   * signature names a register reference whose files are other bytes. not_found: neither.
   */
  private async registerStatus(
    bytes: Uint8Array,
    sha256: string,
    reports: SignatureReport[],
    scope?: AgencyScope,
  ): Promise<DocumentVerification['register']> {
    const exact = await this.matches(sha256, scope);
    if (exact.length) {
      const m = exact[0];
      return {
        status: 'found',
        message: m.reference
          ? `in the register of ${m.agency}: ${m.reference} (${m.role})`
          : `archived for ${m.agency} as signed by the leader, not issued yet`,
        matches: exact,
      };
    }
    for (const len of [...new Set(reports.map((r) => r.signedLength))].sort((a, b) => b - a)) {
      if (len <= 0 || len >= bytes.length) continue;
      const prefix = await this.matches(sha256Hex(bytes.subarray(0, len)), scope);
      if (prefix.length) {
        const m = prefix[0];
        return {
          status: 'differs',
          message: `the first ${len} bytes are the archived file ${m.reference ?? '(leader-signed, not issued)'} (${m.role}) of ${m.agency}; ${bytes.length - len} byte(s) were added after it`,
          matches: prefix,
        };
      }
    }
    const claimed = claimedReference(reports);
    if (claimed) {
      const entries = (await this.archive.findByReference(claimed, scope)).filter((e) => !scope || e.agency === scope.code);
      if (entries.length) {
        return {
          status: 'differs',
          message: `the file says it is ${claimed}, but the register holds other bytes for it (${entries.map((e) => `${e.agency} entry ${e.seq}: ${e.files.map((f) => `${f.role} ${f.sha256.slice(0, 12)}…`).join(', ')}`).join('; ')})`,
          matches: entries.map((e) => ({ agency: e.agency, documentId: e.documentId, reference: e.reference, seq: e.seq, role: 'register entry' })),
        };
      }
    }
    return { status: 'not_found', message: 'neither this file nor any signed revision of it is in the register', matches: [] };
  }

  private async matches(sha256: string, scope?: AgencyScope): Promise<RegisterMatch[]> {
    const registered = (await this.archive.lookup(sha256))
      .filter((h) => !scope || h.agency === scope.code)
      .map((h) => ({ agency: h.agency, documentId: h.documentId, reference: h.reference, seq: h.seq, role: h.role }));
    if (registered.length) return registered;
    const signed = await signaturesByFile(this.ds.manager, sha256, scope?.id);
    const out: RegisterMatch[] = [];
    for (const s of signed) {
      const agency = await this.ds.getRepository(AgencyEntity).findOneBy({ id: s.agencyId });
      out.push({ agency: agency?.code ?? String(s.agencyId), documentId: s.documentId, reference: null, seq: null, role: `${s.role}-signed` });
    }
    return out;
  }

  /** The official named by `code` must be the signer the document's signature block prints. */
  private async designatedSigner(scope: AgencyScope, doc: DocumentEntity, code: string): Promise<OfficialEntity> {
    const designated = doc.content?.signature.official;
    if (!designated) {
      throw signingError('signing.wrong_signer', `document ${doc.code} has no signature block to sign`, 'official');
    }
    if (nfc(code) !== designated) {
      throw signingError(
        'signing.wrong_signer',
        `document ${doc.code} is signed by ${designated} (its signature block prints that name), not by ${code}`,
        'official',
      );
    }
    const official = await this.ds.getRepository(OfficialEntity).findOneBy({ agencyId: scope.id, code: designated });
    if (!official) throw DomainError.notFound('official', designated);
    return official;
  }

}

/** The reference our agency signature's /Reason names ("Ban hành văn bản số 05/KH-UBND …"). */
export function claimedReference(reports: SignatureReport[]): string | null {
  const agency = reports.find((r) => r.fieldName === AGENCY_FIELD);
  const m = agency?.reason ? /(?:^|\s)số (\S+)/u.exec(agency.reason) : null;
  return m ? m[1] : null;
}
