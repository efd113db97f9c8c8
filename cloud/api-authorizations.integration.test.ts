// The cloud API without Amazon, over real HTTP: authorizations (consent URL, long-poll, cancel,
// supersede, expiry) and tenant isolation.
import { describe, expect, it } from 'vitest';
import { longPollsWaiting } from './testing/metrics';
import { consentTarget } from './testing/flow-steps';
import { useApiCloud } from './testing/api-cloud';

const api = useApiCloud();

describe('authorizations', () => {
  it("creates a consent URL for the country's Seller Central host with application_id, state and redirect_uri", async () => {
    const id = (await api.a.createPlatform(api.name(), 'US', 'NA')).body.id;
    const res = await api.a.startAuthorization(id);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ platformId: id, status: 'pending', pollAfterMs: expect.any(Number) });
    // The cloud's start link, which leads to Seller Central's consent URL (docs/amazon.md §1.1, §1.6).
    expect(res.body.consentUrl.startsWith(`${api.cloud.url}/oauth/amazon/start/${res.body.id}?state=`)).toBe(true);
    const url = new URL(await consentTarget(res.body.consentUrl));
    expect(url.pathname).toBe('/sc/sellercentral.amazon.com/apps/authorize/consent');
    expect(url.searchParams.get('application_id')).toMatch(/^amzn1\.sp\.solution\./);
    expect(url.searchParams.get('redirect_uri')).toBe(`${api.cloud.url}/oauth/amazon/callback`);
    expect(url.searchParams.get('state')!.split('.')).toHaveLength(3);
    expect(url.searchParams.has('version')).toBe(false);
    // The sign-in window (docs/amazon.md §1.9): 30 minutes by default.
    expect(Date.parse(res.body.expiresAt) - api.clock()).toBe(1_800_000);
  });

  it('a long-poll is woken by the change (cancel) and answers at once when not pending', async () => {
    const auth = (await api.a.startAuthorization(await api.platform())).body;
    const before = await longPollsWaiting(api.cloud);
    // The cancel comes only once the GET waits: an answer now can only be the wake-up.
    const waiting = await api.holdStatus(auth.id);
    const cancelled = await api.a.raw('POST', `/v1/authorizations/${auth.id}/cancel`);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await waiting.answer).body).toMatchObject({ id: auth.id, status: 'cancelled' });
    expect(await longPollsWaiting(api.cloud)).toBe(before);
    expect((await api.a.raw('GET', `/v1/authorizations/${auth.id}?wait=30`)).body.status).toBe('cancelled');
    const again = await api.a.raw('POST', `/v1/authorizations/${auth.id}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('AUTHORIZATION_NOT_PENDING');
  }, 20_000);

  it('a new authorization cancels the pending one and wakes its waiters', async () => {
    const id = await api.platform();
    const old = (await api.a.startAuthorization(id)).body;
    const waiting = await api.holdStatus(old.id);
    await api.a.startAuthorization(id);
    expect((await waiting.answer).body).toMatchObject({
      status: 'cancelled',
      error: { code: 'AUTHORIZATION_SUPERSEDED' },
    });
  }, 20_000);

  it('deleting the platform cancels its pending authorization', async () => {
    const id = await api.platform();
    const auth = (await api.a.startAuthorization(id)).body;
    const waiting = await api.holdStatus(auth.id);
    await api.a.raw('DELETE', `/v1/platforms/${id}`);
    expect((await waiting.answer).body.status).toBe('cancelled');
  }, 20_000);

  it('expires after its lifetime (injected clock)', async () => {
    const auth = (await api.a.startAuthorization(await api.platform())).body;
    api.clock.advance(1_800_000);
    // Both tenants' bearer tokens (15 min) expired with the clock too.
    api.a.forgetToken();
    api.b.forgetToken();
    expect((await api.a.raw('GET', `/v1/authorizations/${auth.id}`)).body).toMatchObject({
      status: 'expired',
      error: { code: 'AUTHORIZATION_EXPIRED' },
    });
  });

  it('refresh and settings import need an authenticated platform', async () => {
    const id = await api.platform();
    expect((await api.a.startAuthorization(id, 'refresh')).body.error.code).toBe('PLATFORM_NOT_AUTHENTICATED');
    expect((await api.a.raw('POST', `/v1/platforms/${id}/settings/import`)).body.error.code).toBe(
      'PLATFORM_NOT_AUTHENTICATED',
    );
  });
});

describe('tenant isolation', () => {
  it("no call reads or changes another tenant's platform or authorization", async () => {
    const id = await api.platform(api.a);
    const auth = (await api.a.startAuthorization(id)).body;
    const attempts = [
      api.b.raw('GET', `/v1/platforms/${id}`),
      api.b.raw('DELETE', `/v1/platforms/${id}`),
      api.b.raw('PATCH', `/v1/platforms/${id}`, { body: { name: 'Übernommen' } }),
      api.b.raw('POST', `/v1/platforms/${id}/authorizations`, { body: { mode: 'login' } }),
      api.b.raw('POST', `/v1/platforms/${id}/settings/import`),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('PLATFORM_NOT_FOUND');
    }
    expect((await api.b.raw('GET', `/v1/authorizations/${auth.id}`)).body.error.code).toBe('AUTHORIZATION_NOT_FOUND');
    expect((await api.b.raw('POST', `/v1/authorizations/${auth.id}/cancel`)).body.error.code).toBe(
      'AUTHORIZATION_NOT_FOUND',
    );
    expect((await api.b.raw('GET', '/v1/platforms')).body.platforms.map((p: { id: string }) => p.id)).not.toContain(id);
    expect((await api.a.raw('GET', `/v1/authorizations/${auth.id}`)).body.status).toBe('pending');
    expect((await api.a.raw('GET', `/v1/platforms/${id}`)).status).toBe(200);
  });
});
