// The code exchange after Amazon's redirect, recorded step by step so that a crash never leaves it
// half done (issue 23): the state is used up together with the sealed code and a lease
// (startExchange); the instance renews the lease while it works; Amazon's refresh token is stored
// sealed the moment LWA answers, before anything else; the outcome ends the authorization and drops
// both. An instance that finds an exchange whose lease ran out (exchange-recovery.ts) finishes it
// from the stored token, exchanges the stored code again while it can still be valid, or fails it
// with EXCHANGE_INTERRUPTED at once.
import type { CloudContext } from '../context';
import { CloudError } from '../cloud-error';
import { exchangeCode } from '../amazon/lwa-client';
import { AmazonCallLog } from '../amazon/amazon-calls';
import type { AmazonCall } from '../amazon/amazon-calls';
import { callsToApi, insertAmazonCalls, trimAmazonCalls } from '../repositories/amazon-requests';
import { AUTHORIZATION_RENEWAL_MS } from './authorization-service';
import { finishPending, lockAuthorizationStatus, markAuthenticated } from '../repositories/authorizations/lifecycle';
import type { AuthorizationRow } from '../repositories/authorizations/row';
import { renewExchangeLease, storeExchangedToken } from '../repositories/authorizations/exchange';
import { holdSellerChange, sellerStoreNames } from './seller-change';
import { findPlatformById, storePlatformSignIn } from '../repositories/platforms';
import { bestEffort } from '../../shared/best-effort';
import { checkSellerId, provenOrRefused, type ProofTarget } from './seller-id-check';
import { rememberAmazonRequests } from './status-long-poll';

/**
 * How long an exchange's lease lasts without renewal. Real time, not the cloud's clock (ctx.now, which
 * tests move): it measures whether an instance is still alive.
 */
export const EXCHANGE_LEASE_MS = 6_000;
export const leaseFrom = (wallNow = Date.now()) => new Date(wallNow + EXCHANGE_LEASE_MS);

/** The sealed code's associated data: it opens only for this authorization. */
export const codeAad = (authorizationId: string) => `code:${authorizationId}`;

/** Renews the lease every third of its length until stopped. */
function holdLease(ctx: CloudContext, id: string): () => void {
  const timer = setInterval(
    () => void bestEffort('renewing the exchange lease', renewExchangeLease(ctx.db, id, leaseFrom())),
    EXCHANGE_LEASE_MS / 3,
  );
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Exchanges the code at LWA and stores the outcome; throws the CloudError the authorization failed with.
 * `auth` has its state used up and its exchange recorded. With `proofTarget` (the platform's region and
 * country) SP-API is asked whose token it is while the token is stored (seller-id-check.ts); without one
 * (a recovered exchange) the seller id stays unproven. `firstExchange`: the callback's own exchange, so
 * this exchange's calls are all the authorization has (a recovery may follow a recorded one).
 */
export async function exchangeAndComplete(
  ctx: CloudContext,
  auth: AuthorizationRow,
  code: string,
  sellingPartnerId: string,
  explain: (err: CloudError) => CloudError = (err) => err,
  proofTarget?: ProofTarget,
  firstExchange = false,
): Promise<void> {
  const release = holdLease(ctx, auth.id);
  try {
    const calls = new AmazonCallLog(ctx.now);
    let recorded = false;
    // One write for the exchange's and the proof's calls, before the outcome is published.
    const recordCalls = async () => {
      if (recorded) return;
      recorded = true;
      await record(ctx, auth, calls);
    };
    try {
      const tokens = await exchangeCode(ctx.lwa, code, ctx.redirectUri, calls);
      if (!tokens.refreshToken)
        throw new CloudError('LWA_ERROR', "Amazon's token endpoint returned no refresh token for the code.");
      const sealed = ctx.secretBox.seal(tokens.refreshToken, auth.platform_id);
      // The proof's one call runs while the token is stored (it never throws).
      const proof = proofTarget ? checkSellerId(ctx, proofTarget, tokens.accessToken, calls) : undefined;
      // From here on Amazon's token survives a crash of this instance.
      await storeExchangedToken(ctx.db, auth.id, sealed);
      const identity = proof ? await proof : undefined;
      await recordCalls();
      const proven = identity ? provenOrRefused(identity, sellingPartnerId) : false;
      await complete(
        ctx,
        auth,
        sellingPartnerId,
        sealed,
        { accessToken: tokens.accessToken, expiresIn: tokens.expiresIn },
        proven,
        firstExchange ? calls.calls : undefined,
      );
    } catch (err) {
      await recordCalls();
      throw await failExchange(ctx, auth, explain(err instanceof CloudError ? err : new CloudError('INTERNAL_ERROR')));
    }
  } finally {
    release();
    // Dropping the platform's oldest calls waits until the outcome is out: no one waits for it. PGlite
    // runs a statement on this thread, so started now the DELETE (~2 ms) would run before the woken
    // long-polls' answers and the callback's page are written; a macrotask later it runs after them.
    setImmediate(() => void bestEffort('trimming the Amazon calls', trimAmazonCalls(ctx.db, auth.platform_id)));
  }
}

/**
 * Stored before the outcome is published, so the desktop reads the request ids with it: one statement;
 * the platform's oldest calls are dropped after the outcome is published.
 */
async function record(ctx: CloudContext, row: AuthorizationRow, calls: AmazonCallLog): Promise<void> {
  // Losing a support detail must not lose the seller's authorization.
  await bestEffort('recording the Amazon calls', insertAmazonCalls(ctx.db, row.platform_id, row.id, calls.calls));
}

export async function failExchange(ctx: CloudContext, row: AuthorizationRow, err: CloudError): Promise<CloudError> {
  const updated = await finishPending(ctx.db, row.id, 'failed', new Date(ctx.now()), {
    code: err.code,
    message: err.message,
  });
  if (updated) ctx.notifier.publish(row.id);
  return err;
}

/**
 * Stores Amazon's (sealed) refresh token as the platform's, or holds it aside for a refresh that brought
 * another seller. `access` is the access token that came with the code; a recovered exchange has none.
 * `sellerIdProven`: SP-API confirmed the token is sellingPartnerId's (seller-id-check.ts).
 */
export async function complete(
  ctx: CloudContext,
  auth: AuthorizationRow,
  sellingPartnerId: string,
  sealed: string,
  access?: { accessToken: string; expiresIn: number },
  sellerIdProven = false,
  /** The authorization's Amazon calls, all of them stored already: its answer needs no read then. */
  calls?: AmazonCall[],
): Promise<void> {
  const now = new Date(ctx.now());
  // Changes of this authorization from here on (another instance's, too) keep the written row out of the cache.
  const since = ctx.statusCache.generation(auth.id);
  // A refresh with another seller: look up both store names (SP-API) before the transaction, so the
  // desktop can name both sellers. Only on this path, so an ordinary sign-in makes no extra call.
  let storeNames: { previous: string | null; next: string | null } = { previous: null, next: null };
  if (auth.mode === 'refresh' && access) {
    const current = await findPlatformById(ctx.db, auth.platform_id);
    if (current?.selling_partner_id && current.selling_partner_id !== sellingPartnerId)
      storeNames = await sellerStoreNames(ctx, current, access.accessToken);
  }
  const outcome = await ctx.db.transaction(async (tx) => {
    const platform = await findPlatformById(tx, auth.platform_id, true);
    const still = await lockAuthorizationStatus(tx, auth.id);
    // Deleted or superseded while Amazon was answering: the new tokens are not kept.
    if (!platform || platform.deleted_at || still !== 'pending') return 'dropped' as const;
    // Refresh only: a platform that lost its token (revoked meanwhile) simply takes the new one.
    if (
      auth.mode === 'refresh' &&
      platform.selling_partner_id &&
      platform.selling_partner_id !== sellingPartnerId &&
      platform.refresh_token_enc
    ) {
      await holdSellerChange(
        tx,
        auth,
        platform,
        {
          sellingPartnerId,
          sealedRefreshToken: sealed,
          sellerIdProven,
          storeName: storeNames.next,
          previousStoreName: storeNames.previous,
        },
        now,
      );
      return 'held' as const;
    }
    const changed = auth.mode === 'refresh' ? platform.selling_partner_id !== sellingPartnerId : null;
    // Another seller (a login on a platform that had one): its store name is not known yet.
    const storeName = platform.selling_partner_id === sellingPartnerId ? platform.store_name : null;
    const signIn = {
      sealedRefreshToken: sealed,
      sellingPartnerId,
      sellerIdProven,
      storeName,
      authorizedAt: now,
      renewalDueAt: new Date(now.getTime() + AUTHORIZATION_RENEWAL_MS),
    };
    await storePlatformSignIn(tx, platform.id, signIn, false);
    return markAuthenticated(tx, auth.id, now, { sellingPartnerId, changed, storeName });
  });
  if (outcome === 'dropped')
    throw new CloudError(
      'AUTHORIZATION_NOT_PENDING',
      'The platform was deleted or a newer sign-in was started meanwhile.',
    );
  if (outcome === 'held' || outcome === undefined) return ctx.notifier.publish(auth.id);
  // The access token came with the code: the first settings import needs no refresh (not for a held token).
  if (access)
    ctx.amazonTokens.set(auth.platform_id, sealed, access.accessToken, now.getTime() + access.expiresIn * 1000);
  // The long-polls it wakes answer from the row as written, with the calls in hand: no read-back.
  if (calls) rememberAmazonRequests(outcome, callsToApi(calls));
  ctx.statusCache.publishRow(outcome, since);
}
