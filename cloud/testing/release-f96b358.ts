// The first release (commit f96b358) as far as the upgrade test needs it, checked in so the test does
// not depend on git history: its schema and the statements its code sends, verbatim from
// cloud/platforms.ts and cloud/authorizations/store.ts at that commit. A running instance of that
// release keeps sending exactly these while a new instance has migrated the database (rolling upgrade).
import { createHash } from 'node:crypto';
import { MIGRATIONS } from '../db/migrations';

/**
 * SHA-256 of that release's only migration, version 1. Migrations that have shipped are never edited
 * (cloud/db/migrations.ts), so release 1's schema is this build's migration 1; the hash keeps it so.
 */
const RELEASE_1_MIGRATION_SHA256 = '385b632470358342f387f9b3a54d84978b54cbd52f3a7792094e8770e4a2b223';

function shippedMigration1(): string {
  const first = MIGRATIONS[0];
  if (first?.version !== 1 || !('sql' in first)) throw new Error('migration 1 is no longer SQL');
  const sha = createHash('sha256').update(first.sql).digest('hex');
  if (sha !== RELEASE_1_MIGRATION_SHA256) throw new Error(`migration 1 changed after it shipped (SHA-256 ${sha})`);
  return first.sql;
}

/** Release 1's database: its migration runner's table, migration 1, recorded as version 1. */
export const RELEASE_1_SCHEMA = `
  CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
  ${shippedMigration1()};
  INSERT INTO schema_migrations (version) VALUES (1);
`;

/** The first release's statements ($n parameters as it binds them). */
export const RELEASE_1_SQL = {
  /** insertPlatform: POST /v1/platforms. */
  insertPlatform: `INSERT INTO platforms (id, tenant_id, type, name, region, country_code, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
  /** assertNameFree: its own uniqueness check, by the raw name. */
  nameTaken: 'SELECT 1 FROM platforms WHERE tenant_id = $1 AND name = $2 AND deleted_at IS NULL AND id <> $3',
  /** renamePlatform: PATCH /v1/platforms/:id. */
  renamePlatform: 'UPDATE platforms SET name = $3 WHERE id = $1 AND tenant_id = $2 RETURNING *',
  /** getPlatform. */
  getPlatform: 'SELECT * FROM platforms WHERE id = $1 AND tenant_id = $2 AND deleted_at IS NULL',
  /** startAuthorization. */
  insertAuthorization: `INSERT INTO authorizations (id, tenant_id, platform_id, mode, status, expires_at, created_at)
       VALUES ($1, $2, $3, $4, 'pending', $5, $6) RETURNING *`,
  /** deletePlatform. */
  deletePlatform: `UPDATE platforms SET deleted_at = $3, refresh_token_enc = NULL, marketplaces = NULL
       WHERE id = $1 AND tenant_id = $2`,
  /** Its migration runner's look at what is applied. */
  appliedVersions: 'SELECT version FROM schema_migrations',
};
