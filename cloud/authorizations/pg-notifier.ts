// The notifier for several instances on one PostgreSQL server: `publish` wakes this instance's
// long-polls at once and sends NOTIFY; every other instance LISTENs and wakes its own. The payload
// carries the sender's id so an instance ignores the echo of its own notifications.
//
// The LISTEN connection can be lost (the server restarts or fails over, `pg_terminate_backend`, an idle
// or network timeout). The notifier then reports it (`onError`, `listening` false: /readyz and the
// `cloud_notifier_listening` gauge), reconnects with capped, jittered backoff, LISTENs again, and only
// then tells its `subscribeResync` listeners: every notification sent while it was deaf is lost, so
// whatever this instance remembers is dropped and every waiting long-poll reads its row again (and is
// answered if it changed). LISTEN
// first, re-read second: a change after the LISTEN arrives as a notification, one before it is read.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Queryable } from '../db/queryable';
import { createLocalNotifier, type AuthorizationNotifier } from './notifier';
import { bestEffort } from '../../shared/best-effort';

const CHANNEL = 'authorization_changed';
/** Bounds one NOTIFY statement (its parameter array) in a very large burst. */
const MAX_IDS_PER_QUERY = 1000;
/** How the listening connection shows in pg_stat_activity (and how an operator finds it). */
export const LISTEN_APPLICATION_NAME = 'amazon-cloud-listen';

/** NOTIFY on any connection (the tenant CLI's, which is not a listening instance); `from` names the sender. */
export async function sendNotification(q: Queryable, from: string, id: string): Promise<void> {
  await q.query('SELECT pg_notify($1, $2)', [CHANNEL, `${from} ${id}`]);
}

export interface Backoff {
  /** The first delay. */
  baseMs: number;
  /** No delay is longer. */
  capMs: number;
}

const DEFAULT_BACKOFF: Backoff = { baseMs: 250, capMs: 10_000 };

/** Delay before reconnect attempt `attempt` (0-based): doubling from baseMs up to capMs, the upper half jittered. */
export function backoffDelay(attempt: number, backoff: Backoff, random: () => number = Math.random): number {
  const ceiling = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

export interface PgNotifierOptions {
  /** Every lost connection and failed attempt (the message only; it never holds the password). */
  onError?: (error: Error) => void;
  /** The LISTEN connection was lost (false) or is back and listening again (true). */
  onListeningChange?: (listening: boolean) => void;
  backoff?: Backoff;
}

interface PgNotifier extends AuthorizationNotifier {
  /** Successful reconnects of the LISTEN connection since start. */
  readonly reconnects: number;
  close(): Promise<void>;
}

export async function createPgNotifier(connectionString: string, opts: PgNotifierOptions = {}): Promise<PgNotifier> {
  const onError = opts.onError ?? (() => undefined);
  const backoff = opts.backoff ?? DEFAULT_BACKOFF;
  const local = createLocalNotifier();
  const instance = randomUUID();
  let closed = false;
  let listening = false;
  let reconnects = 0;
  let listener: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let attempt = 0;

  const onNotification = (msg: pg.Notification) => {
    if (msg.channel !== CHANNEL || !msg.payload) return;
    const [from, id] = msg.payload.split(' ');
    if (from !== instance && id) local.emitLocal(id);
  };
  const setListening = (value: boolean) => {
    if (listening === value) return;
    listening = value;
    opts.onListeningChange?.(value);
  };

  /** A connected client that LISTENs, or a rejection (the client is closed then). */
  async function listen(): Promise<pg.Client> {
    // keepAlive: a connection to a server that vanished (failover, network) is noticed by TCP.
    const client = new pg.Client({ connectionString, application_name: LISTEN_APPLICATION_NAME, keepAlive: true });
    client.on('error', (e) => lost(client, e));
    client.on('end', () => lost(client, new Error('LISTEN connection closed by the server')));
    client.on('notification', onNotification);
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      return client;
    } catch (error) {
      await bestEffort('closing the listen connection', client.end());
      throw error;
    }
  }

  function lost(client: pg.Client, error: Error) {
    if (client !== listener) return; // a failed attempt, or already handled
    listener = undefined;
    void bestEffort('closing the listen connection', client.end());
    if (closed) return;
    setListening(false);
    onError(error);
    scheduleReconnect();
  }

  function scheduleReconnect() {
    retry = setTimeout(() => void reconnect(), backoffDelay(attempt++, backoff));
  }

  async function reconnect() {
    retry = undefined;
    if (closed) return;
    let client: pg.Client;
    try {
      client = await listen();
    } catch (error) {
      if (closed) return;
      onError(error instanceof Error ? error : new Error(String(error)));
      scheduleReconnect();
      return;
    }
    if (closed) {
      await bestEffort('closing the listen connection', client.end());
      return;
    }
    listener = client;
    attempt = 0;
    reconnects++;
    setListening(true);
    // Whatever happened while deaf is read again (after the LISTEN above, so nothing falls between).
    local.resyncLocal();
  }

  listener = await listen();
  listening = true;

  // NOTIFY needs a connection too; a second one keeps LISTEN's free of other traffic. Opened again on
  // the next send after it is lost.
  let sender: Promise<pg.Client> | undefined;
  const senderClient = (): Promise<pg.Client> => {
    if (sender) return sender;
    const opening: Promise<pg.Client> = (async () => {
      const client = new pg.Client({ connectionString, keepAlive: true });
      const drop = () => {
        if (sender === opening) sender = undefined;
        void bestEffort('closing the listen connection', client.end());
      };
      client.on('error', drop);
      client.on('end', drop);
      try {
        await client.connect();
      } catch (error) {
        drop();
        throw error;
      }
      return client;
    })();
    return (sender = opening);
  };
  const notify = async (ids: string[]) => {
    const client = await senderClient();
    await client.query(`SELECT pg_notify($1, $2 || ' ' || id) FROM unnest($3::text[]) AS id`, [CHANNEL, instance, ids]);
  };
  // Changes made while a NOTIFY is on its way are sent together by the next one: one round trip for
  // many ids. Still one notification per id, in the format every instance reads. A failed NOTIFY is
  // tried once more on a new connection; if that fails too the server is unreachable, so the other
  // instances have lost their LISTEN connections as well and will re-read everything when back.
  const queued: string[] = [];
  let sending: Promise<void> | undefined;
  const send = async () => {
    try {
      while (queued.length) {
        const ids = queued.splice(0, MAX_IDS_PER_QUERY);
        await notify(ids).catch(async (first: Error) => {
          sender = undefined;
          onError(first);
          await notify(ids).catch(onError);
        });
      }
    } finally {
      sending = undefined;
    }
  };
  return {
    subscribe: local.subscribe,
    subscribeAll: local.subscribeAll,
    subscribeResync: local.subscribeResync,
    get listening() {
      return listening;
    },
    get reconnects() {
      return reconnects;
    },
    publish(id) {
      local.emitLocal(id);
      queued.push(id);
      // One query at a time on the sender (pg queues concurrent ones, deprecated in pg 8, gone in 9);
      // started a microtask later, so the changes of one tick go together.
      sending ??= Promise.resolve().then(send);
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      await sending;
      const open = sender;
      sender = undefined;
      await Promise.allSettled([listener?.end(), open?.then((c) => c.end())]);
      listener = undefined;
    },
  };
}
