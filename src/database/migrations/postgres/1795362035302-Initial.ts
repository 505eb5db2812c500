import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795362035302 implements MigrationInterface {
  name = 'Initial1795362035302';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "unit" ("id" SERIAL NOT NULL, "agency_id" integer NOT NULL, "abbreviation" character varying(32) NOT NULL, "name" character varying(255) NOT NULL, CONSTRAINT "PK_4252c4be609041e559f0c80f58a" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "IDX_c95e12bebaf82317191ec95aa3" ON "unit"  ("agency_id", "abbreviation") `);
    await q.query(`CREATE TABLE "village" ("id" SERIAL NOT NULL, "agency_id" integer NOT NULL, "code" character varying(64) NOT NULL, "name" character varying(255) NOT NULL, "kind" character varying(32) NOT NULL, CONSTRAINT "PK_3ada8696ae059b2fcf82d5ab579" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "IDX_8f86efcab528e353c9e29a9860" ON "village"  ("agency_id", "code") `);
    await q.query(`CREATE TABLE "agency" ("id" SERIAL NOT NULL, "code" character varying(64) NOT NULL, "name" character varying(255) NOT NULL, "short_name" character varying(255) NOT NULL, "governing_body" text NOT NULL, "issuer_lines" text NOT NULL, "abbreviation" character varying(32) NOT NULL, "place_name" character varying(128) NOT NULL, "province" character varying(255), "numbering" character varying(16) NOT NULL, CONSTRAINT "UQ_fbda24d0286deca69d0b8d30f10" UNIQUE ("code"), CONSTRAINT "PK_ab1244724d1c216e9720635a2e5" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "household" ("id" SERIAL NOT NULL, "agency_id" integer NOT NULL, "code" character varying(64) NOT NULL, "village_id" integer NOT NULL, "head" character varying(255) NOT NULL, "categories" text NOT NULL, CONSTRAINT "PK_26e9111eab2b8908fefe3c645f5" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "IDX_c1964ddca30ac4599519415520" ON "household"  ("agency_id", "code") `);
    await q.query(`CREATE TABLE "member" ("id" SERIAL NOT NULL, "agency_id" integer NOT NULL, "household_id" integer NOT NULL, "code" character varying(64) NOT NULL, "name" character varying(255) NOT NULL, "birth_date" character varying(10), "birth_year" integer, "gender" character varying(8), "id_number" character varying(12), "relation" character varying(64), CONSTRAINT "PK_97cbbe986ce9d14ca5894fdc072" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_cee80d91871ec7d6ea281591be" ON "member"  ("household_id") `);
    await q.query(`CREATE UNIQUE INDEX "IDX_23ceff300354db13de2f46425c" ON "member"  ("agency_id", "code") `);
    await q.query(`CREATE TABLE "policy" ("id" SERIAL NOT NULL, "agency_id" integer NOT NULL, "code" character varying(64) NOT NULL, "name" character varying(255) NOT NULL, "document_id" integer, "rule" text NOT NULL, CONSTRAINT "PK_9917b0c5e4286703cc656b1d39f" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "IDX_957fa6a00f23d912e9156c8c33" ON "policy"  ("agency_id", "code") `);
    await q.query(`CREATE TABLE "policy_parameter" ("id" SERIAL NOT NULL, "agency_id" integer NOT NULL, "policy_id" integer NOT NULL, "name" character varying(128) NOT NULL, "value" character varying(64) NOT NULL, "unit" character varying(32) NOT NULL, "effective_from" character varying(10) NOT NULL, "effective_to" character varying(10), "source" text, CONSTRAINT "PK_d0ff4838cea8ee7b02dccf43b84" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "IDX_c9d41408477255d90848339068" ON "policy_parameter"  ("policy_id", "name", "effective_from") `);
    await q.query(`CREATE TABLE "quota" ("id" SERIAL NOT NULL, "agency_id" integer NOT NULL, "code" character varying(64) NOT NULL, "indicator" character varying(128) NOT NULL, "year" integer NOT NULL, "baseline" integer NOT NULL, "target" integer NOT NULL, "document_id" integer, "villages" text NOT NULL, CONSTRAINT "PK_d2dc1d8a7a0bd55d48f2ed5fe09" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "IDX_aa323f4d3ede02bc5ee9212e54" ON "quota"  ("agency_id", "code") `);
    await q.query(`CREATE TABLE "document" ("id" SERIAL NOT NULL, "agency_id" integer NOT NULL, "code" character varying(128) NOT NULL, "direction" character varying(16) NOT NULL, "type" character varying(16) NOT NULL, "type_name" character varying(64) NOT NULL, "number" integer, "year" integer NOT NULL, "symbol" character varying(64) NOT NULL, "year_in_number" boolean NOT NULL DEFAULT false, "issuer" character varying(255) NOT NULL, "issuer_agency" character varying(64), "date" character varying(10), "title" text NOT NULL, "status" character varying(16) NOT NULL, "notes" text NOT NULL, "seed" character varying(128), "content" text, CONSTRAINT "PK_e57d3357f83f3cdc0acffc3d777" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_1db887eb93dab7b23c51cc4f84" ON "document"  ("agency_id", "year", "symbol", "number") `);
    await q.query(`CREATE UNIQUE INDEX "IDX_a0462197600d4fc355329f4026" ON "document"  ("agency_id", "code") `);
    await q.query(`CREATE TABLE "citation" ("id" SERIAL NOT NULL, "agency_id" integer NOT NULL, "from_document_id" integer NOT NULL, "to_document_id" integer NOT NULL, "ordinal" integer NOT NULL, CONSTRAINT "PK_f02dfdce6c05dfbf2fead28d0b6" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "IDX_2b5cdaba85e426612b4243946d" ON "citation"  ("agency_id", "from_document_id", "to_document_id") `);
    await q.query(`CREATE TABLE "official" ("id" SERIAL NOT NULL, "agency_id" integer NOT NULL, "code" character varying(64) NOT NULL, "name" character varying(255) NOT NULL, "position" character varying(255) NOT NULL, CONSTRAINT "PK_3e150a20ca3578b094161b2d037" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "IDX_f38fee05497eef65fdf4de0038" ON "official"  ("agency_id", "code") `);
    await q.query(`ALTER TABLE "unit" ADD CONSTRAINT "FK_7b95ce2d378ecf6b780b3a9532b" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "village" ADD CONSTRAINT "FK_39dd9a65e3c5d89e8c3d2305d65" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "household" ADD CONSTRAINT "FK_9ebae078d60ea36ce8fb77ef461" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "household" ADD CONSTRAINT "FK_46e492b287ade73e50de0ffa142" FOREIGN KEY ("village_id") REFERENCES "village"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "member" ADD CONSTRAINT "FK_9b8b28ff4344089aec72688ff2d" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "member" ADD CONSTRAINT "FK_cee80d91871ec7d6ea281591be2" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "policy" ADD CONSTRAINT "FK_b68c66c01d47469e7f7ada215b2" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "policy_parameter" ADD CONSTRAINT "FK_27735bfe247dd7a8e1fc0f7ba4a" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "policy_parameter" ADD CONSTRAINT "FK_318cd163c173c5ac5653a0327df" FOREIGN KEY ("policy_id") REFERENCES "policy"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "quota" ADD CONSTRAINT "FK_cb95e6d7935259f073abdb71f29" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "document" ADD CONSTRAINT "FK_ed8fc9e0e61d1cf4ac0d2ca0ae2" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "citation" ADD CONSTRAINT "FK_ec6350aee08068b24ab24105968" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "citation" ADD CONSTRAINT "FK_7504ccfe62a0d071459255f3be1" FOREIGN KEY ("from_document_id") REFERENCES "document"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "citation" ADD CONSTRAINT "FK_6d86b2436e51af261454a8c1412" FOREIGN KEY ("to_document_id") REFERENCES "document"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "official" ADD CONSTRAINT "FK_0e70038261b4ce53930be453367" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "official" DROP CONSTRAINT "FK_0e70038261b4ce53930be453367"`);
    await q.query(`ALTER TABLE "citation" DROP CONSTRAINT "FK_6d86b2436e51af261454a8c1412"`);
    await q.query(`ALTER TABLE "citation" DROP CONSTRAINT "FK_7504ccfe62a0d071459255f3be1"`);
    await q.query(`ALTER TABLE "citation" DROP CONSTRAINT "FK_ec6350aee08068b24ab24105968"`);
    await q.query(`ALTER TABLE "document" DROP CONSTRAINT "FK_ed8fc9e0e61d1cf4ac0d2ca0ae2"`);
    await q.query(`ALTER TABLE "quota" DROP CONSTRAINT "FK_cb95e6d7935259f073abdb71f29"`);
    await q.query(`ALTER TABLE "policy_parameter" DROP CONSTRAINT "FK_318cd163c173c5ac5653a0327df"`);
    await q.query(`ALTER TABLE "policy_parameter" DROP CONSTRAINT "FK_27735bfe247dd7a8e1fc0f7ba4a"`);
    await q.query(`ALTER TABLE "policy" DROP CONSTRAINT "FK_b68c66c01d47469e7f7ada215b2"`);
    await q.query(`ALTER TABLE "member" DROP CONSTRAINT "FK_cee80d91871ec7d6ea281591be2"`);
    await q.query(`ALTER TABLE "member" DROP CONSTRAINT "FK_9b8b28ff4344089aec72688ff2d"`);
    await q.query(`ALTER TABLE "household" DROP CONSTRAINT "FK_46e492b287ade73e50de0ffa142"`);
    await q.query(`ALTER TABLE "household" DROP CONSTRAINT "FK_9ebae078d60ea36ce8fb77ef461"`);
    await q.query(`ALTER TABLE "village" DROP CONSTRAINT "FK_39dd9a65e3c5d89e8c3d2305d65"`);
    await q.query(`ALTER TABLE "unit" DROP CONSTRAINT "FK_7b95ce2d378ecf6b780b3a9532b"`);
    await q.query(`DROP INDEX "IDX_f38fee05497eef65fdf4de0038"`);
    await q.query(`DROP TABLE "official"`);
    await q.query(`DROP INDEX "IDX_2b5cdaba85e426612b4243946d"`);
    await q.query(`DROP TABLE "citation"`);
    await q.query(`DROP INDEX "IDX_a0462197600d4fc355329f4026"`);
    await q.query(`DROP INDEX "IDX_1db887eb93dab7b23c51cc4f84"`);
    await q.query(`DROP TABLE "document"`);
    await q.query(`DROP INDEX "IDX_aa323f4d3ede02bc5ee9212e54"`);
    await q.query(`DROP TABLE "quota"`);
    await q.query(`DROP INDEX "IDX_c9d41408477255d90848339068"`);
    await q.query(`DROP TABLE "policy_parameter"`);
    await q.query(`DROP INDEX "IDX_957fa6a00f23d912e9156c8c33"`);
    await q.query(`DROP TABLE "policy"`);
    await q.query(`DROP INDEX "IDX_23ceff300354db13de2f46425c"`);
    await q.query(`DROP INDEX "IDX_cee80d91871ec7d6ea281591be"`);
    await q.query(`DROP TABLE "member"`);
    await q.query(`DROP INDEX "IDX_c1964ddca30ac4599519415520"`);
    await q.query(`DROP TABLE "household"`);
    await q.query(`DROP TABLE "agency"`);
    await q.query(`DROP INDEX "IDX_8f86efcab528e353c9e29a9860"`);
    await q.query(`DROP TABLE "village"`);
    await q.query(`DROP INDEX "IDX_c95e12bebaf82317191ec95aa3"`);
    await q.query(`DROP TABLE "unit"`);
  }
}
