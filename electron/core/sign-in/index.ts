// One sign-in per platform (docs/architecture.md "The sign-in state machine"): the states and arrows are
// shared/auth-machine.ts; this manager runs them — start (start.ts, registering first: registration.ts),
// the long-poll (wait-loop.ts), its end (completion.ts), the seller change (seller-change.ts) and the
// sign-ins started on Amazon's side (follow). The waiting state is persisted with the platform, so a
// restart resumes the wait.
import { allowedActions } from '../../../shared/auth-machine';
import type { Authorization } from '../../../shared/cloud-api';
import type { Platform } from '../../../shared/platform';
import { CodedError } from '../../../shared/result';
import { finish } from './completion';
import { applyAuthEvent, signInContext, type SignInContext, type SignInOptions } from './context';
import { ensureRegistered } from './registration';
import { resolveSellerChange } from './seller-change';
import { reopenConsent, startSignIn } from './start';
import { waitLoop } from './wait-loop';
import { bestEffort } from '../../../shared/best-effort';

export type { SignInOptions } from './context';
export { applyAuthEvent } from './context';
export { withAuthEvent } from '../../../shared/auth-machine';

export class SignInManager {
  private readonly loops = new Map<string, AbortController>();
  private readonly starting = new Map<string, Promise<Platform>>();
  private readonly c: SignInContext;

  constructor(options: SignInOptions) {
    this.c = signInContext(options);
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
      this.c.timeline.add(platformId, { id: 'signInRequestedAgain', params: { mode } }, 'info');
      return running;
    }
    const start = this.start(platformId, mode).finally(() => {
      if (this.starting.get(platformId) === start) this.starting.delete(platformId);
    });
    this.starting.set(platformId, start);
    return start;
  }

  private async start(platformId: string, mode: 'login' | 'refresh'): Promise<Platform> {
    const started = await startSignIn(this.c, platformId, mode, () => this.stopLoop(platformId));
    this.startLoop(platformId);
    return started;
  }

  /**
   * A sign-in that started on Amazon's side (the cloud's Login URI, reported by its feed): wait for it
   * like for our own, without opening a browser — the seller is already in Seller Central. Ended ones
   * that were never seen pending only go to the timeline (or complete, when they succeeded).
   */
  follow(platformId: string, a: Authorization): void {
    const p = this.c.platforms.find(platformId);
    if (!p || !p.useCloud) return;
    if (p.auth.status === 'waiting' && p.auth.authorizationId === a.id) return;
    if (a.status !== 'pending' && a.status !== 'authenticated') {
      this.c.timeline.add(
        platformId,
        { id: 'amazonStartedEnded', params: { status: a.status } },
        'info',
        a.error ? `${a.error.code}: ${a.error.message}` : undefined,
        a.error ? { code: a.error.code } : {},
      );
      return;
    }
    // Anyone can make the cloud start one with a seller's public id: while the merchant's own sign-in
    // waits, that one goes on (the seller's browser continues it through the start link's cookie).
    if (a.status === 'pending' && p.auth.status === 'waiting' && p.auth.origin === 'desktop') {
      this.c.timeline.add(platformId, { id: 'amazonStartedWhileWaiting' }, 'info', `${a.mode}, expires ${a.expiresAt}`);
      return;
    }
    this.stopLoop(platformId);
    applyAuthEvent(this.c.platforms, platformId, {
      type: 'followed',
      mode: a.mode,
      authorizationId: a.id,
      expiresAt: a.expiresAt,
      at: this.c.nowIso(),
    });
    this.c.timeline.add(platformId, { id: 'amazonStarted' }, 'info', `${a.mode}, expires ${a.expiresAt}`);
    this.startLoop(platformId);
  }

  /** The platform's id in the cloud, registering it first (e.g. before a pairing code is asked for). */
  async cloudId(platformId: string): Promise<string> {
    // A sign-in that is registering the platform right now: use its registration, do not race it.
    await Promise.allSettled([this.starting.get(platformId)]); // its failure is its caller's
    const p = this.c.platforms.get(platformId);
    if (!p.useCloud) throw new CodedError('CLOUD_NOT_ENABLED', 'tick "Cloud verwenden" first');
    return ensureRegistered(this.c, p);
  }

  /**
   * Stops the running sign-in's loop and cancels its authorization in the cloud. A failed cancel is only
   * noted: stopping locally is what was asked, and the cloud's pending authorization expires anyway. When
   * the merchant had reported what Seller Central shows, the sign-in ends with that explanation.
   */
  async cancel(platformId: string): Promise<Platform> {
    const before = this.c.platforms.get(platformId).auth;
    if (before.status !== 'waiting' || !allowedActions(before).has('cancel'))
      throw new CodedError('NOT_WAITING', 'no sign-in is running');
    this.stopLoop(platformId);
    const { authorizationId, hint } = before;
    await this.c.cloud.cancelAuthorization(authorizationId).catch((e: unknown) => {
      this.c.timeline.add(platformId, { id: 'cloudCancelFailed' }, 'error', e instanceof Error ? e.message : String(e));
    });
    if (hint) {
      this.c.timeline.add(platformId, { id: 'endedAfterReport' }, 'info', hint.code, { code: hint.code });
      return finish(
        this.c,
        platformId,
        authorizationId,
        { status: 'failed', code: hint.code, ...(hint.params ? { params: hint.params } : {}) },
        false,
      );
    }
    this.c.timeline.add(platformId, { id: 'cancelledByUser' }, 'info');
    return finish(this.c, platformId, authorizationId, { status: 'cancelled' });
  }

  reopen(platformId: string): Promise<Platform> {
    return reopenConsent(this.c, platformId);
  }

  resolveSellerChange(platformId: string, decision: 'keep' | 'switch'): Promise<Platform> {
    return resolveSellerChange(this.c, platformId, decision);
  }

  /** After a restart: every persisted waiting state waits again (the browser is not reopened). */
  resumeAll(): void {
    for (const p of this.c.platforms.list()) {
      if (p.auth.status === 'waiting' && !this.loops.has(p.id)) {
        this.c.timeline.add(p.id, { id: 'waitingResumed' }, 'info');
        this.startLoop(p.id);
      }
    }
  }

  /** Stops waiting for a platform (before it is deleted); cancels the cloud's pending authorization. */
  async abandon(platformId: string): Promise<void> {
    const p = this.c.platforms.find(platformId);
    this.stopLoop(platformId);
    if (p?.auth.status === 'waiting')
      await bestEffort(
        'cancelling the authorization',
        this.c.cloud.cancelAuthorization(p.auth.authorizationId),
        this.c.logger,
      );
  }

  stopAll(): void {
    for (const id of [...this.loops.keys()]) this.stopLoop(id);
  }

  private stopLoop(platformId: string) {
    this.loops.get(platformId)?.abort();
    this.loops.delete(platformId);
  }

  private startLoop(platformId: string) {
    const controller = new AbortController();
    this.loops.set(platformId, controller);
    void waitLoop(this.c, platformId, controller.signal)
      .catch((error: unknown) =>
        this.c.logger.error('wait loop failed', {
          platformId,
          error: error instanceof Error ? error.message : String(error),
        }),
      )
      .finally(() => {
        if (this.loops.get(platformId) === controller) this.loops.delete(platformId);
      });
  }
}
