// The keychain's Client-Secret goes only to the cloud URL it was saved with. TESTEN with another URL
// (typed in the dialog, or sent by whatever page talks to the core) needs the secret typed in again.
// A real HTTP server on loopback records every Authorization header it receives.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Core } from './core';

import { memoryCore } from './testing/memory-core';
import { suiteTempDir } from '../../shared/testing/temp-dir';

const dir = suiteTempDir('acc-cloud-settings-');
const servers: http.Server[] = [];
const seen: Array<{ port: number; authorization: string | undefined }> = [];

/** A stand-in for any HTTP server (the saved cloud or a foreign one): answers /oauth/token and /v1/whoami. */
async function recordingServer(): Promise<string> {
  const server = http.createServer((req, res) => {
    const port = (server.address() as AddressInfo).port;
    seen.push({ port, authorization: req.headers.authorization });
    res.setHeader('Content-Type', 'application/json');
    if (req.url?.startsWith('/oauth/token'))
      res.end(JSON.stringify({ access_token: 'at', token_type: 'bearer', expires_in: 3600 }));
    else res.end(JSON.stringify({ tenantId: 't1', name: 'Tenant', clientId: 'client-1' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let core: Core;
let savedUrl: string;
let foreignUrl: string;
const SECRET = 'saved-client-secret-0123456789';
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

beforeAll(async () => {
  savedUrl = await recordingServer();
  foreignUrl = await recordingServer();
  core = memoryCore(dir);
  expect(
    await core.invoke('saveCloudSettings', { url: savedUrl, clientId: 'client-1', clientSecret: SECRET }),
  ).toMatchObject({ ok: true });
});
afterAll(async () => {
  await core.dispose();
  for (const s of servers) await new Promise((r) => s.close(r));
});

const secretSentTo = (url: string) =>
  seen.filter((s) => s.port === Number(new URL(url).port) && s.authorization === basic('client-1', SECRET));

it('never sends the saved secret to a URL other than the one it was saved with', async () => {
  for (const payload of [{ url: foreignUrl }, { url: foreignUrl, clientId: 'client-1' }, { url: `${foreignUrl}/` }]) {
    const r = await core.invoke('testCloudConnection', payload);
    expect(r).toMatchObject({ ok: false, error: { code: 'CLOUD_SECRET_REQUIRED' } });
  }
  expect(seen.filter((s) => s.port === Number(new URL(foreignUrl).port))).toEqual([]);
});

it('uses the saved secret for the saved URL (with or without it spelled out)', async () => {
  expect(await core.invoke('testCloudConnection', {})).toMatchObject({ ok: true, value: { tenantName: 'Tenant' } });
  expect(await core.invoke('testCloudConnection', { url: `${savedUrl}/` })).toMatchObject({ ok: true });
  expect(secretSentTo(savedUrl).length).toBeGreaterThan(0);
});

it('tests another URL with a secret typed in, and never with the saved one', async () => {
  expect(await core.invoke('testCloudConnection', { url: foreignUrl, clientSecret: 'typed-secret' })).toMatchObject({
    ok: true,
  });
  const foreign = seen.filter((s) => s.port === Number(new URL(foreignUrl).port));
  expect(foreign.map((s) => s.authorization)).toContain(basic('client-1', 'typed-secret'));
  expect(secretSentTo(foreignUrl)).toEqual([]);
});

it('does not send the saved secret for another Client-ID either (it belongs to the saved one)', async () => {
  expect(await core.invoke('testCloudConnection', { clientId: 'client-2' })).toMatchObject({
    ok: false,
    error: { code: 'CLOUD_SECRET_REQUIRED' },
  });
});

it('SPEICHERN of another URL or Client-ID without a typed secret is refused: the saved secret never follows', async () => {
  for (const payload of [
    { url: foreignUrl, clientId: 'client-1' },
    { url: `${foreignUrl}/`, clientId: 'client-1' },
    { url: savedUrl, clientId: 'client-2' },
  ]) {
    expect(await core.invoke('saveCloudSettings', payload)).toMatchObject({
      ok: false,
      error: { code: 'CLOUD_SECRET_REQUIRED' },
    });
  }
  expect(await core.invoke('getCloudSettings', undefined)).toEqual({
    ok: true,
    value: { url: savedUrl, clientId: 'client-1', hasSecret: true },
  });
  // Whatever uses the saved settings next (TESTEN here; the feed follower, a sign-in) still goes to the saved URL.
  expect(await core.invoke('testCloudConnection', {})).toMatchObject({ ok: true });
  expect(secretSentTo(foreignUrl)).toEqual([]);
  // The same URL again (spelled with a slash) needs no secret.
  expect(await core.invoke('saveCloudSettings', { url: `${savedUrl}/`, clientId: 'client-1' })).toMatchObject({
    ok: true,
  });
});
