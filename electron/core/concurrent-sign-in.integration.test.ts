// Ten ANMELDEN on one platform at once (a double click, several windows, a page calling the API in a
// loop): one sign-in runs, and every call is answered with that one — one platform registered in the
// cloud, one authorization, one browser opened. Real core, cloud, sandbox and keychain on loopback.
import { expect, it } from 'vitest';
import { seedAccount } from '../../sandbox/seed';
import { TestCloudHttp, type Stack } from '../../cloud/testing/stack';
import { confirmConsent, SellerBrowser, signInToConsent } from '../../cloud/testing/seller-browser';
import type { Desktop } from './testing/desktop';
import { useDesktopStack } from './testing/desktop-stack';

const EU = seedAccount('eu.haendler@example.com')!;
let stack: Stack;
let tenant: { clientId: string; clientSecret: string };
let desk: Desktop;

useDesktopStack('Gleichzeitig GmbH', (started) => void ({ stack, desk, tenant } = started));

it('ten concurrent ANMELDEN on one platform start one sign-in and all get it', async () => {
  const p = await desk.newPlatform('Amazon Zehnfach');
  const results = await Promise.allSettled(
    Array.from({ length: 10 }, () => desk.call('signIn', { id: p.id, mode: 'login' })),
  );
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code?: string }).code] : []));
  expect(failures).toEqual([]);
  const ids = new Set(
    results.map((r) =>
      r.status === 'fulfilled' && r.value.auth.status === 'waiting' ? r.value.auth.authorizationId : 'not waiting',
    ),
  );
  expect(ids.size).toBe(1);
  expect(desk.opened).toHaveLength(1);

  const cloud = new TestCloudHttp(stack.cloud.url, tenant);
  const platforms = (await cloud.raw('GET', '/v1/platforms')).body.platforms as Array<{ name: string }>;
  expect(platforms.filter((x) => x.name === 'Amazon Zehnfach')).toHaveLength(1);
  const steps = (await desk.call('getTimeline', { id: p.id })).map((e) => e.step);
  expect(steps.filter((s) => s === 'authorization created')).toHaveLength(1);

  // And that one sign-in completes.
  const browser = new SellerBrowser();
  await confirmConsent(browser, await signInToConsent(browser, desk.opened[0]!, EU, stack.sandbox.url));
  const done = await desk.until(p.id, (x) => x.auth.status === 'authenticated');
  expect(done.auth).toMatchObject({ status: 'authenticated', sellingPartnerId: EU.sellingPartnerId });
});

it('a new ANMELDEN after the running one has started begins a fresh sign-in as before', async () => {
  const p = await desk.newPlatform('Amazon Nacheinander');
  const first = await desk.call('signIn', { id: p.id, mode: 'login' });
  const second = await desk.call('signIn', { id: p.id, mode: 'login' });
  expect(
    first.auth.status === 'waiting' &&
      second.auth.status === 'waiting' &&
      first.auth.authorizationId !== second.auth.authorizationId,
  ).toBe(true);
  await desk.call('cancelSignIn', { id: p.id });
});
