// Schema migrations, applied in order, each whole (one script: function bodies and dollar quotes
// included, never split on ';') in its own transaction, recorded in schema_migrations.
// Append only: never edit a migration that has shipped; a new one is the next {version, sql} below.
import type { MigrationTarget, Queryable } from './queryable';
import { nameKeyMigration } from './name-key-migration';
import { rollCompatMigration } from './roll-compat-migration';

/** A migration is SQL, or code for what SQL cannot say (e.g. the name rule shared with the desktop). */
export type Migration =
  | { version: number; sql: string }
  | { version: number; run: (tx: Queryable, notice: (line: string) => void) => Promise<void> };

export const MIGRATIONS: Migration[] = [
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
  // The one name rule (shared/platform-name.ts): a unique index on the normalised, case-folded name
  // instead of the raw one; existing clashes renamed with a suffix and logged. Also the seller change
  // on AKTUALISIEREN (a new token held aside until the desktop decides) and the store names.
  { version: 2, run: nameKeyMigration },
  {
    // Sign-ins that start on Amazon's side (Seller Central's Re-Authorize, the Appstore's Authorize now)
    // arrive at the Login URI: the desktop follows them through a per-tenant feed ordered by seq.
    version: 3,
    sql: `
      ALTER TABLE authorizations ADD COLUMN origin text NOT NULL DEFAULT 'desktop';
      ALTER TABLE authorizations ADD COLUMN seq bigserial;
      -- Identified by selling_partner_id at the Login URI: Amazon must return that very seller.
      ALTER TABLE authorizations ADD COLUMN expected_selling_partner_id text;
      CREATE INDEX authorizations_amazon_feed ON authorizations (tenant_id, seq) WHERE origin = 'amazon';
      CREATE INDEX platforms_selling_partner ON platforms (selling_partner_id) WHERE deleted_at IS NULL;
      -- Short codes the desktop shows, typed by the seller at the Login URI, kept as hashes only.
      CREATE TABLE pairing_codes (
        code_hash text PRIMARY KEY,
        tenant_id text NOT NULL REFERENCES tenants(id),
        platform_id text NOT NULL REFERENCES platforms(id),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX pairing_codes_platform ON pairing_codes (platform_id);
    `,
  },
  {
    version: 4,
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
  {
    // Tenant admin (cloud/admin): disabled tenants and the operators' action log.
    version: 5,
    sql: `
      -- A disabled tenant gets no new bearer token and its issued ones stop working (nothing is deleted).
      ALTER TABLE tenants ADD COLUMN disabled_at timestamptz;
      -- What operators did (tenant created, secret rotated, disabled, enabled): never a secret.
      CREATE TABLE admin_actions (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        action text NOT NULL,
        tenant_id text NOT NULL,
        via text NOT NULL
      );
    `,
  },
  // The previous release keeps working against this schema during a rolling upgrade; migration 2's
  // renames in admin_actions; the operator and details there; tenant names unique, tenants deletable.
  { version: 6, run: rollCompatMigration },
  {
    // Retention (ops/retention.ts) deletes old rows by these columns.
    version: 7,
    sql: `
      CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
      CREATE INDEX platforms_deleted ON platforms (deleted_at) WHERE deleted_at IS NOT NULL;
      CREATE INDEX authorizations_created ON authorizations (created_at);
    `,
  },
  {
    // The code exchange's progress (cloud/authorizations/exchange-recovery.ts): a cloud killed between
    // using the state and storing the tokens leaves enough behind for any instance to finish or fail it.
    version: 8,
    sql: `
      -- Sealed spapi_oauth_code and the seller it came with, kept while the exchange runs (a code lives 5 minutes).
      ALTER TABLE authorizations ADD COLUMN exchange_code_enc text;
      ALTER TABLE authorizations ADD COLUMN exchange_selling_partner_id text;
      -- The instance running the exchange renews this while it works; once past, the exchange is orphaned.
      ALTER TABLE authorizations ADD COLUMN exchange_lease_until timestamptz;
      -- Amazon's sealed refresh token, written the moment LWA answered, before anything else is done with it.
      ALTER TABLE authorizations ADD COLUMN exchanged_refresh_token_enc text;
      CREATE INDEX authorizations_exchanging ON authorizations (exchange_lease_until) WHERE status = 'pending' AND state_used_at IS NOT NULL;
      -- Counts rotations of a tenant's Client-Secret: a bearer token issued under an earlier one is refused.
      ALTER TABLE tenants ADD COLUMN secret_generation integer NOT NULL DEFAULT 0;
    `,
  },
  {
    // Migration 2's renames reach the merchant: the platform list carries each one (renamedByUpgrade)
    // until a desktop of the tenant acknowledges it. Expand only: earlier releases never read this table.
    version: 9,
    sql: `
      ALTER TABLE platform_renames ADD COLUMN acknowledged_at timestamptz;
      CREATE INDEX platform_renames_unacknowledged ON platform_renames (tenant_id, platform_id) WHERE acknowledged_at IS NULL;
    `,
  },
  {
    // The redirect's selling_partner_id is the browser's to edit: a seller id counts only once SP-API named
    // the token's seller (cloud/amazon/seller-identity.ts). Rows from before count as unproven, so a sign-in
    // started at Amazon is no longer routed to them by seller id (the pairing code decides) until their
    // next sign-in proves it. Expand only: earlier releases never read these columns.
    version: 10,
    sql: `
      ALTER TABLE platforms ADD COLUMN seller_id_proven boolean NOT NULL DEFAULT false;
      -- A refresh's other seller, held until the desktop decides: whether its id was proven.
      ALTER TABLE authorizations ADD COLUMN seller_id_proven boolean NOT NULL DEFAULT false;
    `,
  },
];

/** Versions must rise strictly: a merge that gave two migrations the same number fails at start. */
function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (!Number.isInteger(m.version) || m.version < 1)
      throw new Error(`migration version ${m.version} is not a positive integer`);
    const before = migrations[i - 1];
    if (before && m.version <= before.version)
      throw new Error(`migration ${m.version} follows ${before.version}: versions must rise`);
  });
}

/** Every version this build applies, ascending (tests and /readyz compare the database with it). */
export const migrationVersions = (): number[] => MIGRATIONS.map((m) => m.version);

/** The versions recorded in schema_migrations (the table exists once migrate() has run). */
export async function appliedMigrationVersions(db: Queryable): Promise<number[]> {
  const { rows } = await db.query<{ version: number }>('SELECT version FROM schema_migrations');
  return rows.map((r) => Number(r.version));
}

/** Whether the cloud's schema is there (an instance has started on this database once). */
export async function hasSchema(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ t: string | null }>(`SELECT to_regclass('schema_migrations')::text AS t`);
  return rows[0]?.t != null;
}

/** An admin command pointed at a database no cloud serves: it creates none. */
export class SchemaMissingError extends Error {
  constructor(where: string) {
    super(
      `${where} has no cloud schema: no cloud instance has run on it, so nothing would serve what this command creates. Point the command at the deployment (see npm run cloud -- --help); admin commands never create a database.`,
    );
  }
}

interface MigrateOptions {
  /** Receives one line per noteworthy change a migration made (e.g. a platform renamed). */
  notice?: (line: string) => void;
  /** Tests stop at a version to put old data in place before the next migration. */
  upTo?: number;
  /** Tests run their own list; the default is MIGRATIONS. */
  migrations?: readonly Migration[];
}

/** Applies the migrations not yet recorded; a failing one rolls back whole and stops the start. */
export async function migrate(db: MigrationTarget, opts: MigrateOptions = {}): Promise<number[]> {
  const migrations = opts.migrations ?? MIGRATIONS;
  const notice = opts.notice ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const upTo = opts.upTo ?? Number.POSITIVE_INFINITY;
  checkOrder(migrations);
  await db.query(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const done = new Set(await appliedMigrationVersions(db));
  const applied: number[] = [];
  for (const m of migrations) {
    if (done.has(m.version) || m.version > upTo) continue;
    await db.scriptTransaction(async (tx) => {
      if ('run' in m) await m.run(tx, notice);
      else await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [m.version]);
    });
    applied.push(m.version);
  }
  return applied;
}
