import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ArchiveService } from '../archive/archive.service';
import type { StagedFile } from '../archive/archive-store';
import type { ArchivedFile } from '../archive/archived-file';
import { CLOCK, systemClock, type Clock } from '../archive/clock';
import { recipientColumns } from '../archive/register';
import { RegisterEntryEntity } from '../archive/register-entry.entity';
import { registerTransaction, runSql, transaction } from '../archive/register-lock';
import { DomainError } from '../common/domain-error';
import { parseInput } from '../common/zod-body';
import { AgencyEntity } from '../registry/agency.entity';
import type { AgencyScope } from '../registry/agency-scope';
import { DocumentEntity } from '../registry/document.entity';
import { OfficialEntity } from '../registry/official.entity';
import type { DocumentStatus } from '../registry/records/record-set';
import { assertOutgoing, findDocument } from './document-lookup';
import { faultPoint } from './fault-points';
import { ISSUE_RENDERER, type IssueRenderer } from './issue-renderer';
import { issueInput, transitionInput } from './issuing.schemas';
import { checkIssueDate, referenceOf, seriesFor, vietnamDate, vietnamTimestamp, yearOf } from './numbering';
import { WorkflowEventEntity } from './workflow-event.entity';
import { checkAgencyCertificate, openSeal, type AgencySeal } from '../signing/agency-seal';
import { SigningImages } from '../signing/signing-images';
import { AGENCY_FIELD, sealForIssue, sha256Hex, type CertificateSummary } from '../signing/document-signing';
import { signingError } from '../signing/errors';
import {
  leaderFileName,
  locationOf,
  recordSignature,
  signatureOf,
  signatureView,
  type SignatureRecord,
  type SignatureView,
} from '../signing/signature-ledger';
import { isoVn } from '../signing/vn-time';
import { allowedTargets, assertTransition, transitionKind } from './workflow';

/** Where a document stands in the workflow, and where it may go next. */
export interface WorkflowState {
  id: number;
  code: string;
  status: DocumentStatus;
  /** "05/KH-UBND" once issued, null before */
  reference: string | null;
  date: string | null;
  allowed: DocumentStatus[];
}

export interface WorkflowEventView {
  from: DocumentStatus;
  to: DocumentStatus;
  at: string;
  note: string;
  /** replaced/corrected: the later document */
  by?: { id: number; code: string };
}

export interface IssueResult {
  id: number;
  code: string;
  status: 'issued';
  number: number;
  year: number;
  series: string;
  reference: string;
  date: string;
  entry: { seq: number; prevHash: string; entryHash: string };
  files: ArchivedFile[];
  /** the leader's and the agency's digital signatures; empty for a paper-signed document */
  signatures: SignatureView[];
  notes: string[];
}

const ISSUED_STATES: DocumentStatus[] = ['issued', 'replaced', 'corrected'];

/**
 * The workflow of our documents and the issue step (ND30 Đ14–15): number and date, the register
 * line and the archived file, all in one transaction under the agency's register lock.
 *
 * Issue starts from "signed" only, for paper and electronic documents alike: Đ15.2 numbers a
 * paper document after the competent person has signed it, and Đ32 lets the văn thư apply the
 * agency's seal or digital signature only to a document already bearing that signature. (A wet
 * signature is recorded as the approved → signed transition.)
 */
@Injectable()
export class IssuingService {
  constructor(
    private readonly ds: DataSource,
    private readonly archive: ArchiveService,
    @Inject(ISSUE_RENDERER) private readonly renderer: IssueRenderer,
    @Optional() @Inject(CLOCK) private readonly now: Clock = systemClock,
    @Optional() private readonly images?: SigningImages,
  ) {}

  async state(scope: AgencyScope, ref: string | number): Promise<WorkflowState> {
    return this.stateOf(await this.findDocument(this.ds.manager, scope, ref));
  }

  async history(scope: AgencyScope, ref: string | number): Promise<WorkflowEventView[]> {
    const doc = await this.findDocument(this.ds.manager, scope, ref);
    const events = await this.ds
      .getRepository(WorkflowEventEntity)
      .find({ where: { agencyId: scope.id, documentId: doc.id }, order: { id: 'ASC' } });
    const related = await Promise.all(
      events.map((e) => (e.relatedDocumentId ? this.ds.getRepository(DocumentEntity).findOneBy({ id: e.relatedDocumentId }) : null)),
    );
    return events.map((e, i) => ({
      from: e.fromStatus,
      to: e.toStatus,
      at: e.at,
      note: e.note,
      ...(related[i] ? { by: { id: related[i].id, code: related[i].code } } : {}),
    }));
  }

  /** A status change other than issuing: submit, approve, record the signature, replace, correct. */
  async transition(scope: AgencyScope, ref: string | number, body: unknown): Promise<WorkflowState> {
    const input = parseInput(transitionInput, body);
    const to = input.to as DocumentStatus;
    const kind = transitionKind(to);
    if (kind === 'issue') {
      throw new DomainError(
        'workflow.issue_required',
        'a document is issued by POST /api/documents/:id/issue (`vanthu issue`): that step assigns its number',
        'conflict',
      );
    }
    if (kind === 'plain' && input.by !== undefined) {
      throw DomainError.validation('validation.failed', '1 invalid field(s)', [
        { path: 'by', message: 'only for "replaced" and "corrected"', key: 'validation.unexpected' },
      ]);
    }
    if (kind === 'link' && input.by === undefined) {
      throw DomainError.validation('validation.failed', '1 invalid field(s)', [
        { path: 'by', message: `"${to}" names the later document that does it`, key: 'validation.required' },
      ]);
    }
    const doc = await transaction(this.ds, async (em) => {
      const doc = await this.findDocument(em, scope, ref);
      assertOutgoing(doc);
      assertTransition(doc.status, to, doc.code);
      const by = kind === 'link' ? await this.laterDocument(em, scope, doc, to, input.by!) : null;
      const res = await em
        .createQueryBuilder()
        .update(DocumentEntity)
        .set({ status: to })
        .where('id = :id AND status = :from', { id: doc.id, from: doc.status })
        .execute();
      if (res.affected !== 1) {
        throw new DomainError('workflow.concurrent_change', `document ${doc.code} changed meanwhile: try again`, 'conflict');
      }
      await em.getRepository(WorkflowEventEntity).save({
        agencyId: scope.id,
        documentId: doc.id,
        fromStatus: doc.status,
        toStatus: to,
        relatedDocumentId: by?.id ?? null,
        note: (input.note ?? '').normalize('NFC'),
        at: vietnamTimestamp(this.now()),
      });
      return { ...doc, status: to };
    });
    return this.stateOf(doc);
  }

  /**
   * Issues a signed document: takes the next number of its series, dates it, makes the issued file
   * and writes the register line, in ONE transaction; the file gets its final name after the commit
   * (see ArchiveStore). A failure anywhere leaves no number taken and no file behind.
   *
   * The issued file depends on how the leader signed:
   * - digitally (`vanthu sign`): the leader-signed PDF with the number and date written into their
   *   blanks and the agency's signature with its seal, as one incremental update (ND30 Đ14: number
   *   and date, register, agency signature). `seal` (or `body.seal`) is then required. The register
   *   line holds both files: the issued one and the leader-signed revision it extends.
   * - on paper (recorded as the approved → signed transition): the document rendered with its
   *   number and date; there is no digital signature to add a seal to, so `seal` is refused.
   */
  async issue(scope: AgencyScope, ref: string | number, body: unknown = {}, seal?: AgencySeal): Promise<IssueResult> {
    const input = parseInput(issueInput, body);
    const agencySeal = seal ?? (input.seal ? await openSeal(input.seal) : undefined);
    const target = await this.findDocument(this.ds.manager, scope, ref);
    const agencyCert = await this.checkSigningOrder(scope, target, agencySeal);
    let staged: StagedFile | undefined;
    let committed = false;
    try {
      const result = await registerTransaction(this.ds, scope.id, async (em, head) => {
        const doc = await this.findDocument(em, scope, target.id);
        assertOutgoing(doc);
        assertTransition(doc.status, 'issued', doc.code);
        const agency = await em.getRepository(AgencyEntity).findOneByOrFail({ id: scope.id });
        const today = vietnamDate(this.now());
        const date = input.date ?? today;
        const year = yearOf(date);
        const series = seriesFor(agency.numbering, doc);

        const number = await this.takeNumber(em, { agency, year, series, date, today });
        const res = await em
          .createQueryBuilder()
          .update(DocumentEntity)
          .set({ number, year, date, status: 'issued' })
          .where('id = :id AND status = :from', { id: doc.id, from: doc.status })
          .execute();
        if (res.affected !== 1) throw new DomainError('workflow.concurrent_change', `document ${doc.code} changed meanwhile`, 'conflict');
        faultPoint('number');
        const reference = referenceOf({ number, year, symbol: doc.symbol, yearInNumber: doc.yearInNumber });

        const leader = await signatureOf(em, scope.id, doc.id, 'leader');
        let files: ArchivedFile[];
        let notes: string[] = [];
        let agencySignature: SignatureRecord | undefined;
        if (leader) {
          if (!agencySeal || !agencyCert) throw sealRequired(doc.code);
          const signingTime = this.now();
          const leaderSigned = await this.archivedBytes(leader.fileSha256);
          const sealed = await sealForIssue({
            leaderSigned,
            layout: leader.layout!,
            number,
            date,
            signer: agencySeal.signer,
            sealImage: agencySeal.image ?? (await this.storedSeal(scope)),
            ...(agencySeal.diameterMm !== undefined ? { sealDiameterMm: agencySeal.diameterMm } : {}),
            signingTime,
            reason: `Ban hành văn bản số ${reference} ngày ${date.split('-').reverse().join('/')}`,
            location: locationOf(agency),
          });
          staged = await this.archive.store.stage(sealed.bytes, scope.id);
          faultPoint('file');
          files = [
            { role: 'issued', name: `${scope.code}-${doc.code}.pdf`.normalize('NFC'), contentType: 'application/pdf', sha256: staged.sha256, size: staged.size },
            { role: 'leader-signed', name: leaderFileName(scope.code, doc.code), contentType: 'application/pdf', sha256: leader.fileSha256, size: leader.fileSize },
          ];
          agencySignature = {
            documentId: doc.id,
            role: 'agency',
            official: null,
            signer: agencyCert.commonName,
            signerDn: agencyCert.subjectDn,
            issuerDn: agencyCert.issuerDn,
            certificateSerial: agencyCert.serial,
            certificateSha256: agencyCert.sha256,
            fieldName: AGENCY_FIELD,
            signedAt: isoVn(signingTime),
            sourceSha256: leader.fileSha256,
            fileSha256: staged.sha256,
            fileSize: staged.size,
            layout: null,
          };
        } else {
          if (agencySeal) throw leaderSignatureMissing(doc.code);
          const rendered = await this.renderer.render({ manager: em, agencyCode: scope.code, documentId: doc.id });
          staged = await this.archive.store.stage(rendered.bytes, scope.id);
          faultPoint('file');
          files = [
            {
              role: 'issued',
              name: rendered.fileName.normalize('NFC'),
              contentType: rendered.contentType,
              sha256: staged.sha256,
              size: staged.size,
            },
          ];
          notes = rendered.notes ?? [];
        }

        const signer = doc.content?.signature.official
          ? await em.getRepository(OfficialEntity).findOneBy({ agencyId: scope.id, code: doc.content.signature.official })
          : null;
        const cols = recipientColumns(doc.content?.recipients ?? [], doc.content?.kinhGui ?? []);
        const entry = await this.archive.appendEntry(em, head, {
          agencyId: scope.id,
          documentId: doc.id,
          year,
          series,
          number,
          symbol: doc.symbol,
          reference,
          date,
          type: doc.type,
          typeName: doc.typeName,
          title: doc.title,
          signer: signer?.name ?? '',
          signerPosition: signer?.position ?? '',
          recipients: cols.recipients,
          archiveUnits: cols.archiveUnits,
          copies: input.copies ?? cols.copies,
          note: (input.note ?? '').normalize('NFC'),
          files,
          registeredAt: vietnamTimestamp(this.now()),
        });
        if (agencySignature) await recordSignature(em, { ...agencySignature, agencyId: scope.id });
        await em.getRepository(WorkflowEventEntity).save({
          agencyId: scope.id,
          documentId: doc.id,
          fromStatus: doc.status,
          toStatus: 'issued',
          relatedDocumentId: null,
          note: `${reference} ngày ${date}${agencySignature ? `; ký số cơ quan: ${agencySignature.signer}` : ''}`,
          at: entry.registeredAt,
        });
        faultPoint('register');
        return {
          id: doc.id,
          code: doc.code,
          status: 'issued' as const,
          number,
          year,
          series,
          reference,
          date,
          entry: { seq: entry.seq, prevHash: entry.prevHash, entryHash: entry.entryHash },
          files,
          signatures: [...(leader ? [signatureView(leader)] : []), ...(agencySignature ? [signatureView(agencySignature)] : [])],
          notes,
        };
      });
      committed = true;
      faultPoint('commit');
      await this.archive.store.promote(staged!);
      return result;
    } catch (e) {
      // rolled back: drop the pending file; if the commit's fate is unknown, settle() asks the register
      if (staged && !committed) await this.archive.settle(staged);
      throw e;
    }
  }

  /**
   * Leader first, agency second: a digitally signed document needs the agency's signature at
   * issue, a paper-signed (or not yet signed) one cannot take it. Checked before the register lock
   * is taken, and again inside the transaction.
   */
  private async checkSigningOrder(scope: AgencyScope, doc: DocumentEntity, seal: AgencySeal | undefined): Promise<CertificateSummary | undefined> {
    const leader = await signatureOf(this.ds.manager, scope.id, doc.id, 'leader');
    if (seal && !leader && (doc.status === 'approved' || doc.status === 'signed')) throw leaderSignatureMissing(doc.code);
    if (!seal && leader && doc.status === 'signed') throw sealRequired(doc.code);
    if (!seal) return undefined;
    const agency = await this.ds.getRepository(AgencyEntity).findOneByOrFail({ id: scope.id });
    return checkAgencyCertificate(seal, agency, this.now(), leader?.certificateSha256 ?? null);
  }

  private async storedSeal(scope: AgencyScope): Promise<Uint8Array> {
    if (!this.images) throw signingError('signing.bad_image', 'no seal image given and no stored images configured', 'seal.image');
    return this.images.seal(scope.code);
  }

  /** An archived file's bytes, refused if they no longer hash to their name. */
  private async archivedBytes(sha256: string): Promise<Buffer> {
    const bytes = this.archive.store.has(sha256) ? await this.archive.store.read(sha256) : null;
    if (!bytes || sha256Hex(bytes) !== sha256) {
      throw new DomainError('archive.tampered', `the archived file ${sha256} is missing or changed: run \`vanthu archive verify\``, 'conflict', [
        { path: 'file', message: sha256 },
      ]);
    }
    return bytes;
  }

  /**
   * The next number of the series, inside the register transaction. The first number of a series
   * in a year follows any number already used by an imported (pre-register) issued document.
   */
  private async takeNumber(
    em: EntityManager,
    p: { agency: AgencyEntity; year: number; series: string; date: string; today: string },
  ): Promise<number> {
    const [current] = await runSql<{ last: number; last_date: string | null }>(
      em,
      `SELECT "last", "last_date" FROM "number_counter" WHERE "agency_id" = $1 AND "year" = $2 AND "series" = $3`,
      [p.agency.id, p.year, p.series],
    );
    checkIssueDate(p.date, current?.last_date ?? null, p.today);
    const base = current ? 0 : await this.importedMax(em, p.agency, p.year, p.series);
    // one statement either way: the row lock it takes (PostgreSQL) is held to the commit
    const [row] = await runSql<{ last: number }>(
      em,
      `INSERT INTO "number_counter" ("agency_id", "year", "series", "base", "last", "last_date")
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ("agency_id", "year", "series")
       DO UPDATE SET "last" = "number_counter"."last" + 1, "last_date" = $6
       RETURNING "last"`,
      [p.agency.id, p.year, p.series, base, base + 1, p.date],
    );
    return Number(row.last);
  }

  private async importedMax(em: EntityManager, agency: AgencyEntity, year: number, series: string): Promise<number> {
    const docs = await em
      .getRepository(DocumentEntity)
      .createQueryBuilder('d')
      .leftJoin(RegisterEntryEntity, 'r', 'r.document_id = d.id')
      .select(['d.id', 'd.number', 'd.type', 'd.yearInNumber'])
      .where('d.agency_id = :agency AND d.year = :year AND d.direction = :dir AND d.number IS NOT NULL', {
        agency: agency.id,
        year,
        dir: 'outgoing',
      })
      .andWhere('d.status IN (:...issued)', { issued: ISSUED_STATES })
      .andWhere('r.id IS NULL')
      .getMany();
    return docs
      .filter((d) => seriesFor(agency.numbering, d) === series)
      .reduce((max, d) => Math.max(max, d.number ?? 0), 0);
  }

  /** The later document of a replacement (same form, Đ18.3) or correction (a công văn, Đ18.4). */
  private async laterDocument(
    em: EntityManager,
    scope: AgencyScope,
    doc: DocumentEntity,
    to: DocumentStatus,
    byRef: string | number,
  ): Promise<DocumentEntity> {
    const by = await this.findDocument(em, scope, byRef);
    const fail = (message: string): never => {
      throw new DomainError('workflow.invalid_successor', `document ${doc.code} cannot be ${to} by ${by.code}: ${message}`, 'unprocessable', [
        { path: 'by', message },
      ]);
    };
    if (by.id === doc.id) fail('it is the same document');
    if (by.direction !== 'outgoing') fail('it is not one of this agency\'s documents');
    if (!ISSUED_STATES.includes(by.status)) fail(`it is ${by.status}, not issued`);
    if (to === 'replaced' && by.type !== doc.type) fail(`a ${doc.type} is replaced by a ${doc.type} (ND30 Đ18.3), not a ${by.type}`);
    if (to === 'corrected' && by.type !== 'CV') fail(`a correction (đính chính) is a công văn (ND30 Đ18.4), not a ${by.type}`);
    if (by.date && doc.date && by.date < doc.date) fail(`it is dated ${by.date}, before ${doc.date}`);
    return by;
  }

  private findDocument(em: EntityManager, scope: AgencyScope, ref: string | number): Promise<DocumentEntity> {
    return findDocument(em, scope, ref);
  }

  private stateOf(d: DocumentEntity): WorkflowState {
    const issued = ISSUED_STATES.includes(d.status) && d.number !== null;
    return {
      id: d.id,
      code: d.code,
      status: d.status,
      reference: issued ? referenceOf({ number: d.number!, year: d.year, symbol: d.symbol, yearInNumber: d.yearInNumber }) : null,
      date: issued ? d.date : null,
      allowed: [...allowedTargets(d.status)],
    };
  }
}

function sealRequired(code: string) {
  return signingError(
    'signing.seal_required',
    `document ${code} carries the leader's digital signature: issuing it applies the agency's signature (give the agency's key and seal: --p12, --seal-image)`,
    'seal',
  );
}

function leaderSignatureMissing(code: string) {
  return signingError(
    'signing.leader_signature_missing',
    `document ${code} has no digital signature of its leader: the leader signs first (\`vanthu sign ${code} --as <official> --p12 <file>\`), the agency's signature comes at issue`,
    'seal',
  );
}
