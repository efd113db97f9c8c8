// The cloud applies the shared name rule: names clash across case, white space and Unicode forms (the
// unique index is on the key, so even a race cannot slip through), and migration 2 resolves clashes that
// the old case-sensitive index let in, oldest first, with a logged suffix.
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTenantStack } from './testing/tenant-stack';
import { pgliteMigrationTarget, type Database } from './db/database';
import { migrate } from './db/migrations';

const env = useTenantStack('Namen GmbH');

describe('platform names in the cloud', () => {
  it.each([
    ['case', 'Amazon Straße', 'AMAZON STRASSE'],
    ['white space', 'Amazon Leer', '  Amazon Leer\u00a0 '],
    ['Unicode NFC vs NFD', 'Amazon Caf\u00e9', 'Amazon Cafe\u0301'],
  ])('%s: the second name is taken', async (_kind, first, second) => {
    expect((await env.client.createPlatform(first)).status).toBe(201);
    const clash = await env.client.createPlatform(second);
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('PLATFORM_NAME_TAKEN');
  });

  it('stores the normalised name, limits it to 80 and refuses a rename into a clash', async () => {
    const created = await env.client.createPlatform('  Amazon Cafe\u0301 2 ');
    expect(created.body.name).toBe('Amazon Caf\u00e9 2');
    expect((await env.client.createPlatform('x'.repeat(81))).status).toBe(400);
    expect((await env.client.createPlatform('x'.repeat(80))).status).toBe(201);
    const rename = await env.client.raw('PATCH', `/v1/platforms/${created.body.id}`, {
      body: { name: 'amazon straße' },
    });
    expect(rename.status).toBe(409);
    // Changing only the case of its own name is fine.
    expect(
      (await env.client.raw('PATCH', `/v1/platforms/${created.body.id}`, { body: { name: 'AMAZON CAFÉ 2' } })).body
        .name,
    ).toBe('AMAZON CAFÉ 2');
  });
});

describe('migration 2', () => {
  let pg: PGlite;
  let db: Database;
  beforeAll(async () => {
    pg = await PGlite.create();
    db = {
      query: (sql, params) => pg.query(sql, params as unknown[] | undefined),
      transaction: (fn) =>
        pg.transaction((tx) => fn({ query: (sql, params) => tx.query(sql, params as unknown[] | undefined) })),
      close: () => pg.close(),
    };
  });
  afterAll(async () => pg?.close());

  it('renames later clashing platforms with a suffix, oldest first, and logs each rename', async () => {
    await migrate(pgliteMigrationTarget(pg), { notice: () => undefined, upTo: 1 });
    await db.query(
      "INSERT INTO tenants (id, name, client_id, client_secret_hash, created_at) VALUES ('t1', 'T', 'c1', 'h', now()), ('t2', 'T2', 'c2', 'h', now())",
    );
    const rows: [string, string, string, string, string | null][] = [
      ['p1', 't1', 'Amazon DE', '2024-01-01', null],
      ['p2', 't1', 'AMAZON DE', '2024-01-02', null],
      ['p3', 't1', ' amazon de ', '2024-01-03', null],
      ['p4', 't1', 'amazon de', '2024-01-04', '2024-02-01'],
      ['p5', 't2', 'Amazon DE', '2024-01-05', null],
      ['p6', 't1', 'Cafe\u0301', '2024-01-06', null],
      ['p7', 't1', 'Caf\u00e9', '2024-01-07', null],
    ];
    for (const [id, tenant, name, created, deleted] of rows) {
      await db.query(
        "INSERT INTO platforms (id, tenant_id, type, name, region, country_code, created_at, deleted_at) VALUES ($1, $2, 'amazon', $3, 'EU', 'DE', $4, $5)",
        [id, tenant, name, created, deleted],
      );
    }
    const notices: string[] = [];
    await migrate(pgliteMigrationTarget(pg), { notice: (line) => notices.push(line) });
    const { rows: after } = await db.query<{ id: string; name: string }>('SELECT id, name FROM platforms ORDER BY id');
    expect(Object.fromEntries(after.map((r) => [r.id, r.name]))).toEqual({
      p1: 'Amazon DE',
      p2: 'AMAZON DE (2)',
      p3: 'amazon de (3)',
      p4: 'amazon de', // a tombstone keeps its name
      p5: 'Amazon DE', // another tenant
      p6: 'Caf\u00e9',
      p7: 'Caf\u00e9 (2)',
    });
    expect(notices.filter((l) => l.includes('name clash'))).toHaveLength(3);
    const { rows: log } = await db.query<{ platform_id: string }>(
      'SELECT platform_id FROM platform_renames ORDER BY platform_id',
    );
    expect(log.map((r) => r.platform_id)).toEqual(['p2', 'p3', 'p6', 'p7']);
    // From now on the index refuses a clash even when the application check is bypassed.
    await expect(
      db.query(
        "INSERT INTO platforms (id, tenant_id, type, name, name_key, region, country_code, created_at) VALUES ('p8', 't1', 'amazon', 'x', 'amazon de', 'EU', 'DE', now())",
      ),
    ).rejects.toThrow(/unique/);
  });
});
