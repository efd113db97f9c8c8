// LISTEN/NOTIFY between two notifiers on a real PostgreSQL server: a burst of changes on one arrives
// complete on the other (sent in batches), the sender's own echo is ignored, and close() waits for
// what is still being sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, findPostgresBin, startPostgres, type PostgresServer } from '../testing/postgres-server';
import { createPgNotifier } from './pg-notifier';

const pgBin = findPostgresBin();

describe.skipIf(!('bin' in pgBin))('PostgreSQL notifier', () => {
  let server: PostgresServer;
  let url: string;
  beforeAll(async () => {
    server = await startPostgres((pgBin as { bin: string }).bin);
    url = await createDatabase(server.url, 'notifier');
  }, 60_000);
  afterAll(async () => server?.close());

  it('delivers every id of a burst to the other instance once, and not back to the sender', async () => {
    const a = await createPgNotifier(url);
    const b = await createPgNotifier(url);
    try {
      const onA: string[] = [];
      const onB: string[] = [];
      a.subscribeAll((id) => onA.push(id));
      b.subscribeAll((id) => onB.push(id));
      const ids = Array.from({ length: 2500 }, (_, i) => `auth_${i}`);
      for (const id of ids) a.publish(id);
      // A's own subscribers hear it at once; B through the server.
      expect(onA).toEqual(ids);
      for (let i = 0; i < 200 && onB.length < ids.length; i++) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(onB).toEqual(ids);
      b.publish('auth_from_b');
      for (let i = 0; i < 200 && !onA.includes('auth_from_b'); i++) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(onA.filter((id) => id === 'auth_from_b')).toHaveLength(1);
      expect(onB.filter((id) => id === 'auth_from_b')).toHaveLength(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('close() waits until the queued notifications are sent', async () => {
    const a = await createPgNotifier(url);
    const b = await createPgNotifier(url);
    const onB: string[] = [];
    b.subscribeAll((id) => onB.push(id));
    for (let i = 0; i < 300; i++) a.publish(`auth_late_${i}`);
    await a.close();
    for (let i = 0; i < 200 && onB.length < 300; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    await b.close();
    expect(onB).toHaveLength(300);
  });
});
