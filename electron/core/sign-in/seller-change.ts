// The answer to a refresh that brought another seller. Keep: the previous authentication simply goes
// on. Switch: the new seller becomes this platform's and the marketplaces imported for the old one are
// cleared (they belong to another account) until they are imported again. The cloud decides first;
// when it already has an answer (given from another window), that answer is applied here.
import type { Platform } from '../../../shared/platform';
import { CodedError } from '../../../shared/result';
import { withAuthEvent } from '../../../shared/auth-machine';
import type { SignInContext } from './context';
import { bestEffort } from '../../../shared/best-effort';

export async function resolveSellerChange(
  c: SignInContext,
  platformId: string,
  decision: 'keep' | 'switch',
): Promise<Platform> {
  const p = c.platforms.get(platformId);
  if (p.auth.status !== 'seller_changed')
    throw new CodedError('NO_SELLER_CHANGE', 'no seller change is waiting for an answer');
  const { authorizationId } = p.auth;
  let decided: 'keep' | 'switch' = decision;
  try {
    await c.cloud.decideSellerChange(authorizationId, decision);
  } catch (error) {
    if (!(error instanceof CodedError && error.code === 'SELLER_CHANGE_DECIDED')) throw error;
    decided = decision === 'keep' ? 'switch' : 'keep';
  }
  c.timeline.add(platformId, { id: decided === 'switch' ? 'sellerSwitched' : 'sellerKept' }, 'ok');
  if (decided === 'keep')
    return c.platforms.patch(platformId, (x) => withAuthEvent(x, { type: 'sellerKept', authorizationId }));
  const cloudPlatform = p.cloudPlatformId
    ? await bestEffort('reading the platform from the cloud', c.cloud.getPlatform(p.cloudPlatformId), c.logger)
    : undefined;
  return c.platforms.patch(platformId, (x) => {
    const switched = withAuthEvent(x, {
      type: 'sellerSwitched',
      authorizationId,
      authorizedAt: cloudPlatform?.authorizedAt ?? c.nowIso(),
      ...(cloudPlatform?.renewalDueAt ? { renewalDueAt: cloudPlatform.renewalDueAt } : {}),
      ...(cloudPlatform?.storeName ? { storeName: cloudPlatform.storeName } : {}),
    });
    if (switched === x) return x;
    const { marketplaces: _old, otherMarketplaces: _other, marketplacesImportedAt: _at, ...rest } = switched;
    return rest;
  });
}
