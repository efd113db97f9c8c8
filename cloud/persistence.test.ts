// File-backed PGlite: the cloud restarted between authorization and callback still completes the
// flow; refresh tokens are not in the database files in plain text; the embedded default's keys and
// development tenant are written once, mode 0600.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { seedAccount, startSandbox, type SandboxHandle } from '../sandbox';
import { openDatabase } from './db/database';
import { createSecretBox } from './crypto/secret-box';
import { embeddedDefaultConfig } from './embedded-config';
import { startCloud } from './start-cloud';
import { readDevTenantFile } from './tenants/dev-tenant';
import { TestCloudHttp, freePort, testConfig } from './testing/stack';
import {
  amazonRedirect,
  authorization,
  consentTarget,
  getCallback,
  newPlatform,
  startAuth,
} from './testing/flow-steps';
import { tempDirs } from '../shared/testing/temp-dir';

const EU = seedAccount('eu.haendler@example.com')!;
const tempDir = tempDirs('cloud-test-');
let sandbox: SandboxHandle;
let cloudPort: number;

beforeAll(async () => {
  cloudPort = await freePort();
  sandbox = await startSandbox({ port: 0, extraRedirectUris: [`http://127.0.0.1:${cloudPort}/oauth/amazon/callback`] });
});
afterAll(async () => {
  await sandbox?.close();
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe('a file-backed cloud', () => {
  it('survives a restart between authorization and callback, and stores the refresh token encrypted', async () => {
    const dataDir = tempDir();
    const config = testConfig(sandbox.url);
    let cloud = await startCloud({ port: cloudPort, dataDir, config });
    const creds = await cloud.createTenant('Restart GmbH');
    let client = new TestCloudHttp(cloud.url, creds);
    const platformId = await newPlatform(client);
    const auth = await startAuth(client, platformId);
    // The browser has followed the start link to Seller Central.
    const consentUrl = await consentTarget(auth.consentUrl);
    await cloud.close();

    // The seller takes their time; meanwhile the cloud restarts on the same port and data.
    const redirect = await amazonRedirect(sandbox.url, consentUrl, EU);
    cloud = await startCloud({ port: cloudPort, dataDir, config });
    client = new TestCloudHttp(cloud.url, creds);
    expect((await authorization(client, auth.id)).status).toBe('pending');
    const callback = await getCallback(redirect);
    expect(callback.status).toBe(200);
    expect(await authorization(client, auth.id)).toMatchObject({
      status: 'authenticated',
      sellingPartnerId: EU.sellingPartnerId,
    });
    expect((await client.raw('POST', `/v1/platforms/${platformId}/settings/import`)).status).toBe(200);
    await cloud.close();

    // Read the sealed token back and decrypt it with the configured key, then look for it in the files.
    const db = await openDatabase(dataDir);
    const { rows } = await db.query<{ refresh_token_enc: string }>(
      'SELECT refresh_token_enc FROM platforms WHERE id = $1',
      [platformId],
    );
    await db.close();
    const refreshToken = createSecretBox(config.encryptionKey).open(rows[0]!.refresh_token_enc, platformId);
    expect(refreshToken).toMatch(/^Atzr\|/);
    const needles = [Buffer.from(refreshToken), Buffer.from(refreshToken.slice(5)), Buffer.from('Atzr|')];
    for (const file of filesUnder(dataDir)) {
      const bytes = readFileSync(file);
      for (const needle of needles) expect(bytes.includes(needle), `${file} contains the refresh token`).toBe(false);
    }
  });
});

describe('the embedded default', () => {
  it('generates keys and a development tenant once, in 0600 files, and the tenant works', async () => {
    const dataDir = tempDir();
    const config = await embeddedDefaultConfig(dataDir, sandbox.url);
    const keysMode = statSync(join(dataDir, 'keys.json')).mode & 0o777;
    expect(keysMode).toBe(0o600);
    expect((await embeddedDefaultConfig(dataDir, sandbox.url)).signingKey).toBe(config.signingKey);

    let cloud = await startCloud({ port: 0, dataDir, config });
    const devFile = join(dataDir, 'dev-tenant.json');
    expect(statSync(devFile).mode & 0o777).toBe(0o600);
    const dev = readDevTenantFile(devFile)!;
    expect(dev.cloudUrl).toBe(cloud.url);
    const whoami = await new TestCloudHttp(cloud.url, dev).raw('GET', '/v1/whoami');
    expect(whoami.body).toMatchObject({ name: 'Entwicklung', clientId: dev.clientId });
    await cloud.close();

    cloud = await startCloud({ port: 0, dataDir, config });
    expect(readDevTenantFile(devFile)!.clientId).toBe(dev.clientId);
    // Its callback URL was added to the sandbox app's redirect URIs.
    const apps = (await (await fetch(`${sandbox.url}/sandbox/api/apps`)).json()) as {
      apps: { applicationId: string; redirectUris: string[] }[];
    };
    expect(apps.apps.find((a) => a.applicationId === config.amazon.applicationId)!.redirectUris).toContain(
      `${cloud.url}/oauth/amazon/callback`,
    );
    await cloud.close();
  });
});
