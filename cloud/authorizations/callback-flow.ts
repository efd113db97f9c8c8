// Amazon's redirect to GET /oauth/amazon/callback. The route has already refused malformed parameters
// (control characters, duplicates, oversize) without touching the state. Order matters: the state is
// verified before anything else (signature, expiry, unused, pending); only then are Amazon's error
// parameters or the code looked at. The code is exchanged at once (it lives 5 minutes) and the outcome stored in one
// transaction; a `refresh` keeps the previous tokens until the exchange has succeeded.
import { createHash } from 'node:crypto';
import type { CallbackSuccess, CloudErrorCode } from '../../shared/cloud-api';
import { CLOUD_ERROR_CODES } from '../../shared/cloud-api';
import type { CloudContext } from '../context';
import { CloudError } from '../http/cloud-error';
import { exchangeCode } from '../amazon/lwa-client';
import { AmazonCallLog } from '../amazon/amazon-calls';
import { recordAmazonCalls } from '../repositories/amazon-requests';
import { AUTHORIZATION_RENEWAL_MS, expireIfDue } from './store';
import { consumeState, findAuthorization, finishPending, lockAuthorizationStatus, markAuthenticated, type AuthorizationRow } from '../repositories/authorizations';
import { verifyState } from './state';
import { holdSellerChange, sellerStoreNames } from './seller-change';
import { findPlatformById, storePlatformSignIn } from '../repositories/platforms';
import { tenantDisabledAt } from '../repositories/tenants';

interface CallbackQuery {
  state?: string;
  selling_partner_id?: string;
  spapi_oauth_code?: string;
  mws_auth_token?: string;
  error?: string;
  error_description?: string;
}

const hashCode = (code: string) => createHash('sha256').update(code, 'utf8').digest('hex');

function successBody(q: CallbackQuery): CallbackSuccess {
  return { result: { result: { mws_auth_token: q.mws_auth_token ?? null, spapi_oauth_code: q.spapi_oauth_code!, state: q.state! } } };
}

export async function handleCallback(ctx: CloudContext, q: CallbackQuery): Promise<CallbackSuccess> {
  const now = new Date(ctx.now());
  if (!q.state) throw new CloudError('STATE_MISSING');
  const check = await verifyState(ctx.signingKey, q.state, now.getTime());
  if (!check.ok && check.reason === 'invalid') throw new CloudError('STATE_INVALID');
  const row = await findAuthorization(ctx.db, check.authorizationId);
  if (!row) throw new CloudError('STATE_INVALID');

  if (row.state_used_at) {
    // The browser reloading the same redirect: answer it again and change nothing.
    if (q.spapi_oauth_code && row.code_hash === hashCode(q.spapi_oauth_code) && (row.status === 'authenticated' || row.status === 'seller_changed')) return successBody(q);
    throw new CloudError('STATE_REPLAYED');
  }
  if (!check.ok || now >= row.expires_at) {
    const expired = await expireIfDue(ctx.db, row, now);
    if (expired !== row) ctx.notifier.publish(row.id);
    throw new CloudError('STATE_EXPIRED');
  }
  if (row.status !== 'pending') {
    throw new CloudError('AUTHORIZATION_NOT_PENDING', `This sign-in was ${row.status}; start a new one from the app.`);
  }

  // Amazon's answer without a code ends the sign-in: the state is used up and the failure recorded in
  // one transaction, so the authorization never stays pending with its state spent.
  if (q.error) {
    const code: CloudErrorCode = q.error === 'access_denied' ? 'AMAZON_CONSENT_DENIED' : 'AMAZON_CALLBACK_ERROR';
    const message = `${CLOUD_ERROR_CODES[code]} Amazon: ${q.error}${q.error_description ? ` – ${q.error_description}` : ''}`;
    throw await consumeAndFail(ctx, row, q, new CloudError(code, message));
  }
  if (!q.spapi_oauth_code || !q.selling_partner_id) throw await consumeAndFail(ctx, row, q, new CloudError('CALLBACK_PARAMS_MISSING'));
  // The Login URI chose the platform by Amazon's selling_partner_id: another seller's consent must not
  // land on it (someone could otherwise start Re-Authorize with a stranger's seller id). Not exchanged.
  if (row.expected_selling_partner_id && q.selling_partner_id !== row.expected_selling_partner_id) {
    throw await consumeAndFail(ctx, row, q, new CloudError('SELLER_MISMATCH'));
  }
  // The operator disabled the tenant after the sign-in began: its tokens are refused, so none are
  // fetched or stored for it (the code is not exchanged).
  if ((await tenantDisabledAt(ctx.db, row.tenant_id)) !== null) throw await consumeAndFail(ctx, row, q, new CloudError('TENANT_DISABLED'));

  const consumed = await consumeState(ctx.db, row.id, hashCode(q.spapi_oauth_code), now);
  if (!consumed) throw new CloudError('STATE_REPLAYED');

  const calls = new AmazonCallLog(ctx.now);
  try {
    const tokens = await exchangeCode(ctx.lwa, q.spapi_oauth_code, ctx.redirectUri, calls).finally(() => record(ctx, row, calls));
    if (!tokens.refreshToken) throw new CloudError('LWA_ERROR', 'Amazon\'s token endpoint returned no refresh token for the code.');
    await complete(ctx, consumed, q.selling_partner_id, tokens.refreshToken, tokens.accessToken, tokens.expiresIn);
  } catch (err) {
    throw await fail(ctx, row, err instanceof CloudError ? err : new CloudError('INTERNAL_ERROR'));
  }
  return successBody(q);
}

/** Stored before the outcome is published, so the desktop reads the request ids with it. */
async function record(ctx: CloudContext, row: AuthorizationRow, calls: AmazonCallLog): Promise<void> {
  // Losing a support detail must not lose the seller's authorization.
  await recordAmazonCalls(ctx.db, row.platform_id, row.id, calls.calls).catch(() => undefined);
}

/** Uses up the state and fails the authorization in one transaction; a replay changes nothing. */
async function consumeAndFail(ctx: CloudContext, row: AuthorizationRow, q: CallbackQuery, err: CloudError): Promise<CloudError> {
  const now = new Date(ctx.now());
  const failed = await ctx.db.transaction(async (tx) => {
    if (!(await consumeState(tx, row.id, q.spapi_oauth_code ? hashCode(q.spapi_oauth_code) : null, now))) return false;
    if (!(await finishPending(tx, row.id, 'failed', now, { code: err.code, message: err.message }))) throw new Error('authorization left pending');
    return true;
  });
  if (!failed) return new CloudError('STATE_REPLAYED');
  ctx.notifier.publish(row.id);
  return err;
}

async function fail(ctx: CloudContext, row: AuthorizationRow, err: CloudError): Promise<CloudError> {
  const updated = await finishPending(ctx.db, row.id, 'failed', new Date(ctx.now()), { code: err.code, message: err.message });
  if (updated) ctx.notifier.publish(row.id);
  return err;
}

async function complete(
  ctx: CloudContext,
  auth: AuthorizationRow,
  sellingPartnerId: string,
  refreshToken: string,
  accessToken: string,
  expiresIn: number,
): Promise<void> {
  const now = new Date(ctx.now());
  const sealed = ctx.secretBox.seal(refreshToken, auth.platform_id);
  // A refresh with another seller: look up both store names (SP-API) before the transaction, so the
  // desktop can name both sellers. Only on this path, so an ordinary sign-in makes no extra call.
  let storeNames: { previous: string | null; next: string | null } = { previous: null, next: null };
  if (auth.mode === 'refresh') {
    const current = await findPlatformById(ctx.db, auth.platform_id);
    if (current?.selling_partner_id && current.selling_partner_id !== sellingPartnerId) storeNames = await sellerStoreNames(ctx, current, accessToken);
  }
  const outcome = await ctx.db.transaction(async (tx) => {
    const platform = await findPlatformById(tx, auth.platform_id, true);
    const still = await lockAuthorizationStatus(tx, auth.id);
    // Deleted or superseded while Amazon was answering: the new tokens are not kept.
    if (!platform || platform.deleted_at || still !== 'pending') return 'dropped' as const;
    // Refresh only: a platform that lost its token (revoked meanwhile) simply takes the new one.
    if (auth.mode === 'refresh' && platform.selling_partner_id && platform.selling_partner_id !== sellingPartnerId && platform.refresh_token_enc) {
      await holdSellerChange(tx, auth, platform, { sellingPartnerId, sealedRefreshToken: sealed, storeName: storeNames.next, previousStoreName: storeNames.previous }, now);
      return 'held' as const;
    }
    const changed = auth.mode === 'refresh' ? platform.selling_partner_id !== sellingPartnerId : null;
    // Another seller (a login on a platform that had one): its store name is not known yet.
    const storeName = platform.selling_partner_id === sellingPartnerId ? platform.store_name : null;
    const signIn = { sealedRefreshToken: sealed, sellingPartnerId, storeName, authorizedAt: now, renewalDueAt: new Date(now.getTime() + AUTHORIZATION_RENEWAL_MS) };
    await storePlatformSignIn(tx, platform.id, signIn, false);
    await markAuthenticated(tx, auth.id, now, { sellingPartnerId, changed, storeName });
    return 'stored' as const;
  });
  if (outcome === 'dropped') throw new CloudError('AUTHORIZATION_NOT_PENDING', 'The platform was deleted or a newer sign-in was started meanwhile.');
  // The access token came with the code: the first settings import needs no refresh (not for a held token).
  if (outcome === 'stored') ctx.amazonTokens.set(auth.platform_id, sealed, accessToken, now.getTime() + expiresIn * 1000);
  ctx.notifier.publish(auth.id);
}
