// Test harness: the real sandbox and the real cloud on free loopback ports, the cloud's callback URL
// registered with the sandbox app, and a small typed client for the cloud API.
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { startSandbox, type SandboxHandle } from '../../sandbox';
import { parseConfig, type CloudConfig, type CloudConfigInput } from '../config';
import type { SandboxAppKind } from '../embedded-config';
// A test helper may read the sandbox's seed directly (the lint rule allows cloud/testing/).
import { draftApp, productionApp, unlistedApp } from '../../sandbox/seed';
import { startCloud, type RunningCloud } from '../start-cloud';
import type { CloudLogger } from '../http/logger-options';
import type { NewTenantCredentials } from '../tenants/tenant-service';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export function testConfig(
  sandboxUrl: string,
  overrides: Partial<CloudConfigInput> = {},
  app: SandboxAppKind = 'production',
): CloudConfig {
  const a = app === 'draft' ? draftApp() : app === 'unlisted' ? unlistedApp() : productionApp();
  return parseConfig({
    amazon: {
      mode: 'sandbox',
      sandboxOrigin: sandboxUrl,
      applicationId: a.applicationId,
      draftApp: app === 'draft',
      lwaClientId: a.clientId,
      lwaClientSecret: a.clientSecret,
    },
    signingKey: randomBytes(32).toString('base64'),
    encryptionKey: randomBytes(32).toString('base64'),
    lwaRetryBaseMs: 5,
    httpTimeoutMs: 3000,
    ...overrides,
  });
}

/** POST /oauth/token with HTTP Basic credentials, as the desktop sends it. */
export async function requestToken(
  baseUrl: string,
  clientId: string,
  clientSecret: string,
): Promise<{ status: number; body: { access_token?: string; error?: { code: string } } }> {
  const res = await fetch(`${baseUrl}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  return { status: res.status, body: (await res.json()) as never };
}

/** A settable clock: tests move time instead of sleeping. */
export function testClock(start = Date.now()) {
  let t = start;
  const now = () => t;
  return Object.assign(now, { advance: (ms: number) => void (t += ms), set: (ms: number) => void (t = ms) });
}

export interface Stack {
  sandbox: SandboxHandle;
  cloud: RunningCloud;
  config: CloudConfig;
  cloudPort: number;
  clock: ReturnType<typeof testClock>;
  close(): Promise<void>;
}

export async function startStack(
  opts: {
    dataDir?: string;
    overrides?: Partial<CloudConfigInput>;
    app?: SandboxAppKind;
    logger?: CloudLogger;
    sandboxStateFile?: string;
  } = {},
): Promise<Stack> {
  // The cloud's port must be known before it listens (the sandbox app registers its callback URL), so
  // another process may take it in between on a busy machine: then the whole stack starts again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startStackOnce(opts);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 3) throw err;
    }
  }
}

async function startStackOnce(opts: Parameters<typeof startStack>[0] & object): Promise<Stack> {
  const cloudPort = await freePort();
  const sandbox = await startSandbox({
    port: 0,
    extraRedirectUris: [`http://127.0.0.1:${cloudPort}/oauth/amazon/callback`],
    // Re-Authorize and the Appstore's Authorize now call the app's Login URI: this cloud's.
    loginUri: `http://127.0.0.1:${cloudPort}/oauth/amazon/login`,
    ...(opts.sandboxStateFile ? { stateFile: opts.sandboxStateFile } : {}),
  });
  const config = testConfig(sandbox.url, opts.overrides, opts.app);
  const clock = testClock();
  const cloud = await startCloud({
    port: cloudPort,
    config,
    dataDir: opts.dataDir,
    now: clock,
    ...(opts.logger ? { logger: opts.logger } : {}),
  }).catch(async (err: unknown) => {
    await sandbox.close();
    throw err;
  });
  return {
    sandbox,
    cloud,
    config,
    cloudPort,
    clock,
    async close() {
      await cloud.close();
      await sandbox.close();
    },
  };
}

interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * Raw HTTP to the cloud API for tests: client credentials → bearer token → any request, the answer unparsed
 * (so a test can send what the desktop's typed `CloudClient`, electron/core/cloud-client.ts, never would).
 */
export class TestCloudHttp {
  private token?: string;
  constructor(
    readonly baseUrl: string,
    readonly creds: Pick<NewTenantCredentials, 'clientId' | 'clientSecret'>,
  ) {}

  // Test bodies are asserted field by field; a loose type keeps the tests short.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async raw<T = any>(
    method: string,
    path: string,
    opts: { body?: unknown; headers?: Record<string, string>; auth?: boolean } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.auth !== false) headers.authorization = `Bearer ${await this.accessToken()}`;
    if (opts.body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as T };
  }

  async accessToken(): Promise<string> {
    if (!this.token) {
      const { status, body } = await requestToken(this.baseUrl, this.creds.clientId, this.creds.clientSecret);
      if (status !== 200) throw new Error(`token: ${status} ${JSON.stringify(body)}`);
      this.token = body.access_token!;
    }
    return this.token;
  }

  forgetToken(): void {
    this.token = undefined;
  }

  async createPlatform(name: string, countryCode = 'DE', region = 'EU', key?: string) {
    return this.raw('POST', '/v1/platforms', {
      body: { type: 'amazon', name, region, countryCode },
      headers: key ? { 'idempotency-key': key } : {},
    });
  }

  async startAuthorization(platformId: string, mode: 'login' | 'refresh' = 'login') {
    return this.raw('POST', `/v1/platforms/${platformId}/authorizations`, { body: { mode } });
  }
}

/** Switches a sandbox scenario on (docs/amazon.md §5 failures). */
export async function activateScenario(
  sandboxUrl: string,
  scenario: { id: string; count?: number; ms?: number; account?: string },
): Promise<void> {
  const res = await fetch(`${sandboxUrl}/sandbox/api/scenarios`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(scenario),
  });
  if (!res.ok) throw new Error(`scenario ${scenario.id}: ${res.status} ${await res.text()}`);
}
