import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { FigureSet } from '../figures/figure-set';
import { AgencyEntity } from '../registry/agency.entity';
import { DocumentEntity } from '../registry/document.entity';

/**
 * One rendered version of a document: which bytes went out and the figure set they were computed
 * from, so that the text, the registry and other documents can be compared later. Append-only.
 */
@Entity('rendition')
@Index(['agencyId', 'documentId', 'createdAt'])
export class RenditionEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer', name: 'agency_id' })
  agencyId!: number;

  @ManyToOne(() => AgencyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;

  @Column({ type: 'integer', name: 'document_id' })
  documentId!: number;

  @ManyToOne(() => DocumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: DocumentEntity;

  @Column({ type: 'varchar', length: 8 })
  format!: string;

  /** sha-256 of the rendered bytes, hex */
  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ type: 'integer' })
  size!: number;

  /** sha-256 of the canonical JSON of the figure values: equal digests, equal figures */
  @Column({ type: 'varchar', length: 64, name: 'figures_digest' })
  figuresDigest!: string;

  @Column({ type: 'simple-json' })
  figures!: FigureSet;

  /** ISO timestamp */
  @Column({ type: 'varchar', length: 32, name: 'created_at' })
  createdAt!: string;
}
