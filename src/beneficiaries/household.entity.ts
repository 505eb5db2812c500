import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgencyEntity } from '../registry/agency.entity';
import { VillageEntity } from '../registry/village.entity';

@Entity('household')
@Index(['agencyId', 'code'], { unique: true })
export class HouseholdEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer', name: 'agency_id' })
  agencyId!: number;

  @ManyToOne(() => AgencyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;

  @Column({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'integer', name: 'village_id' })
  villageId!: number;

  @ManyToOne(() => VillageEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'village_id' })
  village?: VillageEntity;

  @Column({ type: 'varchar', length: 255 })
  head!: string;

  /** category per poverty-standard period: { "2026-2030": "nghèo" } */
  @Column({ type: 'simple-json' })
  categories!: Record<string, string>;

  /** facts the figures and policies read, e.g. { "khong_co_kha_nang_lao_dong": true } */
  @Column({ type: 'simple-json', nullable: true })
  attributes!: Record<string, string | number | boolean> | null;
}
