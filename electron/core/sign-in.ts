// signIn(platformId, mode): one small state machine per platform (README "How it fits together"):
//   idle → registering → starting → waiting (browser opened; long-poll) → authenticated | failed | expired | cancelled
// The waiting state is persisted with the platform, so a restart resumes the wait.
import { countryByCode } from '../../shared/amazon-regions';
import type { Authorization } from '../../shared/cloud-api';
import type { AuthState, Platform } from '../../shared/platform';
import { validAuthorization } from '../../shared/valid-authorization';
import { CodedError, type ErrorCode } from '../../shared/result';
import { backoffDelay, sleep } from '../../shared/retry';
import type { CloudClient } from './cloud-client';
import { checkConsentUrl, type ExternalUrlPolicy } from './external-urls';
import type { CoreHost, Logger } from './host';
import type { PlatformService } from './platforms';
import { ensureRegistered } from './registration';
import type { Timeline } from './timeline';
import { logAmazonRequests } from './amazon-requests';
import { NOTIFICATION_TEXTS, type NotificationTexts } from './notification-texts';

export interface SignInOptions {
  platforms: PlatformService;
  cloud: CloudClient;
  host: CoreHost;
  timeline: Timeline;
  logger: Logger;
  urlPolicy: ExternalUrlPolicy;
  now?: () => number;
  /** Long-poll hold time asked of the cloud (25 s: below common proxy idle timeouts of 30–60 s). */
  waitSeconds?: number;
  backoff?: { baseMs: number; capMs: number; random?: () => number };
  /** How long to keep trying an unreachable cloud after expiresAt before giving up. */
  graceMs?: number;
  /** Runs before the cloud authorization is created (sandbox mode: applies an armed scenario). */
  beforeStart?: (p: Platform) => Promise<void>;
  /** The notification texts in the UI's current language (ui-language.ts); German when not given. */
  texts?: () => NotificationTexts;
}


/** Codes after which waiting cannot go on. */
const FATAL_WAIT_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['AUTHORIZATION_NOT_FOUND', 'PLATFORM_NOT_FOUND', 'INVALID_CLIENT_CREDENTIALS', 'TENANT_DISABLED', 'CLOUD_NOT_CONFIGURED', 'KEYCHAIN_UNAVAILABLE', 'UNAUTHORIZED']);

export class SignInManager {
  private readonly loops = new Map<string, AbortController>();
  private readonly starting = new Map<string, Promise<Platform>>();
  private readonly now: () => number;

  constructor(private readonly o: SignInOptions) {
    this.now = o.now ?? Date.now;
  }

  /**
   * One sign-in start per platform at a time: a call while one is registering/starting (a double
   * click, a second window) is answered with that one instead of racing it — concurrent starts would
   * register the platform in the cloud several times (all but one refused as PLATFORM_NAME_TAKEN).
   * Once the start has finished, a new call begins a fresh sign-in as before.
   */
  signIn(platformId: string, mode: 'login' | 'refresh'): Promise<Platform> {
    const running = this.starting.get(platformId);
    if (running) {
      this.o.timeline.add(platformId, `sign-in (${mode}) requested again while one is starting; answered with that one`, 'info');
      return running;
    }
    const start = this.start(platformId, mode).finally(() => {
      if (this.starting.get(platformId) === start) this.starting.delete(platformId);
    });
    this.starting.set(platformId, start);
    return start;
  }

  private async start(platformId: string, mode: 'login' | 'refresh'): Promise<Platform> {
    const p = this.o.platforms.get(platformId);
    if (!p.useCloud) throw new CodedError('CLOUD_NOT_ENABLED', 'tick "Cloud verwenden" first');
    const previous = validAuthorization(p);
    if (mode === 'refresh' && !previous) throw new CodedError('NOT_AUTHENTICATED', 'refresh needs an existing authentication');
    this.stopLoop(platformId);
    this.o.timeline.add(platformId, `sign-in (${mode}) requested`, 'info', `region ${p.countryCode}`);
    try {
      const cloudId = await this.ensureRegistered(p);
      await this.o.beforeStart?.(this.o.platforms.get(platformId));
      const auth = await this.o.cloud.createAuthorization(cloudId, mode);
      this.o.timeline.add(platformId, 'authorization created', 'ok', `expires ${auth.expiresAt}`, undefined, { authorizationId: auth.id });
      const region = countryByCode(p.countryCode)!.region;
      const check = checkConsentUrl(auth.consentUrl, region, this.o.urlPolicy, { cloudUrl: await this.o.cloud.url(), authorizationId: auth.id });
      if (!check.ok) {
        await this.o.cloud.cancelAuthorization(auth.id).catch(() => undefined);
        throw new CodedError('CONSENT_URL_REJECTED', check.reason, { reason: check.reason });
      }
      const waiting: AuthState = {
        status: 'waiting',
        mode,
        authorizationId: auth.id,
        consentUrl: check.url,
        expiresAt: auth.expiresAt,
        startedAt: new Date(this.now()).toISOString(),
        browserOpened: false,
        ...(previous ? { previous } : {}),
      };
      this.o.platforms.patch(platformId, (x) => ({ ...x, auth: waiting }));
      const opened = await this.openBrowser(platformId, check.url);
      const updated = this.o.platforms.patch(platformId, (x) => (x.auth.status === 'waiting' ? { ...x, auth: { ...x.auth, browserOpened: opened } } : x));
      this.startLoop(platformId);
      return updated;
    } catch (error) {
      const code = error instanceof CodedError ? error.code : 'INTERNAL';
      this.o.timeline.add(platformId, 'sign-in could not start', 'error', `${code}: ${error instanceof Error ? error.message : ''}`);
      throw error;
    }
  }

  /**
   * A sign-in that started on Amazon's side (the cloud's Login URI, reported by its feed): wait for it
   * like for our own, without opening a browser — the seller is already in Seller Central. Ended ones
   * that were never seen pending only go to the timeline (or complete, when they succeeded).
   */
  follow(platformId: string, a: Authorization): void {
    const p = this.o.platforms.find(platformId);
    if (!p || !p.useCloud) return;
    if (p.auth.status === 'waiting' && p.auth.authorizationId === a.id) return;
    if (a.status !== 'pending' && a.status !== 'authenticated') {
      this.o.timeline.add(platformId, `sign-in started in Seller Central ended: ${a.status}`, 'info', a.error ? `${a.error.code}: ${a.error.message}` : undefined);
      return;
    }
    // Anyone can make the cloud start one with a seller's public id: while the merchant's own sign-in
    // waits, that one goes on (the seller's browser continues it through the start link's cookie).
    if (a.status === 'pending' && p.auth.status === 'waiting' && !p.auth.startedOnAmazon) {
      this.o.timeline.add(platformId, 'sign-in started in Seller Central while one of ours is waiting: ours goes on', 'info', `${a.mode}, expires ${a.expiresAt}`);
      return;
    }
    this.stopLoop(platformId);
    const previous = validAuthorization(p);
    const waiting: AuthState = {
      status: 'waiting',
      mode: a.mode,
      authorizationId: a.id,
      consentUrl: '',
      expiresAt: a.expiresAt,
      startedAt: new Date(this.now()).toISOString(),
      browserOpened: true,
      startedOnAmazon: true,
      ...(previous ? { previous } : {}),
    };
    this.o.platforms.patch(platformId, (x) => ({ ...x, auth: waiting }));
    this.o.timeline.add(platformId, 'sign-in started in Seller Central or the Appstore (Login URI)', 'info', `${a.mode}, expires ${a.expiresAt}`);
    this.startLoop(platformId);
  }

  /** The platform's id in the cloud, registering it first (e.g. before a pairing code is asked for). */
  async cloudId(platformId: string): Promise<string> {
    // A sign-in that is registering the platform right now: use its registration, do not race it.
    await this.starting.get(platformId)?.catch(() => undefined);
    const p = this.o.platforms.get(platformId);
    if (!p.useCloud) throw new CodedError('CLOUD_NOT_ENABLED', 'tick "Cloud verwenden" first');
    return this.ensureRegistered(p);
  }

  /**
   * Stops the running sign-in's loop and cancels its authorization in the cloud; returns its id. A
   * failed cancel is only noted: stopping locally is what was asked, and the cloud's pending
   * authorization expires anyway.
   */
  private async stopWaiting(platformId: string): Promise<string> {
    const p = this.o.platforms.get(platformId);
    if (p.auth.status !== 'waiting') throw new CodedError('NOT_WAITING', 'no sign-in is running');
    this.stopLoop(platformId);
    const authorizationId = p.auth.authorizationId;
    await this.o.cloud.cancelAuthorization(authorizationId).catch((e: unknown) => {
      this.o.timeline.add(platformId, 'cloud cancel failed', 'error', e instanceof Error ? e.message : String(e));
    });
    return authorizationId;
  }

  async cancel(platformId: string): Promise<Platform> {
    const before = this.o.platforms.get(platformId).auth;
    const authorizationId = await this.stopWaiting(platformId);
    // The merchant reported what Seller Central shows, then stopped: the sign-in ends with that explanation.
    const hint = before.status === 'waiting' ? before.hint : undefined;
    if (hint) {
      this.o.timeline.add(platformId, 'sign-in ended by the user after a reported Seller Central error', 'info', hint.code);
      return this.finish(platformId, authorizationId, { status: 'failed', code: hint.code, ...(hint.params ? { params: hint.params } : {}) }, false);
    }
    this.o.timeline.add(platformId, 'sign-in cancelled by the user', 'info');
    return this.finish(platformId, authorizationId, { status: 'cancelled' });
  }

  async reopen(platformId: string): Promise<Platform> {
    const p = this.o.platforms.get(platformId);
    if (p.auth.status !== 'waiting' || !p.auth.consentUrl) throw new CodedError('NOT_WAITING', 'no sign-in with a link of ours is running');
    const opened = await this.openBrowser(platformId, p.auth.consentUrl);
    return this.o.platforms.patch(platformId, (x) => (x.auth.status === 'waiting' ? { ...x, auth: { ...x.auth, browserOpened: opened } } : x));
  }

  /**
   * The answer to a refresh that brought another seller. Keep: the previous authentication simply goes
   * on. Switch: the new seller becomes this platform's and the marketplaces imported for the old one are
   * cleared (they belong to another account) until they are imported again. The cloud decides first;
   * when it already has an answer (given from another window), that answer is applied here.
   */
  async resolveSellerChange(platformId: string, decision: 'keep' | 'switch'): Promise<Platform> {
    const p = this.o.platforms.get(platformId);
    if (p.auth.status !== 'seller_changed') throw new CodedError('NO_SELLER_CHANGE', 'no seller change is waiting for an answer');
    const { authorizationId } = p.auth;
    let decided: 'keep' | 'switch' = decision;
    try {
      await this.o.cloud.decideSellerChange(authorizationId, decision);
    } catch (error) {
      if (!(error instanceof CodedError && error.code === 'SELLER_CHANGE_DECIDED')) throw error;
      decided = decision === 'keep' ? 'switch' : 'keep';
    }
    this.o.timeline.add(platformId, decided === 'switch' ? 'switched to the other seller; marketplaces cleared' : 'kept the previous seller', 'ok');
    if (decided === 'keep') {
      return this.o.platforms.patch(platformId, (x) => (x.auth.status === 'seller_changed' && x.auth.authorizationId === authorizationId ? { ...x, auth: { status: 'authenticated', ...x.auth.previous } } : x));
    }
    const cloudPlatform = p.cloudPlatformId ? await this.o.cloud.getPlatform(p.cloudPlatformId).catch(() => undefined) : undefined;
    return this.o.platforms.patch(platformId, (x) => {
      if (x.auth.status !== 'seller_changed' || x.auth.authorizationId !== authorizationId) return x;
      const { next, previous } = x.auth;
      const storeName = cloudPlatform?.storeName ?? next.storeName;
      const { marketplaces: _old, otherMarketplaces: _other, marketplacesImportedAt: _at, ...rest } = x;
      return {
        ...rest,
        auth: {
          status: 'authenticated',
          sellingPartnerId: next.sellingPartnerId,
          authorizedAt: cloudPlatform?.authorizedAt ?? new Date(this.now()).toISOString(),
          ...(cloudPlatform?.renewalDueAt ? { renewalDueAt: cloudPlatform.renewalDueAt } : {}),
          ...(storeName ? { storeName } : {}),
          previousSellingPartnerId: previous.sellingPartnerId,
        },
      };
    });
  }

  /** After a restart: every persisted waiting state waits again (the browser is not reopened). */
  resumeAll(): void {
    for (const p of this.o.platforms.list()) {
      if (p.auth.status === 'waiting' && !this.loops.has(p.id)) {
        this.o.timeline.add(p.id, 'waiting resumed after restart', 'info');
        this.startLoop(p.id);
      }
    }
  }

  /** Stops waiting for a platform (before it is deleted); cancels the cloud's pending authorization. */
  async abandon(platformId: string): Promise<void> {
    const p = this.o.platforms.find(platformId);
    this.stopLoop(platformId);
    if (p?.auth.status === 'waiting') await this.o.cloud.cancelAuthorization(p.auth.authorizationId).catch(() => undefined);
  }

  stopAll(): void {
    for (const id of [...this.loops.keys()]) this.stopLoop(id);
  }

  private stopLoop(platformId: string) {
    this.loops.get(platformId)?.abort();
    this.loops.delete(platformId);
  }

  private async openBrowser(platformId: string, url: string): Promise<boolean> {
    try {
      await this.o.host.openExternal(url);
      this.o.timeline.add(platformId, 'browser opened on Seller Central', 'ok', url);
      return true;
    } catch (error) {
      this.o.timeline.add(platformId, 'no browser could be opened; the link is shown to copy', 'error', error instanceof Error ? error.message : String(error));
      return false;
    }
  }

  private ensureRegistered(p: Platform): Promise<string> {
    return ensureRegistered(this.o, p);
  }

  private startLoop(platformId: string) {
    const controller = new AbortController();
    this.loops.set(platformId, controller);
    void this.waitLoop(platformId, controller.signal)
      .catch((error: unknown) => this.o.logger.error('wait loop failed', { platformId, error: error instanceof Error ? error.message : String(error) }))
      .finally(() => {
        if (this.loops.get(platformId) === controller) this.loops.delete(platformId);
      });
  }

  private async waitLoop(platformId: string, signal: AbortSignal): Promise<void> {
    const waitSeconds = this.o.waitSeconds ?? 25;
    const backoff = this.o.backoff ?? { baseMs: 1000, capMs: 30_000 };
    const graceMs = this.o.graceMs ?? 5 * 60_000;
    let failures = 0;
    while (!signal.aborted) {
      const p = this.o.platforms.find(platformId);
      if (!p || p.auth.status !== 'waiting') return;
      const { authorizationId } = p.auth;
      const remainingMs = Date.parse(p.auth.expiresAt) - this.now();
      try {
        const a = await this.o.cloud.getAuthorization(authorizationId, Math.max(0, Math.min(waitSeconds, Math.ceil(remainingMs / 1000))), signal);
        if (signal.aborted) return;
        failures = 0;
        if (p.auth.cloudUnreachableSince) this.markReachable(platformId);
        if (a.status !== 'pending') {
          await this.complete(platformId, a);
          return;
        }
        if (remainingMs <= 0) {
          this.o.timeline.add(platformId, 'timed out waiting for Amazon', 'error');
          this.finish(platformId, authorizationId, { status: 'expired', code: 'AUTH_TIMEOUT' });
          return;
        }
      } catch (error) {
        if (signal.aborted) return;
        const coded = error instanceof CodedError ? error : new CodedError('INTERNAL', String(error));
        if (FATAL_WAIT_CODES.has(coded.code)) {
          this.o.timeline.add(platformId, 'waiting stopped', 'error', `${coded.code}: ${coded.message}`);
          this.finish(platformId, authorizationId, { status: 'failed', code: coded.code, detail: coded.message });
          return;
        }
        if (remainingMs < -graceMs) {
          this.o.timeline.add(platformId, 'gave up: cloud unreachable past the deadline', 'error', coded.message);
          this.finish(platformId, authorizationId, { status: 'expired', code: 'AUTH_TIMEOUT', detail: coded.message });
          return;
        }
        if (coded.code === 'CLOUD_UNREACHABLE' && !p.auth.cloudUnreachableSince) this.markUnreachable(platformId, coded.message);
        const retryAfter = typeof coded.params?.retryAfter === 'number' ? coded.params.retryAfter * 1000 : undefined;
        await sleep(retryAfter ?? backoffDelay(failures++, backoff), signal);
      }
    }
  }

  private markUnreachable(platformId: string, detail: string) {
    this.o.timeline.add(platformId, 'cloud unreachable while waiting; retrying with backoff', 'error', detail);
    this.o.platforms.patch(platformId, (x) => (x.auth.status === 'waiting' ? { ...x, auth: { ...x.auth, cloudUnreachableSince: new Date(this.now()).toISOString() } } : x));
  }

  private markReachable(platformId: string) {
    this.o.timeline.add(platformId, 'cloud reachable again', 'ok');
    this.o.platforms.patch(platformId, (x) => {
      if (x.auth.status !== 'waiting') return x;
      const { cloudUnreachableSince: _gone, ...auth } = x.auth;
      return { ...x, auth };
    });
  }

  private async complete(platformId: string, a: Authorization): Promise<void> {
    logAmazonRequests(this.o.timeline, platformId, a.amazonRequests);
    if (a.status === 'seller_changed' && a.sellerChange && !a.sellerChange.decision) {
      // Another seller: nothing changes until the user answers; the previous authentication stays valid.
      const p = this.o.platforms.get(platformId);
      if (p.auth.status !== 'waiting' || p.auth.authorizationId !== a.id || !p.auth.previous) return;
      const { previous: old, next } = a.sellerChange;
      const previous = { ...p.auth.previous, ...(old.storeName ? { storeName: old.storeName } : {}) };
      const auth: AuthState = { status: 'seller_changed', authorizationId: a.id, at: a.completedAt ?? new Date(this.now()).toISOString(), previous, next };
      this.o.timeline.add(platformId, 'Amazon returned another seller; waiting for the user to keep or switch', 'info', `seller ${old.sellingPartnerId} → ${next.sellingPartnerId}`);
      this.o.platforms.patch(platformId, (x) => (x.auth.status === 'waiting' && x.auth.authorizationId === a.id ? { ...x, auth } : x));
      const text = this.texts().sellerChanged;
      this.notify(text.title, text.body(p.name));
      return;
    }
    if (a.status === 'authenticated' && a.sellingPartnerId) {
      const p = this.o.platforms.get(platformId);
      // A cloud that answers with the store name (null included) has said all the platform would: no
      // second round trip before the sign-in shows as done (issue 26). An older cloud is asked.
      const cloudPlatform =
        a.storeName !== undefined
          ? { storeName: a.storeName ?? undefined, authorizedAt: a.completedAt, renewalDueAt: a.renewalDueAt }
          : p.cloudPlatformId
            ? await this.o.cloud.getPlatform(p.cloudPlatformId).catch(() => undefined)
            : undefined;
      const previous = p.auth.status === 'waiting' ? p.auth.previous : undefined;
      // Same seller: the store name known before stays; the cloud's is newer when it has one.
      const storeName = cloudPlatform?.storeName ?? (previous?.sellingPartnerId === a.sellingPartnerId ? previous.storeName : undefined);
      const auth: AuthState = {
        status: 'authenticated',
        sellingPartnerId: a.sellingPartnerId,
        authorizedAt: cloudPlatform?.authorizedAt ?? a.completedAt ?? new Date(this.now()).toISOString(),
        ...((cloudPlatform?.renewalDueAt ?? a.renewalDueAt) ? { renewalDueAt: cloudPlatform?.renewalDueAt ?? a.renewalDueAt } : {}),
        ...(storeName ? { storeName } : {}),
      };
      this.o.timeline.add(platformId, 'authenticated', 'ok', `seller ${a.sellingPartnerId}`);
      this.o.platforms.patch(platformId, (x) => (x.auth.status === 'waiting' && x.auth.authorizationId === a.id ? { ...x, auth } : x));
      const text = this.texts().signInDone;
      this.notify(text.title, text.body(p.name, a.sellingPartnerId));
      return;
    }
    const status = a.status === 'authenticated' || a.status === 'seller_changed' ? 'failed' : a.status;
    // An expired authorization is the desktop's timeout, whatever the cloud called it.
    const code = status === 'expired' ? 'AUTH_TIMEOUT' : (a.error?.code ?? (status === 'cancelled' ? 'AUTH_CANCELLED' : 'CLOUD_ERROR'));
    this.o.timeline.add(platformId, `sign-in ${status}`, status === 'cancelled' ? 'info' : 'error', `${code}${a.error ? `: ${a.error.message}` : ''}`);
    this.finish(platformId, a.id, { status: status as 'failed' | 'expired' | 'cancelled', code, ...(a.error ? { detail: a.error.message } : {}) });
  }

  /** Ends a waiting state; a refresh that did not succeed keeps the previous authentication. */
  private finish(platformId: string, authorizationId: string, end: { status: 'failed' | 'expired' | 'cancelled'; code?: ErrorCode; detail?: string; params?: Record<string, string> }, notify = true): Platform {
    const p = this.o.platforms.get(platformId);
    if (p.auth.status !== 'waiting' || p.auth.authorizationId !== authorizationId) return p;
    const previous = p.auth.previous;
    let auth: AuthState;
    if (end.status === 'cancelled' && previous) {
      auth = { status: 'authenticated', ...previous };
    } else {
      auth = {
        status: end.status,
        at: new Date(this.now()).toISOString(),
        ...(end.code ? { error: { code: end.code, ...(end.detail ? { detail: end.detail } : {}), ...(end.params ? { params: end.params } : {}) } } : {}),
        ...(previous ? { previous } : {}),
      };
    }
    const next = this.o.platforms.patch(platformId, (x) => ({ ...x, auth }));
    if (notify && end.status !== 'cancelled') {
      const text = this.texts().signInFailed;
      this.notify(text.title, text.body(p.name, end.status === 'expired'));
    }
    return next;
  }

  private texts(): NotificationTexts {
    return this.o.texts?.() ?? NOTIFICATION_TEXTS.de;
  }

  private notify(title: string, body: string) {
    if (!this.o.host.isFocused()) this.o.host.notify(title, body);
  }
}
