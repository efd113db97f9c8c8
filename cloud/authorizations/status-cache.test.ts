import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database';
import { createLocalNotifier } from './notifier';
import { createStatusCache } from './status-cache';
import { finishPending } from '../repositories/authorizations/lifecycle';
import { createTenant } from '../tenants/tenant-service';
import { countingDatabase, pendingAuthorization } from '../testing/db-fixtures';

let db: Database;
// Counts the SELECTs the cache sends.
let counter: ReturnType<typeof countingDatabase>;
let counted: Database;

beforeAll(async () => {
  db = await openDatabase();
  counter = countingDatabase(db, (_sql, _params, name) => name === 'authorization_by_id');
  counted = counter.db;
});
afterAll(() => db?.close());

it('reads a row once, serves it from memory, and reads again after a change was published', async () => {
  const notifier = createLocalNotifier();
  const cache = createStatusCache(counted, notifier);
  const tenant = await createTenant(db, 'Cache GmbH', new Date());
  const row = await pendingAuthorization(db, tenant.tenantId);
  counter.reads = 0;
  const [a, b] = await Promise.all([cache.get(tenant.tenantId, row.id), cache.get(tenant.tenantId, row.id)]);
  expect(a.row.status).toBe('pending');
  expect(b.row).toBe(a.row);
  await cache.get(tenant.tenantId, row.id);
  expect(counter.reads).toBe(1);

  const before = cache.generation(row.id);
  await finishPending(db, row.id, 'cancelled', new Date());
  notifier.publish(row.id);
  expect(cache.generation(row.id)).toBe(before + 1);
  expect((await cache.get(tenant.tenantId, row.id)).row.status).toBe('cancelled');
  expect(counter.reads).toBe(2);
});

it('answers AUTHORIZATION_NOT_FOUND for another tenant’s id, as for an unknown one', async () => {
  const cache = createStatusCache(db, createLocalNotifier());
  const owner = await createTenant(db, 'Owner GmbH', new Date());
  const other = await createTenant(db, 'Other GmbH', new Date());
  const row = await pendingAuthorization(db, owner.tenantId);
  await cache.get(owner.tenantId, row.id);
  await expect(cache.get(other.tenantId, row.id)).rejects.toMatchObject({ code: 'AUTHORIZATION_NOT_FOUND' });
  await expect(cache.get(owner.tenantId, '00000000-0000-0000-0000-000000000000')).rejects.toMatchObject({
    code: 'AUTHORIZATION_NOT_FOUND',
  });
});

it('does not cache a row read while the authorization changed (the race a generation closes)', async () => {
  const notifier = createLocalNotifier();
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const slow = {
    ...db,
    query: async (sql: string, params?: unknown[]) => {
      const r = await db.query(sql, params);
      await gate;
      return r;
    },
  } as Database;
  const cache = createStatusCache(slow, notifier);
  const tenant = await createTenant(db, 'Race GmbH', new Date());
  const row = await pendingAuthorization(db, tenant.tenantId);
  const stale = cache.get(tenant.tenantId, row.id);
  await finishPending(db, row.id, 'cancelled', new Date());
  notifier.publish(row.id);
  release();
  expect((await stale).row.status).toBe('pending');
  expect(cache.size).toBe(0);
  expect((await cache.get(tenant.tenantId, row.id)).row.status).toBe('cancelled');
});

it('a row expires after ttlMs, is not cached while the notifier does not listen, and a resync drops every row', async () => {
  let clock = 1_000_000;
  const base = createLocalNotifier();
  const notifier = { ...base, listening: true };
  const cache = createStatusCache(counted, notifier, { ttlMs: 10_000, now: () => clock });
  const tenant = await createTenant(db, 'TTL GmbH', new Date());
  const row = await pendingAuthorization(db, tenant.tenantId);
  counter.reads = 0;
  await cache.get(tenant.tenantId, row.id);
  await cache.get(tenant.tenantId, row.id);
  expect(counter.reads).toBe(1);
  // A change on another instance whose notification never arrived: served from memory until the TTL ends.
  await finishPending(db, row.id, 'cancelled', new Date());
  clock += 10_001;
  expect((await cache.get(tenant.tenantId, row.id)).row.status).toBe('cancelled');
  expect(counter.reads).toBe(2);

  const other = await pendingAuthorization(db, tenant.tenantId);
  notifier.listening = false;
  await cache.get(tenant.tenantId, other.id);
  await cache.get(tenant.tenantId, other.id);
  expect(counter.reads).toBe(4);
  notifier.listening = true;

  await cache.get(tenant.tenantId, other.id);
  const before = cache.generation(other.id);
  expect(cache.size).toBe(2);
  base.resyncLocal();
  expect(cache.size).toBe(0);
  expect(cache.generation(other.id)).not.toBe(before);
});

it('peek answers a cached row without a read (same row and generation as get), else undefined', async () => {
  const notifier = createLocalNotifier();
  let clock = Date.now();
  const cache = createStatusCache(counted, notifier, { ttlMs: 10_000, now: () => clock });
  const tenant = await createTenant(db, 'Peek GmbH', new Date());
  const other = await createTenant(db, 'Peek Other GmbH', new Date());
  const row = await pendingAuthorization(db, tenant.tenantId);
  expect(cache.peek(tenant.tenantId, row.id)).toBeUndefined();
  const got = await cache.get(tenant.tenantId, row.id);
  counter.reads = 0;
  expect(cache.peek(tenant.tenantId, row.id)).toEqual(got);
  expect(cache.peek(tenant.tenantId, row.id)!.row).toBe(got.row);
  // Another tenant's id: nothing, as get's AUTHORIZATION_NOT_FOUND.
  expect(cache.peek(other.tenantId, row.id)).toBeUndefined();
  expect(counter.reads).toBe(0);
  // A published change drops it; so does the end of ttlMs.
  notifier.publish(row.id);
  expect(cache.peek(tenant.tenantId, row.id)).toBeUndefined();
  const again = await cache.get(tenant.tenantId, row.id);
  expect(cache.peek(tenant.tenantId, row.id)).toEqual(again);
  clock += 10_000;
  expect(cache.peek(tenant.tenantId, row.id)).toBeUndefined();
});

describe('publishRow', () => {
  it('keeps the committed row: the next reader is served without a read', async () => {
    const notifier = createLocalNotifier();
    const cache = createStatusCache(counted, notifier);
    const tenant = await createTenant(db, 'Publish GmbH', new Date());
    const row = await pendingAuthorization(db, tenant.tenantId);
    await cache.get(tenant.tenantId, row.id);
    const since = cache.generation(row.id);
    const written = (await finishPending(db, row.id, 'cancelled', new Date()))!;
    counter.reads = 0;
    cache.publishRow(written, since);
    expect(cache.generation(row.id)).toBe(since + 1);
    expect(cache.peek(tenant.tenantId, row.id)?.row).toBe(written);
    expect((await cache.get(tenant.tenantId, row.id)).row).toBe(written);
    expect(counter.reads).toBe(0);
  });

  it('keeps nothing when another change came after `since`, or while the notifier is not listening', async () => {
    const tenant = await createTenant(db, 'Publish Race GmbH', new Date());
    const row = await pendingAuthorization(db, tenant.tenantId);
    const notifier = createLocalNotifier();
    const cache = createStatusCache(counted, notifier);
    const since = cache.generation(row.id);
    notifier.publish(row.id); // another change, between the write's start and its publication
    const written = (await finishPending(db, row.id, 'cancelled', new Date()))!;
    cache.publishRow(written, since);
    expect(cache.peek(tenant.tenantId, row.id)).toBeUndefined();
    counter.reads = 0;
    expect((await cache.get(tenant.tenantId, row.id)).row.status).toBe('cancelled');
    expect(counter.reads).toBe(1);

    const deaf = { ...createLocalNotifier(), listening: false };
    const deafCache = createStatusCache(counted, deaf);
    deafCache.publishRow(written, deafCache.generation(row.id));
    expect(deafCache.peek(tenant.tenantId, row.id)).toBeUndefined();
  });
});
