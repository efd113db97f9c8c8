// The rotation as an operator does it: a real cloud process (the CLI), its configuration file edited,
// a real SIGHUP. A sign-in that is waiting on a long-poll when the signal arrives completes on the
// same connection, with the secret that only the reloaded file names (docs/amazon.md §5).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedAccount, startSandbox, type SandboxHandle } from '../sandbox';
import { productionApp as sandboxApp } from '../sandbox/seed';
import { readDevTenantFile } from './tenants/dev-tenant';
import { TestCloudHttp } from './testing/stack';
import { consentAndCallback, newPlatform, startAuth } from './testing/flow-steps';
import { suiteTempDir } from '../shared/testing/temp-dir';

const EU = seedAccount('eu.haendler@example.com')!;
const NEXT = 'amzn1.oa2-cs.v1.next-secret-for-the-sighup-test';
const dir = suiteTempDir('cloud-sighup-');
const configFile = join(dir, 'cloud.json');
let sandbox: SandboxHandle;
let child: ChildProcessWithoutNullStreams;
let out = '';

/** Resolves when the child's output matches (checked on every chunk). */
function waitForOutput(pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const m = pattern.exec(out);
      if (m) {
        child.stdout.off('data', check);
        child.off('exit', exited);
        resolve(m);
      }
    };
    const exited = (code: number | null) => reject(new Error(`cloud exited (${code}) before ${pattern}:\n${out}`));
    child.stdout.on('data', check);
    child.once('exit', exited);
    check();
  });
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  writeFileSync(configFile, JSON.stringify({ amazon: { lwaClientSecretExpiresAt: '2099-01-01' } }));
  // Only this test's settings: no CLOUD_* variable from the environment reaches the child.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CLOUD_')));
  child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'cloud/cli.ts',
      '--port',
      '0',
      '--sandbox',
      sandbox.url,
      '--data-dir',
      join(dir, 'data'),
      '--config',
      configFile,
    ],
    { env },
  );
  child.stdout.on('data', (d: Buffer) => void (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => void (out += d.toString()));
});
afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await sandbox?.close();
});

it('reloads the LWA secrets on SIGHUP without dropping a waiting long-poll', async () => {
  const url = (await waitForOutput(/cloud listening on (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
  const tenant = readDevTenantFile(join(dir, 'data', 'dev-tenant.json'))!;
  const client = new TestCloudHttp(url, tenant);
  const platformId = await newPlatform(client);
  const auth = await startAuth(client, platformId);
  const waiting = client.raw('GET', `/v1/authorizations/${auth.id}?wait=30`);

  // Amazon's deadline: the sandbox accepts only the new secret from now on.
  const rotated = await fetch(`${sandbox.url}/sandbox/api/apps/${sandboxApp().applicationId}/client-secret`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientSecret: NEXT }),
  });
  expect(rotated.status).toBe(200);
  writeFileSync(
    configFile,
    JSON.stringify({
      amazon: {
        lwaClientSecretExpiresAt: '2099-01-01',
        lwaNextClientSecret: NEXT,
        lwaNextClientSecretExpiresAt: '2099-06-01',
      },
    }),
  );
  child.kill('SIGHUP');
  await waitForOutput(/configuration reloaded \(amazon\.lwaNextClientSecret, amazon\.lwaNextClientSecretExpiresAt\)/);

  expect((await consentAndCallback(sandbox.url, auth.consentUrl, EU)).status).toBe(200);
  const done = await waiting;
  expect(done.body).toMatchObject({ status: 'authenticated', sellingPartnerId: EU.sellingPartnerId });
  // LWA refuses the current secret and takes the next; then the seller-id proof (Product Fees).
  expect(done.body.amazonRequests.map((r: { outcome: string }) => r.outcome)).toEqual(['invalid_client', 'ok', 'ok']);
  expect(child.exitCode).toBeNull();
  expect(out).not.toContain(NEXT);
  expect(out).not.toContain(sandboxApp().clientSecret);
}, 90_000);
