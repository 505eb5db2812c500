import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgencyEntity } from '../registry/agency.entity';
import { HouseholdEntity } from './household.entity';

@Entity('member')
@Index(['agencyId', 'code'], { unique: true })
@Index(['householdId'])
export class MemberEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer', name: 'agency_id' })
  agencyId!: number;

  @ManyToOne(() => AgencyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;

  @Column({ type: 'integer', name: 'household_id' })
  householdId!: number;

  @ManyToOne(() => HouseholdEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'household_id' })
  household?: HouseholdEntity;

  @Column({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'varchar', length: 10, name: 'birth_date', nullable: true })
  birthDate!: string | null;

  @Column({ type: 'integer', name: 'birth_year', nullable: true })
  birthYear!: number | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  gender!: string | null;

  /** sensitive: never in public outputs */
  @Column({ type: 'varchar', length: 12, name: 'id_number', nullable: true })
  idNumber!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  relation!: string | null;

  /** facts the policies read, e.g. { "doi_tuong": "tre_em", "tro_cap_dang_huong": 500000 } */
  @Column({ type: 'simple-json', nullable: true })
  attributes!: Record<string, string | number | boolean> | null;
}
