// What the cloud does between Amazon's redirect and the waiting desktop's answer (issue 26): one
// statement before the code goes to LWA, and no read-back of the row or its Amazon requests after the
// outcome is committed. Real cloud and sandbox on loopback; the statements are seen by wrapping the
// open database's `query`, the LWA request by the sandbox server's diagnostics channel.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { seedAccount } from '../../sandbox';
import { useTenantStack } from '../testing/tenant-stack';
import { amazonRedirect, authorization, getCallback, newPlatform, startAuth } from '../testing/flow-steps';
import { heldLongPoll } from '../testing/metrics';

const EU = seedAccount('eu.haendler@example.com')!;
const env = useTenantStack('Completion GmbH', { fresh: 'sandbox+clock' });

/** Records the cloud's statements (outside transactions) and the LWA token request, in order. */
function recordPath() {
  const db = env.stack.cloud.db as { query: (sql: string, params?: unknown[], name?: string) => Promise<unknown> };
  const original = db.query;
  const events: string[] = [];
  db.query = (sql, params, name) => {
    events.push(sql.replace(/\s+/g, ' ').trim());
    return original(sql, params, name);
  };
  const onStart = (m: unknown) => {
    if ((m as { request: IncomingMessage }).request.url?.startsWith('/auth/o2/token')) events.push('LWA token');
  };
  // The cloud's answers, once written: the woken long-poll's and the callback's page.
  const onFinish = (m: unknown) => {
    const url = (m as { request: IncomingMessage }).request.url ?? '';
    if (/^\/v1\/authorizations\/[^/?]+\?wait=/.test(url)) events.push('long-poll answered');
    else if (url.startsWith('/oauth/amazon/callback')) events.push('callback answered');
  };
  subscribe('http.server.request.start', onStart);
  subscribe('http.server.response.finish', onFinish);
  return {
    events,
    stop() {
      db.query = original;
      unsubscribe('http.server.request.start', onStart);
      unsubscribe('http.server.response.finish', onFinish);
    },
  };
}

const waitFor = (id: string) => env.client.raw('GET', `/v1/authorizations/${id}?wait=20`);

describe('the completion path', () => {
  it('uses up the state with one statement before LWA and answers the long-poll without reading back', async () => {
    const auth = await startAuth(env.client, await newPlatform(env.client));
    const redirect = await amazonRedirect(env.stack.sandbox.url, auth.consentUrl, EU);
    const { answer } = await heldLongPoll(env.stack.cloud, () => waitFor(auth.id));
    const path = recordPath();
    let answered: number | undefined;
    try {
      const waited = answer.then((res) => ((answered = path.events.length), res));
      expect((await getCallback(redirect)).status).toBe(200);
      const res = await waited;
      expect(res.body).toMatchObject({ id: auth.id, status: 'authenticated', sellingPartnerId: EU.sellingPartnerId });
      const lwa = path.events.indexOf('LWA token');
      expect(path.events.slice(0, lwa)).toHaveLength(1);
      expect(path.events[0]).toMatch(/^UPDATE authorizations a SET state_used_at/);
      const afterLwa = path.events.slice(lwa + 1, answered);
      expect(afterLwa.filter((sql) => /^SELECT .* FROM (authorizations|amazon_requests)/.test(sql))).toEqual([]);
      // The answer from memory is what a read answers: the same row and the same Amazon requests.
      const read = await authorization(env.client, auth.id);
      expect(res.body).toEqual(read);
      // LWA's token exchange and the seller-id proof (Product Fees), both recorded before the answer.
      expect(read.amazonRequests).toHaveLength(2);
      expect(JSON.stringify(read.amazonRequests)).toContain('getMyFeesEstimateForASIN');
    } finally {
      path.stop();
    }
  });

  it('drops the oldest Amazon calls only after the answers are written', async () => {
    // PGlite runs each statement on the cloud's one thread: a trim started with the outcome held both
    // answers back by its whole run (issue 26).
    const auth = await startAuth(env.client, await newPlatform(env.client));
    const redirect = await amazonRedirect(env.stack.sandbox.url, auth.consentUrl, EU);
    const { answer } = await heldLongPoll(env.stack.cloud, () => waitFor(auth.id));
    const path = recordPath();
    try {
      expect((await getCallback(redirect)).status).toBe(200);
      expect((await answer).body).toMatchObject({ status: 'authenticated' });
      await vi.waitFor(() => expect(path.events.some((e) => e.startsWith('DELETE FROM amazon_requests'))).toBe(true));
      const trim = path.events.findIndex((e) => e.startsWith('DELETE FROM amazon_requests'));
      expect(path.events.indexOf('long-poll answered')).toBeGreaterThanOrEqual(0);
      expect(path.events.indexOf('long-poll answered')).toBeLessThan(trim);
      expect(path.events.indexOf('callback answered')).toBeLessThan(trim);
    } finally {
      path.stop();
    }
  });

  it('runs its statements prepared: planned once, not per redirect', async () => {
    // PGlite planned each statement on every call (2.6 ms for the one before LWA; issue 26).
    for (let i = 0; i < 2; i++) {
      const auth = await startAuth(env.client, await newPlatform(env.client));
      // The desktop's status read before the redirect (the status cache reads the row by id).
      expect(await authorization(env.client, auth.id)).toMatchObject({ status: 'pending' });
      const redirect = await amazonRedirect(env.stack.sandbox.url, auth.consentUrl, EU);
      expect((await getCallback(redirect)).status).toBe(200);
    }
    const { rows } = await env.stack.cloud.db.query<{ name: string }>('SELECT name FROM pg_prepared_statements');
    expect(rows.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        'exchange_start_if_allowed',
        'exchange_store_token',
        'amazon_calls_insert_2',
        'platform_by_id_for_update',
        'authorization_lock_status',
        'platform_sign_in',
        'authorization_authenticated',
        'authorization_by_id',
        'authorization_insert',
        'authorizations_cancel_pending',
      ]),
    );
  });

  it('a replayed redirect still gets its answers when the one statement changes nothing', async () => {
    // (A disabled tenant and another seller: login-uri-guards and login-uri-reauthorize.)
    const auth = await startAuth(env.client, await newPlatform(env.client));
    const redirect = await amazonRedirect(env.stack.sandbox.url, auth.consentUrl, EU);
    expect((await getCallback(redirect)).status).toBe(200);
    // The same redirect again: answered as before, nothing changes.
    expect((await getCallback(redirect)).status).toBe(200);
    const other = new URL(redirect);
    other.searchParams.set('spapi_oauth_code', 'another-code');
    expect((await getCallback(other.toString())).body.error.code).toBe('STATE_REPLAYED');
  });
});
