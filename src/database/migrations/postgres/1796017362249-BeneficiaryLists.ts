import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BeneficiaryLists1796017362249 implements MigrationInterface {
  name = 'BeneficiaryLists1796017362249';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "beneficiary_list" ("id" SERIAL NOT NULL, "agency_id" integer NOT NULL, "code" character varying(64) NOT NULL, "policy_id" integer NOT NULL, "period" character varying(9) NOT NULL, "from_month" character varying(7) NOT NULL, "to_month" character varying(7) NOT NULL, "status" character varying(16) NOT NULL, "decision_document_id" integer, CONSTRAINT "PK_d3ac1449147c40aa0b04b30e67e" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_39885e3a834ea0517d96add36b" ON "beneficiary_list"  ("agency_id", "policy_id") `);
    await q.query(`CREATE UNIQUE INDEX "IDX_cfb76a42b91bd299b3a0b6ba97" ON "beneficiary_list"  ("agency_id", "code") `);
    await q.query(`CREATE TABLE "beneficiary_list_entry" ("id" SERIAL NOT NULL, "agency_id" integer NOT NULL, "list_id" integer NOT NULL, "member_id" integer NOT NULL, "position" integer NOT NULL, "category" character varying(32) NOT NULL, "note" text, "attributes" text, CONSTRAINT "PK_cd79d9a34c979618044001914b5" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_ac197e9a077e2225179d27a662" ON "beneficiary_list_entry"  ("list_id", "position") `);
    await q.query(`CREATE UNIQUE INDEX "IDX_08b8a3cfc01a9d16b12b51e815" ON "beneficiary_list_entry"  ("list_id", "member_id") `);
    await q.query(`ALTER TABLE "beneficiary_list" ADD CONSTRAINT "FK_c6eb955338376989907b50feb6a" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "beneficiary_list" ADD CONSTRAINT "FK_1e0c890316385e37215e68d3df2" FOREIGN KEY ("policy_id") REFERENCES "policy"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "beneficiary_list" ADD CONSTRAINT "FK_17db50e313992540c5593fd7ab5" FOREIGN KEY ("decision_document_id") REFERENCES "document"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "beneficiary_list_entry" ADD CONSTRAINT "FK_834902aeeab62b61c663ce99e9c" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "beneficiary_list_entry" ADD CONSTRAINT "FK_186c5713ebb70babfe093856383" FOREIGN KEY ("list_id") REFERENCES "beneficiary_list"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "beneficiary_list_entry" ADD CONSTRAINT "FK_70690c061b8e853cab092ba77c5" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "beneficiary_list_entry" DROP CONSTRAINT "FK_70690c061b8e853cab092ba77c5"`);
    await q.query(`ALTER TABLE "beneficiary_list_entry" DROP CONSTRAINT "FK_186c5713ebb70babfe093856383"`);
    await q.query(`ALTER TABLE "beneficiary_list_entry" DROP CONSTRAINT "FK_834902aeeab62b61c663ce99e9c"`);
    await q.query(`ALTER TABLE "beneficiary_list" DROP CONSTRAINT "FK_17db50e313992540c5593fd7ab5"`);
    await q.query(`ALTER TABLE "beneficiary_list" DROP CONSTRAINT "FK_1e0c890316385e37215e68d3df2"`);
    await q.query(`ALTER TABLE "beneficiary_list" DROP CONSTRAINT "FK_c6eb955338376989907b50feb6a"`);
    await q.query(`DROP INDEX "IDX_08b8a3cfc01a9d16b12b51e815"`);
    await q.query(`DROP INDEX "IDX_ac197e9a077e2225179d27a662"`);
    await q.query(`DROP TABLE "beneficiary_list_entry"`);
    await q.query(`DROP INDEX "IDX_cfb76a42b91bd299b3a0b6ba97"`);
    await q.query(`DROP INDEX "IDX_39885e3a834ea0517d96add36b"`);
    await q.query(`DROP TABLE "beneficiary_list"`);
  }
}
