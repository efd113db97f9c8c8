// The end of a wait: the cloud's answer (authenticated, another seller, failed, expired, cancelled)
// becomes the platform's state, the timeline's step and — when the window is not focused — a notification.
import type { Authorization } from '../../../shared/cloud-api';
import type { ErrorCode } from '../../../shared/result';
import type { Platform } from '../../../shared/platform';
import { logAmazonRequests } from '../amazon-requests';
import { applyAuthEvent, type SignInContext } from './context';
import { bestEffort } from '../../../shared/best-effort';

/**
 * Records the outcome and shows it. Its writes (timeline entries, the platform) go to disk in one write
 * after `platformsChanged` is emitted (issue 26): a crash in between loses nothing, since the platform
 * is still waiting on disk, a restart resumes the wait and the cloud answers the same outcome again.
 */
export async function complete(c: SignInContext, platformId: string, a: Authorization): Promise<void> {
  // An older cloud's answer lacks the store name: it is asked before anything is recorded.
  const p = c.platforms.get(platformId);
  const cloudPlatform =
    a.status !== 'authenticated' || a.storeName !== undefined || !p.cloudPlatformId
      ? undefined
      : await bestEffort('reading the platform from the cloud', c.cloud.getPlatform(p.cloudPlatformId), c.logger);
  c.platforms.holdWrites(() => record(c, platformId, a, cloudPlatform));
}

function record(
  c: SignInContext,
  platformId: string,
  a: Authorization,
  asked: { storeName?: string; authorizedAt?: string; renewalDueAt?: string } | undefined,
): void {
  logAmazonRequests(c.timeline, platformId, a.amazonRequests);
  if (a.status === 'seller_changed' && a.sellerChange && !a.sellerChange.decision) {
    // Another seller: nothing changes until the user answers; the previous authentication stays valid.
    const p = c.platforms.get(platformId);
    if (p.auth.status !== 'waiting' || p.auth.authorizationId !== a.id || !p.auth.previous) return;
    const { previous: old, next } = a.sellerChange;
    c.timeline.add(
      platformId,
      { id: 'sellerChanged' },
      'info',
      `seller ${old.sellingPartnerId} → ${next.sellingPartnerId}`,
    );
    applyAuthEvent(c.platforms, platformId, {
      type: 'sellerChanged',
      authorizationId: a.id,
      at: a.completedAt ?? c.nowIso(),
      ...(old.storeName ? { previousStoreName: old.storeName } : {}),
      next,
    });
    const text = c.texts().sellerChanged;
    c.notify(text.title, text.body(p.name));
    return;
  }
  if (a.status === 'authenticated' && a.sellingPartnerId) {
    const p = c.platforms.get(platformId);
    // A cloud that answers with the store name (null included) has said all the platform would: no
    // second round trip before the sign-in shows as done (issue 26). An older cloud was asked.
    const cloudPlatform =
      a.storeName !== undefined
        ? { storeName: a.storeName ?? undefined, authorizedAt: a.completedAt, renewalDueAt: a.renewalDueAt }
        : asked;
    const renewalDueAt = cloudPlatform?.renewalDueAt ?? a.renewalDueAt;
    c.timeline.add(platformId, { id: 'authenticated' }, 'ok', `seller ${a.sellingPartnerId}`);
    applyAuthEvent(c.platforms, platformId, {
      type: 'authenticated',
      authorizationId: a.id,
      sellingPartnerId: a.sellingPartnerId,
      authorizedAt: cloudPlatform?.authorizedAt ?? a.completedAt ?? c.nowIso(),
      ...(renewalDueAt ? { renewalDueAt } : {}),
      ...(cloudPlatform?.storeName ? { storeName: cloudPlatform.storeName } : {}),
    });
    const text = c.texts().signInDone;
    c.notify(text.title, text.body(p.name, a.sellingPartnerId));
    return;
  }
  const status = a.status === 'expired' || a.status === 'cancelled' ? a.status : 'failed';
  // An expired authorization is the desktop's timeout, whatever the cloud called it.
  const code =
    status === 'expired'
      ? 'AUTH_TIMEOUT'
      : (a.error?.code ?? (status === 'cancelled' ? 'AUTH_CANCELLED' : 'CLOUD_ERROR'));
  c.timeline.add(
    platformId,
    { id: 'signInEnded', params: { status } },
    status === 'cancelled' ? 'info' : 'error',
    `${code}${a.error ? `: ${a.error.message}` : ''}`,
    { code },
  );
  finish(c, platformId, a.id, { status, code, ...(a.error ? { detail: a.error.message } : {}) });
}

interface WaitEnd {
  status: 'failed' | 'expired' | 'cancelled';
  code?: ErrorCode;
  detail?: string;
  params?: Record<string, string>;
}

/** Ends a waiting state; a refresh that did not succeed keeps the previous authentication. */
export function finish(
  c: SignInContext,
  platformId: string,
  authorizationId: string,
  end: WaitEnd,
  notify = true,
): Platform {
  const p = c.platforms.get(platformId);
  if (p.auth.status !== 'waiting' || p.auth.authorizationId !== authorizationId) return p;
  const error = end.code
    ? { code: end.code, ...(end.detail ? { detail: end.detail } : {}), ...(end.params ? { params: end.params } : {}) }
    : undefined;
  const next = applyAuthEvent(c.platforms, platformId, {
    type: 'ended',
    authorizationId,
    status: end.status,
    at: c.nowIso(),
    ...(error ? { error } : {}),
  });
  if (notify && end.status !== 'cancelled') {
    const text = c.texts().signInFailed;
    c.notify(text.title, text.body(p.name, end.status === 'expired'));
  }
  return next;
}
