import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgencyEntity } from './agency.entity';
import type { DocumentContent, DocumentDirection, DocumentStatus } from './records/record-set';

/** A document in an agency's registry: outgoing (ours) or incoming (cited). */
@Entity('document')
@Index(['agencyId', 'code'], { unique: true })
@Index(['agencyId', 'year', 'symbol', 'number'])
export class DocumentEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer', name: 'agency_id' })
  agencyId!: number;

  @ManyToOne(() => AgencyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;

  @Column({ type: 'varchar', length: 128 })
  code!: string;

  @Column({ type: 'varchar', length: 16 })
  direction!: DocumentDirection;

  @Column({ type: 'varchar', length: 16 })
  type!: string;

  @Column({ type: 'varchar', length: 64, name: 'type_name' })
  typeName!: string;

  @Column({ type: 'integer', nullable: true })
  number!: number | null;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'varchar', length: 64 })
  symbol!: string;

  @Column({ type: 'boolean', name: 'year_in_number', default: false })
  yearInNumber!: boolean;

  @Column({ type: 'varchar', length: 255 })
  issuer!: string;

  @Column({ type: 'varchar', length: 64, name: 'issuer_agency', nullable: true })
  issuerAgency!: string | null;

  /** ISO yyyy-mm-dd */
  @Column({ type: 'varchar', length: 10, nullable: true })
  date!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: DocumentStatus;

  @Column({ type: 'simple-json' })
  notes!: string[];

  @Column({ type: 'varchar', length: 128, nullable: true })
  seed!: string | null;

  @Column({ type: 'simple-json', nullable: true })
  content!: DocumentContent | null;
}
