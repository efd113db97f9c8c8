// The context is built once and frozen: a field assigned after start (as the URLs and the reloaded
// configuration were) fails to compile and throws at run time.
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db/database';
import { createLocalNotifier } from './authorizations/notifier';
import { createLongPolls } from './authorizations/long-poll';
import { createMetrics } from './ops/metrics';
import { endpointsFor } from './config';
import { buildContext, type CloudContext } from './context';
import { createPublicUrls } from './public-urls';
import { testConfig } from './testing/stack';

const db = await openDatabase(undefined);
afterAll(() => db.close());

function context(redirectUri?: string) {
  const config = testConfig('http://127.0.0.1:1', redirectUri ? { publicUrl: 'https://cloud.example.com' } : {});
  const amazon = redirectUri ? { ...config.amazon, redirectUri } : config.amazon;
  const notifier = createLocalNotifier();
  const urls = createPublicUrls(amazon.redirectUri);
  const ctx = buildContext({
    db,
    config: { ...config, amazon, adminToken: 'a'.repeat(43) },
    endpoints: endpointsFor(config),
    now: Date.now,
    notifier,
    longPolls: createLongPolls(notifier),
    metrics: createMetrics(),
    closing: new AbortController().signal,
    urls,
    log: { info: () => undefined, warn: () => undefined },
  });
  return { ctx, urls };
}

describe('the cloud context', () => {
  it('refuses every assignment, to its fields and into its configuration', () => {
    const { ctx } = context();
    expect(Object.isFrozen(ctx)).toBe(true);
    expect(Object.isFrozen(ctx.lwa)).toBe(true);
    expect(Object.isFrozen(ctx.config.amazon)).toBe(true);
    expect(() => {
      // @ts-expect-error -- readonly
      ctx.config = { ...ctx.config };
    }).toThrow(TypeError);
    expect(() => {
      // @ts-expect-error -- readonly
      ctx.redirectUri = 'https://elsewhere.example.com/cb';
    }).toThrow(TypeError);
    expect(() => {
      // @ts-expect-error -- readonly
      ctx.lwa.onSecretSwitch = () => undefined;
    }).toThrow(TypeError);
    expect(() => {
      (ctx.config.amazon as { lwaClientSecret: string }).lwaClientSecret = 'changed';
    }).toThrow(TypeError);
    for (const key of Object.keys(ctx) as (keyof CloudContext)[])
      expect(Object.getOwnPropertyDescriptor(ctx, key)?.writable, key).not.toBe(true);
  });

  it('knows its public URLs once the server listens, and only once', () => {
    const { ctx, urls } = context();
    expect(() => ctx.loginUri).toThrow(/once the server listens/);
    urls.resolve('http://127.0.0.1:4321');
    expect(ctx.redirectUri).toBe('http://127.0.0.1:4321/oauth/amazon/callback');
    expect(ctx.loginUri).toBe('http://127.0.0.1:4321/oauth/amazon/login');
    expect(() => urls.resolve('http://127.0.0.1:9')).toThrow(/once/);
  });

  it('keeps a configured redirect URI', () => {
    const { ctx, urls } = context('https://cloud.example.com/oauth/amazon/callback');
    urls.resolve('https://cloud.example.com');
    expect(ctx.redirectUri).toBe('https://cloud.example.com/oauth/amazon/callback');
  });
});
