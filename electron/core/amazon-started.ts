// Sign-ins that start on Amazon's side — Seller Central's yearly Re-Authorize, the Appstore's Authorize
// now — reach the cloud's Login URI, not the desktop. While the app runs, the core holds one long-poll of
// the cloud's per-tenant feed (GET /v1/platforms/changes?since=…&wait=25) and hands every such sign-in
// of one of its platforms to the sign-in manager, which waits for it like for its own: the platform
// shows Authentifiziert without anyone pressing AKTUALISIEREN. The cursor is kept in the profile store
// (per cloud and Client-ID), so a sign-in finished while the app was closed is applied at the next start.
import type { BackoffOptions } from '../../shared/retry';
import { pollWithBackoff, SETTINGS_NEEDED_CODES } from './poll-with-backoff';
import type { CloudClient } from './cloud-client';
import type { CloudSettings } from './cloud-settings';
import type { Logger } from './host';
import type { PlatformService } from './platforms';
import type { KeyValueStore } from './profile-store';
import type { SignInManager } from './sign-in/index';
import type { Timeline } from './timeline';

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
      .catch((error: unknown) =>
        this.o.logger.error('feed of Amazon-started sign-ins failed', {
          error: error instanceof Error ? error.message : String(error),
        }),
      )
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
    // Without settings that work nothing can be asked of the cloud: the feed stops until they change
    // (restart); anything else — a disabled tenant too — is retried (poll-with-backoff.ts).
    await pollWithBackoff({
      signal,
      backoff: this.o.backoff ?? { baseMs: 1000, capMs: 60_000 },
      stopOn: SETTINGS_NEEDED_CODES,
      poll: async () => {
        const creds = await this.o.settings.credentials();
        const key = `${creds.url}\n${creds.clientId}`;
        const stored = this.o.kv.get('amazonStartedFeed') as StoredCursor | undefined;
        const since = stored?.key === key ? stored.cursor : undefined;
        const page = await this.o.cloud.platformChanges(since, this.o.waitSeconds ?? 25, signal);
        if (signal.aborted) return true;
        for (const a of page.authorizations) {
          const local = this.o.platforms.list().find((p) => p.cloudPlatformId === a.platformId);
          if (local && !local.active) this.o.timeline?.add(local.id, { id: 'amazonStartedInactive' }, 'info', a.status);
          else if (local) this.o.signIn.follow(local.id, a);
        }
        if (page.cursor !== since)
          this.o.kv.set('amazonStartedFeed', { key, cursor: page.cursor } satisfies StoredCursor);
        return false;
      },
    });
  }
}
