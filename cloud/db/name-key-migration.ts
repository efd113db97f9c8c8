// Migration 2. Platform names were unique per tenant by their raw text; the rule is now the shared one
// (shared/platform-name.ts): NFC, trimmed, case-folded without a locale. The key is computed here, in
// JavaScript, by the same function the routes use, and kept in `name_key` under a unique index, so
// PGlite and PostgreSQL (whatever their collation) agree with the desktop.
// Existing live platforms whose keys clash keep their order of creation: the oldest keeps its name,
// each later one gets the first free suffix " (2)", " (3)", … — deterministic for the same data — and
// every rename is written to `platform_renames` and reported through `notice`.
import { normalizePlatformName, platformNameKey, suggestFreeName } from '../../shared/platform-name';
import type { Queryable } from './queryable';

interface Row {
  id: string;
  tenant_id: string;
  name: string;
  deleted_at: Date | null;
}

export async function nameKeyMigration(tx: Queryable, notice: (line: string) => void): Promise<void> {
  const statements = [
    'ALTER TABLE platforms ADD COLUMN name_key text',
    'ALTER TABLE platforms ADD COLUMN store_name text',
    'ALTER TABLE authorizations ADD COLUMN store_name text',
    'ALTER TABLE authorizations ADD COLUMN previous_selling_partner_id text',
    'ALTER TABLE authorizations ADD COLUMN previous_store_name text',
    // The refresh token of another seller, AES-GCM sealed like platforms.refresh_token_enc, until the
    // desktop answers "keep" (dropped) or "switch" (moved to the platform).
    'ALTER TABLE authorizations ADD COLUMN held_refresh_token_enc text',
    'ALTER TABLE authorizations ADD COLUMN seller_decision text',
    'ALTER TABLE authorizations ADD COLUMN seller_decided_at timestamptz',
    `CREATE TABLE platform_renames (
       platform_id text NOT NULL REFERENCES platforms(id),
       tenant_id text NOT NULL,
       old_name text NOT NULL,
       new_name text NOT NULL,
       reason text NOT NULL,
       renamed_at timestamptz NOT NULL DEFAULT now()
     )`,
  ];
  for (const sql of statements) await tx.query(sql);
  // The old index is on the raw name: normalising one row could collide with another's raw name.
  await tx.query('DROP INDEX platforms_tenant_name');

  const { rows } = await tx.query<Row>(
    'SELECT id, tenant_id, name, deleted_at FROM platforms ORDER BY tenant_id, created_at, id',
  );
  const usedByTenant = new Map<string, string[]>();
  for (const row of rows) {
    let name = normalizePlatformName(row.name);
    if (!row.deleted_at) {
      const used = usedByTenant.get(row.tenant_id) ?? [];
      usedByTenant.set(row.tenant_id, used);
      const clash = used.some((n) => platformNameKey(n) === platformNameKey(name));
      if (clash) name = suggestFreeName(name, used);
      used.push(name);
    }
    if (name !== row.name) {
      const reason =
        platformNameKey(name) === platformNameKey(row.name) ? 'normalised' : 'name clash under the shared name rule';
      await tx.query(
        'INSERT INTO platform_renames (platform_id, tenant_id, old_name, new_name, reason) VALUES ($1, $2, $3, $4, $5)',
        [row.id, row.tenant_id, row.name, name, reason],
      );
      notice(
        `migration 2: platform ${row.id} of tenant ${row.tenant_id} renamed from ${JSON.stringify(row.name)} to ${JSON.stringify(name)} (${reason})`,
      );
    }
    await tx.query('UPDATE platforms SET name = $2, name_key = $3 WHERE id = $1', [
      row.id,
      name,
      platformNameKey(name),
    ]);
  }

  await tx.query('ALTER TABLE platforms ALTER COLUMN name_key SET NOT NULL');
  await tx.query(
    'CREATE UNIQUE INDEX platforms_tenant_name_key ON platforms (tenant_id, name_key) WHERE deleted_at IS NULL',
  );
}
