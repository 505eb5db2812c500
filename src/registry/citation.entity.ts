import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgencyEntity } from './agency.entity';
import { DocumentEntity } from './document.entity';

/** A link from a document to a document it cites (both in the same agency's registry). */
@Entity('citation')
@Index(['agencyId', 'fromDocumentId', 'toDocumentId'], { unique: true })
export class CitationEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer', name: 'agency_id' })
  agencyId!: number;

  @ManyToOne(() => AgencyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;

  @Column({ type: 'integer', name: 'from_document_id' })
  fromDocumentId!: number;

  @ManyToOne(() => DocumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_document_id' })
  from?: DocumentEntity;

  @Column({ type: 'integer', name: 'to_document_id' })
  toDocumentId!: number;

  @ManyToOne(() => DocumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_document_id' })
  to?: DocumentEntity;

  /** order of first mention */
  @Column({ type: 'integer' })
  ordinal!: number;
}
