import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PolicyEntity } from '../policies/policy.entity';
import { AgencyEntity } from '../registry/agency.entity';
import { DocumentEntity } from '../registry/document.entity';

export type BeneficiaryListStatus = 'active' | 'withdrawn';

/**
 * A beneficiary list (danh sách đối tượng được hỗ trợ): the people one policy pays for a run of
 * months, as the clerk imported it from Excel. Approved by a QĐ (`decisionDocumentId`).
 */
@Entity('beneficiary_list')
@Index(['agencyId', 'code'], { unique: true })
@Index(['agencyId', 'policyId'])
export class BeneficiaryListEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer', name: 'agency_id' })
  agencyId!: number;

  @ManyToOne(() => AgencyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;

  @Column({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'integer', name: 'policy_id' })
  policyId!: number;

  @ManyToOne(() => PolicyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'policy_id' })
  policy?: PolicyEntity;

  /** poverty-standard period whose household categories the list uses: "2026-2030" */
  @Column({ type: 'varchar', length: 9 })
  period!: string;

  /** first month paid, "yyyy-mm" */
  @Column({ type: 'varchar', length: 7, name: 'from_month' })
  fromMonth!: string;

  /** last month paid, "yyyy-mm" (inclusive) */
  @Column({ type: 'varchar', length: 7, name: 'to_month' })
  toMonth!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: BeneficiaryListStatus;

  /** the QĐ phê duyệt danh sách, once drafted */
  @Column({ type: 'integer', name: 'decision_document_id', nullable: true })
  decisionDocumentId!: number | null;

  @ManyToOne(() => DocumentEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decision_document_id' })
  decisionDocument?: DocumentEntity;
}
