import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgencyEntity } from '../registry/agency.entity';
import { PolicyEntity } from './policy.entity';

/** A dated parameter of a policy (lương cơ sở, BHYT rate, amounts), effective [from, to]. */
@Entity('policy_parameter')
@Index(['policyId', 'name', 'effectiveFrom'], { unique: true })
export class PolicyParameterEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer', name: 'agency_id' })
  agencyId!: number;

  @ManyToOne(() => AgencyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;

  @Column({ type: 'integer', name: 'policy_id' })
  policyId!: number;

  @ManyToOne(() => PolicyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'policy_id' })
  policy?: PolicyEntity;

  @Column({ type: 'varchar', length: 128 })
  name!: string;

  /** integer đồng or a decimal rate, as text: exact, no float */
  @Column({ type: 'varchar', length: 64 })
  value!: string;

  @Column({ type: 'varchar', length: 32 })
  unit!: string;

  @Column({ type: 'varchar', length: 10, name: 'effective_from' })
  effectiveFrom!: string;

  @Column({ type: 'varchar', length: 10, name: 'effective_to', nullable: true })
  effectiveTo!: string | null;

  @Column({ type: 'text', nullable: true })
  source!: string | null;
}
