// The feed of Amazon-started sign-ins stays cheap: a waiting desktop's repeated call reads nothing from
// the database until the notifier reports a new entry for its tenant; other tenants' entries do not wake it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database';
import { createLocalNotifier } from './notifier';
import { createAmazonStartedFeed } from './amazon-started-feed';
import { createAuthorization } from './authorization-service';
import { createTenant } from '../tenants/tenant-service';
import { countingDatabase, newPlatformId } from '../testing/db-fixtures';

let db: Database;
let counter: ReturnType<typeof countingDatabase>;

beforeAll(async () => {
  db = await openDatabase();
  counter = countingDatabase(db);
});
afterAll(() => db?.close());

const platformOf = (tenantId: string) => newPlatformId(db, tenantId);

it('answers repeated calls from memory and reads again only after its tenant published a new entry', async () => {
  const notifier = createLocalNotifier();
  const feed = createAmazonStartedFeed(counter.db, notifier);
  const a = await createTenant(db, 'Feed A', new Date());
  const b = await createTenant(db, 'Feed B', new Date());
  const pa = await platformOf(a.tenantId);
  const pb = await platformOf(b.tenantId);
  // A sign-in of the desktop's own (origin desktop) is not in the feed.
  await createAuthorization(db, a.tenantId, pa, 'login', new Date(), 600);

  const first = await feed.read(a.tenantId, undefined, new Date());
  expect(first.rows).toEqual([]);
  counter.reads = 0;
  for (let i = 0; i < 5; i++) expect((await feed.read(a.tenantId, first.cursor, new Date())).rows).toEqual([]);
  expect(counter.reads).toBe(0);

  // Another tenant's entry: A's generation and cache stay.
  const genA = feed.generation(a.tenantId);
  await createAuthorization(db, b.tenantId, pb, 'login', new Date(), 600, { origin: 'amazon' });
  feed.publish(b.tenantId);
  expect(feed.generation(a.tenantId)).toBe(genA);
  expect((await feed.read(a.tenantId, first.cursor, new Date())).rows).toEqual([]);
  expect(counter.reads).toBe(0);

  const { row } = await createAuthorization(db, a.tenantId, pa, 'login', new Date(), 600, { origin: 'amazon' });
  feed.publish(a.tenantId);
  expect(feed.generation(a.tenantId)).toBe(genA + 1);
  const next = await feed.read(a.tenantId, first.cursor, new Date());
  expect(next.rows.map((r) => r.id)).toEqual([row.id]);
  expect(BigInt(next.cursor)).toBeGreaterThan(BigInt(first.cursor));
  expect(counter.reads).toBeGreaterThan(0);
  counter.reads = 0;
  expect((await feed.read(a.tenantId, next.cursor, new Date())).rows).toEqual([]);
  expect(counter.reads).toBe(0);
});
