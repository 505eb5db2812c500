import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Figures1796015755301 implements MigrationInterface {
  name = 'Figures1796015755301';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "rendition" ("id" SERIAL NOT NULL, "agency_id" integer NOT NULL, "document_id" integer NOT NULL, "format" character varying(8) NOT NULL, "sha256" character varying(64) NOT NULL, "size" integer NOT NULL, "figures_digest" character varying(64) NOT NULL, "figures" text NOT NULL, "created_at" character varying(32) NOT NULL, CONSTRAINT "PK_eabe29fb03748843bb12dbc6bf5" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_461d7c6884791315f3145e7c19" ON "rendition"  ("agency_id", "document_id", "created_at") `);
    await q.query(`ALTER TABLE "village" ADD "total_households" integer`);
    await q.query(`ALTER TABLE "household" ADD "attributes" text`);
    await q.query(`ALTER TABLE "member" ADD "attributes" text`);
    await q.query(`ALTER TABLE "rendition" ADD CONSTRAINT "FK_d8891545b7db1d955f187f3f039" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "rendition" ADD CONSTRAINT "FK_5b1faefac6d001b760ba3c5ee6e" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "rendition" DROP CONSTRAINT "FK_5b1faefac6d001b760ba3c5ee6e"`);
    await q.query(`ALTER TABLE "rendition" DROP CONSTRAINT "FK_d8891545b7db1d955f187f3f039"`);
    await q.query(`ALTER TABLE "member" DROP COLUMN "attributes"`);
    await q.query(`ALTER TABLE "household" DROP COLUMN "attributes"`);
    await q.query(`ALTER TABLE "village" DROP COLUMN "total_households"`);
    await q.query(`DROP INDEX "IDX_461d7c6884791315f3145e7c19"`);
    await q.query(`DROP TABLE "rendition"`);
  }
}
