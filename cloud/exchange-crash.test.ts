// A cloud killed during the code exchange (issue 23, item 4): kill -9 of the real cloud process (the
// CLI, as systemd runs it) between using the state and storing the tokens, while the sandbox's LWA token
// endpoint is slow; then a restart on the same data directory. The authorization ends at once, not
// pending for 30 minutes: done when the stored code can still be exchanged, or failed with
// EXCHANGE_INTERRUPTED when Amazon no longer takes it. And Amazon's tokens, once stored, are never lost:
// an exchange killed after LWA answered is finished by the next start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccount, startSandbox, type SandboxHandle } from '../sandbox';
import { activateScenario, TestCloudHttp, freePort } from './testing/stack';
import { consentRedirect, SellerBrowser, signInToConsent } from './testing/seller-browser';
import { parseKeyValues, runCli, startCliCloud, type CliCloud } from './testing/cli-process';
import { suiteTempDir } from '../shared/testing/temp-dir';

const EU = seedAccount('eu.haendler@example.com')!;
const dataDir = suiteTempDir('acc-exchange-crash-');
let sandbox: SandboxHandle;
let cloud: CliCloud | undefined;
let port: number;
let client: TestCloudHttp;

const start = async () =>
  (cloud = await startCliCloud(['--port', String(port), '--data-dir', dataDir, '--sandbox', sandbox.url]));

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  port = await freePort();
  await start();
  const created = await runCli(['tenant', 'create', 'Absturz GmbH', '--data-dir', dataDir]);
  expect(created.code, created.stderr).toBe(0);
  const t = parseKeyValues(created.stdout);
  client = new TestCloudHttp(cloud!.url, { clientId: t.client_id!, clientSecret: t.client_secret! });
}, 120_000);
afterAll(async () => {
  await cloud?.stop();
  await sandbox?.close();
});

/** Whether the sandbox's LWA has taken the slow scenario (the cloud's token request is being held). */
async function lwaHolding(): Promise<boolean> {
  const { active } = (await (await fetch(`${sandbox.url}/sandbox/api/scenarios`)).json()) as {
    active: Array<{ id: string }>;
  };
  return !active.some((s) => s.id === 'lwa_slow');
}

/** A sign-in whose redirect reaches the cloud while LWA holds the token request; then kill -9. */
async function killDuringExchange(name: string): Promise<string> {
  const platform = (await client.createPlatform(name)).body as { id: string };
  const auth = (await client.startAuthorization(platform.id)).body as { id: string; consentUrl: string };
  const browser = new SellerBrowser();
  const callback = await consentRedirect(browser, await signInToConsent(browser, auth.consentUrl, EU, sandbox.url));
  await activateScenario(sandbox.url, { id: 'lwa_slow', ms: 20_000, count: 1 });
  const redirect = fetch(callback).catch(() => undefined);
  await expect.poll(lwaHolding, { timeout: 20_000, interval: 20 }).toBe(true);
  expect(await cloud!.stop('SIGKILL')).toBeNull();
  await redirect;
  return auth.id;
}

/** The first answer of the status long-poll after the restart (it would hold 25 s while pending). */
async function statusAfterRestart(authorizationId: string) {
  client.forgetToken();
  const res = await client.raw('GET', `/v1/authorizations/${authorizationId}?wait=25`);
  expect(res.status).toBe(200);
  return res.body as { status: string; sellingPartnerId?: string; error?: { code: string } };
}

describe('a cloud killed during the code exchange', () => {
  it('finishes the exchange at the next start while the code is still valid: Authentifiziert', async () => {
    const id = await killDuringExchange('Amazon Absturz');
    await start();
    client = new TestCloudHttp(cloud!.url, client.creds);
    const a = await statusAfterRestart(id);
    expect(a).toMatchObject({ status: 'authenticated', sellingPartnerId: EU.sellingPartnerId });
    const platforms = (await client.raw('GET', '/v1/platforms')).body.platforms as Array<{
      name: string;
      status: string;
    }>;
    expect(platforms.find((p) => p.name === 'Amazon Absturz')?.status).toBe('authenticated');
    expect(cloud!.output()).toContain('interrupted code exchange ended');
  }, 120_000);

  it('fails it at once with EXCHANGE_INTERRUPTED when Amazon no longer takes the code', async () => {
    const id = await killDuringExchange('Amazon Absturz Zwei');
    await activateScenario(sandbox.url, { id: 'code_expired', count: 1 });
    await start();
    const a = await statusAfterRestart(id);
    expect(a).toMatchObject({ status: 'failed', error: { code: 'EXCHANGE_INTERRUPTED' } });
  }, 120_000);
});
