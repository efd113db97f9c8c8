// The notifier for several instances on one PostgreSQL server: `publish` wakes this instance's
// long-polls at once and sends NOTIFY; every other instance LISTENs and wakes its own. The payload
// carries the sender's id so an instance ignores the echo of its own notifications.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Queryable } from '../db/queryable';
import { createLocalNotifier, type AuthorizationNotifier } from './notifier';

const CHANNEL = 'authorization_changed';
const noop = () => undefined;
/** Bounds one NOTIFY statement (its parameter array) in a very large burst. */
const MAX_IDS_PER_QUERY = 1000;

/** NOTIFY on any connection (the tenant CLI's, which is not a listening instance); `from` names the sender. */
export async function sendNotification(q: Queryable, from: string, id: string): Promise<void> {
  await q.query('SELECT pg_notify($1, $2)', [CHANNEL, `${from} ${id}`]);
}

export async function createPgNotifier(connectionString: string, onError: (e: Error) => void = () => undefined): Promise<AuthorizationNotifier & { close(): Promise<void> }> {
  const local = createLocalNotifier();
  const instance = randomUUID();
  const listener = new pg.Client({ connectionString });
  listener.on('error', onError);
  await listener.connect();
  listener.on('notification', (msg) => {
    if (msg.channel !== CHANNEL || !msg.payload) return;
    const [from, id] = msg.payload.split(' ');
    if (from !== instance && id) local.emitLocal(id);
  });
  await listener.query(`LISTEN ${CHANNEL}`);
  // NOTIFY needs a connection too; a second one keeps LISTEN's free of other traffic.
  const sender = new pg.Client({ connectionString });
  sender.on('error', onError);
  await sender.connect();
  // Changes made while a NOTIFY is on its way are sent together by the next one: one round trip for
  // many ids (a burst of changes used to queue one query each behind the other). Still one
  // notification per id, in the format every instance reads.
  const queued: string[] = [];
  let sending: Promise<void> | undefined;
  const send = async () => {
    try {
      while (queued.length) {
        const ids = queued.splice(0, MAX_IDS_PER_QUERY);
        await sender.query(`SELECT pg_notify($1, $2 || ' ' || id) FROM unnest($3::text[]) AS id`, [CHANNEL, instance, ids]).then(noop, onError);
      }
    } finally {
      sending = undefined;
    }
  };
  return {
    subscribe: local.subscribe,
    subscribeAll: local.subscribeAll,
    publish(id) {
      local.emitLocal(id);
      queued.push(id);
      // One query at a time on the sender (pg queues concurrent ones, deprecated in pg 8, gone in 9);
      // started a microtask later, so the changes of one tick go together.
      sending ??= Promise.resolve().then(send);
    },
    async close() {
      await sending;
      await Promise.allSettled([listener.end(), sender.end()]);
    },
  };
}
