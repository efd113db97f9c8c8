// The public entry point (startSandbox), the start page, reset, SMS API, redirect-URI API and the CLI.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from './index';
import { DEFAULT_REDIRECT_URI, SEED, productionApp, seedAccount } from './seed';
import { Browser, EU_HOST, confirmConsent, consentPath, errorKey, pageKind, sandboxApi } from './testing/test-client';
import { totp } from './totp';

const PROD = productionApp();
const EXTRA = 'https://cloud.example/oauth/amazon/callback';
let sb: SandboxHandle;
const clock = { now: Date.parse('2025-03-01T10:00:00Z') };

beforeAll(async () => {
  sb = await startSandbox({ port: 0, now: () => clock.now, extraRedirectUris: [EXTRA] });
});
afterAll(() => sb.close());

const json = (method: string, path: string, body?: unknown) => sandboxApi(sb.url, method, path, body);

describe('startSandbox', () => {
  it('listens on a free port on 127.0.0.1 and gives a URL without trailing slash', () => {
    expect(sb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("the seed has its apps with the cloud's default redirect URI first, plus extra URIs", async () => {
    const apps = (await json('GET', '/sandbox/api/apps')).body.apps as {
      redirectUris: string[];
      applicationId: string;
      clientId: string;
      hybrid: boolean;
      status: string;
      appstoreListing: string;
    }[];
    expect(apps.map((a) => a.status)).toEqual(['production', 'draft', 'production']);
    expect(apps.map((a) => a.appstoreListing)).toEqual(['listed', 'unlisted', 'unlisted']);
    for (const a of apps) {
      expect(a.redirectUris).toEqual([DEFAULT_REDIRECT_URI, EXTRA]);
      expect(a.applicationId).toMatch(/^amzn1\.sp\.solution\.[0-9a-f-]{36}$/);
      expect(a.clientId).toMatch(/^amzn1\.application-oa2-client\.[0-9a-f]{32}$/);
    }
    // One former MWS (hybrid) app still gets mws_auth_token; the newer ones do not.
    expect(apps.map((a) => a.hybrid)).toEqual([true, false, false]);
  });

  it('lists the seeded accounts with their passwords and one-time-code secrets (public test data)', async () => {
    const accounts = (await json('GET', '/sandbox/api/accounts')).body.accounts as Array<{
      email: string;
      password: string;
      totpSecret?: string;
      smsPhone?: string;
      region: string;
    }>;
    const eu = accounts.find((a) => a.email === 'eu.haendler@example.com');
    expect(eu).toMatchObject({ password: 'Sandbox-EU-2024!', region: 'EU' });
    expect(eu?.totpSecret).toMatch(/^[A-Z2-7]+$/);
    expect(accounts.find((a) => a.email === 'fe.seller@example.com')?.smsPhone).toBeTruthy();
    expect(accounts.length).toBeGreaterThanOrEqual(7);
  });
});

describe('start page', () => {
  it('lists every account with password and TOTP secret (and its current code), and the apps', async () => {
    const page = await new Browser(sb.url).get('/');
    expect(page.status).toBe(200);
    for (const a of SEED.accounts) {
      expect(page.text).toContain(a.email);
      expect(page.text).toContain(a.password);
      if (a.totpSecret) {
        expect(page.text).toContain(a.totpSecret);
        expect(page.text).toContain(totp(a.totpSecret, clock.now));
      }
    }
    for (const app of SEED.apps) {
      expect(page.text).toContain(app.clientId);
      expect(page.text).toContain(app.clientSecret);
    }
  });

  it('unknown pages get a 404 page or JSON', async () => {
    expect((await new Browser(sb.url).get('/nothing')).status).toBe(404);
    expect(await json('GET', '/sandbox/api/nothing')).toMatchObject({
      status: 404,
      body: { error: { code: 'NOT_FOUND' } },
    });
  });
});

describe('redirect URIs API and reset', () => {
  it("changes an app's registered redirect URIs, validates input, and reset restores them", async () => {
    const uri = 'https://erp.example/amazon';
    expect(
      await json('PUT', `/sandbox/api/apps/${PROD.applicationId}/redirect-uris`, { redirectUris: [uri] }),
    ).toMatchObject({ status: 200, body: { redirectUris: [uri] } });
    const b = new Browser(sb.url);
    const old = await b.get(
      consentPath(EU_HOST, { application_id: PROD.applicationId, state: 's', redirect_uri: DEFAULT_REDIRECT_URI }),
    );
    expect(errorKey(old.text)).toBe('MD5101');
    const fresh = await b.get(
      consentPath(EU_HOST, { application_id: PROD.applicationId, state: 's', redirect_uri: uri }),
    );
    expect(fresh.status).toBe(302);

    for (const body of [
      {},
      { redirectUris: [] },
      { redirectUris: ['not a url'] },
      { redirectUris: ['ftp://x.example/'] },
      { redirectUris: ['https://x.example/#a'] },
    ]) {
      const res = await json('PUT', `/sandbox/api/apps/${PROD.applicationId}/redirect-uris`, body);
      expect(res.status).toBe(400);
      expect((res.body.error as { message: string }).message).toBeTruthy();
    }
    expect(
      (await json('PUT', '/sandbox/api/apps/amzn1.sp.solution.unknown/redirect-uris', { redirectUris: [uri] })).status,
    ).toBe(404);

    expect(await json('POST', '/sandbox/api/reset')).toEqual({ status: 200, body: { ok: true } });
    const apps = (await json('GET', '/sandbox/api/apps')).body.apps as { redirectUris: string[] }[];
    expect(apps[0]!.redirectUris).toEqual([DEFAULT_REDIRECT_URI, EXTRA]);
  });

  it('the page’s "Sandbox zurücksetzen" is a deliberate reset like the API’s: /status names its time (issue 24)', async () => {
    clock.now += 60_000;
    const res = await fetch(`${sb.url}/sandbox/scenarios`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=reset',
      redirect: 'manual',
    });
    expect(res.status).toBeLessThan(400);
    expect((await json('GET', '/sandbox/api/status')).body.resetAt).toBe(new Date(clock.now).toISOString());
  });

  it('SMS API: unknown e-mail → 404; reset empties the inbox', async () => {
    expect((await json('GET', '/sandbox/api/sms?email=nobody@example.com')).status).toBe(404);
    const fe = seedAccount('fe.seller@example.com')!;
    const b = new Browser(sb.url);
    const signin = await b.follow(
      await b.get(consentPath('sellercentral.amazon.co.jp', { application_id: PROD.applicationId, state: 's' })),
    );
    expect(pageKind(signin.text)).toBe('signin');
    await b.post('/sc/sellercentral.amazon.co.jp/ap/signin', { email: fe.email, password: fe.password, return_to: '' });
    const sms = (await json('GET', `/sandbox/api/sms?email=${fe.email}`)).body.messages as {
      code: string;
      phone: string;
    }[];
    expect(sms).toHaveLength(1);
    expect(sms[0]!.phone).toBe(fe.smsPhone);
    sb.reset();
    expect((await json('GET', `/sandbox/api/sms?email=${fe.email}`)).body.messages).toEqual([]);
  });

  it('extra redirect URIs can be used at consent and the redirect goes there', async () => {
    const eu = seedAccount('eu.haendler@example.com')!;
    const b = new Browser(sb.url);
    const url = consentPath(EU_HOST, { application_id: PROD.applicationId, state: 's', redirect_uri: EXTRA });
    const signin = await b.follow(await b.get(url));
    const mfa = await b.follow(
      await b.post(`/sc/${EU_HOST}/ap/signin`, {
        email: eu.email,
        password: eu.password,
        return_to: /name="return_to" value="([^"]*)"/.exec(signin.text)![1]!.replace(/&amp;/g, '&'),
      }),
    );
    const consent = await b.follow(
      await b.post(`/sc/${EU_HOST}/ap/mfa`, {
        otp: totp(eu.totpSecret!, clock.now),
        action: 'verify',
        return_to: /name="return_to" value="([^"]*)"/.exec(mfa.text)![1]!.replace(/&amp;/g, '&'),
      }),
    );
    const res = await confirmConsent(b, consent);
    expect(res.location!.startsWith(`${EXTRA}?`)).toBe(true);
  });
});

describe('CLI', () => {
  it('prints its base URL and accepts --redirect-uri', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'sandbox/cli.ts', '--port', '0', '--redirect-uri', 'https://cli.example/cb'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /^(http:\/\/127\.0\.0\.1:\d+)\n/m.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      const apps = (await (await fetch(`${url}/sandbox/api/apps`)).json()) as { apps: { redirectUris: string[] }[] };
      expect(apps.apps[0]!.redirectUris).toContain('https://cli.example/cb');
    } finally {
      child.kill('SIGTERM');
    }
  });

  // Bad options (exit 2 with the usage): shared/cli-args.test.ts, for all three command lines.
});
