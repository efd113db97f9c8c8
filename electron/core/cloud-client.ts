// The desktop's client of the vendor's cloud: trades the tenant's Client-ID/Client-Secret for a
// short-lived bearer token (cached until shortly before it expires) and maps every failure to a
// CodedError with a stable code: the cloud's own codes pass through; network trouble becomes
// CLOUD_UNREACHABLE; Retry-After is carried as params.retryAfter (seconds).
import { MAX_RETRY_AFTER_SECONDS, retryAfterSeconds } from '../../shared/retry';
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { z } from 'zod';
import type { CreatePlatformRequest } from '../../shared/cloud-api';
import { errorBodySchema } from '../../shared/cloud-api';
import { CLOUD_ROUTES, cloudPath, successSchema, type CloudRouteName } from '../../shared/cloud-api-routes';
import { CodedError } from '../../shared/result';

export interface CloudCredentials {
  url: string;
  clientId: string;
  clientSecret: string;
}

interface CloudClientOptions {
  timeoutMs?: number;
  now?: () => number;
}

interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
  signal?: AbortSignal;
}

const TOKEN_MARGIN_MS = 30_000;

export class CloudClient {
  private readonly http: AxiosInstance;
  private token: { value: string; expiresAt: number; key: string } | undefined;
  private readonly now: () => number;

  constructor(
    private readonly credentials: () => Promise<CloudCredentials>,
    private readonly opts: CloudClientOptions = {},
  ) {
    this.now = opts.now ?? Date.now;
    // Our own error handling: every status resolves, and no proxy from the environment is used
    // for a loopback cloud.
    this.http = axios.create({
      timeout: opts.timeoutMs ?? 15_000,
      validateStatus: () => true,
      proxy: false,
      maxRedirects: 0,
    });
  }

  /** The configured cloud URL (the desktop opens the cloud's start link only on it). */
  async url(): Promise<string> {
    return (await this.credentials()).url;
  }
  whoami() {
    return this.call('whoami');
  }
  listPlatforms() {
    return this.call('listPlatforms');
  }
  createPlatform(body: CreatePlatformRequest, idempotencyKey: string) {
    return this.call('createPlatform', { body, headers: { 'Idempotency-Key': idempotencyKey } });
  }
  getPlatform(id: string) {
    return this.call('getPlatform', { params: { id } });
  }
  renamePlatform(id: string, name: string) {
    return this.call('renamePlatform', { params: { id }, body: { name } });
  }
  async deletePlatform(id: string): Promise<void> {
    await this.call('deletePlatform', { params: { id } });
  }
  createAuthorization(platformId: string, mode: 'login' | 'refresh') {
    return this.call('createAuthorization', { params: { id: platformId }, body: { mode } });
  }
  /** Long-poll: the cloud holds the request up to `waitSeconds` while the authorization is pending. */
  getAuthorization(id: string, waitSeconds: number, signal?: AbortSignal) {
    return this.call('getAuthorization', {
      params: { id },
      query: { wait: String(waitSeconds) },
      timeoutMs: waitSeconds * 1000 + 15_000,
      ...(signal ? { signal } : {}),
    });
  }
  cancelAuthorization(id: string) {
    return this.call('cancelAuthorization', { params: { id }, body: {} });
  }
  decideSellerChange(authorizationId: string, decision: 'keep' | 'switch') {
    return this.call('decideSellerChange', { params: { id: authorizationId }, body: { decision } });
  }
  /** Long-poll of sign-ins that started on Amazon's side (Re-Authorize, Appstore) for this tenant's platforms. */
  platformChanges(since: string | undefined, waitSeconds: number, signal?: AbortSignal) {
    return this.call('platformChanges', {
      query: { wait: String(waitSeconds), ...(since !== undefined ? { since } : {}) },
      timeoutMs: waitSeconds * 1000 + 15_000,
      ...(signal ? { signal } : {}),
    });
  }
  createPairingCode(platformId: string) {
    return this.call('createPairingCode', { params: { id: platformId }, body: {} });
  }
  async acknowledgeRenameNotice(platformId: string): Promise<void> {
    await this.call('acknowledgeRenameNotice', { params: { id: platformId }, body: {} });
  }
  importSettings(platformId: string) {
    return this.call('importSettings', { params: { id: platformId }, body: {}, timeoutMs: 60_000 });
  }

  /** TESTEN: checks credentials that are not saved yet, without touching the cached token. */
  static async test(creds: CloudCredentials, opts: CloudClientOptions = {}) {
    return new CloudClient(async () => creds, opts).whoami();
  }

  /**
   * One route of shared/cloud-api-routes.ts: its method and path, and its answer parsed with the same
   * schema the cloud serialises it with. An answer that does not match is CLOUD_ERROR, never a crash.
   */
  private async call<N extends CloudRouteName>(
    name: N,
    options: CallOptions = {},
  ): Promise<z.output<ReturnType<typeof successSchema<N>>>> {
    const { method } = CLOUD_ROUTES[name];
    const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
    const path = `${cloudPath(name, options.params)}${query}`;
    const creds = await this.credentials();
    let response = await this.send(creds, method, path, options, await this.bearer(creds));
    if (response.status === 401) {
      // The token may have expired early (cloud restart with new keys): get a new one, once.
      this.token = undefined;
      response = await this.send(creds, method, path, options, await this.bearer(creds));
    }
    if (response.status >= 200 && response.status < 300) {
      // 204 No Content has no body to parse.
      const parsed = (successSchema(name) as z.ZodType).safeParse(response.status === 204 ? null : response.data);
      if (!parsed.success)
        throw new CodedError('CLOUD_ERROR', `unexpected response to ${method} ${path}`, { status: response.status });
      return parsed.data as never;
    }
    throw errorFromResponse(response, creds.url);
  }

  private async bearer(creds: CloudCredentials): Promise<string> {
    const key = `${creds.url}\n${creds.clientId}`;
    if (this.token && this.token.key === key && this.token.expiresAt - TOKEN_MARGIN_MS > this.now())
      return this.token.value;
    let response: AxiosResponse;
    try {
      response = await this.http.post(
        new URL(CLOUD_ROUTES.token.path, creds.url).toString(),
        new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
        {
          auth: { username: creds.clientId, password: creds.clientSecret },
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        },
      );
    } catch (error) {
      throw unreachable(creds.url, error);
    }
    if (response.status === 401)
      throw new CodedError('INVALID_CLIENT_CREDENTIALS', 'the cloud refused the Client-ID/Client-Secret');
    if (response.status !== 200) throw errorFromResponse(response, creds.url);
    const parsed = successSchema('token').safeParse(response.data);
    // A 200 that is no token (a web server's page, another service): the URL is not our cloud's.
    if (!parsed.success)
      throw new CodedError('NOT_A_CLOUD', 'the token endpoint answered, but not with a token', {
        status: response.status,
        url: creds.url,
      });
    this.token = { value: parsed.data.access_token, expiresAt: this.now() + parsed.data.expires_in * 1000, key };
    return this.token.value;
  }

  private async send(
    creds: CloudCredentials,
    method: string,
    path: string,
    options: CallOptions,
    token: string,
  ): Promise<AxiosResponse> {
    try {
      return await this.http.request({
        method,
        url: new URL(path, creds.url).toString(),
        headers: { Authorization: `Bearer ${token}`, ...(options.headers ?? {}) },
        ...(options.body !== undefined ? { data: options.body } : {}),
        ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      if (axios.isCancel(error) || (error as { name?: string }).name === 'CanceledError')
        throw new CodedError('ABORTED', 'request aborted');
      throw unreachable(creds.url, error);
    }
  }
}

function unreachable(url: string, error: unknown): CodedError {
  const reason = (error as { code?: string }).code ?? (error instanceof Error ? error.message : 'network error');
  return new CodedError('CLOUD_UNREACHABLE', `cloud at ${url} unreachable: ${reason}`, { url });
}

function errorFromResponse(response: AxiosResponse, url: string): CodedError {
  const header = response.headers['retry-after'];
  const retryHeader = retryAfterSeconds(typeof header === 'string' ? header : undefined, Date.now());
  const parsed = errorBodySchema.safeParse(response.data);
  // Capped like the header: a cloud (or something posing as it) cannot park a waiting sign-in for days.
  const retryAfter =
    parsed.success && parsed.data.error.retryAfter !== undefined
      ? Math.min(MAX_RETRY_AFTER_SECONDS, parsed.data.error.retryAfter)
      : retryHeader;
  const params = { status: response.status, ...(retryAfter !== undefined ? { retryAfter } : {}) };
  if (parsed.success) return new CodedError(parsed.data.error.code, parsed.data.error.message, params);
  // 404/405 without our error body: a web server, not our cloud (ours answers unknown routes with its body).
  if (response.status === 404 || response.status === 405)
    return new CodedError('NOT_A_CLOUD', `${url} answered ${response.status} without the cloud's error body`, {
      ...params,
      url,
    });
  // A proxy or a crashed cloud answers without our error body.
  if (response.status === 502 || response.status === 503 || response.status === 504) {
    return new CodedError('CLOUD_UNREACHABLE', `cloud answered ${response.status}`, params);
  }
  return new CodedError('CLOUD_ERROR', `cloud answered ${response.status}`, params);
}
