import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgencyEntity } from '../registry/agency.entity';


/** A target (chỉ tiêu): baseline → target for a year, with per-village weights for allocation. */
@Entity('quota')
@Index(['agencyId', 'code'], { unique: true })
export class QuotaEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer', name: 'agency_id' })
  agencyId!: number;

  @ManyToOne(() => AgencyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;

  @Column({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'varchar', length: 128 })
  indicator!: string;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'integer' })
  baseline!: number;

  @Column({ type: 'integer' })
  target!: number;

  @Column({ type: 'integer', name: 'document_id', nullable: true })
  documentId!: number | null;

  /** [{ village (code), weight, cap? }] */
  @Column({ type: 'simple-json' })
  villages!: { village: string; weight: number; cap?: number }[];
}
