// Amazon's redirect with the Login URI's unbound state (login-uri.ts, docs/amazon.md §1.6): the round trip
// through Seller Central proves the seller, so only now does the cloud decide which platform the consent
// is for. Rules of the Login URI kept: nothing is cancelled or decided, the platform's pending sign-in
// started at Amazon for that seller is reused, and a seller id chosen by Amazon must come back unchanged.
//   - the seller id names exactly one live platform of an enabled tenant: that platform's sign-in marked as
//     Amazon's (refresh when it has tokens, else login) takes the code as any other sign-in does;
//   - none or several: the code is exchanged first — only a seller whose code Amazon accepts ever sees the
//     pairing-code form, so a forged redirect cannot tell known from unknown ids either — and the form
//     carries Amazon's refresh token sealed (AES-GCM under the cloud's key, bound to this state and
//     seller; the browser never holds the token itself). The code the desktop shows picks the platform.
import { createHash } from 'node:crypto';
import type { CallbackSuccess } from '../../shared/cloud-api';
import type { Region } from '../../shared/amazon-regions';
import type { CloudContext } from '../context';
import { CloudError } from '../http/cloud-error';
import { exchangeCode } from '../amazon/lwa-client';
import { findPlatformById, findPlatformsBySeller, type PlatformRow } from '../repositories/platforms';
import { findAuthorization, findPendingAmazonStarted, insertAuthorization, startExchange, storeExchangedToken, type AuthorizationRow } from '../repositories/authorizations';
import { tenantDisabledAt } from '../repositories/tenants';
import { consumePairingCode, findPairingCodePlatform } from '../pairing-codes';
import { codeAad, complete, failExchange, leaseFrom } from './code-exchange';
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
export const successBody = (q: CallbackQuery): CallbackSuccess => ({ result: { result: { mws_auth_token: q.mws_auth_token ?? null, spapi_oauth_code: q.spapi_oauth_code!, state: q.state! } } });
const consentAad = (claims: UnboundClaims, seller: string) => `consent:${claims.authorizationId}:${seller}`;

/** The checks of Amazon's answer that need no sign-in: its error, missing parameters, another seller. */
function checkAnswer(claims: UnboundClaims, q: CallbackQuery): asserts q is CallbackQuery & { spapi_oauth_code: string; selling_partner_id: string } {
  if (q.error) throw new CloudError(q.error === 'access_denied' ? 'AMAZON_CONSENT_DENIED' : 'AMAZON_CALLBACK_ERROR');
  if (!q.spapi_oauth_code || !q.selling_partner_id) throw new CloudError('CALLBACK_PARAMS_MISSING');
  if (claims.sellingPartnerId && claims.sellingPartnerId !== q.selling_partner_id) throw new CloudError('SELLER_MISMATCH');
}

/**
 * GET: the sign-in the unbound state leads to (already created by an earlier redirect with it, or the
 * one platform's), or the pairing page after the code was exchanged.
 */
export async function proveBySeller(ctx: CloudContext, claims: UnboundClaims, q: CallbackQuery): Promise<AuthorizationRow | PairingPage> {
  const existing = await findAuthorization(ctx.db, claims.authorizationId);
  if (existing) return existing;
  checkAnswer(claims, q);
  const rows = await findPlatformsBySeller(ctx.db, q.selling_partner_id, claims.region as Region | undefined, 2);
  if (rows.length === 1) return amazonStartedRow(ctx, rows[0]!, claims.authorizationId, q.selling_partner_id);
  // Amazon's token endpoint is the proof: a made-up code ends here with Amazon's refusal, as it would
  // for a connected seller. The call is not recorded: no platform is known yet to record it for.
  const tokens = await exchangeCode(ctx.lwa, q.spapi_oauth_code, ctx.redirectUri);
  if (!tokens.refreshToken) throw new CloudError('LWA_ERROR', 'Amazon\'s token endpoint returned no refresh token for the code.');
  const consent = ctx.secretBox.seal(tokens.refreshToken, consentAad(claims, q.selling_partner_id));
  return pairingPage(200, rows.length === 0 ? 'unknown_seller' : 'ambiguous_seller', true, q, consent);
}

function pairingPage(status: number, reason: LoginRefusal, askForCode: boolean, q: CallbackQuery, consent: string): PairingPage {
  const fields: Record<string, string> = { state: q.state!, selling_partner_id: q.selling_partner_id!, spapi_oauth_code: q.spapi_oauth_code!, consent };
  if (q.mws_auth_token) fields.mws_auth_token = q.mws_auth_token;
  return { kind: 'pairing', status, reason, askForCode, fields };
}

/**
 * POST of the pairing-code form: the platform the code names gets the sealed consent as a finished
 * sign-in marked as Amazon's. A refusal (wrong code, other region, disabled tenant) leaves the code usable.
 */
export async function proveByCode(ctx: CloudContext, claims: UnboundClaims, q: CallbackQuery, consent: string, code: string): Promise<CallbackSuccess | PairingPage> {
  const existing = await findAuthorization(ctx.db, claims.authorizationId);
  if (existing) {
    // The form sent twice: the same answer once it went through, nothing new.
    if (q.spapi_oauth_code && existing.code_hash === hashCode(q.spapi_oauth_code) && (existing.status === 'authenticated' || existing.status === 'seller_changed')) return successBody(q);
    throw new CloudError('STATE_REPLAYED');
  }
  checkAnswer(claims, q);
  let refreshToken: string;
  try {
    refreshToken = ctx.secretBox.open(consent, consentAad(claims, q.selling_partner_id));
  } catch {
    throw new CloudError('STATE_INVALID');
  }
  const now = new Date(ctx.now());
  const again = (status: number, reason: LoginRefusal, askForCode: boolean) => pairingPage(status, reason, askForCode, q, consent);
  const found = await findPairingCodePlatform(ctx.db, code, now);
  if (!found) return again(400, 'code_invalid', true);
  // A disabled tenant's platforms take no sign-in: its desktop could not collect the result anyway.
  if ((await tenantDisabledAt(ctx.db, found.tenant_id)) !== null) return again(403, 'tenant_disabled', false);
  // The region is the platform's; only a callback host that named one region can contradict it.
  if (claims.region && found.region !== claims.region) return again(409, 'region_mismatch', true);

  const seller = q.selling_partner_id;
  const created = await ctx.db
    .transaction(async (tx) => {
      const platform = await consumePairingCode(tx, code, now);
      if (!platform) return undefined;
      await findPlatformById(tx, platform.id, true);
      const row = await insertAuthorization(tx, newAmazonStarted(ctx, platform, claims.authorizationId, seller, now));
      // Recorded as an exchange that has its token, so a crash from here on is finished by any instance.
      const started = await startExchange(tx, row.id, { codeHash: hashCode(q.spapi_oauth_code), sealedCode: ctx.secretBox.seal(q.spapi_oauth_code, codeAad(row.id)), sellingPartnerId: seller, now, leaseUntil: leaseFrom() });
      const sealed = ctx.secretBox.seal(refreshToken, platform.id);
      await storeExchangedToken(tx, row.id, sealed);
      return { row: started!, sealed, tenantId: platform.tenant_id };
    })
    // Two forms with one state at once: the id is taken; the first one wins.
    .catch(async (err: unknown) => {
      if (await findAuthorization(ctx.db, claims.authorizationId)) throw new CloudError('STATE_REPLAYED');
      throw err;
    });
  if (!created) return again(400, 'code_invalid', true);
  announce(ctx, created.tenantId);
  try {
    await complete(ctx, created.row, seller, created.sealed);
  } catch (err) {
    throw await failExchange(ctx, created.row, err instanceof CloudError ? err : new CloudError('INTERNAL_ERROR'));
  }
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

/** A sign-in started at Amazon: counted, and the tenant's desktops learn of it from their feed. */
function announce(ctx: CloudContext, tenantId: string): void {
  ctx.metrics.authorization('started');
  ctx.amazonStarted.publish(tenantId);
}

/**
 * The platform's sign-in started at Amazon for this seller: the pending one with its state unused when
 * there is one, else a new one with the id the unbound state named (a second redirect with that state
 * finds it). Nothing is cancelled or decided.
 */
async function amazonStartedRow(ctx: CloudContext, platform: PlatformRow, id: string, seller: string): Promise<AuthorizationRow> {
  const now = new Date(ctx.now());
  const { row, created } = await ctx.db.transaction(async (tx): Promise<{ row: AuthorizationRow; created: boolean }> => {
    // The platform's row lock serialises concurrent redirects, so two of them cannot both insert.
    await findPlatformById(tx, platform.id, true);
    const same = (await findAuthorization(tx, id)) ?? (await findPendingAmazonStarted(tx, platform.id, seller, now));
    if (same) return { row: same, created: false };
    return { row: await insertAuthorization(tx, newAmazonStarted(ctx, platform, id, seller, now)), created: true };
  });
  if (created) announce(ctx, platform.tenant_id);
  return row;
}
