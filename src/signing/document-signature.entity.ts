import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgencyEntity } from '../registry/agency.entity';
import { DocumentEntity } from '../registry/document.entity';
import type { SignedLayout } from './signature-ledger';

/**
 * One digital signature applied to one of our documents: the leader's (approved → signed) or the
 * agency's at issue (signed → issued). The PDF as it stood after the signature is in the archive
 * store under `file_sha256`. Written once, never changed (append-only triggers in the migration).
 */
@Entity('document_signature')
@Index(['documentId', 'role'], { unique: true })
@Index(['agencyId', 'fileSha256'])
export class DocumentSignatureEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer', name: 'agency_id' })
  agencyId!: number;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;

  @Column({ type: 'integer', name: 'document_id' })
  documentId!: number;

  @ManyToOne(() => DocumentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_id' })
  document?: DocumentEntity;

  /** "leader" (người có thẩm quyền, ô 7c) or "agency" (chữ ký số của cơ quan, ô 8) */
  @Column({ type: 'varchar', length: 16 })
  role!: string;

  /** the official who signed (leader); null for the agency's signature */
  @Column({ type: 'varchar', length: 64, name: 'official_code', nullable: true })
  officialCode!: string | null;

  /** CN of the signing certificate */
  @Column({ type: 'varchar', length: 255, name: 'signer_name' })
  signerName!: string;

  @Column({ type: 'text', name: 'signer_dn' })
  signerDn!: string;

  @Column({ type: 'text', name: 'issuer_dn' })
  issuerDn!: string;

  @Column({ type: 'varchar', length: 64, name: 'certificate_serial' })
  certificateSerial!: string;

  /** sha-256 of the signer certificate (DER), hex */
  @Column({ type: 'varchar', length: 64, name: 'certificate_sha256' })
  certificateSha256!: string;

  @Column({ type: 'varchar', length: 128, name: 'field_name' })
  fieldName!: string;

  /** ISO 8601 with +07:00: the signing time written into the signature */
  @Column({ type: 'varchar', length: 32, name: 'signed_at' })
  signedAt!: string;

  /** the bytes that were signed onto: the rendered PDF (leader), the leader-signed PDF (agency) */
  @Column({ type: 'varchar', length: 64, name: 'source_sha256' })
  sourceSha256!: string;

  /** the PDF after this signature, in the archive store */
  @Column({ type: 'varchar', length: 64, name: 'file_sha256' })
  fileSha256!: string;

  @Column({ type: 'integer', name: 'file_size' })
  fileSize!: number;

  /** leader: where the signature went and where the number and date blanks are, for the issue step */
  @Column({ type: 'simple-json', nullable: true })
  layout!: SignedLayout | null;
}
