// Sign-ins that start on Amazon's side — Seller Central's yearly Re-Authorize, the Appstore's Authorize
// now — reach the cloud's Login URI, not the desktop. While the app runs, the core holds one long-poll of
// the cloud's per-tenant feed (GET /v1/platforms/changes?since=…&wait=25) and hands every such sign-in
// of one of its platforms to the sign-in manager, which waits for it like for its own: the platform
// shows Authentifiziert without anyone pressing AKTUALISIEREN. The cursor is kept in the profile store
// (per cloud and Client-ID), so a sign-in finished while the app was closed is applied at the next start.
import { CodedError } from '../../shared/result';
import { backoffDelay, sleep, type BackoffOptions } from '../../shared/retry';
import type { CloudClient } from './cloud-client';
import type { CloudSettings } from './cloud-settings';
import type { Logger } from './host';
import type { PlatformService } from './platforms';
import type { KeyValueStore } from './profile-store';
import type { SignInManager } from './sign-in';
import type { Timeline } from './timeline';

/** Without these nothing can be asked of the cloud until the user changes the cloud settings. */
const STOP_CODES = new Set(['CLOUD_NOT_CONFIGURED', 'KEYCHAIN_UNAVAILABLE', 'INVALID_CLIENT_CREDENTIALS']);

interface AmazonStartedOptions {
  kv: KeyValueStore;
  cloud: CloudClient;
  settings: CloudSettings;
  platforms: PlatformService;
  signIn: SignInManager;
  logger: Logger;
  /** Notes what was not followed (an inactive platform). */
  timeline?: Timeline;
  waitSeconds?: number;
  backoff?: BackoffOptions;
}

interface StoredCursor {
  key: string;
  cursor: string;
}

export class AmazonStartedFollower {
  private controller: AbortController | undefined;

  constructor(private readonly o: AmazonStartedOptions) {}

  start(): void {
    if (this.controller) return;
    const controller = new AbortController();
    this.controller = controller;
    void this.loop(controller.signal)
      .catch((error: unknown) => this.o.logger.error('feed of Amazon-started sign-ins failed', { error: error instanceof Error ? error.message : String(error) }))
      .finally(() => {
        if (this.controller === controller) this.controller = undefined;
      });
  }

  stop(): void {
    this.controller?.abort();
    this.controller = undefined;
  }

  /** After the cloud settings changed: another cloud or tenant has another feed. */
  restart(): void {
    this.stop();
    this.start();
  }

  private async loop(signal: AbortSignal): Promise<void> {
    const backoff = this.o.backoff ?? { baseMs: 1000, capMs: 60_000 };
    let failures = 0;
    while (!signal.aborted) {
      try {
        const creds = await this.o.settings.credentials();
        const key = `${creds.url}\n${creds.clientId}`;
        const stored = this.o.kv.get('amazonStartedFeed') as StoredCursor | undefined;
        const since = stored?.key === key ? stored.cursor : undefined;
        const page = await this.o.cloud.platformChanges(since, this.o.waitSeconds ?? 25, signal);
        if (signal.aborted) return;
        failures = 0;
        for (const a of page.authorizations) {
          const local = this.o.platforms.list().find((p) => p.cloudPlatformId === a.platformId);
          if (local && !local.active) this.o.timeline?.add(local.id, 'sign-in started in Seller Central not followed: the platform is not active', 'info', a.status);
          else if (local) this.o.signIn.follow(local.id, a);
        }
        if (page.cursor !== since) this.o.kv.set('amazonStartedFeed', { key, cursor: page.cursor } satisfies StoredCursor);
      } catch (error) {
        if (signal.aborted) return;
        const coded = error instanceof CodedError ? error : new CodedError('INTERNAL', String(error));
        if (STOP_CODES.has(coded.code)) return;
        const retryAfter = typeof coded.params?.retryAfter === 'number' ? coded.params.retryAfter * 1000 : undefined;
        await sleep(retryAfter ?? backoffDelay(failures++, backoff), signal);
      }
    }
  }
}
