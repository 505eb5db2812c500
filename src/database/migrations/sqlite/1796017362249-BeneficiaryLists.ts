import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BeneficiaryLists1796017362249 implements MigrationInterface {
  name = 'BeneficiaryLists1796017362249';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "beneficiary_list" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "agency_id" integer NOT NULL, "code" varchar(64) NOT NULL, "policy_id" integer NOT NULL, "period" varchar(9) NOT NULL, "from_month" varchar(7) NOT NULL, "to_month" varchar(7) NOT NULL, "status" varchar(16) NOT NULL, "decision_document_id" integer)`);
    await q.query(`CREATE INDEX "IDX_39885e3a834ea0517d96add36b" ON "beneficiary_list" ("agency_id", "policy_id") `);
    await q.query(`CREATE UNIQUE INDEX "IDX_cfb76a42b91bd299b3a0b6ba97" ON "beneficiary_list" ("agency_id", "code") `);
    await q.query(`CREATE TABLE "beneficiary_list_entry" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "agency_id" integer NOT NULL, "list_id" integer NOT NULL, "member_id" integer NOT NULL, "position" integer NOT NULL, "category" varchar(32) NOT NULL, "note" text, "attributes" text)`);
    await q.query(`CREATE INDEX "IDX_ac197e9a077e2225179d27a662" ON "beneficiary_list_entry" ("list_id", "position") `);
    await q.query(`CREATE UNIQUE INDEX "IDX_08b8a3cfc01a9d16b12b51e815" ON "beneficiary_list_entry" ("list_id", "member_id") `);
    await q.query(`DROP INDEX "IDX_39885e3a834ea0517d96add36b"`);
    await q.query(`DROP INDEX "IDX_cfb76a42b91bd299b3a0b6ba97"`);
    await q.query(`CREATE TABLE "temporary_beneficiary_list" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "agency_id" integer NOT NULL, "code" varchar(64) NOT NULL, "policy_id" integer NOT NULL, "period" varchar(9) NOT NULL, "from_month" varchar(7) NOT NULL, "to_month" varchar(7) NOT NULL, "status" varchar(16) NOT NULL, "decision_document_id" integer, CONSTRAINT "FK_c6eb955338376989907b50feb6a" FOREIGN KEY ("agency_id") REFERENCES "agency" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_1e0c890316385e37215e68d3df2" FOREIGN KEY ("policy_id") REFERENCES "policy" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_17db50e313992540c5593fd7ab5" FOREIGN KEY ("decision_document_id") REFERENCES "document" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`);
    await q.query(`INSERT INTO "temporary_beneficiary_list"("id", "agency_id", "code", "policy_id", "period", "from_month", "to_month", "status", "decision_document_id") SELECT "id", "agency_id", "code", "policy_id", "period", "from_month", "to_month", "status", "decision_document_id" FROM "beneficiary_list"`);
    await q.query(`DROP TABLE "beneficiary_list"`);
    await q.query(`ALTER TABLE "temporary_beneficiary_list" RENAME TO "beneficiary_list"`);
    await q.query(`CREATE INDEX "IDX_39885e3a834ea0517d96add36b" ON "beneficiary_list" ("agency_id", "policy_id") `);
    await q.query(`CREATE UNIQUE INDEX "IDX_cfb76a42b91bd299b3a0b6ba97" ON "beneficiary_list" ("agency_id", "code") `);
    await q.query(`DROP INDEX "IDX_ac197e9a077e2225179d27a662"`);
    await q.query(`DROP INDEX "IDX_08b8a3cfc01a9d16b12b51e815"`);
    await q.query(`CREATE TABLE "temporary_beneficiary_list_entry" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "agency_id" integer NOT NULL, "list_id" integer NOT NULL, "member_id" integer NOT NULL, "position" integer NOT NULL, "category" varchar(32) NOT NULL, "note" text, "attributes" text, CONSTRAINT "FK_834902aeeab62b61c663ce99e9c" FOREIGN KEY ("agency_id") REFERENCES "agency" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_186c5713ebb70babfe093856383" FOREIGN KEY ("list_id") REFERENCES "beneficiary_list" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_70690c061b8e853cab092ba77c5" FOREIGN KEY ("member_id") REFERENCES "member" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await q.query(`INSERT INTO "temporary_beneficiary_list_entry"("id", "agency_id", "list_id", "member_id", "position", "category", "note", "attributes") SELECT "id", "agency_id", "list_id", "member_id", "position", "category", "note", "attributes" FROM "beneficiary_list_entry"`);
    await q.query(`DROP TABLE "beneficiary_list_entry"`);
    await q.query(`ALTER TABLE "temporary_beneficiary_list_entry" RENAME TO "beneficiary_list_entry"`);
    await q.query(`CREATE INDEX "IDX_ac197e9a077e2225179d27a662" ON "beneficiary_list_entry" ("list_id", "position") `);
    await q.query(`CREATE UNIQUE INDEX "IDX_08b8a3cfc01a9d16b12b51e815" ON "beneficiary_list_entry" ("list_id", "member_id") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_08b8a3cfc01a9d16b12b51e815"`);
    await q.query(`DROP INDEX "IDX_ac197e9a077e2225179d27a662"`);
    await q.query(`ALTER TABLE "beneficiary_list_entry" RENAME TO "temporary_beneficiary_list_entry"`);
    await q.query(`CREATE TABLE "beneficiary_list_entry" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "agency_id" integer NOT NULL, "list_id" integer NOT NULL, "member_id" integer NOT NULL, "position" integer NOT NULL, "category" varchar(32) NOT NULL, "note" text, "attributes" text)`);
    await q.query(`INSERT INTO "beneficiary_list_entry"("id", "agency_id", "list_id", "member_id", "position", "category", "note", "attributes") SELECT "id", "agency_id", "list_id", "member_id", "position", "category", "note", "attributes" FROM "temporary_beneficiary_list_entry"`);
    await q.query(`DROP TABLE "temporary_beneficiary_list_entry"`);
    await q.query(`CREATE UNIQUE INDEX "IDX_08b8a3cfc01a9d16b12b51e815" ON "beneficiary_list_entry" ("list_id", "member_id") `);
    await q.query(`CREATE INDEX "IDX_ac197e9a077e2225179d27a662" ON "beneficiary_list_entry" ("list_id", "position") `);
    await q.query(`DROP INDEX "IDX_cfb76a42b91bd299b3a0b6ba97"`);
    await q.query(`DROP INDEX "IDX_39885e3a834ea0517d96add36b"`);
    await q.query(`ALTER TABLE "beneficiary_list" RENAME TO "temporary_beneficiary_list"`);
    await q.query(`CREATE TABLE "beneficiary_list" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "agency_id" integer NOT NULL, "code" varchar(64) NOT NULL, "policy_id" integer NOT NULL, "period" varchar(9) NOT NULL, "from_month" varchar(7) NOT NULL, "to_month" varchar(7) NOT NULL, "status" varchar(16) NOT NULL, "decision_document_id" integer)`);
    await q.query(`INSERT INTO "beneficiary_list"("id", "agency_id", "code", "policy_id", "period", "from_month", "to_month", "status", "decision_document_id") SELECT "id", "agency_id", "code", "policy_id", "period", "from_month", "to_month", "status", "decision_document_id" FROM "temporary_beneficiary_list"`);
    await q.query(`DROP TABLE "temporary_beneficiary_list"`);
    await q.query(`CREATE UNIQUE INDEX "IDX_cfb76a42b91bd299b3a0b6ba97" ON "beneficiary_list" ("agency_id", "code") `);
    await q.query(`CREATE INDEX "IDX_39885e3a834ea0517d96add36b" ON "beneficiary_list" ("agency_id", "policy_id") `);
    await q.query(`DROP INDEX "IDX_08b8a3cfc01a9d16b12b51e815"`);
    await q.query(`DROP INDEX "IDX_ac197e9a077e2225179d27a662"`);
    await q.query(`DROP TABLE "beneficiary_list_entry"`);
    await q.query(`DROP INDEX "IDX_cfb76a42b91bd299b3a0b6ba97"`);
    await q.query(`DROP INDEX "IDX_39885e3a834ea0517d96add36b"`);
    await q.query(`DROP TABLE "beneficiary_list"`);
  }
}
