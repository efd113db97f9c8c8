import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { createAccessTokenVerifier, issueAccessToken, verifyAccessToken } from './access-token';

const key = new Uint8Array(randomBytes(32));
const T0 = Date.parse('2026-11-28T10:00:00Z');

it('remembers a verified token until it expires, then refuses it', async () => {
  let now = T0;
  const verify = createAccessTokenVerifier(key, () => now);
  const token = await issueAccessToken(key, 'tenant-1', T0, 900);
  expect(await verify(token)).toBe('tenant-1');
  expect(await verify(token)).toBe('tenant-1');
  now = T0 + 899_000;
  expect(await verify(token)).toBe('tenant-1');
  now = T0 + 901_000;
  expect(await verify(token)).toBeUndefined();
  expect(await verifyAccessToken(key, token, now)).toBeUndefined();
});

it('never accepts a token signed with another key or altered, even after a good one was cached', async () => {
  const verify = createAccessTokenVerifier(key, () => T0);
  const good = await issueAccessToken(key, 'tenant-1', T0, 900);
  await verify(good);
  const forged = await issueAccessToken(new Uint8Array(randomBytes(32)), 'tenant-1', T0, 900);
  expect(await verify(forged)).toBeUndefined();
  const [h, p] = good.split('.');
  const otherTenant = Buffer.from(
    JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), sub: 'tenant-2' }),
  ).toString('base64url');
  expect(await verify(`${h}.${otherTenant}.${good.split('.')[2]}`)).toBeUndefined();
});

it('keeps at most maxEntries tokens, oldest out first, and still verifies evicted ones', async () => {
  const verify = createAccessTokenVerifier(key, () => T0, 2);
  const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((t) => issueAccessToken(key, t, T0, 900)));
  for (const t of [a!, b!, c!]) await verify(t);
  expect(verify.cachedCount()).toBe(2);
  expect([verify.isCached(a!), verify.isCached(b!), verify.isCached(c!)]).toEqual([false, true, true]);
  expect(await verify(a!)).toBe('a');
  expect([verify.isCached(a!), verify.isCached(b!), verify.isCached(c!)]).toEqual([true, false, true]);
  expect(verify.cachedCount()).toBe(2);
});

it('drops an expired token from the cache instead of keeping it', async () => {
  let now = T0;
  const verify = createAccessTokenVerifier(key, () => now);
  const token = await issueAccessToken(key, 'tenant-1', T0, 900);
  await verify(token);
  expect(verify.isCached(token)).toBe(true);
  now = T0 + 901_000;
  expect(await verify(token)).toBeUndefined();
  expect(verify.cachedCount()).toBe(0);
});

it('known() answers only tokens verified before and not expired, without verifying', async () => {
  let now = T0;
  const verify = createAccessTokenVerifier(key, () => now);
  const token = await issueAccessToken(key, 'tenant-k', T0, 900, 3);
  expect(verify.known(token)).toBeUndefined();
  await verify(token);
  expect(verify.known(token)).toMatchObject({ tenantId: 'tenant-k', generation: 3 });
  expect(verify.known(`${token}x`)).toBeUndefined();
  now = T0 + 901_000;
  expect(verify.known(token)).toBeUndefined();
});

it('known() refuses a token that ends like a remembered one (same signature, other payload)', async () => {
  const verify = createAccessTokenVerifier(key, () => T0);
  const good = await issueAccessToken(key, 'tenant-1', T0, 900);
  await verify(good);
  const [h, p, sig] = good.split('.');
  const otherTenant = Buffer.from(
    JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), sub: 'tenant-2' }),
  ).toString('base64url');
  const sameEnd = `${h}.${otherTenant}.${sig}`;
  expect(sameEnd.slice(-43)).toBe(good.slice(-43));
  expect(verify.known(sameEnd)).toBeUndefined();
  expect(verify.isCached(sameEnd)).toBe(false);
  expect(verify.known(`x${good}`)).toBeUndefined();
  expect(verify.known(good)).toMatchObject({ tenantId: 'tenant-1' });
});
