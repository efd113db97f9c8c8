// The cloud proves the redirect's seller id with SP-API (docs/amazon.md §1.6), driven through the real
// core against the real cloud, sandbox and keychain: an edited seller id ends the sign-in with
// SELLER_ID_DISPROVEN and the German text the renderer has for it; when the proof cannot be had (each of
// the sandbox's Product Fees variants) the sign-in still completes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedAccount } from '../../sandbox/seed';
import type { ScenarioId } from '../../sandbox/scenarios';
import { activateScenario, startStack, type Stack } from '../../cloud/testing/stack';
import { confirmConsent, SellerBrowser, signInToConsent } from '../../cloud/testing/seller-browser';
import { errorsDe } from '../../renderer/src/i18n/errors.de';
import type { Platform } from '../../shared/platform';
import { startDesktop, type Desktop } from './testing/desktop';

const EU = seedAccount('eu.haendler@example.com')!;

let stack: Stack;
let desk: Desktop;
let counter = 0;

beforeAll(async () => {
  stack = await startStack();
  const tenant = await stack.cloud.createTenant('Beweis Handel GmbH');
  desk = await startDesktop({ sandboxUrl: stack.sandbox.url });
  await desk.call('saveCloudSettings', {
    url: stack.cloud.url,
    clientId: tenant.clientId,
    clientSecret: tenant.clientSecret,
  });
});
afterAll(async () => {
  await desk?.close();
  await stack?.close();
});
beforeEach(async () => {
  expect((await fetch(`${stack.sandbox.url}/sandbox/api/reset`, { method: 'POST' })).status).toBe(200);
});

const ended = (p: Platform) => p.auth.status !== 'waiting';

/** ANMELDEN with the scenario on for the EU seller, the seller's consent, and the core's outcome. */
async function signInUnder(id: ScenarioId) {
  const p = await desk.newPlatform(`Amazon Beweis ${++counter}`, 'DE');
  await desk.call('signIn', { id: p.id, mode: 'login' });
  await activateScenario(stack.sandbox.url, { id, account: EU.email });
  const browser = new SellerBrowser();
  const consent = await signInToConsent(browser, desk.opened.at(-1)!, EU, stack.sandbox.url);
  const page = await confirmConsent(browser, consent);
  return { page, done: await desk.until(p.id, ended) };
}

describe('the seller id of the redirect', () => {
  it('redirect_seller_id_edited → SELLER_ID_DISPROVEN, explained in German with the next step', async () => {
    const { page, done } = await signInUnder('redirect_seller_id_edited');
    expect(page.status).toBe(400);
    expect(done.auth).toMatchObject({ status: 'failed', error: { code: 'SELLER_ID_DISPROVEN' } });
    expect(done.auth).not.toHaveProperty('sellingPartnerId');
    expect(errorsDe.SELLER_ID_DISPROVEN).toContain('wurde nichts gespeichert');
    expect(errorsDe.SELLER_ID_DISPROVEN).toContain('{{btnSignIn}}');
  });

  it.each<ScenarioId>(['pricing_role_missing', 'fees_429', 'fees_client_error'])(
    '%s: the sign-in completes all the same',
    async (id) => {
      const { page, done } = await signInUnder(id);
      expect(page.status).toBe(200);
      expect(done.auth).toMatchObject({ status: 'authenticated', sellingPartnerId: EU.sellingPartnerId });
    },
  );
});
