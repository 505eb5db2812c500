import { Column, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { NumberingPolicy } from './records/record-set';
import { UnitEntity } from './unit.entity';
import { VillageEntity } from './village.entity';

@Entity('agency')
export class AgencyEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'varchar', length: 255, name: 'short_name' })
  shortName!: string;

  @Column({ type: 'simple-json', name: 'governing_body' })
  governingBody!: string[];

  @Column({ type: 'simple-json', name: 'issuer_lines' })
  issuerLines!: string[];

  @Column({ type: 'varchar', length: 32 })
  abbreviation!: string;

  @Column({ type: 'varchar', length: 128, name: 'place_name' })
  placeName!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  province!: string | null;

  @Column({ type: 'varchar', length: 16 })
  numbering!: NumberingPolicy;

  @OneToMany(() => UnitEntity, (u) => u.agency)
  units!: UnitEntity[];

  @OneToMany(() => VillageEntity, (v) => v.agency)
  villages!: VillageEntity[];
}
