import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgencyEntity } from '../registry/agency.entity';
import type { ArchivedFile } from './archived-file';
import { RegisterEntryEntity } from './register-entry.entity';

/**
 * A file archived for a register line after its registration: ND30 Đ14 registers the number
 * before the agency's digital signature, so the signed PDF arrives later. Chained per agency like
 * the entries (its own chain), written once, never changed.
 */
@Entity('register_attachment')
@Index(['agencyId', 'seq'], { unique: true })
@Index(['entryId'])
export class RegisterAttachmentEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer', name: 'agency_id' })
  agencyId!: number;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'integer', name: 'entry_id' })
  entryId!: number;

  @ManyToOne(() => RegisterEntryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entry_id' })
  entry?: RegisterEntryEntity;

  /** the entry's seq, copied so the hashed record names its line without a join */
  @Column({ type: 'integer', name: 'entry_seq' })
  entrySeq!: number;

  @Column({ type: 'simple-json' })
  file!: ArchivedFile;

  @Column({ type: 'text' })
  note!: string;

  @Column({ type: 'varchar', length: 32, name: 'attached_at' })
  attachedAt!: string;

  @Column({ type: 'varchar', length: 64, name: 'prev_hash' })
  prevHash!: string;

  @Column({ type: 'varchar', length: 64, name: 'entry_hash' })
  entryHash!: string;
}
