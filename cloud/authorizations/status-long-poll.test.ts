// The status long-poll: the shared read of Amazon requests (the windows woken by one change share one
// query, nothing is kept once answered), and what a held request keeps of its headers.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { FastifyReply } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { CloudContext } from '../context';
import { startCloud } from '../start-cloud';
import { TestCloudHttp, testConfig } from '../testing/stack';
import { holdsChildLogger } from '../http/request-log';
import { sharedAmazonRequests } from './status-long-poll';

function countingContext() {
  const queries: string[] = [];
  let rows = [{ api: 'lwa', operation: 'token', http_status: 200, request_id: 'r1', outcome: 'ok', at: new Date(0) }];
  const db = {
    query: async (sql: string) => {
      queries.push(sql);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { rows, affectedRows: rows.length };
    },
  };
  return { ctx: { db } as unknown as CloudContext, queries, setRows: (r: typeof rows) => (rows = r) };
}

describe('shared Amazon-request reads of the status long-poll', () => {
  it('one query for the requests woken together, a new one afterwards, none shared between clouds', async () => {
    const a = countingContext();
    const b = countingContext();
    const together = await Promise.all([
      sharedAmazonRequests(a.ctx, 'auth_1'),
      sharedAmazonRequests(a.ctx, 'auth_1'),
      sharedAmazonRequests(a.ctx, 'auth_1'),
    ]);
    expect(a.queries).toHaveLength(1);
    expect(together[0]).toHaveLength(1);
    expect(together[1]).toBe(together[0]);
    await sharedAmazonRequests(a.ctx, 'auth_2');
    expect(a.queries).toHaveLength(2);
    a.setRows([]);
    expect(await sharedAmazonRequests(a.ctx, 'auth_1')).toHaveLength(0);
    expect(a.queries).toHaveLength(3);
    await sharedAmazonRequests(b.ctx, 'auth_1');
    expect(b.queries).toHaveLength(1);
  });
});

describe('a held status long-poll', () => {
  it('keeps neither the bearer token nor the raw header list while it waits, and still answers the change', async () => {
    const cloud = await startCloud({ port: 0, config: testConfig('http://127.0.0.1:9') });
    const seen: IncomingMessage[] = [];
    const onStart = (message: unknown) => seen.push((message as { request: IncomingMessage }).request);
    subscribe('http.server.request.start', onStart);
    try {
      const client = new TestCloudHttp(cloud.url, await cloud.createTenant('Held GmbH'));
      const platform = await client.createPlatform('Held');
      const auth = (await client.startAuthorization(platform.body.id as string)).body as { id: string };
      const waiting = client.raw('GET', `/v1/authorizations/${auth.id}?wait=30`);
      const held = () => seen.find((r) => r.url?.startsWith(`/v1/authorizations/${auth.id}?wait=`));
      for (let i = 0; i < 200 && held()?.rawHeaders.length !== 0; i++)
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(held()!.rawHeaders).toEqual([]);
      expect(held()!.headers.authorization).toBeUndefined();
      expect(held()!.headers.host).toBeTruthy();
      expect((await client.raw('POST', `/v1/authorizations/${auth.id}/cancel`)).status).toBe(200);
      expect((await waiting).body).toMatchObject({ id: auth.id, status: 'cancelled' });
    } finally {
      unsubscribe('http.server.request.start', onStart);
      await cloud.close();
    }
  }, 20_000);

  it('holds no pino child logger while it waits, and logs its answer with its request id', async () => {
    const lines: string[] = [];
    const cloud = await startCloud({
      port: 0,
      config: testConfig('http://127.0.0.1:9'),
      logger: { write: (line) => void lines.push(line) },
    });
    // Fastify's handler channel hands over each routed request's reply.
    const replies: FastifyReply[] = [];
    const onHandler = (message: unknown) => replies.push((message as { reply: FastifyReply }).reply);
    subscribe('tracing:fastify.request.handler:start', onHandler);
    try {
      const client = new TestCloudHttp(cloud.url, await cloud.createTenant('Quiet GmbH'));
      const platform = await client.createPlatform('Quiet');
      const auth = (await client.startAuthorization(platform.body.id as string)).body as { id: string };
      const waiting = client.raw('GET', `/v1/authorizations/${auth.id}?wait=30`);
      const held = () => replies.find((r) => r.request.url.startsWith(`/v1/authorizations/${auth.id}?wait=`));
      // The request is held once the handler has given its logger up (with Fastify's default logger, never).
      for (let i = 0; i < 200 && (!held() || holdsChildLogger(held()!.log)); i++)
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(held()!.sent).toBe(false);
      expect(holdsChildLogger(held()!.log)).toBe(false);
      expect((await client.raw('POST', `/v1/authorizations/${auth.id}/cancel`)).status).toBe(200);
      expect((await waiting).body).toMatchObject({ id: auth.id, status: 'cancelled' });
      const completed = lines
        .map((line) => JSON.parse(line) as { reqId?: string; msg?: string; res?: { statusCode: number } })
        .find((line) => line.reqId === held()!.request.id && line.msg === 'request completed');
      expect(completed?.res).toEqual({ statusCode: 200 });
    } finally {
      unsubscribe('tracing:fastify.request.handler:start', onHandler);
      await cloud.close();
    }
  }, 20_000);
});
