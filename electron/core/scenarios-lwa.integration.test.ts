// The sandbox's Login with Amazon scenarios driven through the real core against the real cloud, the
// real sandbox and the real keychain: failures end the sign-in with the cloud's code and its German
// message; transient ones are retried by the cloud. electron/core/scenario-coverage.test.ts lists these
// scenarios here.
import { describe, expect, it } from 'vitest';
import type { ScenarioId } from '../../sandbox/scenarios';
import { importedCountries } from './testing/desktop-stack';
import { EU, HTTP_TIMEOUT_MS, LWA_ATTEMPTS, ended, germanMessage, useScenarioDesk } from './testing/scenario-desk';

const sd = useScenarioDesk('Szenario LWA GmbH');
const { scenario, startSignIn, consent, authenticated, expectTimeout } = sd;

describe('Login with Amazon: the code exchange in the cloud', () => {
  async function signInUnder(id: ScenarioId, extra: { count?: number; ms?: number } = {}) {
    const { p, url } = await startSignIn();
    await scenario(id, extra);
    const page = await consent(url);
    return { page, done: await sd.desk.until(p.id, ended) };
  }

  it('code_expired → LWA_INVALID_GRANT', async () => {
    const { page, done } = await signInUnder('code_expired');
    expect(page.status).toBeGreaterThanOrEqual(400);
    expect(done.auth).toMatchObject({ status: 'failed', error: { code: 'LWA_INVALID_GRANT' } });
    germanMessage('LWA_INVALID_GRANT');
  });

  it('invalid_client → LWA_INVALID_CLIENT', async () => {
    const { done } = await signInUnder('invalid_client');
    expect(done.auth).toMatchObject({ status: 'failed', error: { code: 'LWA_INVALID_CLIENT' } });
    germanMessage('LWA_INVALID_CLIENT');
  });

  it('lwa_500 on every attempt → LWA_UNAVAILABLE once the cloud’s retries are used up', async () => {
    const { done } = await signInUnder('lwa_500', { count: LWA_ATTEMPTS });
    expect(done.auth).toMatchObject({ status: 'failed', error: { code: 'LWA_UNAVAILABLE' } });
    germanMessage('LWA_UNAVAILABLE');
  });

  it('lwa_503 once → retried by the cloud, authenticated', async () => {
    const { page, done } = await signInUnder('lwa_503', { count: 1 });
    expect(page.status).toBe(200);
    expect(done.auth).toMatchObject({ status: 'authenticated', sellingPartnerId: EU.sellingPartnerId });
  });

  it('lwa_slow once (slower than the cloud’s timeout) → retried, authenticated', async () => {
    const { done } = await signInUnder('lwa_slow', { count: 1, ms: HTTP_TIMEOUT_MS * 3 });
    expect(done.auth).toMatchObject({ status: 'authenticated', sellingPartnerId: EU.sellingPartnerId });
  });

  it('a refresh that fails (code_expired during AKTUALISIEREN) keeps the previous authentication; import still works', async () => {
    const p = await authenticated();
    const waiting = await sd.desk.call('signIn', { id: p.id, mode: 'refresh' });
    expect(waiting.auth).toMatchObject({
      status: 'waiting',
      mode: 'refresh',
      previous: { sellingPartnerId: EU.sellingPartnerId },
    });
    await scenario('code_expired', { count: 1 });
    await consent(sd.desk.opened.at(-1)!);
    const failed = await sd.desk.until(p.id, ended);
    expect(failed.auth).toMatchObject({
      status: 'failed',
      error: { code: 'LWA_INVALID_GRANT' },
      previous: { sellingPartnerId: EU.sellingPartnerId },
    });
    germanMessage('LWA_INVALID_GRANT');

    const imported = await sd.desk.call('importSettings', { id: p.id });
    expect(imported.marketplaces?.map((m) => m.countryCode).sort()).toEqual(importedCountries(EU));
    // The next AKTUALISIEREN is still a refresh of the kept authentication.
    const again = await sd.desk.call('signIn', { id: p.id, mode: 'refresh' });
    expect(again.auth).toMatchObject({ status: 'waiting', previous: { sellingPartnerId: EU.sellingPartnerId } });
    await consent(sd.desk.opened.at(-1)!);
    expect((await sd.desk.until(p.id, ended)).auth).toMatchObject({
      status: 'authenticated',
      sellingPartnerId: EU.sellingPartnerId,
    });
  });

  it('a refresh that times out keeps the previous authentication too', async () => {
    const p = await authenticated();
    await sd.desk.call('signIn', { id: p.id, mode: 'refresh' });
    const expired = await expectTimeout(p.id);
    expect(expired.auth).toMatchObject({ previous: { sellingPartnerId: EU.sellingPartnerId } });
    expect((await sd.desk.call('importSettings', { id: p.id })).marketplaces).toHaveLength(8);
  });
});
