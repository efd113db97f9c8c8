// AKTUALISIEREN with another seller account: the cloud holds the new token aside, names both sellers
// (Händler-ID and store name from SP-API), keeps the platform's seller valid until the desktop answers,
// and the answer (keep / switch) is tenant-scoped and idempotent.
import { describe, expect, it } from 'vitest';
import { seedAccount } from '../sandbox';
import { TestCloudHttp } from './testing/stack';
import { useTenantStack } from './testing/tenant-stack';
import { confirmConsent, SellerBrowser, signInToConsent } from './testing/seller-browser';
import { consentAndCallback, newPlatform, startAuth } from './testing/flow-steps';

const EU = seedAccount('eu.haendler@example.com')!;
const OTHER = seedAccount('gesperrte.angebote@example.com')!;

const env = useTenantStack('Seller Change GmbH', { fresh: 'sandbox' });

/** A platform signed in as EU, then refreshed as OTHER: returns the platform and the refresh's id. */
async function refreshedWithOtherSeller(c = env.client) {
  const platformId = await newPlatform(c);
  const login = await startAuth(c, platformId);
  expect((await consentAndCallback(env.stack.sandbox.url, login.consentUrl, EU)).status).toBe(200);
  expect((await c.raw('POST', `/v1/platforms/${platformId}/settings/import`)).status).toBe(200);
  const refresh = await startAuth(c, platformId, 'refresh');
  const browser = new SellerBrowser();
  expect(
    (await confirmConsent(browser, await signInToConsent(browser, refresh.consentUrl, OTHER, env.stack.sandbox.url)))
      .status,
  ).toBe(200);
  return { platformId, authorizationId: refresh.id };
}

describe('seller change on refresh', () => {
  it('holds the new token aside, names both sellers and keeps the platform on the old seller', async () => {
    const { platformId, authorizationId } = await refreshedWithOtherSeller();
    const auth = (await env.client.raw('GET', `/v1/authorizations/${authorizationId}`)).body;
    expect(auth).toMatchObject({
      status: 'seller_changed',
      sellingPartnerId: OTHER.sellingPartnerId,
      sellingPartnerIdChanged: true,
      sellerChange: {
        previous: { sellingPartnerId: EU.sellingPartnerId, storeName: EU.storeName },
        next: { sellingPartnerId: OTHER.sellingPartnerId, storeName: OTHER.storeName },
      },
    });
    expect(auth.sellerChange.decision).toBeUndefined();
    const platform = (await env.client.raw('GET', `/v1/platforms/${platformId}`)).body;
    expect(platform).toMatchObject({
      status: 'authenticated',
      sellingPartnerId: EU.sellingPartnerId,
      storeName: EU.storeName,
    });
    // The old connection still works: the import returns the old seller's marketplaces.
    const imported = (await env.client.raw('POST', `/v1/platforms/${platformId}/settings/import`)).body;
    expect(imported.marketplaces.every((m: { storeName: string }) => m.storeName === EU.storeName)).toBe(true);
    // The held token is sealed, never the plain refresh token.
    const { rows } = await env.stack.cloud.db.query<{ held_refresh_token_enc: string | null }>(
      'SELECT held_refresh_token_enc FROM authorizations WHERE id = $1',
      [authorizationId],
    );
    expect(rows[0]!.held_refresh_token_enc).toBeTruthy();
    expect(rows[0]!.held_refresh_token_enc).not.toContain('Atzr|');
  });

  it('keep: drops the held token; the same answer again is idempotent, the other one is refused', async () => {
    const { platformId, authorizationId } = await refreshedWithOtherSeller();
    const kept = await env.client.raw('POST', `/v1/authorizations/${authorizationId}/seller-change`, {
      body: { decision: 'keep' },
    });
    expect(kept.status).toBe(200);
    expect(kept.body.sellerChange).toMatchObject({ decision: 'keep', decidedAt: expect.any(String) });
    const again = await env.client.raw('POST', `/v1/authorizations/${authorizationId}/seller-change`, {
      body: { decision: 'keep' },
    });
    expect(again.body).toEqual(kept.body);
    const other = await env.client.raw('POST', `/v1/authorizations/${authorizationId}/seller-change`, {
      body: { decision: 'switch' },
    });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('SELLER_CHANGE_DECIDED');
    expect((await env.client.raw('GET', `/v1/platforms/${platformId}`)).body).toMatchObject({
      sellingPartnerId: EU.sellingPartnerId,
    });
    const { rows } = await env.stack.cloud.db.query<{ held_refresh_token_enc: string | null }>(
      'SELECT held_refresh_token_enc FROM authorizations WHERE id = $1',
      [authorizationId],
    );
    expect(rows[0]!.held_refresh_token_enc).toBeNull();
  });

  it('switch: the platform takes the new seller, its old marketplaces are cleared, imports are the new seller’s', async () => {
    const { platformId, authorizationId } = await refreshedWithOtherSeller();
    const switched = await env.client.raw('POST', `/v1/authorizations/${authorizationId}/seller-change`, {
      body: { decision: 'switch' },
    });
    expect(switched.status).toBe(200);
    expect(switched.body.sellerChange.decision).toBe('switch');
    const platform = (await env.client.raw('GET', `/v1/platforms/${platformId}`)).body;
    expect(platform).toMatchObject({
      status: 'authenticated',
      sellingPartnerId: OTHER.sellingPartnerId,
      storeName: OTHER.storeName,
    });
    expect(platform.marketplaces).toBeUndefined();
    const imported = (await env.client.raw('POST', `/v1/platforms/${platformId}/settings/import`)).body;
    expect(imported.marketplaces.map((m: { countryCode: string }) => m.countryCode).sort()).toEqual(['DE', 'FR', 'IT']);
    expect(
      (
        await env.client.raw('POST', `/v1/authorizations/${authorizationId}/seller-change`, {
          body: { decision: 'switch' },
        })
      ).status,
    ).toBe(200);
  });

  it('is tenant-scoped, refuses bad bodies and authorizations without a seller change', async () => {
    const { authorizationId } = await refreshedWithOtherSeller();
    const stranger = new TestCloudHttp(env.stack.cloud.url, await env.stack.cloud.createTenant('Fremd GmbH'));
    const foreign = await stranger.raw('POST', `/v1/authorizations/${authorizationId}/seller-change`, {
      body: { decision: 'switch' },
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('AUTHORIZATION_NOT_FOUND');
    for (const body of [{}, { decision: 'both' }, { decision: 'keep', extra: 1 }]) {
      expect(
        (await env.client.raw('POST', `/v1/authorizations/${authorizationId}/seller-change`, { body })).status,
      ).toBe(400);
    }
    const platformId = await newPlatform(env.client);
    const pending = await startAuth(env.client, platformId);
    const notOpen = await env.client.raw('POST', `/v1/authorizations/${pending.id}/seller-change`, {
      body: { decision: 'keep' },
    });
    expect(notOpen.status).toBe(409);
    expect(notOpen.body.error.code).toBe('SELLER_CHANGE_NOT_OPEN');
  });

  it('a new sign-in drops an unanswered seller change, and the status read after it says so', async () => {
    const { platformId, authorizationId } = await refreshedWithOtherSeller();
    // Read once undecided: the cloud's status cache holds the row now.
    expect(
      (await env.client.raw('GET', `/v1/authorizations/${authorizationId}`)).body.sellerChange.decision,
    ).toBeUndefined();
    await startAuth(env.client, platformId, 'refresh');
    const auth = (await env.client.raw('GET', `/v1/authorizations/${authorizationId}`)).body;
    expect(auth.sellerChange.decision).toBe('keep');
    const { rows } = await env.stack.cloud.db.query<{ held_refresh_token_enc: string | null }>(
      'SELECT held_refresh_token_enc FROM authorizations WHERE id = $1',
      [authorizationId],
    );
    expect(rows[0]!.held_refresh_token_enc).toBeNull();
  });
});
