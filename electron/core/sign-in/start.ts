// ANMELDEN / AKTUALISIEREN: register the platform (sign-in/registration.ts), let the sandbox apply an
// armed scenario, create the cloud authorization, check its consent link and open the browser on it.
import { countryByCode } from '../../../shared/amazon-regions';
import { validAuth } from '../../../shared/auth-machine';
import type { Platform } from '../../../shared/platform';
import { CodedError } from '../../../shared/result';
import { checkConsentUrl } from '../external-urls';
import { applyAuthEvent, type SignInContext } from './context';
import { ensureRegistered } from './registration';
import { bestEffort } from '../../../shared/best-effort';

/** Creates the authorization and the waiting state; the caller then starts the wait loop. */
export async function startSignIn(
  c: SignInContext,
  platformId: string,
  mode: 'login' | 'refresh',
  stopRunning: () => void,
): Promise<Platform> {
  const p = c.platforms.get(platformId);
  if (!p.useCloud) throw new CodedError('CLOUD_NOT_ENABLED', 'tick "Cloud verwenden" first');
  // A refresh needs an authentication to renew (also the previous one of a running refresh, which a new start replaces).
  if (mode === 'refresh' && !validAuth(p.auth)) {
    throw new CodedError('NOT_AUTHENTICATED', 'refresh needs an existing authentication');
  }
  stopRunning();
  c.timeline.add(platformId, { id: 'signInRequested', params: { mode } }, 'info', `region ${p.countryCode}`);
  try {
    const cloudId = await ensureRegistered(c, p);
    await c.beforeStart?.(c.platforms.get(platformId));
    const auth = await c.cloud.createAuthorization(cloudId, mode);
    c.timeline.add(platformId, { id: 'authorizationCreated' }, 'ok', `expires ${auth.expiresAt}`, {
      authorizationId: auth.id,
    });
    const region = countryByCode(p.countryCode)!.region;
    const check = checkConsentUrl(auth.consentUrl, region, c.urlPolicy, {
      cloudUrl: await c.cloud.url(),
      authorizationId: auth.id,
    });
    if (!check.ok) {
      await bestEffort('cancelling the authorization', c.cloud.cancelAuthorization(auth.id), c.logger);
      throw new CodedError('CONSENT_URL_REJECTED', check.reason, { reason: check.reason });
    }
    applyAuthEvent(c.platforms, platformId, {
      type: 'started',
      mode,
      authorizationId: auth.id,
      consentUrl: check.url,
      expiresAt: auth.expiresAt,
      at: c.nowIso(),
    });
    const opened = await openBrowser(c, platformId, check.url);
    return applyAuthEvent(c.platforms, platformId, { type: 'browserOpened', opened });
  } catch (error) {
    const code = error instanceof CodedError ? error.code : 'INTERNAL';
    c.timeline.add(
      platformId,
      { id: 'signInNotStarted' },
      'error',
      `${code}: ${error instanceof Error ? error.message : ''}`,
      { code },
    );
    throw error;
  }
}

/** Opens the consent link again (Link öffnen) for a sign-in started here. */
export async function reopenConsent(c: SignInContext, platformId: string): Promise<Platform> {
  const p = c.platforms.get(platformId);
  if (p.auth.status !== 'waiting' || p.auth.origin !== 'desktop')
    throw new CodedError('NOT_WAITING', 'no sign-in with a link of ours is running');
  const opened = await openBrowser(c, platformId, p.auth.consentUrl);
  return applyAuthEvent(c.platforms, platformId, { type: 'browserOpened', opened });
}

async function openBrowser(c: SignInContext, platformId: string, url: string): Promise<boolean> {
  try {
    await c.host.openExternal(url);
    c.timeline.add(platformId, { id: 'browserOpened' }, 'ok', url);
    return true;
  } catch (error) {
    c.timeline.add(
      platformId,
      { id: 'browserNotOpened' },
      'error',
      error instanceof Error ? error.message : String(error),
    );
    return false;
  }
}
