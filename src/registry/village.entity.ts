import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgencyEntity } from './agency.entity';

/** Thôn / tổ dân phố of an agency. */
@Entity('village')
@Index(['agencyId', 'code'], { unique: true })
export class VillageEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer', name: 'agency_id' })
  agencyId!: number;

  @ManyToOne(() => AgencyEntity, (a) => a.villages, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency!: AgencyEntity;

  @Column({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: string;

  /** tổng số hộ dân cư (all resident households), the base of poverty rates; null when not surveyed */
  @Column({ type: 'integer', name: 'total_households', nullable: true })
  totalHouseholds!: number | null;
}
