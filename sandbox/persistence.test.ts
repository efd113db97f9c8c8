// The sandbox's state across restarts (stateFile): tokens, authorizations, scenarios and the reset
// time survive; the file is 0600 and written atomically; a damaged file is kept aside and reported.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { productionApp, seedAccount } from './seed';
import { obtainTokens, startTestSandbox, tokenRequest, type TestSandbox } from './testing/test-client';
import { tempDirs } from '../shared/testing/temp-dir';

const PROD = productionApp();
const EU = seedAccount('eu.haendler@example.com')!;
const open: TestSandbox[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function start(stateFile: string) {
  const sb = await startTestSandbox({ stateFile });
  open.push(sb);
  return sb;
}

const tempDir = tempDirs('acc-sb-state-');
const tmpFile = () => path.join(tempDir(), 'sandbox', 'state.json');
const refresh = (url: string, token: string) =>
  tokenRequest(url, {
    grant_type: 'refresh_token',
    refresh_token: token,
    client_id: PROD.clientId,
    client_secret: PROD.clientSecret,
  });
const status = async (url: string) =>
  (await (await fetch(`${url}/sandbox/api/status`)).json()) as {
    persisted: boolean;
    resetAt?: string;
    stateWarning?: string;
  };

describe('sandbox state file', () => {
  it('a refresh token and the scenario set survive a restart', async () => {
    const file = tmpFile();
    const first = await start(file);
    const { refresh: token } = await obtainTokens(first, EU, PROD);
    await fetch(`${first.url}/sandbox/api/scenarios`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'spapi_429', account: EU.email, count: 2 }),
    });
    await first.close();
    open.splice(0);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['state.json']);

    const second = await start(file);
    expect((await refresh(second.url, token)).status).toBe(200);
    const scenarios = (await (await fetch(`${second.url}/sandbox/api/scenarios`)).json()) as { active: unknown[] };
    expect(scenarios.active).toEqual([
      { id: 'spapi_429', target: { email: EU.email, sellingPartnerId: EU.sellingPartnerId }, remaining: 2 },
    ]);
    expect(await status(second.url)).toEqual({ persisted: true });
  });

  it('a deliberate reset is remembered across restarts and voids earlier tokens', async () => {
    const file = tmpFile();
    const first = await start(file);
    const { refresh: token } = await obtainTokens(first, EU, PROD);
    expect((await fetch(`${first.url}/sandbox/api/reset`, { method: 'POST' })).status).toBe(200);
    const resetAt = (await status(first.url)).resetAt;
    expect(resetAt).toEqual(expect.any(String));
    await first.close();
    open.splice(0);
    const second = await start(file);
    expect((await status(second.url)).resetAt).toBe(resetAt);
    expect((await refresh(second.url, token)).status).toBe(400);
  });

  it.each([
    ['not JSON', '{"version":1,'],
    [
      'wrong types',
      JSON.stringify({
        version: 1,
        savedAt: 'x',
        codes: 'no',
        refreshTokens: [],
        accessTokens: [],
        authorizations: {},
        scenarios: [],
      }),
    ],
    [
      'unknown scenario',
      JSON.stringify({
        version: 1,
        savedAt: 'x',
        codes: [],
        refreshTokens: [],
        accessTokens: [],
        authorizations: {},
        scenarios: [{ id: 'rm_rf' }],
      }),
    ],
    ['control characters and extra keys', `{"version":1,"\u0000":1}`],
  ])('a damaged file (%s) is kept aside and reported; the sandbox starts from the seed', async (_name, text) => {
    const file = tmpFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    const sb = await start(file);
    const s = await status(sb.url);
    expect(s.stateWarning).toMatch(/state\.json\.corrupt-/);
    expect(fs.readFileSync(s.stateWarning!, 'utf8')).toBe(text);
    expect((await obtainTokens(sb, EU, PROD)).refresh).toMatch(/^Atzr\|/);
    expect(fs.existsSync(file)).toBe(true);
  });
});
