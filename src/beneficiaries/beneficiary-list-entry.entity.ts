import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgencyEntity } from '../registry/agency.entity';
import { BeneficiaryListEntity } from './beneficiary-list.entity';
import { MemberEntity } from './member.entity';

/** One person of a beneficiary list, in the list's order (`position`, the STT). */
@Entity('beneficiary_list_entry')
@Index(['listId', 'memberId'], { unique: true })
@Index(['listId', 'position'])
export class BeneficiaryListEntryEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer', name: 'agency_id' })
  agencyId!: number;

  @ManyToOne(() => AgencyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;

  @Column({ type: 'integer', name: 'list_id' })
  listId!: number;

  @ManyToOne(() => BeneficiaryListEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'list_id' })
  list?: BeneficiaryListEntity;

  @Column({ type: 'integer', name: 'member_id' })
  memberId!: number;

  @ManyToOne(() => MemberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id' })
  member?: MemberEntity;

  /** 1-based order in the list */
  @Column({ type: 'integer' })
  position!: number;

  /** the household category the row states for the list's period: "nghèo", "cận nghèo" … */
  @Column({ type: 'varchar', length: 32 })
  category!: string;

  /** Ghi chú as written (internal: never on the posting list) */
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /**
   * What this list says of the person beyond the member record: the budget's tro_cap_dang_huong,
   * tu_thang, den_thang; and sensitive facts kept for payment only (doi_tuong, suc_khoe, dien_thoai,
   * tai_khoan, dan_toc). Never on the posting list.
   */
  @Column({ type: 'simple-json', nullable: true })
  attributes!: Record<string, string | number | boolean> | null;
}
