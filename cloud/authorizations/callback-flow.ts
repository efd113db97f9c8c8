// Amazon's redirect to GET /oauth/amazon/callback. The route has already refused malformed parameters
// (control characters, duplicates, oversize) without touching the state. Order matters: the state is
// verified before anything else (signature, expiry, unused, pending); only then are Amazon's error
// parameters or the code looked at. The code is exchanged at once (it lives 5 minutes), its progress
// recorded so a crash cannot leave it half done (code-exchange.ts); a `refresh` keeps the previous
// tokens until the exchange has succeeded. The redirect's selling_partner_id is proven with the new
// token before it is stored (seller-id-check.ts). The Login URI's unbound state names no sign-in yet:
// the seller Amazon proved decides it (seller-proof.ts).
import type { CallbackSuccess, CloudErrorCode } from '../../shared/cloud-api';
import { CLOUD_ERROR_CODES } from '../../shared/cloud-api';
import type { CloudContext } from '../context';
import { CloudError } from '../cloud-error';
import { expireIfDue } from './authorization-service';
import { consumeState, findAuthorization, finishPending } from '../repositories/authorizations/lifecycle';
import type { AuthorizationRow } from '../repositories/authorizations/row';
import { startExchange, startExchangeIfAllowed } from '../repositories/authorizations/exchange';
import { verifyState, verifyUnboundState } from './state';
import {
  hashCode,
  proveByCode,
  proveBySeller,
  answerAgain,
  successBody,
  type CallbackQuery,
  type PairingPage,
} from './seller-proof';
import { codeAad, exchangeAndComplete, leaseFrom } from './code-exchange';
import { callbackTarget } from '../repositories/platforms';

export type { PairingPage } from './seller-proof';

/**
 * Amazon's redirect (GET), or the pairing-code form posted back with its sealed consent (`pairing`). The
 * Login URI's unbound state is decided here (seller-proof.ts): a sign-in to continue, or the form.
 */
export async function handleCallback(
  ctx: CloudContext,
  q: CallbackQuery,
  pairing?: { code: string; consent: string },
): Promise<CallbackSuccess | PairingPage> {
  const now = new Date(ctx.now());
  if (!q.state) throw new CloudError('STATE_MISSING');
  const check = await verifyState(ctx.signingKey, q.state, now.getTime());
  // The usual redirect (a genuine bound state, a code, a seller id): every check on the row is in the
  // statement that uses up the state, so the code goes to LWA after one round trip instead of three
  // (issue 26). Any check failing leaves the row as it was, and the steps below name the failure.
  if (check.ok && !pairing && !q.error && q.spapi_oauth_code && q.selling_partner_id) {
    const started = await startExchangeIfAllowed(
      ctx.db,
      check.authorizationId,
      exchangeStart(ctx, check.authorizationId, q, now),
    );
    if (started) {
      // The same statement named where the seller is proven (seller-id-check.ts).
      const proofTarget = { region: started.platform.region, countryCode: started.platform.countryCode };
      await exchangeAndComplete(
        ctx,
        started.row,
        q.spapi_oauth_code,
        q.selling_partner_id,
        undefined,
        proofTarget,
        true,
      );
      return successBody(q);
    }
  }
  let live = check.ok;
  let row: AuthorizationRow | undefined;
  if (!check.ok && check.reason === 'invalid') {
    const unbound = await verifyUnboundState(ctx.signingKey, q.state, now.getTime());
    if (!unbound.ok && unbound.reason === 'invalid') throw new CloudError('STATE_INVALID');
    if (!unbound.ok) {
      // Too late: a sign-in it led to is expired like any other; without one there is nothing to end.
      row = await findAuthorization(ctx.db, unbound.authorizationId);
      if (!row) throw new CloudError('STATE_EXPIRED');
    } else {
      const proven = pairing
        ? await proveByCode(ctx, unbound.claims, q, pairing.consent, pairing.code)
        : await proveBySeller(ctx, unbound.claims, q);
      if ('kind' in proven || 'result' in proven) return proven;
      row = proven;
      live = true;
    }
  } else {
    // The pairing form exists only for the Login URI's unbound state.
    if (pairing) throw new CloudError('STATE_INVALID');
    row = await findAuthorization(ctx.db, check.authorizationId);
    if (!row) throw new CloudError('STATE_INVALID');
  }

  // The browser reloading the same redirect.
  if (row.state_used_at) return answerAgain(row, q);
  if (!live || now >= row.expires_at) {
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
    const message = `${CLOUD_ERROR_CODES[code].meaning} Amazon: ${q.error}${q.error_description ? ` – ${q.error_description}` : ''}`;
    throw await consumeAndFail(ctx, row, q, new CloudError(code, message), now);
  }
  if (!q.spapi_oauth_code || !q.selling_partner_id)
    throw await consumeAndFail(ctx, row, q, new CloudError('CALLBACK_PARAMS_MISSING'), now);
  // The Login URI chose the platform by Amazon's selling_partner_id: another seller's consent must not
  // land on it (someone could otherwise start Re-Authorize with a stranger's seller id). Not exchanged.
  if (row.expected_selling_partner_id && q.selling_partner_id !== row.expected_selling_partner_id) {
    throw await consumeAndFail(ctx, row, q, new CloudError('SELLER_MISMATCH'), now);
  }
  // The operator disabled the tenant after the sign-in began: its tokens are refused, so none are
  // fetched or stored for it (the code is not exchanged). The same read names where the seller is proven.
  const target = await callbackTarget(ctx.db, row.tenant_id, row.platform_id);
  if (!target || target.tenant_disabled_at !== null)
    throw await consumeAndFail(ctx, row, q, new CloudError('TENANT_DISABLED'), now);

  const consumed = await startExchange(ctx.db, row.id, exchangeStart(ctx, row.id, q, now));
  if (!consumed) throw new CloudError('STATE_REPLAYED');
  const proofTarget = target.region
    ? { region: target.region, countryCode: target.country_code ?? undefined }
    : undefined;
  await exchangeAndComplete(ctx, consumed, q.spapi_oauth_code, q.selling_partner_id, undefined, proofTarget, true);
  return successBody(q);
}

/** What startExchange records: the code sealed for this authorization, its hash, the seller, the lease. */
function exchangeStart(ctx: CloudContext, id: string, q: CallbackQuery, now: Date) {
  const code = q.spapi_oauth_code!;
  return {
    codeHash: hashCode(code),
    sealedCode: ctx.secretBox.seal(code, codeAad(id)),
    sellingPartnerId: q.selling_partner_id!,
    now,
    leaseUntil: leaseFrom(),
  };
}

/**
 * Uses up the state and fails the authorization in one transaction, at the callback's one clock reading
 * (as exchangeStart and expireIfDue); a replay changes nothing.
 */
async function consumeAndFail(
  ctx: CloudContext,
  row: AuthorizationRow,
  q: CallbackQuery,
  err: CloudError,
  now: Date,
): Promise<CloudError> {
  const failed = await ctx.db.transaction(async (tx) => {
    if (!(await consumeState(tx, row.id, q.spapi_oauth_code ? hashCode(q.spapi_oauth_code) : null, now))) return false;
    if (!(await finishPending(tx, row.id, 'failed', now, { code: err.code, message: err.message })))
      throw new Error('authorization left pending');
    return true;
  });
  if (!failed) return new CloudError('STATE_REPLAYED');
  ctx.notifier.publish(row.id);
  return err;
}
