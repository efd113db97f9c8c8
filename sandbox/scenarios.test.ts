// Every scenario over real HTTP, globally and per account, plus the scenario API's validation.
import { describe, expect, it } from 'vitest';
import { SCENARIOS, SCENARIO_IDS } from './scenarios';
import { draftApp, productionApp, seedAccount } from './seed';
import {
  Browser,
  EU_HOST,
  authorize,
  confirmConsent,
  consentPath,
  errorKey,
  formFields,
  obtainTokens,
  pageKind,
  reachConsent,
  sellers,
  signIn,
  sharedTestSandbox,
  tokenRequest,
  sandboxApi,
} from './testing/test-client';
import { totp } from './totp';

const PROD = productionApp();
const DRAFT = draftApp();
const EU = seedAccount('eu.haendler@example.com')!;
const NA = seedAccount('na.seller@example.com')!;
const creds = { client_id: PROD.clientId, client_secret: PROD.clientSecret };

const sb = sharedTestSandbox();

const api = (method: string, path: string, body?: unknown) => sandboxApi(sb.url, method, path, body);

const activate = async (body: Record<string, unknown>) =>
  expect((await api('PUT', '/sandbox/api/scenarios', body)).status).toBe(200);
const refreshGrant = (refresh: string) =>
  tokenRequest(sb.url, { grant_type: 'refresh_token', refresh_token: refresh, ...creds });
const grantless = () =>
  tokenRequest(sb.url, { grant_type: 'client_credentials', scope: 'sellingpartnerapi::notifications', ...creds });

describe('scenario list', () => {
  it('has stable ids, each with a German one-line description', async () => {
    const res = await api('GET', '/sandbox/api/scenarios');
    const available = res.body.available as { id: string; description: string }[];
    expect(available.map((s) => s.id)).toEqual([...SCENARIO_IDS]);
    for (const s of SCENARIOS) {
      expect(s.description.length).toBeGreaterThan(20);
      expect(s.description).not.toContain('\n');
    }
    expect(res.body.active).toEqual([]);
  });
});

describe('Seller Central scenarios', () => {
  it('consent_cancelled: "Bestätigen" reaches no redirect URI; only for the targeted account', async () => {
    await activate({ id: 'consent_cancelled', account: EU.email });
    const b = new Browser(sb.url);
    const res = await confirmConsent(
      b,
      await reachConsent(b, sb, consentPath(EU_HOST, { application_id: PROD.applicationId, state: 's' }), EU),
    );
    expect(res.status).toBe(200);
    expect(pageKind(res.text)).toBe('cancelled');
    expect((await authorize(sb, NA, PROD, 'sellercentral.amazon.com')).get('selling_partner_id')).toBe(
      NA.sellingPartnerId,
    );
  });

  it('otp_always_wrong: the right code is refused for the next N tries', async () => {
    await activate({ id: 'otp_always_wrong', count: 1 });
    const b = new Browser(sb.url);
    const mfa = await signIn(b, consentPath(EU_HOST, { application_id: PROD.applicationId, state: 's' }), EU);
    const post = () =>
      b.post(`/sc/${EU_HOST}/ap/mfa`, {
        ...formFields(mfa.text),
        otp: totp(EU.totpSecret!, sb.clock.now),
        action: 'verify',
      });
    const refused = await post();
    expect(pageKind(refused.text)).toBe('mfa');
    expect(refused.text).toContain('ungültig');
    expect((await post()).status).toBe(302);
  });

  it('draft_limit_reached: consent refused with the limit message', async () => {
    await activate({ id: 'draft_limit_reached' });
    const b = new Browser(sb.url);
    const page = await reachConsent(
      b,
      sb,
      consentPath(EU_HOST, { application_id: DRAFT.applicationId, state: 's', version: 'beta' }),
      EU,
    );
    expect(errorKey(page.text)).toBe('draft_limit');
  });
});

describe('LWA scenarios', () => {
  it('code_expired: a fresh code gets invalid_grant', async () => {
    await activate({ id: 'code_expired' });
    const code = (await authorize(sb, EU, PROD)).get('spapi_oauth_code')!;
    const res = await tokenRequest(sb.url, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: PROD.redirectUris[0]!,
      ...creds,
    });
    expect(res).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'The request has an invalid grant parameter : code' },
    });
  });

  it('invalid_client: right credentials get 401', async () => {
    await activate({ id: 'invalid_client' });
    expect(await grantless()).toMatchObject({
      status: 401,
      body: { error: 'invalid_client', error_description: 'Client authentication failed' },
    });
  });

  it('lwa_500 for the next N requests, then normal', async () => {
    await activate({ id: 'lwa_500', count: 2 });
    expect(await grantless()).toMatchObject({ status: 500, body: { error: 'ServerError' } });
    expect(await grantless()).toMatchObject({ status: 500, body: { error: 'ServerError' } });
    expect((await grantless()).status).toBe(200);
  });

  it('lwa_503 for the next N requests, then normal', async () => {
    await activate({ id: 'lwa_503', count: 1 });
    expect(await grantless()).toMatchObject({ status: 503, body: { error: 'TemporarilyUnavailable' } });
    expect((await grantless()).status).toBe(200);
  });

  it('lwa_slow: answers normally after the delay; needs ms', async () => {
    expect((await api('PUT', '/sandbox/api/scenarios', { id: 'lwa_slow' })).status).toBe(400);
    await activate({ id: 'lwa_slow', ms: 20 });
    expect((await grantless()).status).toBe(200);
    const listed = (await api('GET', '/sandbox/api/scenarios')).body.active as { id: string; ms: number }[];
    expect(listed).toEqual([{ id: 'lwa_slow', ms: 20 }]);
  });

  it('refresh_revoked: refresh gets invalid_grant with the revoked text, SP-API 403', async () => {
    const { access, refresh } = await obtainTokens(sb, EU, PROD);
    await activate({ id: 'refresh_revoked', account: EU.sellingPartnerId });
    expect(await refreshGrant(refresh)).toMatchObject({
      status: 400,
      body: {
        error: 'invalid_grant',
        error_description:
          "The request has an invalid grant parameter : refresh_token. User may have revoked or didn't grant the permission.",
      },
    });
    expect((await sellers(sb.url, 'eu', access)).status).toBe(403);
  });
});

describe('SP-API scenarios', () => {
  it('roles_missing: 403 with empty details', async () => {
    const { access } = await obtainTokens(sb, EU, PROD);
    await activate({ id: 'roles_missing' });
    const res = await sellers(sb.url, 'eu', access);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details: '' }],
    });
  });

  it('spapi_429 and spapi_500, per account', async () => {
    const eu = await obtainTokens(sb, EU, PROD);
    const na = await obtainTokens(sb, NA, PROD, 'sellercentral.amazon.com');
    await activate({ id: 'spapi_429', account: EU.email, count: 1 });
    await activate({ id: 'spapi_500', account: NA.sellingPartnerId });
    expect(await sellers(sb.url, 'eu', eu.access)).toMatchObject({
      status: 429,
      body: { errors: [{ code: 'QuotaExceeded' }] },
    });
    expect((await sellers(sb.url, 'eu', eu.access)).status).toBe(200);
    expect(await sellers(sb.url, 'na', na.access)).toMatchObject({
      status: 500,
      body: {
        errors: [
          { code: 'InternalFailure', message: 'We encountered an internal error. Please try again.', details: '' },
        ],
      },
    });
    expect((await api('DELETE', `/sandbox/api/scenarios/spapi_500?account=${NA.sellingPartnerId}`)).status).toBe(200);
    expect((await sellers(sb.url, 'na', na.access)).status).toBe(200);
  });
});

describe('scenario API', () => {
  it('rejects bad input with a clear message', async () => {
    for (const body of [
      { id: 'nope' },
      { id: 'lwa_500', count: 0 },
      { id: 'lwa_500', account: 'x@y.z' },
      { id: 'lwa_500', extra: 1 },
      { id: 'spapi_500', ms: 5 },
      'text',
    ]) {
      const res = await api('PUT', '/sandbox/api/scenarios', body);
      expect(res.status).toBe(400);
      expect((res.body.error as { message: string }).message).toBeTruthy();
    }
    expect((await api('DELETE', '/sandbox/api/scenarios/nope')).status).toBe(404);
  });

  it('replaces the whole set, activates by path, clears, and reset clears too', async () => {
    await api('PUT', '/sandbox/api/scenarios', {
      scenarios: [{ id: 'lwa_500' }, { id: 'spapi_429', account: EU.email }],
    });
    expect(((await api('GET', '/sandbox/api/scenarios')).body.active as unknown[]).length).toBe(2);
    await api('PUT', '/sandbox/api/scenarios/lwa_503', { count: 3 });
    expect(((await api('GET', '/sandbox/api/scenarios')).body.active as unknown[]).length).toBe(3);
    await api('DELETE', '/sandbox/api/scenarios');
    expect((await api('GET', '/sandbox/api/scenarios')).body.active).toEqual([]);
    await activate({ id: 'lwa_500' });
    await api('POST', '/sandbox/api/reset');
    expect((await api('GET', '/sandbox/api/scenarios')).body.active).toEqual([]);
  });

  it('the scenarios page lists every scenario and its form switches them', async () => {
    const b = new Browser(sb.url);
    const page = await b.get('/sandbox/scenarios');
    for (const s of SCENARIOS) expect(page.text).toContain(s.id);
    const set = await b.post('/sandbox/scenarios', {
      action: 'activate',
      id: 'spapi_500',
      account: EU.email,
      count: '2',
      ms: '',
    });
    expect(set.status).toBe(303);
    expect((await api('GET', '/sandbox/api/scenarios')).body.active).toEqual([
      { id: 'spapi_500', target: { email: EU.email, sellingPartnerId: EU.sellingPartnerId }, remaining: 2 },
    ]);
    const bad = await b.post('/sandbox/scenarios', {
      action: 'activate',
      id: 'lwa_slow',
      account: '',
      count: '',
      ms: '',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('lwa_slow');
    await b.post('/sandbox/scenarios', { action: 'off', id: 'spapi_500', account: EU.email });
    expect((await api('GET', '/sandbox/api/scenarios')).body.active).toEqual([]);
  });
});
