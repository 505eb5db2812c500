import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The head of an agency's two chains (entries, attachments): the count and the last hash. Every
 * write to the register first upserts this row, which serialises an agency's writers (a row lock on
 * PostgreSQL, the write lock on SQLite) and lets `archive verify` see entries cut from the end.
 */
@Entity('register_head')
export class RegisterHeadEntity {
  @PrimaryColumn({ type: 'integer', name: 'agency_id' })
  agencyId!: number;

  @Column({ type: 'integer' })
  entries!: number;

  @Column({ type: 'varchar', length: 64, name: 'entry_head' })
  entryHead!: string;

  @Column({ type: 'integer' })
  attachments!: number;

  @Column({ type: 'varchar', length: 64, name: 'attachment_head' })
  attachmentHead!: string;
}
