// The first release (commit f96b358) as far as the upgrade test needs it, checked in so the test does
// not depend on git history: its schema (its only migration, verbatim from cloud/db/migrations.ts at
// that commit, recorded as version 1 in schema_migrations) and the statements its code sends, verbatim
// from cloud/platforms.ts and cloud/authorizations/store.ts at that commit. A running instance of that
// release keeps sending exactly these while a new instance has migrated the database (rolling upgrade).

export const RELEASE_1_SCHEMA = `
  CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
  CREATE TABLE tenants (
    id text PRIMARY KEY,
    name text NOT NULL,
    client_id text NOT NULL UNIQUE,
    client_secret_hash text NOT NULL,
    created_at timestamptz NOT NULL
  );
  CREATE TABLE platforms (
    id text PRIMARY KEY,
    tenant_id text NOT NULL REFERENCES tenants(id),
    type text NOT NULL,
    name text NOT NULL,
    region text NOT NULL,
    country_code text NOT NULL,
    selling_partner_id text,
    refresh_token_enc text,
    authorized_at timestamptz,
    renewal_due_at timestamptz,
    marketplaces jsonb,
    created_at timestamptz NOT NULL,
    deleted_at timestamptz
  );
  CREATE UNIQUE INDEX platforms_tenant_name ON platforms (tenant_id, name) WHERE deleted_at IS NULL;
  CREATE TABLE idempotency_keys (
    tenant_id text NOT NULL REFERENCES tenants(id),
    key text NOT NULL,
    request_hash text NOT NULL,
    platform_id text NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, key)
  );
  CREATE TABLE authorizations (
    id text PRIMARY KEY,
    tenant_id text NOT NULL REFERENCES tenants(id),
    platform_id text NOT NULL REFERENCES platforms(id),
    mode text NOT NULL,
    status text NOT NULL,
    expires_at timestamptz NOT NULL,
    state_used_at timestamptz,
    code_hash text,
    error_code text,
    error_message text,
    selling_partner_id text,
    selling_partner_id_changed boolean,
    completed_at timestamptz,
    created_at timestamptz NOT NULL
  );
  CREATE INDEX authorizations_platform ON authorizations (platform_id, status);
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
