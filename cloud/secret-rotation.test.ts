// Amazon's 180-day LWA client secret rotation against the real sandbox (docs/amazon.md §3, §5): the
// sandbox switches its app's valid secret; a cloud that was given the next secret by a reload (the
// function SIGHUP calls) keeps working without a restart, a waiting long-poll survives the reload, and
// every call to Amazon is recorded with its request id. secret-rotation-process.test.ts does the same
// with a real cloud process and a real SIGHUP.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedAccount, startSandbox, type SandboxHandle } from '../sandbox';
import { productionApp as sandboxApp } from '../sandbox/seed';
import { TestCloudHttp, freePort, testClock, testConfig } from './testing/stack';
import { startCloud, type RunningCloud } from './start-cloud';
import { consentAndCallback, newPlatform, startAuth } from './testing/flow-steps';
import { parseConfig, type CloudConfig } from './config';

const EU = seedAccount('eu.haendler@example.com')!;
const APP = sandboxApp();
const NEXT = 'amzn1.oa2-cs.v1.rotated-secret-for-the-test';
const lines: string[] = [];
let sandbox: SandboxHandle;
let cloud: RunningCloud;
let config: CloudConfig;
/** What reload() reads: the tests change it as an operator edits the file. */
let readConfig = (): CloudConfig => config;
const clock = testClock(Date.parse('2026-03-01T10:00:00Z'));

beforeAll(async () => {
  const port = await freePort();
  sandbox = await startSandbox({ port: 0, extraRedirectUris: [`http://127.0.0.1:${port}/oauth/amazon/callback`] });
  config = testConfig(sandbox.url);
  config.amazon.lwaClientSecretExpiresAt = '2026-03-20';
  // The cloud's clock is injected (it dates the secrets); the sandbox runs on the real one.
  cloud = await startCloud({
    port,
    config,
    reloadConfig: () => readConfig(),
    now: clock,
    logger: { write: (l) => void lines.push(l) },
  });
});
afterAll(async () => {
  await cloud?.close();
  await sandbox?.close();
});

async function rotateInSandbox(clientSecret: string, previousValidForSeconds: number) {
  const res = await fetch(`${sandbox.url}/sandbox/api/apps/${APP.applicationId}/client-secret`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientSecret, previousValidForSeconds }),
  });
  expect(res.status).toBe(200);
}

type Call = { api: string; operation: string; httpStatus: number; requestId: string; outcome: string };
const summary = (calls: Call[]) => calls.map((r) => `${r.operation} ${r.httpStatus} ${r.outcome}`);

it('keeps working through a rotation once the next secret is reloaded, and warns before the expiry', async () => {
  const client = new TestCloudHttp(cloud.url, await cloud.createTenant('Rotation GmbH'));
  const platformId = await newPlatform(client);
  // The start-up warning: 18 days left and no next secret.
  expect(lines.join('')).toMatch(
    /"level":40[^\n]*In 18 days the LWA client secret expires and no next secret is configured/,
  );

  // Amazon issues the new secret; the old one still works until its expiry.
  await rotateInSandbox(NEXT, 3600);
  // A sign-in is waiting (long-poll) while the operator reloads.
  const auth = await startAuth(client, platformId);
  const waiting = client.raw('GET', `/v1/authorizations/${auth.id}?wait=30`);

  config = {
    ...config,
    amazon: { ...config.amazon, lwaNextClientSecret: NEXT, lwaNextClientSecretExpiresAt: '2026-08-28' },
  };
  const reloaded = await cloud.reload();
  expect(reloaded).toMatchObject({
    ok: true,
    applied: ['amazon.lwaNextClientSecret', 'amazon.lwaNextClientSecretExpiresAt'],
    needsRestart: [],
  });
  expect(reloaded.secretStatus).toMatchObject({
    level: 'ok',
    active: 'current',
    nextConfigured: true,
    daysLeft: 18,
    daysUntilAllExpired: 179,
  });

  // Amazon's deadline passes early: only the new secret works from now on.
  await rotateInSandbox(NEXT, 0);
  expect((await consentAndCallback(sandbox.url, auth.consentUrl, EU)).status).toBe(200);
  const done = await waiting;
  expect(done.status).toBe(200);
  expect(done.body).toMatchObject({ status: 'authenticated', sellingPartnerId: EU.sellingPartnerId });
  // The current secret is refused, the next one accepted; both answers carry Amazon's request id.
  expect(summary(done.body.amazonRequests)).toEqual([
    'token:authorization_code 401 invalid_client',
    'token:authorization_code 200 ok',
    'getMyFeesEstimateForASIN (EU, seller id) 200 ok',
  ]);
  for (const call of (done.body.amazonRequests as Call[]).slice(0, 2))
    expect(call).toMatchObject({ api: 'lwa', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  expect(lines.join('')).toContain('accepted the next one; it is used first from now on');

  // The cloud remembers the working secret: the next sign-in calls LWA once.
  const again = await startAuth(client, platformId, 'refresh');
  await consentAndCallback(sandbox.url, again.consentUrl, EU);
  const a2 = (await client.raw('GET', `/v1/authorizations/${again.id}`)).body;
  expect(a2.status).toBe('authenticated');
  expect(summary(a2.amazonRequests)).toEqual([
    'token:authorization_code 200 ok',
    'getMyFeesEstimateForASIN (EU, seller id) 200 ok',
  ]);

  // SP-API works with the token; the platform lists its latest calls with their ids.
  expect((await client.raw('POST', `/v1/platforms/${platformId}/settings/import`)).status).toBe(200);
  const platform = await client.raw('GET', `/v1/platforms/${platformId}`);
  expect(summary(platform.body.amazonRequests)).toEqual([
    'token:authorization_code 401 invalid_client',
    'token:authorization_code 200 ok',
    'getMyFeesEstimateForASIN (EU, seller id) 200 ok',
    'token:authorization_code 200 ok',
    'getMyFeesEstimateForASIN (EU, seller id) 200 ok',
    'getMarketplaceParticipations (EU) 200 ok',
  ]);
  const log = lines.join('');
  for (const secret of [APP.clientSecret, NEXT]) expect(log).not.toContain(secret);
});

it('refuses an invalid configuration on reload and keeps the running one', async () => {
  readConfig = () =>
    parseConfig({ ...config, amazon: { ...config.amazon, lwaNextClientSecretExpiresAt: 'next tuesday' } });
  try {
    const r = await cloud.reload();
    expect(r).toMatchObject({ ok: false, applied: [] });
    expect(r.error).toContain('amazon.lwaNextClientSecretExpiresAt');
    expect(r.secretStatus).toMatchObject({ nextConfigured: true, active: 'next' });
    expect(lines.join('')).toContain('Configuration reload refused; the running configuration stays.');
  } finally {
    readConfig = () => config;
  }
});
