// The long-poll of one waiting sign-in (GET /v1/authorizations/:id?wait=…), until the cloud answers
// with an end, the deadline passes, or a code comes after which waiting cannot go on.
import { pollWithBackoff, SIGN_IN_STOP_CODES } from '../poll-with-backoff';
import { complete, finish } from './completion';
import { applyAuthEvent, type SignInContext } from './context';

export async function waitLoop(c: SignInContext, platformId: string, signal: AbortSignal): Promise<void> {
  const waitSeconds = c.waitSeconds ?? 25;
  const graceMs = c.graceMs ?? 5 * 60_000;
  /** The waiting state the last poll started from. */
  let current: { authorizationId: string; remainingMs: number; unreachable: boolean } | undefined;
  await pollWithBackoff({
    signal,
    backoff: c.backoff ?? { baseMs: 1000, capMs: 30_000 },
    stopOn: SIGN_IN_STOP_CODES,
    poll: async () => {
      const p = c.platforms.find(platformId);
      if (!p || p.auth.status !== 'waiting') return true;
      const { authorizationId } = p.auth;
      const remainingMs = Date.parse(p.auth.expiresAt) - c.now();
      current = { authorizationId, remainingMs, unreachable: Boolean(p.auth.cloudUnreachableSince) };
      const a = await c.cloud.getAuthorization(
        authorizationId,
        Math.max(0, Math.min(waitSeconds, Math.ceil(remainingMs / 1000))),
        signal,
      );
      if (signal.aborted) return true;
      if (current.unreachable) {
        c.timeline.add(platformId, { id: 'cloudReachable' }, 'ok');
        applyAuthEvent(c.platforms, platformId, { type: 'cloudReachable' });
      }
      if (a.status !== 'pending') {
        await complete(c, platformId, a);
        return true;
      }
      if (remainingMs <= 0) {
        c.timeline.add(platformId, { id: 'timedOut' }, 'error');
        finish(c, platformId, authorizationId, { status: 'expired', code: 'AUTH_TIMEOUT' });
        return true;
      }
      return false;
    },
    onStop: (error) => {
      if (!current) return;
      c.timeline.add(platformId, { id: 'waitingStopped' }, 'error', `${error.code}: ${error.message}`, {
        code: error.code,
      });
      finish(c, platformId, current.authorizationId, { status: 'failed', code: error.code, detail: error.message });
    },
    onError: (error) => {
      if (!current) return true;
      if (current.remainingMs < -graceMs) {
        c.timeline.add(platformId, { id: 'gaveUp' }, 'error', error.message);
        finish(c, platformId, current.authorizationId, {
          status: 'expired',
          code: 'AUTH_TIMEOUT',
          detail: error.message,
        });
        return true;
      }
      if (error.code === 'CLOUD_UNREACHABLE' && !current.unreachable) {
        c.timeline.add(platformId, { id: 'cloudUnreachable' }, 'error', error.message);
        applyAuthEvent(c.platforms, platformId, { type: 'cloudUnreachable', at: c.nowIso() });
      }
      return false;
    },
  });
}
