// Schema migrations, applied in order, each in its own transaction, recorded in schema_migrations.
// Append only: never edit a migration that has shipped.
import type { Database } from './database';

const MIGRATIONS: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
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
        -- Deleted platforms stay as tombstones (without tokens) so DELETE is idempotent per tenant.
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
        -- SHA-256 of the spapi_oauth_code that consumed the state: tells a reload of the same redirect
        -- (answered again, changing nothing) from a replay with another code.
        code_hash text,
        error_code text,
        error_message text,
        selling_partner_id text,
        selling_partner_id_changed boolean,
        completed_at timestamptz,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX authorizations_platform ON authorizations (platform_id, status);
    `,
  },
  {
    version: 2,
    sql: `
      -- Every call to LWA and SP-API with Amazon's request id, for Amazon's developer support.
      CREATE TABLE amazon_requests (
        id bigserial PRIMARY KEY,
        platform_id text NOT NULL REFERENCES platforms(id),
        authorization_id text REFERENCES authorizations(id),
        api text NOT NULL,
        operation text NOT NULL,
        http_status integer,
        request_id text,
        outcome text NOT NULL,
        at timestamptz NOT NULL
      );
      CREATE INDEX amazon_requests_platform ON amazon_requests (platform_id, id);
      CREATE INDEX amazon_requests_authorization ON amazon_requests (authorization_id) WHERE authorization_id IS NOT NULL;
    `,
  },
];

/** Every version this build applies, ascending (tests compare the database with it). */
export const migrationVersions = (): number[] => MIGRATIONS.map((m) => m.version);

export async function migrate(db: Database): Promise<void> {
  await db.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  const done = new Set((await db.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue;
    await db.transaction(async (tx) => {
      for (const statement of m.sql.split(';').map((s) => s.trim()).filter(Boolean)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [m.version]);
    });
  }
}
