// LISTEN/NOTIFY between two notifiers on a real PostgreSQL server: a burst of changes on one arrives
// complete on the other (sent in batches), the sender's own echo is ignored, and close() waits for
// what is still being sent; after a lost LISTEN connection (pg_terminate_backend, a server restart) it
// reconnects, reports the loss, resyncs its listeners and delivers again.
import { describe, expect, it } from 'vitest';
import { findPostgresBin, postgresForDescribe } from '../testing/postgres-server';
import pg from 'pg';
import { backoffDelay, createPgNotifier, LISTEN_APPLICATION_NAME } from './pg-notifier';

const pgBin = findPostgresBin();

describe.skipIf(!('bin' in pgBin))('PostgreSQL notifier', () => {
  const postgres = postgresForDescribe((pgBin as { bin: string }).bin, 'notifier');

  it('delivers every id of a burst to the other instance once, and not back to the sender', async () => {
    const a = await createPgNotifier(postgres.url);
    const b = await createPgNotifier(postgres.url);
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
      for (let i = 0; i < 200 && !onA.includes('auth_from_b'); i++)
        await new Promise((resolve) => setTimeout(resolve, 25));
      expect(onA.filter((id) => id === 'auth_from_b')).toHaveLength(1);
      expect(onB.filter((id) => id === 'auth_from_b')).toHaveLength(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('close() waits until the queued notifications are sent', async () => {
    const a = await createPgNotifier(postgres.url);
    const b = await createPgNotifier(postgres.url);
    const onB: string[] = [];
    b.subscribeAll((id) => onB.push(id));
    for (let i = 0; i < 300; i++) a.publish(`auth_late_${i}`);
    await a.close();
    for (let i = 0; i < 200 && onB.length < 300; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    await b.close();
    expect(onB).toHaveLength(300);
  });
});

describe('reconnect backoff', () => {
  it('doubles from the base up to the cap, jittered within the upper half', () => {
    const b = { baseMs: 100, capMs: 2_000 };
    expect([0, 1, 2, 3, 4, 5, 40].map((n) => backoffDelay(n, b, () => 1))).toEqual([
      100, 200, 400, 800, 1600, 2000, 2000,
    ]);
    expect([0, 1, 5].map((n) => backoffDelay(n, b, () => 0))).toEqual([50, 100, 1000]);
  });
});

describe.skipIf(!('bin' in pgBin))('PostgreSQL notifier after a lost LISTEN connection', () => {
  const postgres = postgresForDescribe((pgBin as { bin: string }).bin, 'notifier_reconnect');

  const until = async (check: () => boolean) => {
    for (let i = 0; i < 400 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(check()).toBe(true);
  };
  async function terminateListeners(): Promise<number> {
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    try {
      const r = await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
        [LISTEN_APPLICATION_NAME],
      );
      return r.rowCount ?? 0;
    } finally {
      await admin.end();
    }
  }
  /** Two notifiers and what each saw: changes, resyncs, losses. */
  async function pair() {
    const seen = { a: [] as string[], b: [] as string[], resyncsB: 0, states: [] as boolean[], errors: [] as string[] };
    const a = await createPgNotifier(postgres.url, { backoff: { baseMs: 20, capMs: 200 } });
    const b = await createPgNotifier(postgres.url, {
      backoff: { baseMs: 20, capMs: 200 },
      onListeningChange: (l) => seen.states.push(l),
      onError: (e) => seen.errors.push(e.message),
    });
    a.subscribeAll((id) => seen.a.push(id));
    b.subscribeAll((id) => seen.b.push(id));
    b.subscribeResync(() => seen.resyncsB++);
    return { a, b, seen };
  }

  it('pg_terminate_backend on the LISTEN session: reported, reconnected, resynced, and notifications arrive again', async () => {
    const { a, b, seen } = await pair();
    try {
      a.publish('before');
      await until(() => seen.b.includes('before'));
      expect(await terminateListeners()).toBe(2);
      await until(() => seen.states.includes(false));
      await until(() => b.listening && seen.resyncsB === 1);
      expect(seen.states).toEqual([false, true]);
      expect(b.reconnects).toBe(1);
      expect(seen.errors.length).toBeGreaterThan(0);
      expect(seen.errors.join('\n')).not.toContain('postgres://');
      a.publish('after');
      await until(() => seen.b.includes('after'));
      b.publish('from_b');
      await until(() => seen.a.includes('from_b'));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('a PostgreSQL restart: both listen again and the sender reconnects too', async () => {
    const { a, b, seen } = await pair();
    try {
      await postgres.server.restart();
      await until(() => seen.resyncsB === 1 && b.listening && a.listening);
      a.publish('after_restart');
      await until(() => seen.b.includes('after_restart'));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 60_000);

  it('close() during the backoff stops reconnecting', async () => {
    const b = await createPgNotifier(postgres.url, { backoff: { baseMs: 60_000, capMs: 60_000 } });
    await terminateListeners();
    await until(() => !b.listening);
    await b.close();
    expect(b.listening).toBe(false);
  });
});
