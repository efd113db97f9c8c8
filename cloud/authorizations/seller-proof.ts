// Amazon's redirect with the Login URI's unbound state (login-uri.ts, docs/amazon.md §1.6): the round trip
// through Seller Central proves the seller, so only now does the cloud decide which platform the consent
// is for. The code is exchanged first, whoever the seller is: a made-up code ends with Amazon's refusal and
// writes nothing, known seller id or not, so a forged redirect tells an outsider no more than the Login
// URI does. The redirect's seller id is the browser's to edit, so SP-API is asked whose token it is
// (seller-id-check.ts): another seller → SELLER_ID_DISPROVEN, nothing written; no answer → the pairing
// code, never a platform picked by an unproven id. With Amazon's tokens and the proven seller in hand:
//   - the seller id is the proven one of exactly one live platform of an enabled tenant: a sign-in marked as Amazon's
//     (refresh when the platform has tokens, else login) is recorded with the token and completed like any
//     other — nothing is cancelled, no seller change decided; its id is the one the state named, so a
//     reload of the redirect finds it, and no sign-in started at Amazon ever waits pending for a code;
//   - none or several: the page asks for the pairing code the desktop shows. Its form carries Amazon's
//     refresh token sealed (AES-GCM under the cloud's key, bound to this state and seller, and marked when
//     the seller was proven; the browser never holds the token itself); the code picks the platform.
import { createHash } from 'node:crypto';
import type { CallbackSuccess } from '../../shared/cloud-api';
import type { Region } from '../../shared/amazon-regions';
import type { CloudContext } from '../context';
import type { Queryable } from '../db/queryable';
import { CloudError } from '../cloud-error';
import { exchangeCode } from '../amazon/lwa-client';
import { findPlatformById, findPlatformsBySeller, type PlatformRow } from '../repositories/platforms';
import { findAuthorization, insertAuthorization } from '../repositories/authorizations/lifecycle';
import { startExchange, storeExchangedToken } from '../repositories/authorizations/exchange';
import type { AuthorizationRow } from '../repositories/authorizations/row';
import { AmazonCallLog } from '../amazon/amazon-calls';
import { recordAmazonCalls } from '../repositories/amazon-requests';
import { tenantDisabledAt } from '../repositories/tenants';
import { consumePairingCode, findPairingCodePlatform } from '../platforms/pairing-codes';
import { codeAad, complete, failExchange, leaseFrom } from './code-exchange';
import { checkSellerId, provenOrRefused } from './seller-id-check';
import type { LoginRefusal } from './login-uri';
import type { UnboundClaims } from './state';

export interface CallbackQuery {
  state?: string;
  selling_partner_id?: string;
  spapi_oauth_code?: string;
  mws_auth_token?: string;
  error?: string;
  error_description?: string;
}

/** The pairing-code page: the callback's parameters go along in the form, with the sealed consent. */
export interface PairingPage {
  kind: 'pairing';
  status: number;
  reason: LoginRefusal;
  askForCode: boolean;
  fields: Record<string, string>;
}

export const hashCode = (code: string) => createHash('sha256').update(code, 'utf8').digest('hex');
export const successBody = (q: CallbackQuery): CallbackSuccess => ({
  result: {
    result: { mws_auth_token: q.mws_auth_token ?? null, spapi_oauth_code: q.spapi_oauth_code!, state: q.state! },
  },
});
/**
 * A sign-in whose state is used up, reached again: the same redirect (or pairing form) sent twice gets
 * the same answer once it went through and changes nothing; anything else is a replay.
 */
export function answerAgain(row: AuthorizationRow, q: CallbackQuery): CallbackSuccess {
  const sameCode = q.spapi_oauth_code ? row.code_hash === hashCode(q.spapi_oauth_code) : false;
  if (sameCode && (row.status === 'authenticated' || row.status === 'seller_changed')) return successBody(q);
  throw new CloudError('STATE_REPLAYED');
}
const consentAad = (claims: UnboundClaims, seller: string, proven: boolean) =>
  `consent:${claims.authorizationId}:${seller}${proven ? ':proven' : ''}`;
/** A consent whose seller SP-API confirmed carries this mark; the mark is sealed in too (consentAad). */
const PROVEN_MARK = 'p.';

/** The checks of Amazon's answer that need no sign-in: its error, missing parameters, another seller. */
function checkAnswer(
  claims: UnboundClaims,
  q: CallbackQuery,
): asserts q is CallbackQuery & { spapi_oauth_code: string; selling_partner_id: string } {
  if (q.error) throw new CloudError(q.error === 'access_denied' ? 'AMAZON_CONSENT_DENIED' : 'AMAZON_CALLBACK_ERROR');
  if (!q.spapi_oauth_code || !q.selling_partner_id) throw new CloudError('CALLBACK_PARAMS_MISSING');
  if (claims.sellingPartnerId && claims.sellingPartnerId !== q.selling_partner_id)
    throw new CloudError('SELLER_MISMATCH');
}

/**
 * GET: the sign-in an earlier redirect with this state created (a reload), the raw JSON once the one
 * platform took Amazon's token, or the pairing page.
 */
export async function proveBySeller(
  ctx: CloudContext,
  claims: UnboundClaims,
  q: CallbackQuery,
): Promise<AuthorizationRow | CallbackSuccess | PairingPage> {
  const existing = await findAuthorization(ctx.db, claims.authorizationId);
  if (existing) return existing;
  checkAnswer(claims, q);
  const region = claims.region as Region | undefined;
  const rows = await findPlatformsBySeller(ctx.db, q.selling_partner_id, region, 2);
  const calls = new AmazonCallLog(ctx.now);
  const tokens = await exchangeCode(ctx.lwa, q.spapi_oauth_code, ctx.redirectUri, calls);
  if (!tokens.refreshToken)
    throw new CloudError('LWA_ERROR', "Amazon's token endpoint returned no refresh token for the code.");
  // SP-API is asked in the callback host's region, else (a relative callback URI) in the one platform's.
  const proofRegion = region ?? (rows.length === 1 ? rows[0]!.region : undefined);
  const identity = proofRegion
    ? await checkSellerId(
        ctx,
        { region: proofRegion, countryCode: rows.length === 1 ? rows[0]!.country_code : undefined },
        tokens.accessToken,
        calls,
      )
    : { proven: false as const, reason: 'no region' };
  const proven = provenOrRefused(identity, q.selling_partner_id);
  if (!proven || rows.length !== 1) {
    const sealed = ctx.secretBox.seal(tokens.refreshToken, consentAad(claims, q.selling_partner_id, proven));
    // Unproven, the id may be anyone's: the page must not tell whether it is connected.
    const reason = !proven ? 'seller_unproven' : rows.length === 0 ? 'unknown_seller' : 'ambiguous_seller';
    return pairingPage(200, reason, true, q, proven ? `${PROVEN_MARK}${sealed}` : sealed);
  }
  const bound = await bindExchanged(
    ctx,
    claims,
    q,
    tokens.refreshToken,
    async (tx) => (await findPlatformById(tx, rows[0]!.id, true)) ?? undefined,
  );
  if (!bound) throw new CloudError('AUTHORIZATION_NOT_PENDING', 'The platform was deleted meanwhile.');
  await recordAmazonCalls(ctx.db, bound.row.platform_id, bound.row.id, calls.calls).catch(() => undefined);
  await finish(ctx, bound, true, { accessToken: tokens.accessToken, expiresIn: tokens.expiresIn });
  return successBody(q);
}

function pairingPage(
  status: number,
  reason: LoginRefusal,
  askForCode: boolean,
  q: CallbackQuery,
  consent: string,
): PairingPage {
  const fields: Record<string, string> = {
    state: q.state!,
    selling_partner_id: q.selling_partner_id!,
    spapi_oauth_code: q.spapi_oauth_code!,
    consent,
  };
  if (q.mws_auth_token) fields.mws_auth_token = q.mws_auth_token;
  return { kind: 'pairing', status, reason, askForCode, fields };
}

/**
 * POST of the pairing-code form: the platform the code names gets the sealed consent as a finished
 * sign-in marked as Amazon's. A refusal (wrong code, other region, disabled tenant) leaves the code usable.
 */
export async function proveByCode(
  ctx: CloudContext,
  claims: UnboundClaims,
  q: CallbackQuery,
  consent: string,
  code: string,
): Promise<CallbackSuccess | PairingPage> {
  const existing = await findAuthorization(ctx.db, claims.authorizationId);
  // The form sent twice.
  if (existing) return answerAgain(existing, q);
  checkAnswer(claims, q);
  let refreshToken: string;
  const proven = consent.startsWith(PROVEN_MARK);
  try {
    const sealed = proven ? consent.slice(PROVEN_MARK.length) : consent;
    refreshToken = ctx.secretBox.open(sealed, consentAad(claims, q.selling_partner_id, proven));
  } catch {
    throw new CloudError('STATE_INVALID');
  }
  const now = new Date(ctx.now());
  const again = (status: number, reason: LoginRefusal, askForCode: boolean) =>
    pairingPage(status, reason, askForCode, q, consent);
  const found = await findPairingCodePlatform(ctx.db, code, now);
  if (!found) return again(400, 'code_invalid', true);
  // A disabled tenant's platforms take no sign-in: its desktop could not collect the result anyway.
  if ((await tenantDisabledAt(ctx.db, found.tenant_id)) !== null) return again(403, 'tenant_disabled', false);
  // The region is the platform's; only a callback host that named one region can contradict it.
  if (claims.region && found.region !== claims.region) return again(409, 'region_mismatch', true);

  const bound = await bindExchanged(ctx, claims, q, refreshToken, (tx) => consumePairingCode(tx, code, now));
  if (!bound) return again(400, 'code_invalid', true);
  await finish(ctx, bound, proven);
  return successBody(q);
}

function newAmazonStarted(ctx: CloudContext, platform: PlatformRow, id: string, seller: string, now: Date) {
  return {
    id,
    tenantId: platform.tenant_id,
    platformId: platform.id,
    mode: platform.refresh_token_enc ? ('refresh' as const) : ('login' as const),
    expiresAt: new Date(now.getTime() + ctx.config.authorizationTtlSeconds * 1000),
    createdAt: now,
    origin: 'amazon' as const,
    expectedSellingPartnerId: seller,
  };
}

interface Bound {
  row: AuthorizationRow;
  sealed: string;
  tenantId: string;
}

/**
 * In one transaction: the platform (`pick`, locked; undefined ends it), a sign-in marked as Amazon's with
 * the id the state named, its state used up and Amazon's token stored sealed — from here on a crash is
 * finished by any instance (exchange-recovery.ts). Two requests with one state: the first one wins.
 */
async function bindExchanged(
  ctx: CloudContext,
  claims: UnboundClaims,
  q: CallbackQuery & { spapi_oauth_code: string; selling_partner_id: string },
  refreshToken: string,
  pick: (tx: Queryable) => Promise<PlatformRow | undefined>,
): Promise<Bound | undefined> {
  const now = new Date(ctx.now());
  const seller = q.selling_partner_id;
  const bound = await ctx.db
    .transaction(async (tx): Promise<Bound | undefined> => {
      const platform = await pick(tx);
      if (!platform || platform.deleted_at) return undefined;
      await findPlatformById(tx, platform.id, true);
      if (await findAuthorization(tx, claims.authorizationId)) throw new CloudError('STATE_REPLAYED');
      const row = await insertAuthorization(tx, newAmazonStarted(ctx, platform, claims.authorizationId, seller, now));
      const started = await startExchange(tx, row.id, {
        codeHash: hashCode(q.spapi_oauth_code),
        sealedCode: ctx.secretBox.seal(q.spapi_oauth_code, codeAad(row.id)),
        sellingPartnerId: seller,
        now,
        leaseUntil: leaseFrom(),
      });
      const sealed = ctx.secretBox.seal(refreshToken, platform.id);
      await storeExchangedToken(tx, row.id, sealed);
      return { row: started!, sealed, tenantId: platform.tenant_id };
    })
    .catch(async (err: unknown) => {
      if (!(err instanceof CloudError) && (await findAuthorization(ctx.db, claims.authorizationId)))
        throw new CloudError('STATE_REPLAYED');
      throw err;
    });
  if (bound) {
    // Counted, and the tenant's desktops learn of it from their feed.
    ctx.metrics.authorization('started');
    ctx.amazonStarted.publish(bound.tenantId);
  }
  return bound;
}

/** Stores the token as the platform's (or holds a changed seller aside); a failure fails the sign-in. */
async function finish(
  ctx: CloudContext,
  bound: Bound,
  sellerIdProven: boolean,
  access?: { accessToken: string; expiresIn: number },
): Promise<void> {
  try {
    await complete(ctx, bound.row, bound.row.exchange_selling_partner_id!, bound.sealed, access, sellerIdProven);
  } catch (err) {
    throw await failExchange(ctx, bound.row, err instanceof CloudError ? err : new CloudError('INTERNAL_ERROR'));
  }
}
