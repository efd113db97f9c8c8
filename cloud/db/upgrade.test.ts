// Upgrading from the first release (f96b358, schema version 1) to this build, on PGlite and on a real
// PostgreSQL server: a database made by that release, with its data, is migrated; the data stays, the
// renames the migrations made are reported in admin_actions, and — the rolling upgrade — the previous
// release's own statements keep working against the migrated schema (its POST /v1/platforms was a 500:
// name_key NOT NULL), while this build still sees the names it wrote as taken.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from './database';
import { openPostgres } from './postgres';
import { MIGRATIONS, type Migration } from './migrations';
import {
  acknowledgeRenameNotice,
  createPlatform,
  getPlatform,
  listPlatforms,
  platformsToApi,
  renamePlatform,
} from '../platforms/platform-service';
import { RELEASE_1_SCHEMA, RELEASE_1_SQL } from '../testing/release-f96b358';
import { findPostgresBin, postgresForDescribe } from '../testing/postgres-server';

const T0 = new Date('2026-11-28T10:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** What the first release had stored: two tenants of one name, names that clash under today's rule. */
const RELEASE_1_DATA: [string, unknown[]][] = [
  [
    'INSERT INTO tenants (id, name, client_id, client_secret_hash, created_at) VALUES ($1, $2, $3, $4, $5)',
    ['ten_a', 'Muster GmbH', 'cli_a', 'h'.repeat(64), at(0)],
  ],
  [
    'INSERT INTO tenants (id, name, client_id, client_secret_hash, created_at) VALUES ($1, $2, $3, $4, $5)',
    ['ten_b', 'muster gmbh', 'cli_b', 'h'.repeat(64), at(1)],
  ],
  [RELEASE_1_SQL.insertPlatform, ['plt_1', 'ten_a', 'amazon', 'Amazon DE', 'EU', 'DE', at(2)]],
  [RELEASE_1_SQL.insertPlatform, ['plt_2', 'ten_a', 'amazon', 'AMAZON DE', 'EU', 'DE', at(3)]],
  [RELEASE_1_SQL.insertPlatform, ['plt_3', 'ten_b', 'amazon', 'Amazon DE', 'EU', 'DE', at(4)]],
  [
    'INSERT INTO idempotency_keys (tenant_id, key, request_hash, platform_id, created_at) VALUES ($1, $2, $3, $4, $5)',
    ['ten_a', 'key-1', 'x'.repeat(64), 'plt_1', at(2)],
  ],
  [RELEASE_1_SQL.insertAuthorization, ['auth_1', 'ten_a', 'plt_1', 'login', at(40), at(10)]],
];

type Raw = {
  exec(sql: string): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<unknown>;
  close(): Promise<void>;
};

function upgradeTests(
  setup: () => {
    makeRelease1: (fill: (db: Raw) => Promise<void>) => Promise<string>;
    open: (where: string, migrations?: readonly Migration[]) => Promise<Database>;
  },
) {
  const release1 = () =>
    setup().makeRelease1(async (db) => {
      await db.exec(RELEASE_1_SCHEMA);
      for (const [sql, params] of RELEASE_1_DATA) await db.query(sql, params);
    });

  /** A test on a first-release database migrated to this build, closed afterwards. */
  const onMigrated = (name: string, fn: (db: Database) => Promise<void>) =>
    it(
      name,
      async () => {
        const db = await setup().open(await release1());
        try {
          await fn(db);
        } finally {
          await db.close();
        }
      },
      60_000,
    );

  onMigrated(
    'migrates a first-release database to this build: data kept, renames reported in admin_actions',
    async (db) => {
      const versions = (await db.query<{ version: number }>(RELEASE_1_SQL.appliedVersions)).rows
        .map((r) => Number(r.version))
        .sort((a, b) => a - b);
      expect(versions).toEqual(MIGRATIONS.map((m) => m.version));
      const platforms = (
        await db.query<{ id: string; name: string; name_key: string }>(
          'SELECT id, name, name_key FROM platforms ORDER BY id',
        )
      ).rows;
      expect(platforms).toEqual([
        { id: 'plt_1', name: 'Amazon DE', name_key: 'amazon de' },
        { id: 'plt_2', name: 'AMAZON DE (2)', name_key: 'amazon de (2)' },
        { id: 'plt_3', name: 'Amazon DE', name_key: 'amazon de' },
      ]);
      expect(
        (await db.query('SELECT 1 FROM authorizations WHERE id = $1 AND status = $2', ['auth_1', 'pending'])).rows,
      ).toHaveLength(1);
      expect((await db.query('SELECT 1 FROM idempotency_keys WHERE key = $1', ['key-1'])).rows).toHaveLength(1);
      const actions = (
        await db.query<{ action: string; tenant_id: string; via: string; detail: Record<string, string> }>(
          "SELECT action, tenant_id, via, detail FROM admin_actions WHERE via = 'migration' ORDER BY action",
        )
      ).rows;
      expect(actions).toEqual([
        {
          action: 'platform.rename',
          tenant_id: 'ten_a',
          via: 'migration',
          detail: {
            platformId: 'plt_2',
            oldName: 'AMAZON DE',
            newName: 'AMAZON DE (2)',
            reason: 'name clash under the shared name rule',
          },
        },
        {
          action: 'tenant.rename',
          tenant_id: 'ten_b',
          via: 'migration',
          detail: { oldName: 'muster gmbh', newName: 'muster gmbh (2)', reason: 'tenant names are unique' },
        },
      ]);
    },
  );

  onMigrated(
    "lists migration 2's rename on the platform until the merchant acknowledges it (migration 9)",
    async (db) => {
      const listed = async (tenantId: string) => platformsToApi(db, tenantId, await listPlatforms(db, tenantId));
      const [p1, p2] = await listed('ten_a');
      expect(p1!.renamedByUpgrade).toBeUndefined();
      expect(p2!.renamedByUpgrade).toMatchObject({
        oldName: 'AMAZON DE',
        newName: 'AMAZON DE (2)',
        reason: 'name_clash',
      });
      expect(Number.isNaN(Date.parse(p2!.renamedByUpgrade!.renamedAt))).toBe(false);
      expect((await listed('ten_b')).map((p) => p.renamedByUpgrade)).toEqual([undefined]);
      // Another tenant cannot acknowledge it; the tenant's own acknowledgement hides it for good.
      await expect(acknowledgeRenameNotice(db, 'ten_b', 'plt_2', at(70))).rejects.toMatchObject({
        code: 'PLATFORM_NOT_FOUND',
      });
      expect((await listed('ten_a'))[1]!.renamedByUpgrade).toBeDefined();
      await acknowledgeRenameNotice(db, 'ten_a', 'plt_2', at(70));
      await acknowledgeRenameNotice(db, 'ten_a', 'plt_2', at(71));
      expect((await listed('ten_a')).map((p) => p.renamedByUpgrade)).toEqual([undefined, undefined]);
      expect(
        (await platformsToApi(db, 'ten_a', [await getPlatform(db, 'ten_a', 'plt_2')]))[0]!.renamedByUpgrade,
      ).toBeUndefined();
    },
  );

  onMigrated(
    'the first release keeps working against the migrated database (rolling upgrade), and this build sees its names',
    async (db) => {
      // The old instance's POST /v1/platforms, PATCH, sign-in start and DELETE.
      expect((await db.query<{ name: string }>(RELEASE_1_SQL.nameTaken, ['ten_a', 'Amazon FR', ''])).rows).toEqual([]);
      await db.query(RELEASE_1_SQL.insertPlatform, ['plt_old', 'ten_a', 'amazon', 'Amazon FR', 'EU', 'FR', at(60)]);
      expect((await db.query(RELEASE_1_SQL.getPlatform, ['plt_old', 'ten_a'])).rows).toHaveLength(1);
      await db.query(RELEASE_1_SQL.insertAuthorization, ['auth_old', 'ten_a', 'plt_old', 'login', at(90), at(61)]);
      // A clash only the new rule sees is refused by the index (the old release answers 409 for 23505).
      await expect(
        db.query(RELEASE_1_SQL.insertPlatform, ['plt_clash', 'ten_a', 'amazon', 'amazon fr', 'EU', 'FR', at(62)]),
      ).rejects.toMatchObject({ code: '23505' });
      await db.query(RELEASE_1_SQL.renamePlatform, ['plt_old', 'ten_a', 'Amazon IT']);
      expect((await db.query('SELECT name_key FROM platforms WHERE id = $1', ['plt_old'])).rows).toEqual([
        { name_key: 'amazon it' },
      ]);

      // This build: the old release's name is taken, its former name free again; its own writes are exact.
      await expect(
        createPlatform(
          db,
          'ten_a',
          { type: 'amazon', name: 'AMAZON IT', region: 'EU', countryCode: 'IT' },
          undefined,
          at(63),
        ),
      ).rejects.toMatchObject({ code: 'PLATFORM_NAME_TAKEN' });
      const fr = await createPlatform(
        db,
        'ten_a',
        { type: 'amazon', name: 'Amazon FR', region: 'EU', countryCode: 'FR' },
        undefined,
        at(64),
      );
      const renamed = await renamePlatform(db, 'ten_a', fr.row.id, 'Straße');
      expect(renamed.name_key).toBe('strasse');
      await db.query(RELEASE_1_SQL.deletePlatform, ['plt_old', 'ten_a', at(65)]);
    },
  );

  it('without migration 6 the first release could not create a platform (the defect of the report)', async () => {
    const db = await setup().open(
      await release1(),
      MIGRATIONS.filter((m) => m.version <= 5),
    );
    try {
      await expect(
        db.query(RELEASE_1_SQL.insertPlatform, ['plt_old', 'ten_a', 'amazon', 'Amazon FR', 'EU', 'FR', at(60)]),
      ).rejects.toThrow(/name_key/);
    } finally {
      await db.close();
    }
  }, 60_000);
}

describe('upgrade from the first release on PGlite', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  upgradeTests(() => ({
    makeRelease1: async (fill) => {
      const dir = mkdtempSync(join(tmpdir(), 'acc-upgrade-'));
      dirs.push(dir);
      const { PGlite } = await import('@electric-sql/pglite');
      const raw = await PGlite.create(dir);
      await fill({
        exec: async (sql) => void (await raw.exec(sql)),
        query: (sql, params) => raw.query(sql, params),
        close: () => raw.close(),
      });
      await raw.close();
      return dir;
    },
    open: (dir, migrations) => openDatabase(dir, migrations ? { migrations } : {}),
  }));
});

const bin = findPostgresBin();
describe.skipIf('missing' in bin)('upgrade from the first release on PostgreSQL', () => {
  const postgres = postgresForDescribe((bin as { bin: string }).bin, 'upgrade');
  upgradeTests(() => ({
    makeRelease1: async (fill) => {
      const url = await postgres.freshDatabase();
      const raw = new pg.Client({ connectionString: url });
      await raw.connect();
      try {
        await fill({
          exec: async (sql) => void (await raw.query(sql)),
          query: (sql, params) => raw.query(sql, params),
          close: () => raw.end(),
        });
      } finally {
        await raw.end();
      }
      return url;
    },
    open: (url, migrations) => openPostgres(url, migrations ? { migrations } : {}),
  }));
});
