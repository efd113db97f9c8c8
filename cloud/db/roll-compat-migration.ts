// Migration 6: the schema keeps the previous release working during a rolling upgrade (expand/contract,
// cloud/README.md "Upgrading"), and the operators' record learns what it lacked.
//
// - platforms.name_key (migration 2) was NOT NULL, and the first release (f96b358) inserts platforms
//   without it: once a new instance had migrated, the old one answered POST /v1/platforms with 500.
//   The column is nullable again and a trigger fills it for writers that do not know it (the old
//   release's INSERT, and its rename, which changes `name` only). The trigger's key is an SQL
//   approximation (NFC, trimmed, lower-cased by the database): exact for ASCII names, close for the
//   rest; this build always writes the exact key from shared/platform-name.ts itself. A later release
//   drops the trigger (contract) once no instance of a release before this one can run.
// - Migration 2's renames (platform_renames) become visible in admin_actions ("platform.rename", via
//   "migration", with old and new name), where operators look, so they can tell the merchants.
// - admin_actions names the operator and the details of an action; tenants can be deleted (kept as
//   tombstones: their platforms reference them) and their names are unique among the live ones —
//   existing duplicates are renamed with a suffix, oldest first, and recorded like migration 2's.
import type { Queryable } from './queryable';

const EXPAND = [
  'ALTER TABLE platforms ALTER COLUMN name_key DROP NOT NULL',
  `CREATE FUNCTION platforms_fill_name_key() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF NEW.name_key IS NULL THEN
       NEW.name_key := lower(btrim(normalize(NEW.name, NFC)));
     ELSIF TG_OP = 'UPDATE' AND NEW.name IS DISTINCT FROM OLD.name AND NEW.name_key IS NOT DISTINCT FROM OLD.name_key
       AND lower(btrim(normalize(NEW.name, NFC))) IS DISTINCT FROM lower(btrim(normalize(OLD.name, NFC))) THEN
       -- A rename by a writer that does not know name_key (the previous release).
       NEW.name_key := lower(btrim(normalize(NEW.name, NFC)));
     END IF;
     RETURN NEW;
   END;
   $$`,
  'CREATE TRIGGER platforms_fill_name_key BEFORE INSERT OR UPDATE ON platforms FOR EACH ROW EXECUTE FUNCTION platforms_fill_name_key()',
  'ALTER TABLE admin_actions ADD COLUMN operator text',
  'ALTER TABLE admin_actions ADD COLUMN detail jsonb',
  `INSERT INTO admin_actions (at, action, tenant_id, via, detail)
     SELECT renamed_at, 'platform.rename', tenant_id, 'migration',
            jsonb_build_object('platformId', platform_id, 'oldName', old_name, 'newName', new_name, 'reason', reason)
     FROM platform_renames ORDER BY renamed_at`,
  'ALTER TABLE tenants ADD COLUMN deleted_at timestamptz',
];

export async function rollCompatMigration(tx: Queryable, notice: (line: string) => void): Promise<void> {
  for (const sql of EXPAND) await tx.query(sql);
  // Keys computed by the database, with the very expression of the unique index below.
  const key = async (name: string) =>
    (await tx.query<{ key: string }>('SELECT lower(btrim($1)) AS key', [name])).rows[0]!.key;
  const { rows } = await tx.query<{ id: string; name: string; key: string }>(
    'SELECT id, name, lower(btrim(name)) AS key FROM tenants ORDER BY created_at, id',
  );
  const used = new Set<string>();
  for (const row of rows) {
    let name = row.name;
    let nameKey = row.key;
    for (let n = 2; used.has(nameKey); n++) {
      name = `${row.name} (${n})`;
      nameKey = await key(name);
    }
    used.add(nameKey);
    if (name === row.name) continue;
    await tx.query('UPDATE tenants SET name = $2 WHERE id = $1', [row.id, name]);
    await tx.query(
      `INSERT INTO admin_actions (at, action, tenant_id, via, detail) VALUES (now(), 'tenant.rename', $1, 'migration', $2)`,
      [row.id, JSON.stringify({ oldName: row.name, newName: name, reason: 'tenant names are unique' })],
    );
    notice(
      `migration 6: tenant ${row.id} renamed from ${JSON.stringify(row.name)} to ${JSON.stringify(name)} (tenant names are unique)`,
    );
  }
  await tx.query('CREATE UNIQUE INDEX tenants_name_unique ON tenants (lower(btrim(name))) WHERE deleted_at IS NULL');
}
