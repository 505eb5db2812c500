import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Signing1796016641633 implements MigrationInterface {
  name = 'Signing1796016641633';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "document_signature" ("id" SERIAL NOT NULL, "agency_id" integer NOT NULL, "document_id" integer NOT NULL, "role" character varying(16) NOT NULL, "official_code" character varying(64), "signer_name" character varying(255) NOT NULL, "signer_dn" text NOT NULL, "issuer_dn" text NOT NULL, "certificate_serial" character varying(64) NOT NULL, "certificate_sha256" character varying(64) NOT NULL, "field_name" character varying(128) NOT NULL, "signed_at" character varying(32) NOT NULL, "source_sha256" character varying(64) NOT NULL, "file_sha256" character varying(64) NOT NULL, "file_size" integer NOT NULL, "layout" text, CONSTRAINT "PK_36de69dee9bd822839c659c60a5" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_daee3f36f22e7f4cd6719435f2" ON "document_signature"  ("agency_id", "file_sha256") `);
    await q.query(`CREATE UNIQUE INDEX "IDX_c7e1f2079349567c4e0d8532c3" ON "document_signature"  ("document_id", "role") `);
    await q.query(`ALTER TABLE "document_signature" ADD CONSTRAINT "FK_c8c57526f414e5b746d7fd6bc9e" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "document_signature" ADD CONSTRAINT "FK_b186efe55c66e2d9a8339e6da84" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // Hand-added (TypeORM does not track triggers, so the drift check ignores them): a recorded
    // signature is a fact, never changed or removed. A later migration that rebuilds this table
    // (SQLite's ALTER) must create the triggers again.
    await q.query(`CREATE FUNCTION "signature_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'signatures are append-only: % on % refused', TG_OP, TG_TABLE_NAME; END $$`);
    await q.query(`CREATE TRIGGER "document_signature_append_only" BEFORE UPDATE OR DELETE ON "document_signature" FOR EACH ROW EXECUTE FUNCTION "signature_append_only"()`);
    await q.query(`CREATE TRIGGER "document_signature_no_truncate" BEFORE TRUNCATE ON "document_signature" FOR EACH STATEMENT EXECUTE FUNCTION "signature_append_only"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "document_signature_no_truncate" ON "document_signature"`);
    await q.query(`DROP TRIGGER "document_signature_append_only" ON "document_signature"`);
    await q.query(`DROP FUNCTION "signature_append_only"()`);
    await q.query(`ALTER TABLE "document_signature" DROP CONSTRAINT "FK_b186efe55c66e2d9a8339e6da84"`);
    await q.query(`ALTER TABLE "document_signature" DROP CONSTRAINT "FK_c8c57526f414e5b746d7fd6bc9e"`);
    await q.query(`DROP INDEX "IDX_c7e1f2079349567c4e0d8532c3"`);
    await q.query(`DROP INDEX "IDX_daee3f36f22e7f4cd6719435f2"`);
    await q.query(`DROP TABLE "document_signature"`);
  }
}
