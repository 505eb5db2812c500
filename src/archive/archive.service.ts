import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap } from '@nestjs/common';
import * as path from 'node:path';
import { DataSource, In, type EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { NumberCounterEntity } from '../issuing/number-counter.entity';
import { vietnamDate, vietnamTimestamp } from '../issuing/numbering';
import { WorkflowEventEntity } from '../issuing/workflow-event.entity';
import { AgencyEntity } from '../registry/agency.entity';
import type { AgencyScope } from '../registry/agency-scope';
import { DocumentEntity } from '../registry/document.entity';
import { DocumentSignatureEntity } from '../signing/document-signature.entity';
import { leaderFileName } from '../signing/signature-ledger';
import { ArchiveStore, type StagedFile } from './archive-store';
import { CLOCK, systemClock, type Clock } from './clock';
import type { ArchivedFile } from './archived-file';
import { asciiName, writeBag, type BagPayloadFile } from './bagit';
import { chainHash, GENESIS_HASH, sha256Hex, type ChainProblem, verifyChain } from './hash-chain';
import { typeAndTitle } from './register';
import { RegisterAttachmentEntity } from './register-attachment.entity';
import { RegisterEntryEntity } from './register-entry.entity';
import { RegisterHeadEntity } from './register-head.entity';
import { registerTransaction, type RegisterHead } from './register-lock';
import { attachmentRecord, entryRecord, type EntryFields } from './register-record';
import { writeRegisterWorkbook, type RegisterBook } from './register-workbook';

/** A register line as the API and CLI show it. */
export interface RegisterEntryView extends Omit<EntryFields, 'agencyId'> {
  agency: string;
  documentCode: string;
  prevHash: string;
  entryHash: string;
  attachments: { seq: number; file: ArchivedFile; note: string; attachedAt: string }[];
  /** what happened to the document after issue (never written into the entry itself) */
  later: { status: 'replaced' | 'corrected'; by: string; at: string }[];
}

export type VerifyProblemCode =
  | 'archive.file_missing'
  | 'archive.file_tampered'
  | 'archive.orphan_file'
  | 'archive.pending_file'
  | 'archive.stray_file'
  | 'register.entry_tampered'
  | 'register.chain_broken'
  | 'register.sequence_gap'
  | 'register.head_mismatch'
  | 'register.number_gap'
  | 'register.document_mismatch';

export interface VerifyProblem {
  code: VerifyProblemCode;
  message: string;
  agency?: string;
  chain?: 'entries' | 'attachments';
  seq?: number;
  reference?: string;
  /** path of the file inside the archive folder */
  file?: string;
  sha256?: string;
}

export interface VerifyReport {
  ok: boolean;
  agencies: { code: string; entries: number; attachments: number }[];
  files: { checked: number };
  problems: VerifyProblem[];
}

export interface AttachInput {
  role: string;
  name: string;
  contentType: string;
  bytes: Uint8Array;
  note?: string;
}

/** The immutable archive: content-addressed files, the register with its hash chains, exports. */
@Injectable()
export class ArchiveService implements OnApplicationBootstrap {
  private readonly logger = new Logger('archive');
  readonly store: ArchiveStore;

  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'dataDir'>,
    @Optional() @Inject(CLOCK) private readonly now: Clock = systemClock,
  ) {
    this.store = ArchiveStore.forDataDir(config.dataDir);
  }

  /** A restart finishes what a crash interrupted (see recover). */
  async onApplicationBootstrap(): Promise<void> {
    const r = await this.recover();
    if (r.promoted + r.discarded > 0) {
      this.logger.warn(`recovered the archive: ${r.promoted} file(s) put in place, ${r.discarded} uncommitted file(s) removed`);
    }
  }

  // ---- writing (inside a register transaction) -------------------------------------------

  /** Appends a line to the agency's register in the caller's register transaction. */
  async appendEntry(em: EntityManager, head: RegisterHead, fields: Omit<EntryFields, 'seq'>): Promise<RegisterEntryEntity> {
    const full: EntryFields = { ...fields, seq: head.entries + 1 };
    const entryHash = chainHash(entryRecord(full), head.entryHead);
    const saved = await em.getRepository(RegisterEntryEntity).save({ ...full, prevHash: head.entryHead, entryHash });
    await em.getRepository(RegisterHeadEntity).update({ agencyId: fields.agencyId }, { entries: full.seq, entryHead: entryHash });
    head.entries = full.seq;
    head.entryHead = entryHash;
    return saved;
  }

  /**
   * Archives a file for an issued document after its registration (e.g. the PDF with the agency's
   * signature): stored, then chained as an attachment of the document's register line.
   */
  async attach(scope: AgencyScope, documentId: number, input: AttachInput): Promise<{ seq: number; file: ArchivedFile }> {
    const staged = await this.store.stage(input.bytes, scope.id);
    let committed = false;
    try {
      const result = await registerTransaction(this.ds, scope.id, async (em, head) => {
        const entry = await em.getRepository(RegisterEntryEntity).findOneBy({ agencyId: scope.id, documentId });
        if (!entry) {
          throw new DomainError('register.not_registered', `document ${documentId} has no register entry: issue it first`, 'conflict');
        }
        const file: ArchivedFile = {
          role: input.role.normalize('NFC'),
          name: input.name.normalize('NFC'),
          contentType: input.contentType,
          sha256: staged.sha256,
          size: staged.size,
        };
        const fields = {
          agencyId: scope.id,
          seq: head.attachments + 1,
          entrySeq: entry.seq,
          file,
          note: (input.note ?? '').normalize('NFC'),
          attachedAt: vietnamTimestamp(this.now()),
        };
        const entryHash = chainHash(attachmentRecord(fields), head.attachmentHead);
        await em
          .getRepository(RegisterAttachmentEntity)
          .save({ ...fields, entryId: entry.id, prevHash: head.attachmentHead, entryHash });
        await em
          .getRepository(RegisterHeadEntity)
          .update({ agencyId: scope.id }, { attachments: fields.seq, attachmentHead: entryHash });
        return { seq: fields.seq, file };
      });
      committed = true;
      await this.store.promote(staged);
      return result;
    } catch (e) {
      if (!committed) await this.settle(staged);
      throw e;
    }
  }

  /**
   * Decides a pending file once its transaction is over: in place when a register line or
   * attachment names it, removed otherwise. Taking the agency's register lock first means any
   * transaction that staged it has committed or is gone. A failure leaves it for the next recover().
   */
  async settle(staged: StagedFile): Promise<'promoted' | 'discarded' | 'left'> {
    try {
      const referenced = await registerTransaction(this.ds, staged.agencyId, (em) => this.references(em, staged.agencyId, staged.sha256));
      if (referenced) await this.store.promote(staged);
      else await this.store.discard(staged);
      return referenced ? 'promoted' : 'discarded';
    } catch (e) {
      this.logger.error(`could not settle ${staged.pendingPath}: ${e instanceof Error ? e.message : String(e)}`);
      return 'left';
    }
  }

  /** Settles every pending file (run at start: after a crash, before anything else is written). */
  async recover(): Promise<{ promoted: number; discarded: number; left: number }> {
    const out = { promoted: 0, discarded: 0, left: 0 };
    for (const p of this.store.listPending()) out[await this.settle(p)]++;
    return out;
  }

  private async references(em: EntityManager, agencyId: number, sha256: string): Promise<boolean> {
    const needle = `%"sha256":"${sha256}"%`;
    const entries = await em
      .getRepository(RegisterEntryEntity)
      .createQueryBuilder('e')
      .select(['e.id', 'e.files'])
      .where('e.agency_id = :agencyId AND e.files LIKE :needle', { agencyId, needle })
      .getMany();
    if (entries.some((e) => e.files.some((f) => f.sha256 === sha256))) return true;
    const attachments = await em
      .getRepository(RegisterAttachmentEntity)
      .createQueryBuilder('a')
      .select(['a.id', 'a.file'])
      .where('a.agency_id = :agencyId AND a.file LIKE :needle', { agencyId, needle })
      .getMany();
    if (attachments.some((a) => a.file.sha256 === sha256)) return true;
    // a PDF the leader signed, archived before its issue
    return (await em.getRepository(DocumentSignatureEntity).countBy({ agencyId, fileSha256: sha256 })) > 0;
  }

  // ---- reading ------------------------------------------------------------------------------

  async entries(scope: AgencyScope, year?: number): Promise<RegisterEntryView[]> {
    const rows = await this.ds.getRepository(RegisterEntryEntity).find({
      where: { agencyId: scope.id, ...(year ? { year } : {}) },
      order: { seq: 'ASC' },
    });
    if (rows.length === 0) return [];
    const docIds = rows.map((r) => r.documentId);
    const [attachments, events, docs] = await Promise.all([
      this.ds.getRepository(RegisterAttachmentEntity).find({ where: { agencyId: scope.id, entryId: In(rows.map((r) => r.id)) }, order: { seq: 'ASC' } }),
      this.ds.getRepository(WorkflowEventEntity).find({
        where: { agencyId: scope.id, documentId: In(docIds), toStatus: In(['replaced', 'corrected']) },
        order: { id: 'ASC' },
      }),
      this.ds.getRepository(DocumentEntity).find({ where: { agencyId: scope.id, id: In(docIds) }, select: { id: true, code: true } }),
    ]);
    const related = events.map((e) => e.relatedDocumentId).filter((id): id is number => id !== null);
    const laterRefs = new Map<number, string>();
    if (related.length) {
      const [regs, relDocs] = await Promise.all([
        this.ds.getRepository(RegisterEntryEntity).find({ where: { agencyId: scope.id, documentId: In(related) }, select: { documentId: true, reference: true } }),
        this.ds.getRepository(DocumentEntity).find({ where: { agencyId: scope.id, id: In(related) }, select: { id: true, code: true } }),
      ]);
      for (const d of relDocs) laterRefs.set(d.id, d.code);
      for (const r of regs) laterRefs.set(r.documentId, r.reference);
    }
    const codeOf = new Map(docs.map((d) => [d.id, d.code]));
    return rows.map((r) => ({
      agency: scope.code,
      seq: r.seq,
      documentId: r.documentId,
      documentCode: codeOf.get(r.documentId) ?? '',
      year: r.year,
      series: r.series,
      number: r.number,
      symbol: r.symbol,
      reference: r.reference,
      date: r.date,
      type: r.type,
      typeName: r.typeName,
      title: r.title,
      signer: r.signer,
      signerPosition: r.signerPosition,
      recipients: r.recipients,
      archiveUnits: r.archiveUnits,
      copies: r.copies,
      note: r.note,
      files: r.files,
      registeredAt: r.registeredAt,
      prevHash: r.prevHash,
      entryHash: r.entryHash,
      attachments: attachments
        .filter((a) => a.entryId === r.id)
        .map((a) => ({ seq: a.seq, file: a.file, note: a.note, attachedAt: a.attachedAt })),
      later: events
        .filter((e) => e.documentId === r.documentId && e.relatedDocumentId !== null)
        .map((e) => ({
          status: e.toStatus as 'replaced' | 'corrected',
          by: laterRefs.get(e.relatedDocumentId!) ?? String(e.relatedDocumentId),
          at: e.at,
        })),
    }));
  }

  /** Where a file (by its sha-256) is archived: for `verify <file.pdf>` against the register. */
  async lookup(sha256: string): Promise<{ agency: string; seq: number; reference: string; documentId: number; role: string }[]> {
    const hex = sha256.toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(hex)) return [];
    const needle = `%"sha256":"${hex}"%`;
    const agencies = new Map((await this.ds.getRepository(AgencyEntity).find({ select: { id: true, code: true } })).map((a) => [a.id, a.code]));
    const entries = await this.ds
      .getRepository(RegisterEntryEntity)
      .createQueryBuilder('e')
      .where('e.files LIKE :needle', { needle })
      .getMany();
    const hits = entries.flatMap((e) =>
      e.files
        .filter((f) => f.sha256 === hex)
        .map((f) => ({ agency: agencies.get(e.agencyId) ?? '', seq: e.seq, reference: e.reference, documentId: e.documentId, role: f.role })),
    );
    const attachments = await this.ds
      .getRepository(RegisterAttachmentEntity)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.entry', 'e')
      .where('a.file LIKE :needle', { needle })
      .getMany();
    for (const a of attachments) {
      if (a.file.sha256 !== hex || !a.entry) continue;
      hits.push({ agency: agencies.get(a.agencyId) ?? '', seq: a.entrySeq, reference: a.entry.reference, documentId: a.entry.documentId, role: a.file.role });
    }
    return hits;
  }

  /** Register lines with this reference ("05/KH-UBND"), in one agency or all, newest year first. */
  async findByReference(
    reference: string,
    scope?: AgencyScope,
  ): Promise<{ agency: string; seq: number; documentId: number; reference: string; year: number; files: ArchivedFile[] }[]> {
    const agencies = new Map((await this.ds.getRepository(AgencyEntity).find({ select: { id: true, code: true } })).map((a) => [a.id, a.code]));
    const rows = await this.ds.getRepository(RegisterEntryEntity).find({
      where: { reference: reference.normalize('NFC'), ...(scope ? { agencyId: scope.id } : {}) },
      order: { year: 'DESC', seq: 'ASC' },
    });
    return rows.map((e) => ({ agency: agencies.get(e.agencyId) ?? '', seq: e.seq, documentId: e.documentId, reference: e.reference, year: e.year, files: e.files }));
  }

  /**
   * What the agency archived under this hash: a register line's file or attachment, or a PDF its
   * leader signed that is not issued yet. Not found (404) for anything else, another agency's too.
   */
  async fileMeta(scope: AgencyScope, sha256: string): Promise<Pick<ArchivedFile, 'name' | 'contentType'>> {
    const hex = sha256.toLowerCase();
    const hit = (await this.lookup(hex)).find((h) => h.agency === scope.code);
    if (hit) {
      const entry = (await this.entries(scope)).find((e) => e.seq === hit.seq);
      const meta = [...(entry?.files ?? []), ...(entry?.attachments.map((a) => a.file) ?? [])].find((f) => f.sha256 === hex);
      if (meta) return meta;
    }
    const signed = /^[0-9a-f]{64}$/.test(hex)
      ? await this.ds.getRepository(DocumentSignatureEntity).findOneBy({ agencyId: scope.id, fileSha256: hex })
      : null;
    if (!signed) throw DomainError.notFound('file', sha256);
    const doc = await this.ds.getRepository(DocumentEntity).findOneBy({ id: signed.documentId });
    const code = doc?.code ?? String(signed.documentId);
    return { name: signed.role === 'leader' ? leaderFileName(scope.code, code) : `${scope.code}-${code}.pdf`, contentType: 'application/pdf' };
  }

  async readFile(sha256: string): Promise<Buffer> {
    if (!/^[0-9a-f]{64}$/.test(sha256) || !this.store.has(sha256)) throw DomainError.notFound('file', sha256);
    return this.store.read(sha256);
  }

  // ---- verifying ----------------------------------------------------------------------------

  /**
   * Recomputes every chain and every file hash. With a scope, that agency's register and files;
   * without, every agency and the store itself (orphans, pending and stray files).
   */
  async verify(scope?: AgencyScope): Promise<VerifyReport> {
    const agencies = scope
      ? [{ id: scope.id, code: scope.code }]
      : await this.ds.getRepository(AgencyEntity).find({ select: { id: true, code: true }, order: { code: 'ASC' } });
    const problems: VerifyProblem[] = [];
    const referenced = new Map<string, { agency: string; seq?: number; reference?: string; label: string }[]>();
    const summary: VerifyReport['agencies'] = [];

    for (const agency of agencies) {
      const [head, entries, attachments, counters, docs, signatures] = await Promise.all([
        this.ds.getRepository(RegisterHeadEntity).findOneBy({ agencyId: agency.id }),
        this.ds.getRepository(RegisterEntryEntity).find({ where: { agencyId: agency.id }, order: { seq: 'ASC' } }),
        this.ds.getRepository(RegisterAttachmentEntity).find({ where: { agencyId: agency.id }, order: { seq: 'ASC' } }),
        this.ds.getRepository(NumberCounterEntity).findBy({ agencyId: agency.id }),
        this.ds.getRepository(DocumentEntity).find({
          where: { agencyId: agency.id },
          select: { id: true, code: true, number: true, year: true, symbol: true, status: true },
        }),
        this.ds.getRepository(DocumentSignatureEntity).find({ where: { agencyId: agency.id }, order: { id: 'ASC' } }),
      ]);
      if (!head && entries.length === 0 && attachments.length === 0 && signatures.length === 0) continue;
      summary.push({ code: agency.code, entries: entries.length, attachments: attachments.length });
      const refOf = new Map(entries.map((e) => [e.seq, e.reference]));

      const chainProblem = (chain: 'entries' | 'attachments', p: ChainProblem): VerifyProblem => {
        const reference = chain === 'entries' ? refOf.get(p.seq) : undefined;
        const what = chain === 'entries' ? 'register entry' : 'register attachment';
        return {
          code: `register.${p.code}` as VerifyProblemCode,
          agency: agency.code,
          chain,
          seq: p.seq,
          ...(reference ? { reference } : {}),
          message: `${agency.code} ${what} ${p.seq}${reference ? ` (${reference})` : ''}: ${p.message}`,
        };
      };
      const entryLinks = entries.map((e) => ({ seq: e.seq, record: entryRecord(e), prevHash: e.prevHash, entryHash: e.entryHash }));
      const attachmentLinks = attachments.map((a) => ({ seq: a.seq, record: attachmentRecord(a), prevHash: a.prevHash, entryHash: a.entryHash }));
      for (const p of verifyChain(entryLinks, { count: head?.entries ?? 0, hash: head?.entryHead ?? GENESIS_HASH })) {
        problems.push(chainProblem('entries', p));
      }
      for (const p of verifyChain(attachmentLinks, { count: head?.attachments ?? 0, hash: head?.attachmentHead ?? GENESIS_HASH })) {
        problems.push(chainProblem('attachments', p));
      }

      // numbers 01..last of every series and year are all in the register, once
      for (const c of counters) {
        const got = new Set(entries.filter((e) => e.year === c.year && e.series === c.series).map((e) => e.number));
        const missing: number[] = [];
        for (let n = c.base + 1; n <= c.last; n++) if (!got.has(n)) missing.push(n);
        const beyond = [...got].filter((n) => n > c.last || n <= c.base);
        if (missing.length || beyond.length) {
          problems.push({
            code: 'register.number_gap',
            agency: agency.code,
            message: `${agency.code} ${c.year} series ${c.series}: ${
              missing.length ? `number(s) ${missing.join(', ')} taken but not in the register` : ''
            }${missing.length && beyond.length ? '; ' : ''}${beyond.length ? `number(s) ${beyond.join(', ')} registered outside ${c.base + 1}..${c.last}` : ''}`,
          });
        }
      }

      // the registry's document row still says what its register line says
      const docById = new Map(docs.map((d) => [d.id, d]));
      for (const e of entries) {
        const d = docById.get(e.documentId);
        const issued = d && ['issued', 'replaced', 'corrected'].includes(d.status);
        if (!d || !issued || d.number !== e.number || d.year !== e.year || d.symbol !== e.symbol) {
          problems.push({
            code: 'register.document_mismatch',
            agency: agency.code,
            chain: 'entries',
            seq: e.seq,
            reference: e.reference,
            message: `${agency.code} register entry ${e.seq} (${e.reference}): the document ${
              d ? `${d.code} now reads ${d.number ?? '—'}/${d.symbol} ${d.year}, ${d.status}` : `${e.documentId} is gone`
            }`,
          });
        }
      }

      const note = (sha: string, where: { agency: string; seq?: number; reference?: string; label: string }): void => {
        referenced.set(sha, [...(referenced.get(sha) ?? []), where]);
      };
      const entryLabel = (seq: number, reference: string) => `${agency.code} entry ${seq} (${reference})`;
      for (const e of entries) for (const f of e.files) note(f.sha256, { agency: agency.code, seq: e.seq, reference: e.reference, label: entryLabel(e.seq, e.reference) });
      for (const a of attachments) {
        const reference = refOf.get(a.entrySeq) ?? '';
        note(a.file.sha256, { agency: agency.code, seq: a.entrySeq, reference, label: entryLabel(a.entrySeq, reference) });
      }
      for (const sig of signatures) {
        const code = docById.get(sig.documentId)?.code ?? String(sig.documentId);
        note(sig.fileSha256, { agency: agency.code, label: `${agency.code} document ${code}, ${sig.role}'s signature` });
      }
    }

    for (const [sha, where] of referenced) {
      const file = this.store.relative(this.store.pathOf(sha));
      const names = [...new Set(where.map((w) => w.label))].join(', ');
      // the register line names the file best; a signature row when only that holds it
      const first = where.find((w) => w.seq !== undefined) ?? where[0];
      const at = { agency: first.agency, ...(first.seq !== undefined ? { seq: first.seq } : {}), ...(first.reference ? { reference: first.reference } : {}) };
      const actual = await this.store.hashOf(sha);
      if (actual === null) {
        problems.push({ code: 'archive.file_missing', file, sha256: sha, ...at, message: `${file}: missing; archived for ${names}` });
      } else if (actual !== sha) {
        problems.push({
          code: 'archive.file_tampered',
          file,
          sha256: sha,
          ...at,
          message: `${file}: content changed (sha-256 now ${actual}); archived for ${names}`,
        });
      }
    }

    if (!scope) {
      const { hashes, strays } = this.store.listStored();
      for (const sha of hashes) {
        if (referenced.has(sha)) continue;
        const file = this.store.relative(this.store.pathOf(sha));
        problems.push({ code: 'archive.orphan_file', file, sha256: sha, message: `${file}: in the archive but in no register entry` });
      }
      for (const p of this.store.listPending()) {
        const file = this.store.relative(p.pendingPath);
        problems.push({ code: 'archive.pending_file', file, sha256: p.sha256, message: `${file}: an unfinished write (settled at the next start)` });
      }
      for (const s of strays) {
        const file = this.store.relative(s);
        problems.push({ code: 'archive.stray_file', file, message: `${file}: not an archive file name` });
      }
    }
    return { ok: problems.length === 0, agencies: summary, files: { checked: referenced.size }, problems };
  }

  // ---- exports ------------------------------------------------------------------------------

  private async agencyRows(codes?: string[]): Promise<AgencyEntity[]> {
    const all = await this.ds.getRepository(AgencyEntity).find({ order: { code: 'ASC' } });
    if (!codes) return all;
    const missing = codes.filter((c) => !all.some((a) => a.code === c));
    if (missing.length) throw DomainError.notFound('agency', missing.join(', '));
    return all.filter((a) => codes.includes(a.code));
  }

  /** The year's register as a workbook (one sheet per agency with entries, or the named ones). */
  async exportRegister(year: number, file: string, agencyCodes?: string[]): Promise<{ agencies: number; rows: number }> {
    const books: RegisterBook[] = [];
    for (const a of await this.agencyRows(agencyCodes)) {
      const entries = await this.entries({ id: a.id, code: a.code }, year);
      if (entries.length === 0 && !agencyCodes) continue;
      books.push({
        agencyCode: a.code,
        governingBody: a.governingBody,
        issuerLines: a.issuerLines,
        year,
        rows: [...entries]
          .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.seq - y.seq))
          .map((e) => ({
            reference: e.reference,
            date: e.date,
            typeAndTitle: typeAndTitle(e.typeName, e.title),
            signer: e.signer,
            recipients: e.recipients.join('; '),
            archiveUnits: e.archiveUnits,
            copies: e.copies,
            sentDate: e.date,
            note: [e.note, ...e.later.map(laterNote)].filter(Boolean).join('; '),
            series: e.series,
            number: e.number,
          })),
      });
    }
    await writeRegisterWorkbook(file, books);
    return { agencies: books.length, rows: books.reduce((n, b) => n + b.rows.length, 0) };
  }

  /**
   * The year's register and files as a BagIt package. Every file is checked against its register
   * hash first: a package of tampered files would carry a manifest that vouches for them.
   */
  async exportBag(year: number, dir: string, agencyCodes?: string[]): Promise<{ entries: number; files: number; octets: number }> {
    const payload: BagPayloadFile[] = [];
    const register: unknown[] = [];
    const bad: string[] = [];
    let count = 0;
    const names: string[] = [];
    for (const a of await this.agencyRows(agencyCodes)) {
      const entries = await this.entries({ id: a.id, code: a.code }, year);
      if (entries.length === 0) continue;
      names.push(a.name);
      count += entries.length;
      const files: { path: string; sha256: string }[] = [];
      const add = async (f: ArchivedFile, e: RegisterEntryView): Promise<void> => {
        const ext = path.extname(f.name) || '';
        const p = `files/${asciiName(a.code)}/${e.year}-${String(e.number).padStart(3, '0')}-${asciiName(e.symbol)}-${asciiName(f.role)}-${f.sha256.slice(0, 8)}${ext}`;
        const bytes = this.store.has(f.sha256) ? await this.store.read(f.sha256) : null;
        const actual = bytes ? sha256Hex(bytes) : null;
        if (!bytes || actual !== f.sha256) {
          bad.push(`${this.store.relative(this.store.pathOf(f.sha256))} (${a.code} ${e.reference})`);
          return;
        }
        if (!payload.some((x) => x.path === p)) payload.push({ path: p, bytes });
        files.push({ path: `data/${p}`, sha256: f.sha256 });
      };
      for (const e of entries) {
        for (const f of e.files) await add(f, e);
        for (const att of e.attachments) await add(att.file, e);
      }
      const head = await this.ds.getRepository(RegisterHeadEntity).findOneBy({ agencyId: a.id });
      register.push({
        agency: { code: a.code, name: a.name, issuerLines: a.issuerLines, governingBody: a.governingBody },
        head: head ? { entries: head.entries, entryHead: head.entryHead, attachments: head.attachments, attachmentHead: head.attachmentHead } : null,
        entries,
        files,
      });
    }
    if (bad.length) {
      throw new DomainError('archive.tampered', `${bad.length} archived file(s) do not match the register: nothing was exported`, 'conflict', bad.map((b) => ({ path: b, message: 'missing or changed' })));
    }
    payload.push({ path: 'register.json', bytes: Buffer.from(JSON.stringify({ year, exportedAt: vietnamTimestamp(this.now()), agencies: register }, null, 2) + '\n', 'utf8') });
    const oxum = writeBag(dir, payload, {
      'Source-Organization': names.join('; ') || '(none)',
      'Bagging-Date': vietnamDate(this.now()),
      'External-Identifier': `vanthu-so-dang-ky-van-ban-di-${year}`,
      'External-Description': `Sổ đăng ký văn bản đi năm ${year} và các tệp văn bản đã ban hành`,
      'Bag-Software-Agent': 'vanthu',
    });
    return { entries: count, files: oxum.files, octets: oxum.octets };
  }
}

function laterNote(l: RegisterEntryView['later'][number]): string {
  return l.status === 'replaced' ? `Bị thay thế bởi ${l.by}` : `Đính chính bởi ${l.by}`;
}
