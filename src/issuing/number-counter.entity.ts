import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last number taken in one series of one agency in one year (ND30 Đ15: from 01 on 1 January).
 * Bumped only inside the issue transaction, so a rolled-back issue leaves no gap.
 */
@Entity('number_counter')
export class NumberCounterEntity {
  @PrimaryColumn({ type: 'integer', name: 'agency_id' })
  agencyId!: number;

  @PrimaryColumn({ type: 'integer' })
  year!: number;

  /** "all" (the agency's single series), a type ("KH") or "qppl:<type>" (see numbering.ts) */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  series!: string;

  /** numbers up to this one were issued before the register (imported history); usually 0 */
  @Column({ type: 'integer' })
  base!: number;

  @Column({ type: 'integer' })
  last!: number;

  /** issue date of `last`: a later number is never dated earlier */
  @Column({ type: 'varchar', length: 10, name: 'last_date', nullable: true })
  lastDate!: string | null;
}
