import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgencyEntity } from '../registry/agency.entity';
import { DocumentEntity } from '../registry/document.entity';
import type { ArchivedFile } from './archived-file';

/**
 * One line of the sổ đăng ký văn bản đi (ND30 Đ16): written once, in the issue transaction, and
 * never changed. `entry_hash` chains it to the agency's previous line (see hash-chain.ts). The
 * foreign keys RESTRICT: neither an agency nor a document disappears from under its register.
 */
@Entity('register_entry')
@Index(['agencyId', 'seq'], { unique: true })
@Index(['agencyId', 'year', 'series', 'number'], { unique: true })
@Index(['agencyId', 'year', 'reference'], { unique: true })
@Index(['documentId'], { unique: true })
export class RegisterEntryEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer', name: 'agency_id' })
  agencyId!: number;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;

  /** position in the agency's chain, from 1 */
  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'integer', name: 'document_id' })
  documentId!: number;

  @ManyToOne(() => DocumentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_id' })
  document?: DocumentEntity;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'varchar', length: 64 })
  series!: string;

  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: 'varchar', length: 64 })
  symbol!: string;

  /** (1) số, ký hiệu: "05/KH-UBND" */
  @Column({ type: 'varchar', length: 96 })
  reference!: string;

  /** (2) ngày tháng, ISO yyyy-mm-dd */
  @Column({ type: 'varchar', length: 10 })
  date!: string;

  @Column({ type: 'varchar', length: 16 })
  type!: string;

  /** (3) tên loại … */
  @Column({ type: 'varchar', length: 64, name: 'type_name' })
  typeName!: string;

  /** (3) … và trích yếu */
  @Column({ type: 'text' })
  title!: string;

  /** (4) người ký */
  @Column({ type: 'varchar', length: 255 })
  signer!: string;

  @Column({ type: 'varchar', length: 255, name: 'signer_position' })
  signerPosition!: string;

  /** (5) nơi nhận */
  @Column({ type: 'simple-json' })
  recipients!: string[];

  /** (6) đơn vị, người nhận bản lưu */
  @Column({ type: 'varchar', length: 255, name: 'archive_units' })
  archiveUnits!: string;

  /** (7) số lượng bản */
  @Column({ type: 'integer' })
  copies!: number;

  /** (10) ghi chú at registration (later events are shown beside it, never written into it) */
  @Column({ type: 'text' })
  note!: string;

  @Column({ type: 'simple-json' })
  files!: ArchivedFile[];

  /** when the entry was written, Vietnam time with offset */
  @Column({ type: 'varchar', length: 32, name: 'registered_at' })
  registeredAt!: string;

  @Column({ type: 'varchar', length: 64, name: 'prev_hash' })
  prevHash!: string;

  @Column({ type: 'varchar', length: 64, name: 'entry_hash' })
  entryHash!: string;
}
