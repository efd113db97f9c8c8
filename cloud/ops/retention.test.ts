// The retention job on a real (PGlite) database: old authorizations, old idempotency keys and platforms
// deleted long ago go, with what refers to them; everything younger, and live platforms, stay. The
// clock is a parameter: nothing waits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database';
import { runRetention } from './retention';

const DAY = 86_400_000;
const NOW = Date.parse('2027-03-01T12:00:00Z');
const ago = (days: number) => new Date(NOW - days * DAY);
const CONFIG = { retentionAuthorizationsDays: 90, retentionIdempotencyKeysDays: 7, retentionDeletedPlatformsDays: 30 };
let db: Database;

const ids = async (table: string) =>
  (await db.query<{ id: string }>(`SELECT id FROM ${table} ORDER BY id`)).rows.map((r) => r.id);

beforeAll(async () => {
  db = await openDatabase();
  await db.query(
    `INSERT INTO tenants (id, name, client_id, client_secret_hash, created_at) VALUES ('ten_1', 'R', 'cli_1', 'h', $1)`,
    [ago(400)],
  );
  const platform = (id: string, deletedAt: Date | null) =>
    db.query(
      `INSERT INTO platforms (id, tenant_id, type, name, name_key, region, country_code, created_at, deleted_at) VALUES ($1, 'ten_1', 'amazon', $1, $1, 'EU', 'DE', $2, $3)`,
      [id, ago(300), deletedAt],
    );
  await platform('plt_live', null);
  await platform('plt_gone_long_ago', ago(31));
  await platform('plt_gone_recently', ago(29));
  const auth = (id: string, platformId: string, createdAt: Date, status = 'authenticated') =>
    db.query(
      `INSERT INTO authorizations (id, tenant_id, platform_id, mode, status, expires_at, created_at) VALUES ($1, 'ten_1', $2, 'login', $3, $4, $4)`,
      [id, platformId, status, createdAt],
    );
  await auth('auth_old', 'plt_live', ago(91));
  await auth('auth_old_pending', 'plt_live', ago(120), 'pending');
  await auth('auth_young', 'plt_live', ago(89));
  await auth('auth_of_gone', 'plt_gone_long_ago', ago(40));
  await db.query(
    `INSERT INTO amazon_requests (platform_id, authorization_id, api, operation, outcome, at) VALUES ('plt_live', 'auth_old', 'lwa', 'token', 'ok', $1), ('plt_gone_long_ago', 'auth_of_gone', 'lwa', 'token', 'ok', $1)`,
    [ago(91)],
  );
  await db.query(
    `INSERT INTO pairing_codes (code_hash, tenant_id, platform_id, expires_at, created_at) VALUES ('c1', 'ten_1', 'plt_gone_long_ago', $1, $1)`,
    [ago(35)],
  );
  const key = (k: string, platformId: string, createdAt: Date) =>
    db.query(
      `INSERT INTO idempotency_keys (tenant_id, key, request_hash, platform_id, created_at) VALUES ('ten_1', $1, 'x', $2, $3)`,
      [k, platformId, createdAt],
    );
  await key('key_old', 'plt_live', ago(8));
  await key('key_young', 'plt_live', ago(6));
  await key('key_of_gone', 'plt_gone_long_ago', ago(1));
});
afterAll(async () => db?.close());

describe('retention', () => {
  it('deletes what is past its days, with what refers to it, and keeps the rest', async () => {
    expect(await runRetention(db, CONFIG, NOW)).toEqual({
      ran: true,
      platforms: 1,
      idempotencyKeys: 1,
      authorizations: 2,
    });
    expect(await ids('platforms')).toEqual(['plt_gone_recently', 'plt_live']);
    expect(await ids('authorizations')).toEqual(['auth_young']);
    expect(
      (await db.query<{ key: string }>('SELECT key FROM idempotency_keys ORDER BY key')).rows.map((r) => r.key),
    ).toEqual(['key_young']);
    // The live platform's Amazon call stays, without its deleted authorization; the gone platform's went.
    expect((await db.query('SELECT platform_id, authorization_id FROM amazon_requests')).rows).toEqual([
      { platform_id: 'plt_live', authorization_id: null },
    ]);
    expect((await db.query('SELECT 1 FROM pairing_codes')).rows).toEqual([]);
    // A second run finds nothing more.
    expect(await runRetention(db, CONFIG, NOW)).toEqual({
      ran: true,
      platforms: 0,
      idempotencyKeys: 0,
      authorizations: 0,
    });
  });

  it('follows the configured days', async () => {
    expect(
      await runRetention(db, { ...CONFIG, retentionDeletedPlatformsDays: 28, retentionAuthorizationsDays: 88 }, NOW),
    ).toMatchObject({ platforms: 1, authorizations: 1 });
    expect(await ids('platforms')).toEqual(['plt_live']);
  });
});
