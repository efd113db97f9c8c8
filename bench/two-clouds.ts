// The set-up the scale-out and nginx benchmarks share: the sandbox, two cloud instances (each its own
// process) on one PostgreSQL database, a token of the first one's development tenant and the
// authorizations to wait on — and the tally of what the waiter processes saw.
import { randomBytes } from 'node:crypto';
import { Pool } from 'undici';
import { startSandbox, type SandboxHandle } from '../sandbox';
import { TestCloudHttp } from '../cloud/testing/stack';
import { startChild, type CloudChild } from './child';
import { API_CONNECTIONS, CLIENTS_PER_AUTHORIZATION, createAuthorizations } from './capacity';
import type { WaitersDone } from './waiter-child';

interface TwoClouds {
  sandbox: SandboxHandle;
  children: [CloudChild, CloudChild];
  token: string;
  auth: { authorization: string };
  /** One API pool per instance. */
  api: [Pool, Pool];
  /** Created through the first instance: one per CLIENTS_PER_AUTHORIZATION clients. */
  ids: string[];
  close(): Promise<void>;
}

export async function startTwoClouds(
  databaseUrl: string,
  clients: number,
  nodeArgs: string[],
  label: string,
): Promise<TwoClouds> {
  const sandbox = await startSandbox({ port: 0 });
  const keys = { signingKey: randomBytes(32).toString('base64'), encryptionKey: randomBytes(32).toString('base64') };
  const base = {
    mode: 'cloud' as const,
    port: 0,
    sandboxUrl: sandbox.url,
    logger: true,
    rateLimitPerMinute: 1_000_000_000,
    databaseUrl,
    keys,
  };
  const children: CloudChild[] = [];
  const pools: Pool[] = [];
  const close = async () => {
    await Promise.allSettled(pools.map((p) => p.close()));
    await Promise.allSettled(children.map((c) => c.stop()));
    await sandbox.close();
  };
  try {
    // One after the other: the first runs the migrations (the second would wait on their lock anyway).
    for (let i = 0; i < 2; i++) children.push(await startChild(base, { nodeArgs }));
    const [a, b] = children as [CloudChild, CloudChild];
    const token = await new TestCloudHttp(a.ready.url, {
      clientId: a.ready.clientId!,
      clientSecret: a.ready.clientSecret!,
    }).accessToken();
    const auth = { authorization: `Bearer ${token}` };
    const api = [a, b].map((c) => new Pool(c.ready.url, { connections: API_CONNECTIONS })) as [Pool, Pool];
    pools.push(...api);
    const ids = await createAuthorizations(api[0], auth, Math.ceil(clients / CLIENTS_PER_AUTHORIZATION), label);
    return { sandbox, children: [a, b], token, auth, api, ids, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** What all waiter processes saw, summed. */
export function tallyWaiters(done: WaitersDone[]): {
  answeredCorrectly: number;
  repolls: number;
  statuses: Record<string, number>;
} {
  return {
    answeredCorrectly: done.reduce((s, d) => s + d.correct, 0),
    repolls: done.reduce((s, d) => s + d.repolls, 0),
    statuses: done.reduce<Record<string, number>>((out, d) => {
      for (const [status, count] of Object.entries(d.statuses)) out[status] = (out[status] ?? 0) + count;
      return out;
    }, {}),
  };
}
