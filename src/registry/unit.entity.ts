import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgencyEntity } from './agency.entity';

/** An internal unit of an agency (Phòng Kinh tế = KT): used in "Lưu: VT, KT." and công văn ký hiệu. */
@Entity('unit')
@Index(['agencyId', 'abbreviation'], { unique: true })
export class UnitEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer', name: 'agency_id' })
  agencyId!: number;

  @ManyToOne(() => AgencyEntity, (a) => a.units, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency!: AgencyEntity;

  @Column({ type: 'varchar', length: 32 })
  abbreviation!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;
}
