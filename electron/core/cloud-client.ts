// The desktop's client of the vendor's cloud: trades the tenant's Client-ID/Client-Secret for a
// short-lived bearer token (cached until shortly before it expires) and maps every failure to a
// CodedError with a stable code: the cloud's own codes pass through; network trouble becomes
// CLOUD_UNREACHABLE; Retry-After is carried as params.retryAfter (seconds).
import { MAX_RETRY_AFTER_SECONDS, retryAfterSeconds } from '../../shared/retry';
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { z } from 'zod';
import {
  authorizationSchema,
  createAuthorizationResponseSchema,
  errorBodySchema,
  pairingCodeSchema,
  platformChangesSchema,
  platformListSchema,
  platformSchema,
  settingsImportResponseSchema,
  tokenResponseSchema,
  whoamiResponseSchema,
  type CreatePlatformRequest,
} from '../../shared/cloud-api';
import { CodedError } from '../../shared/result';

export interface CloudCredentials {
  url: string;
  clientId: string;
  clientSecret: string;
}

export interface CloudClientOptions {
  timeoutMs?: number;
  now?: () => number;
}

interface CallOptions {
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
    this.http = axios.create({ timeout: opts.timeoutMs ?? 15_000, validateStatus: () => true, proxy: false, maxRedirects: 0 });
  }

  whoami() {
    return this.call('GET', '/v1/whoami', whoamiResponseSchema);
  }
  listPlatforms() {
    return this.call('GET', '/v1/platforms', platformListSchema);
  }
  createPlatform(body: CreatePlatformRequest, idempotencyKey: string) {
    return this.call('POST', '/v1/platforms', platformSchema, { body, headers: { 'Idempotency-Key': idempotencyKey } });
  }
  getPlatform(id: string) {
    return this.call('GET', `/v1/platforms/${encodeURIComponent(id)}`, platformSchema);
  }
  renamePlatform(id: string, name: string) {
    return this.call('PATCH', `/v1/platforms/${encodeURIComponent(id)}`, platformSchema, { body: { name } });
  }
  async deletePlatform(id: string): Promise<void> {
    await this.call('DELETE', `/v1/platforms/${encodeURIComponent(id)}`, null);
  }
  createAuthorization(platformId: string, mode: 'login' | 'refresh') {
    return this.call('POST', `/v1/platforms/${encodeURIComponent(platformId)}/authorizations`, createAuthorizationResponseSchema, { body: { mode } });
  }
  /** Long-poll: the cloud holds the request up to `waitSeconds` while the authorization is pending. */
  getAuthorization(id: string, waitSeconds: number, signal?: AbortSignal) {
    return this.call('GET', `/v1/authorizations/${encodeURIComponent(id)}?wait=${waitSeconds}`, authorizationSchema, {
      timeoutMs: waitSeconds * 1000 + 15_000,
      ...(signal ? { signal } : {}),
    });
  }
  cancelAuthorization(id: string) {
    return this.call('POST', `/v1/authorizations/${encodeURIComponent(id)}/cancel`, authorizationSchema, { body: {} });
  }
  decideSellerChange(authorizationId: string, decision: 'keep' | 'switch') {
    return this.call('POST', `/v1/authorizations/${encodeURIComponent(authorizationId)}/seller-change`, authorizationSchema, { body: { decision } });
  }
  /** Long-poll of sign-ins that started on Amazon's side (Re-Authorize, Appstore) for this tenant's platforms. */
  platformChanges(since: string | undefined, waitSeconds: number, signal?: AbortSignal) {
    const query = new URLSearchParams({ wait: String(waitSeconds), ...(since !== undefined ? { since } : {}) });
    return this.call('GET', `/v1/platforms/changes?${query.toString()}`, platformChangesSchema, {
      timeoutMs: waitSeconds * 1000 + 15_000,
      ...(signal ? { signal } : {}),
    });
  }
  createPairingCode(platformId: string) {
    return this.call('POST', `/v1/platforms/${encodeURIComponent(platformId)}/pairing-code`, pairingCodeSchema, { body: {} });
  }
  importSettings(platformId: string) {
    return this.call('POST', `/v1/platforms/${encodeURIComponent(platformId)}/settings/import`, settingsImportResponseSchema, { body: {}, timeoutMs: 60_000 });
  }

  /** TESTEN: checks credentials that are not saved yet, without touching the cached token. */
  static async test(creds: CloudCredentials, opts: CloudClientOptions = {}) {
    return new CloudClient(async () => creds, opts).whoami();
  }

  private async call<S extends z.ZodType | null>(method: string, path: string, schema: S, options: CallOptions = {}): Promise<S extends z.ZodType ? z.output<S> : void> {
    const creds = await this.credentials();
    let response = await this.send(creds, method, path, options, await this.bearer(creds));
    if (response.status === 401) {
      // The token may have expired early (cloud restart with new keys): get a new one, once.
      this.token = undefined;
      response = await this.send(creds, method, path, options, await this.bearer(creds));
    }
    if (response.status >= 200 && response.status < 300) {
      if (!schema) return undefined as never;
      const parsed = schema.safeParse(response.data);
      if (!parsed.success) throw new CodedError('CLOUD_ERROR', `unexpected response to ${method} ${path}`, { status: response.status });
      return parsed.data as never;
    }
    throw errorFromResponse(response);
  }

  private async bearer(creds: CloudCredentials): Promise<string> {
    const key = `${creds.url}\n${creds.clientId}`;
    if (this.token && this.token.key === key && this.token.expiresAt - TOKEN_MARGIN_MS > this.now()) return this.token.value;
    let response: AxiosResponse;
    try {
      response = await this.http.post(
        new URL('/oauth/token', creds.url).toString(),
        new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
        {
          auth: { username: creds.clientId, password: creds.clientSecret },
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        },
      );
    } catch (error) {
      throw unreachable(creds.url, error);
    }
    if (response.status === 401) throw new CodedError('INVALID_CLIENT_CREDENTIALS', 'the cloud refused the Client-ID/Client-Secret');
    if (response.status !== 200) throw errorFromResponse(response);
    const parsed = tokenResponseSchema.safeParse(response.data);
    if (!parsed.success) throw new CodedError('CLOUD_ERROR', 'unexpected token response', { status: response.status });
    this.token = { value: parsed.data.access_token, expiresAt: this.now() + parsed.data.expires_in * 1000, key };
    return this.token.value;
  }

  private async send(creds: CloudCredentials, method: string, path: string, options: CallOptions, token: string): Promise<AxiosResponse> {
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
      if (axios.isCancel(error) || (error as { name?: string }).name === 'CanceledError') throw new CodedError('ABORTED', 'request aborted');
      throw unreachable(creds.url, error);
    }
  }
}

function unreachable(url: string, error: unknown): CodedError {
  const reason = (error as { code?: string }).code ?? (error instanceof Error ? error.message : 'network error');
  return new CodedError('CLOUD_UNREACHABLE', `cloud at ${url} unreachable: ${reason}`, { url });
}

function errorFromResponse(response: AxiosResponse): CodedError {
  const header = response.headers['retry-after'];
  const retryHeader = retryAfterSeconds(typeof header === 'string' ? header : undefined, Date.now());
  const parsed = errorBodySchema.safeParse(response.data);
  // Capped like the header: a cloud (or something posing as it) cannot park a waiting sign-in for days.
  const retryAfter = parsed.success && parsed.data.error.retryAfter !== undefined ? Math.min(MAX_RETRY_AFTER_SECONDS, parsed.data.error.retryAfter) : retryHeader;
  const params = { status: response.status, ...(retryAfter !== undefined ? { retryAfter } : {}) };
  if (parsed.success) return new CodedError(parsed.data.error.code, parsed.data.error.message, params);
  // A proxy or a crashed cloud answers without our error body.
  if (response.status === 502 || response.status === 503 || response.status === 504) {
    return new CodedError('CLOUD_UNREACHABLE', `cloud answered ${response.status}`, params);
  }
  return new CodedError('CLOUD_ERROR', `cloud answered ${response.status}`, params);
}
