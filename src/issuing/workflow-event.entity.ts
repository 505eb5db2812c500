import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DocumentEntity } from '../registry/document.entity';
import type { DocumentStatus } from '../registry/records/record-set';

/** Every status change of a document, with the later document that replaced or corrected it. */
@Entity('workflow_event')
@Index(['agencyId', 'documentId'])
@Index(['agencyId', 'relatedDocumentId'])
export class WorkflowEventEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer', name: 'agency_id' })
  agencyId!: number;

  @Column({ type: 'integer', name: 'document_id' })
  documentId!: number;

  @ManyToOne(() => DocumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: DocumentEntity;

  @Column({ type: 'varchar', length: 16, name: 'from_status' })
  fromStatus!: DocumentStatus;

  @Column({ type: 'varchar', length: 16, name: 'to_status' })
  toStatus!: DocumentStatus;

  /** replaced/corrected: the later document that did it */
  @Column({ type: 'integer', name: 'related_document_id', nullable: true })
  relatedDocumentId!: number | null;

  @Column({ type: 'text' })
  note!: string;

  /** Vietnam time with offset */
  @Column({ type: 'varchar', length: 32 })
  at!: string;
}
