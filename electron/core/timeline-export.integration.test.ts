// The Protokoll export after a whole flow with failures (real core, cloud, sandbox, keychain): the
// header names what support needs, the steps are German with their codes, and no secret, code, state
// or token that passed through the flow appears anywhere in it.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { productionApp, seedAccount } from '../../sandbox/seed';
import { totp } from '../../sandbox/totp';
import { activateScenario, type Stack } from '../../cloud/testing/stack';
import { consentRedirect, SellerBrowser, signInToConsent } from '../../cloud/testing/seller-browser';
import { timelineExportSchema } from '../../shared/timeline-export';
import type { Desktop } from './testing/desktop';
import { useDesktopStack } from './testing/desktop-stack';
import { suiteTempDir } from '../../shared/testing/temp-dir';

const EU = seedAccount('eu.haendler@example.com')!;
let stack: Stack;
let desk: Desktop;
let tenant: { tenantId: string; clientId: string; clientSecret: string };
const stateFile = path.join(suiteTempDir('acc-export-'), 'sandbox.json');

useDesktopStack('Export Handel GmbH', (started) => void ({ stack, desk, tenant } = started), {
  stack: { sandboxStateFile: stateFile },
});

/** One sign-in through Seller Central; returns what passed through the seller's browser. */
async function signIn(platformId: string, mode: 'login' | 'refresh') {
  await desk.call('signIn', { id: platformId, mode });
  const consentUrl = desk.opened.at(-1)!;
  const browser = new SellerBrowser();
  const page = await signInToConsent(browser, consentUrl, EU, stack.sandbox.url);
  const location = await consentRedirect(browser, page);
  await browser.go(location);
  await desk.until(platformId, (p) => p.auth.status !== 'waiting');
  const q = new URL(location).searchParams;
  return [
    new URL(consentUrl).searchParams.get('state')!,
    q.get('state')!,
    q.get('spapi_oauth_code')!,
    q.get('mws_auth_token')!,
  ];
}

it('exports a header, German steps with codes, and no secret', async () => {
  const p = await desk.newPlatform('Amazon Export');
  const seen: string[] = [];
  // A failed exchange (code expired), a good sign-in, an import, a failed import (SP-API 429).
  await activateScenario(stack.sandbox.url, { id: 'code_expired', account: EU.email, count: 1 });
  seen.push(...(await signIn(p.id, 'login')));
  seen.push(...(await signIn(p.id, 'login')));
  await desk.call('importSettings', { id: p.id });
  await activateScenario(stack.sandbox.url, { id: 'spapi_429', account: EU.email, count: 1 });
  expect((await desk.failure('importSettings', { id: p.id })).code).toBe('SPAPI_RATE_LIMITED');

  const saved = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as {
    refreshTokens: { token: string }[];
    accessTokens: { token: string }[];
    codes: { code: string }[];
  };
  const secrets = [
    tenant.clientSecret,
    productionApp().clientSecret,
    EU.password,
    EU.totpSecret!,
    totp(EU.totpSecret!, Date.now()),
    ...seen,
    ...saved.refreshTokens.map((t) => t.token),
    ...saved.accessTokens.map((t) => t.token),
    ...saved.codes.map((c) => c.code),
  ].filter((s) => s && s.length >= 6);
  expect(saved.refreshTokens.length).toBeGreaterThan(0);
  expect(saved.accessTokens.length).toBeGreaterThan(0);

  const exported = await desk.call('exportTimeline', { id: p.id });
  const text = JSON.stringify(exported);
  for (const secret of secrets) expect(text, 'a secret in the export').not.toContain(secret);
  // Token shapes, whatever their value.
  expect(text).not.toMatch(/Atz[ar]\||eyJ[\w-]+\.[\w-]+\.|amzn\.mws\.|amzn1\.oa2-cs/);

  expect(timelineExportSchema.safeParse(exported).success).toBe(true);
  const cloudPlatformId = (await desk.platform(p.id)).cloudPlatformId;
  expect(exported.header).toMatchObject({
    appVersion: 'test',
    amazon: 'sandbox',
    cloudHost: new URL(stack.cloud.url).host,
    tenantId: tenant.tenantId,
    platform: { id: p.id, cloudPlatformId, name: 'Amazon Export', countryCode: 'DE', region: 'EU' },
  });
  expect(exported.header.authorizationIds).toHaveLength(2);
  // Amazon's request ids of the cloud's LWA and SP-API calls (recorded with the steps).
  expect(exported.header.amazonRequestIds.length).toBeGreaterThan(0);
  expect(exported.header.scenarios).toEqual([]);
  expect(exported.status).toMatchObject({ status: 'authenticated', sellingPartnerId: EU.sellingPartnerId });
  const steps = exported.timeline.map((e) => `${e.text}${e.code ? ` (${e.code})` : ''}`);
  expect(steps).toContain('ANMELDEN angeklickt');
  expect(steps).toContain('Anmeldung fehlgeschlagen (LWA_INVALID_GRANT)');
  expect(steps).toContain('Einstellungen importieren fehlgeschlagen (SPAPI_RATE_LIMITED)');
  expect(exported.timeline[0]!.local).toMatch(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2}/);
});
