// What an operator sees of every request (issue 22, item 8): request count and latency by route
// pattern, method and status class; the build and the LWA secrets' days left as metrics; one request id
// per request — the proxy's X-Request-Id when valid, else a fresh one — returned and on every log line
// of the request; JSON lines filtered by logLevel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestCloudHttp, startStack, type Stack } from './testing/stack';
import { metric } from './testing/metrics';
import packageJson from '../package.json' with { type: 'json' };
import { createMetrics } from './ops/metrics';
import { lwaSecretStatus } from './amazon/lwa-secret-status';
import { secretsFromConfig } from './amazon/lwa-secrets';
import type { CloudConfig } from './config';

const { version } = packageJson;

const lines: string[] = [];
let stack: Stack;
const logged = () =>
  lines
    .join('')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { level: number; msg: string; reqId?: string });

beforeAll(async () => {
  stack = await startStack({ logger: { write: (line) => void lines.push(line) } });
});
afterAll(async () => stack?.close());

describe('HTTP metrics', () => {
  it('counts requests by route pattern (never the id), method and status class, with their latency', async () => {
    const tenant = await stack.cloud.createTenant('Metrik GmbH');
    const client = new TestCloudHttp(stack.cloud.url, tenant);
    /** The request count of one route, method and status class (or its +Inf latency bucket, the same number). */
    const requests = (route: string, method: string, statusClass: string, series: 'count' | 'bucket' = 'count') =>
      metric(stack.cloud, `cloud_http_request_duration_seconds_${series}`, {
        ...(series === 'bucket' ? { le: '+Inf' } : {}),
        route,
        method,
        status_class: statusClass,
      });
    const before = await requests('/v1/platforms/:id', 'GET', '4xx');
    for (const id of ['plt_nope1', 'plt_nope2'])
      expect((await client.raw('GET', `/v1/platforms/${id}`)).status).toBe(404);
    expect(await requests('/v1/platforms/:id', 'GET', '4xx')).toBe(before + 2);
    expect(await requests('/v1/platforms/:id', 'GET', '4xx', 'bucket')).toBe(before + 2);
    expect(await requests('/oauth/token', 'POST', '2xx')).toBeGreaterThanOrEqual(1);
    await fetch(`${stack.cloud.url}/no/such/route/plt_123`);
    expect(await requests('unmatched', 'GET', '4xx')).toBeGreaterThanOrEqual(1);
    const text = await (
      await fetch(`${stack.cloud.url}/metrics`, { headers: { authorization: `Bearer ${stack.cloud.adminToken}` } })
    ).text();
    expect(text).not.toContain('plt_nope1');
    expect(text).not.toContain('plt_123');
  });

  it('names the build, and the days the LWA client secret has left', async () => {
    expect(await metric(stack.cloud, 'cloud_build_info', { version, commit: 'source', node: process.version })).toBe(1);
    // Without an expiry date configured there is no series.
    expect(await metric(stack.cloud, 'cloud_lwa_client_secret_days_left', { slot: 'current' })).toBe(0);
  });

  it('the days-left gauge follows lwaSecretStatus, one series per configured secret with a date', async () => {
    const now = Date.parse('2026-06-01T00:00:00Z');
    const config = {
      ...stack.config,
      amazon: {
        ...stack.config.amazon,
        lwaClientSecretExpiresAt: '2026-07-11',
        lwaNextClientSecret: 'n',
        lwaNextClientSecretExpiresAt: '2026-11-28',
      },
    } as CloudConfig;
    const metrics = createMetrics();
    metrics.setLwaSecretSource(() => lwaSecretStatus(secretsFromConfig(config), now).secrets);
    const { body } = await metrics.render();
    expect(body).toContain('cloud_lwa_client_secret_days_left{slot="current"} 40\n');
    expect(body).toContain('cloud_lwa_client_secret_days_left{slot="next"} 180\n');
  });
});

describe('request id', () => {
  it('takes a valid X-Request-Id, returns it and logs it on the request’s lines', async () => {
    const id = 'f3b1c2d4e5f60718293a4b5c6d7e8f90';
    const res = await fetch(`${stack.cloud.url}/healthz`, { headers: { 'x-request-id': id } });
    expect(res.headers.get('x-request-id')).toBe(id);
    const mine = logged().filter((l) => l.reqId === id);
    expect(mine.map((l) => l.msg)).toEqual(['incoming request', 'request completed']);
  });

  it('replaces an invalid one (too long, other characters) and generates one when none is sent', async () => {
    const long = 'a'.repeat(129);
    for (const bad of [long, 'abc def', 'x"y', '']) {
      const res = await fetch(`${stack.cloud.url}/healthz`, { headers: { 'x-request-id': bad } });
      const got = res.headers.get('x-request-id')!;
      expect(got).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(lines.join('')).not.toContain(long);
    const a = (await fetch(`${stack.cloud.url}/healthz`)).headers.get('x-request-id');
    const b = (await fetch(`${stack.cloud.url}/healthz`)).headers.get('x-request-id');
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });
});

describe('log level', () => {
  it('every line is JSON; logLevel warn keeps the request lines out', async () => {
    expect(logged().length).toBeGreaterThan(4);
    const quiet: string[] = [];
    const warnOnly = await startStack({
      logger: { write: (line) => void quiet.push(line) },
      overrides: { logLevel: 'warn' },
    });
    try {
      await fetch(`${warnOnly.cloud.url}/healthz`);
      expect(quiet.join('')).not.toContain('incoming request');
    } finally {
      await warnOnly.close();
    }
  });
});
