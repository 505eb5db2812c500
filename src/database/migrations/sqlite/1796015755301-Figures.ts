import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Figures1796015755301 implements MigrationInterface {
  name = 'Figures1796015755301';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "rendition" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "agency_id" integer NOT NULL, "document_id" integer NOT NULL, "format" varchar(8) NOT NULL, "sha256" varchar(64) NOT NULL, "size" integer NOT NULL, "figures_digest" varchar(64) NOT NULL, "figures" text NOT NULL, "created_at" varchar(32) NOT NULL)`);
    await q.query(`CREATE INDEX "IDX_461d7c6884791315f3145e7c19" ON "rendition" ("agency_id", "document_id", "created_at") `);
    await q.query(`DROP INDEX "IDX_8f86efcab528e353c9e29a9860"`);
    await q.query(`CREATE TABLE "temporary_village" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "agency_id" integer NOT NULL, "code" varchar(64) NOT NULL, "name" varchar(255) NOT NULL, "kind" varchar(32) NOT NULL, "total_households" integer, CONSTRAINT "FK_39dd9a65e3c5d89e8c3d2305d65" FOREIGN KEY ("agency_id") REFERENCES "agency" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await q.query(`INSERT INTO "temporary_village"("id", "agency_id", "code", "name", "kind") SELECT "id", "agency_id", "code", "name", "kind" FROM "village"`);
    await q.query(`DROP TABLE "village"`);
    await q.query(`ALTER TABLE "temporary_village" RENAME TO "village"`);
    await q.query(`CREATE UNIQUE INDEX "IDX_8f86efcab528e353c9e29a9860" ON "village" ("agency_id", "code") `);
    await q.query(`DROP INDEX "IDX_c1964ddca30ac4599519415520"`);
    await q.query(`CREATE TABLE "temporary_household" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "agency_id" integer NOT NULL, "code" varchar(64) NOT NULL, "village_id" integer NOT NULL, "head" varchar(255) NOT NULL, "categories" text NOT NULL, "attributes" text, CONSTRAINT "FK_46e492b287ade73e50de0ffa142" FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_9ebae078d60ea36ce8fb77ef461" FOREIGN KEY ("agency_id") REFERENCES "agency" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await q.query(`INSERT INTO "temporary_household"("id", "agency_id", "code", "village_id", "head", "categories") SELECT "id", "agency_id", "code", "village_id", "head", "categories" FROM "household"`);
    await q.query(`DROP TABLE "household"`);
    await q.query(`ALTER TABLE "temporary_household" RENAME TO "household"`);
    await q.query(`CREATE UNIQUE INDEX "IDX_c1964ddca30ac4599519415520" ON "household" ("agency_id", "code") `);
    await q.query(`DROP INDEX "IDX_23ceff300354db13de2f46425c"`);
    await q.query(`DROP INDEX "IDX_cee80d91871ec7d6ea281591be"`);
    await q.query(`CREATE TABLE "temporary_member" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "agency_id" integer NOT NULL, "household_id" integer NOT NULL, "code" varchar(64) NOT NULL, "name" varchar(255) NOT NULL, "birth_date" varchar(10), "birth_year" integer, "gender" varchar(8), "id_number" varchar(12), "relation" varchar(64), "attributes" text, CONSTRAINT "FK_cee80d91871ec7d6ea281591be2" FOREIGN KEY ("household_id") REFERENCES "household" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_9b8b28ff4344089aec72688ff2d" FOREIGN KEY ("agency_id") REFERENCES "agency" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await q.query(`INSERT INTO "temporary_member"("id", "agency_id", "household_id", "code", "name", "birth_date", "birth_year", "gender", "id_number", "relation") SELECT "id", "agency_id", "household_id", "code", "name", "birth_date", "birth_year", "gender", "id_number", "relation" FROM "member"`);
    await q.query(`DROP TABLE "member"`);
    await q.query(`ALTER TABLE "temporary_member" RENAME TO "member"`);
    await q.query(`CREATE UNIQUE INDEX "IDX_23ceff300354db13de2f46425c" ON "member" ("agency_id", "code") `);
    await q.query(`CREATE INDEX "IDX_cee80d91871ec7d6ea281591be" ON "member" ("household_id") `);
    await q.query(`DROP INDEX "IDX_461d7c6884791315f3145e7c19"`);
    await q.query(`CREATE TABLE "temporary_rendition" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "agency_id" integer NOT NULL, "document_id" integer NOT NULL, "format" varchar(8) NOT NULL, "sha256" varchar(64) NOT NULL, "size" integer NOT NULL, "figures_digest" varchar(64) NOT NULL, "figures" text NOT NULL, "created_at" varchar(32) NOT NULL, CONSTRAINT "FK_d8891545b7db1d955f187f3f039" FOREIGN KEY ("agency_id") REFERENCES "agency" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_5b1faefac6d001b760ba3c5ee6e" FOREIGN KEY ("document_id") REFERENCES "document" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await q.query(`INSERT INTO "temporary_rendition"("id", "agency_id", "document_id", "format", "sha256", "size", "figures_digest", "figures", "created_at") SELECT "id", "agency_id", "document_id", "format", "sha256", "size", "figures_digest", "figures", "created_at" FROM "rendition"`);
    await q.query(`DROP TABLE "rendition"`);
    await q.query(`ALTER TABLE "temporary_rendition" RENAME TO "rendition"`);
    await q.query(`CREATE INDEX "IDX_461d7c6884791315f3145e7c19" ON "rendition" ("agency_id", "document_id", "created_at") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_461d7c6884791315f3145e7c19"`);
    await q.query(`ALTER TABLE "rendition" RENAME TO "temporary_rendition"`);
    await q.query(`CREATE TABLE "rendition" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "agency_id" integer NOT NULL, "document_id" integer NOT NULL, "format" varchar(8) NOT NULL, "sha256" varchar(64) NOT NULL, "size" integer NOT NULL, "figures_digest" varchar(64) NOT NULL, "figures" text NOT NULL, "created_at" varchar(32) NOT NULL)`);
    await q.query(`INSERT INTO "rendition"("id", "agency_id", "document_id", "format", "sha256", "size", "figures_digest", "figures", "created_at") SELECT "id", "agency_id", "document_id", "format", "sha256", "size", "figures_digest", "figures", "created_at" FROM "temporary_rendition"`);
    await q.query(`DROP TABLE "temporary_rendition"`);
    await q.query(`CREATE INDEX "IDX_461d7c6884791315f3145e7c19" ON "rendition" ("agency_id", "document_id", "created_at") `);
    await q.query(`DROP INDEX "IDX_cee80d91871ec7d6ea281591be"`);
    await q.query(`DROP INDEX "IDX_23ceff300354db13de2f46425c"`);
    await q.query(`ALTER TABLE "member" RENAME TO "temporary_member"`);
    await q.query(`CREATE TABLE "member" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "agency_id" integer NOT NULL, "household_id" integer NOT NULL, "code" varchar(64) NOT NULL, "name" varchar(255) NOT NULL, "birth_date" varchar(10), "birth_year" integer, "gender" varchar(8), "id_number" varchar(12), "relation" varchar(64), CONSTRAINT "FK_cee80d91871ec7d6ea281591be2" FOREIGN KEY ("household_id") REFERENCES "household" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_9b8b28ff4344089aec72688ff2d" FOREIGN KEY ("agency_id") REFERENCES "agency" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await q.query(`INSERT INTO "member"("id", "agency_id", "household_id", "code", "name", "birth_date", "birth_year", "gender", "id_number", "relation") SELECT "id", "agency_id", "household_id", "code", "name", "birth_date", "birth_year", "gender", "id_number", "relation" FROM "temporary_member"`);
    await q.query(`DROP TABLE "temporary_member"`);
    await q.query(`CREATE INDEX "IDX_cee80d91871ec7d6ea281591be" ON "member" ("household_id") `);
    await q.query(`CREATE UNIQUE INDEX "IDX_23ceff300354db13de2f46425c" ON "member" ("agency_id", "code") `);
    await q.query(`DROP INDEX "IDX_c1964ddca30ac4599519415520"`);
    await q.query(`ALTER TABLE "household" RENAME TO "temporary_household"`);
    await q.query(`CREATE TABLE "household" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "agency_id" integer NOT NULL, "code" varchar(64) NOT NULL, "village_id" integer NOT NULL, "head" varchar(255) NOT NULL, "categories" text NOT NULL, CONSTRAINT "FK_46e492b287ade73e50de0ffa142" FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_9ebae078d60ea36ce8fb77ef461" FOREIGN KEY ("agency_id") REFERENCES "agency" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await q.query(`INSERT INTO "household"("id", "agency_id", "code", "village_id", "head", "categories") SELECT "id", "agency_id", "code", "village_id", "head", "categories" FROM "temporary_household"`);
    await q.query(`DROP TABLE "temporary_household"`);
    await q.query(`CREATE UNIQUE INDEX "IDX_c1964ddca30ac4599519415520" ON "household" ("agency_id", "code") `);
    await q.query(`DROP INDEX "IDX_8f86efcab528e353c9e29a9860"`);
    await q.query(`ALTER TABLE "village" RENAME TO "temporary_village"`);
    await q.query(`CREATE TABLE "village" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "agency_id" integer NOT NULL, "code" varchar(64) NOT NULL, "name" varchar(255) NOT NULL, "kind" varchar(32) NOT NULL, CONSTRAINT "FK_39dd9a65e3c5d89e8c3d2305d65" FOREIGN KEY ("agency_id") REFERENCES "agency" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await q.query(`INSERT INTO "village"("id", "agency_id", "code", "name", "kind") SELECT "id", "agency_id", "code", "name", "kind" FROM "temporary_village"`);
    await q.query(`DROP TABLE "temporary_village"`);
    await q.query(`CREATE UNIQUE INDEX "IDX_8f86efcab528e353c9e29a9860" ON "village" ("agency_id", "code") `);
    await q.query(`DROP INDEX "IDX_461d7c6884791315f3145e7c19"`);
    await q.query(`DROP TABLE "rendition"`);
  }
}
