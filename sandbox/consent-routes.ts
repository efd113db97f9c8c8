// Seller Central's consent step: GET shows the app and its roles (after sign-in), POST confirms or
// cancels. Confirming redirects (302) to the redirect URI with Amazon's parameter names.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ConsentErrorKey } from './consent-errors';
import { checkAccountRules, checkConsentQuery, regionOfHost } from './consent-request';
import { newMwsAuthToken, newOAuthCode } from './ids';
import { stateOfQuery, stateTag } from './page-errors';
import { consentError } from './consent-errors';
import { CONSENT_PAGE_SCENARIOS } from './scenarios';
import { cancelledPage, consentPage, errorPage, notFoundPage } from './sc-pages';
import { field, isSellerCentralHost, scRequest, sendHtml, signedInAccount, type ScRequest } from './sc-common';
import type { SeedAccount, SeedApp } from './seed';
import type { SandboxState } from './state';
import { confirmAmazonStarted, loginUriForNewSeller } from './login-uri-routes';

export function registerConsentRoutes(app: FastifyInstance, state: SandboxState): void {
  app.get('/sc/:host/apps/authorize/consent', async (req, reply) => {
    const sc = scRequest(req);
    if (!isSellerCentralHost(sc.host)) return sendHtml(reply, notFoundPage(sc), 404);
    const rawUrl = req.raw.url ?? '';
    const q = rawUrl.indexOf('?');
    const rawQuery = q < 0 ? '' : rawUrl.slice(q + 1);
    const check = checkConsentQuery(rawQuery, state);
    if (!check.ok)
      return showError(reply, state, sc, check.error, stateOfQuery(rawQuery), undefined, appIdOfQuery(rawQuery));

    const signedIn = signedInAccount(req, state, sc);
    if (!signedIn) {
      return reply.redirect(`${sc.base}/ap/signin?return_to=${encodeURIComponent(rawUrl)}&language=${sc.lang}`, 302);
    }
    const { account, csrf } = signedIn;
    const denied = ruleError(state, account, check.request.app, sc.host, false) ?? pageScenario(state, account);
    if (denied)
      return showError(reply, state, sc, denied, check.request.state, account, check.request.app.applicationId);
    return sendHtml(
      reply,
      consentPage(sc, {
        account,
        app: check.request.app,
        action: `${sc.base}/apps/authorize/confirm`,
        csrf,
        params: check.request.params,
        signOut: { action: `${sc.base}/ap/signout`, returnTo: rawUrl },
      }),
    );
  });

  app.post('/sc/:host/apps/authorize/confirm', async (req, reply) => {
    const sc = scRequest(req);
    if (!isSellerCentralHost(sc.host)) return sendHtml(reply, notFoundPage(sc), 404);
    const signedIn = signedInAccount(req, state, sc);
    if (!signedIn || field(req.body, 'csrf') !== signedIn.csrf)
      return showError(reply, state, sc, 'session_expired', field(req.body, 'state') || undefined);
    const { account } = signedIn;
    // Re-Authorize / Authorize now: the consent comes before the Login URI (login-uri-routes.ts).
    if (field(req.body, 'amazon_state')) return confirmAmazonStarted(req, reply, state, sc, account);

    const query = new URLSearchParams();
    for (const name of ['application_id', 'state', 'version', 'redirect_uri']) {
      const value = field(req.body, name);
      if (value) query.set(name, value);
    }
    const check = checkConsentQuery(query.toString(), state);
    if (!check.ok)
      return showError(
        reply,
        state,
        sc,
        check.error,
        field(req.body, 'state') || undefined,
        account,
        field(req.body, 'application_id'),
      );
    const { app: solution, redirectUri } = check.request;
    const denied = ruleError(state, account, solution, sc.host, true);
    if (denied) return showError(reply, state, sc, denied, check.request.state, account, solution.applicationId);

    const ctx = { email: account.email, sellingPartnerId: account.sellingPartnerId };
    if (field(req.body, 'action') !== 'confirm' || state.scenarios.take('consent_cancelled', ctx)) {
      state.pageErrors.add({
        at: new Date(state.now()).toISOString(),
        key: 'consent_cancelled',
        email: account.email,
        accountRegion: account.region,
        stateTag: stateTag(check.request.state),
      });
      return sendHtml(reply, cancelledPage(sc));
    }
    // A seller not yet registered with the app goes through the app's Login URI first (when switched on).
    const viaLoginUri = loginUriForNewSeller({ req, reply, state, sc, account, target: solution });
    if (viaLoginUri) return viaLoginUri;
    return redirectWithCode(reply, state, {
      account,
      app: solution,
      redirectUri,
      stateParam: check.request.state,
      host: sc.host,
    });
  });
}

/** Shows Seller Central's error page and remembers which sign-in saw it (page-errors.ts). */
function showError(
  reply: FastifyReply,
  state: SandboxState,
  sc: ScRequest,
  key: ConsentErrorKey,
  stateParam?: string,
  account?: SeedAccount,
  appId?: string,
): FastifyReply {
  const hostRegion = regionOfHost(sc.host);
  const code = consentError(key).amazonCode;
  state.pageErrors.add({
    at: new Date(state.now()).toISOString(),
    key,
    ...(code ? { amazonCode: code } : {}),
    ...(account ? { email: account.email, accountRegion: account.region } : {}),
    ...(hostRegion ? { hostRegion } : {}),
    ...(stateParam ? { stateTag: stateTag(stateParam) } : {}),
  });
  return sendHtml(reply, errorPage(sc, key, appId));
}

/** The application_id of a raw consent query, tolerant of malformed queries (MD9999 pages). */
function appIdOfQuery(rawQuery: string): string | undefined {
  try {
    return new URLSearchParams(rawQuery.split('?')[0]).get('application_id') ?? undefined;
  } catch {
    return undefined;
  }
}

/** A consent_* scenario shows its Seller Central page instead of the consent (scenarios.ts). */
function pageScenario(state: SandboxState, account: SeedAccount): ConsentErrorKey | undefined {
  const ctx = { email: account.email, sellingPartnerId: account.sellingPartnerId };
  for (const [id, key] of Object.entries(CONSENT_PAGE_SCENARIOS)) {
    if (state.scenarios.take(id as keyof typeof CONSENT_PAGE_SCENARIOS, ctx)) return key;
  }
  return undefined;
}

function ruleError(
  state: SandboxState,
  account: SeedAccount,
  app: SeedApp,
  host: string,
  count: boolean,
): ConsentErrorKey | undefined {
  const rule = checkAccountRules(account, app, host, state);
  if (rule) return rule;
  const ctx = { email: account.email, sellingPartnerId: account.sellingPartnerId };
  const limited = count
    ? state.scenarios.take('draft_limit_reached', ctx)
    : state.scenarios.peek('draft_limit_reached', ctx);
  return limited ? 'draft_limit' : undefined;
}

/** The seller id scenario redirect_seller_id_edited puts into the redirect: no seeded account has it. */
const EDITED_SELLER_ID = 'A0EDITED0SELLER';

interface Grant {
  account: SeedAccount;
  app: SeedApp;
  redirectUri: string;
  stateParam: string;
  host: string;
}

export function redirectWithCode(reply: FastifyReply, state: SandboxState, g: Grant): FastifyReply {
  const code = newOAuthCode();
  state.codes.set(code, {
    code,
    applicationId: g.app.applicationId,
    clientId: g.app.clientId,
    redirectUri: g.redirectUri,
    sellingPartnerId: g.account.sellingPartnerId,
    region: regionOfHost(g.host) ?? g.account.region,
    issuedAt: state.now(),
    used: false,
  });
  const sellers = state.authorizations.get(g.app.applicationId) ?? new Set<string>();
  sellers.add(g.account.sellingPartnerId);
  state.authorizations.set(g.app.applicationId, sellers);

  // Parameter order as in Amazon's documentation example. Scenario redirect_seller_id_edited: the seller
  // id arrives edited, as a browser (or someone in it) could change it on the way to the app.
  const ctx = { email: g.account.email, sellingPartnerId: g.account.sellingPartnerId };
  const seller = state.scenarios.take('redirect_seller_id_edited', ctx) ? EDITED_SELLER_ID : g.account.sellingPartnerId;
  const target = new URL(g.redirectUri);
  target.searchParams.append('state', g.stateParam);
  if (g.app.hybrid) target.searchParams.append('mws_auth_token', newMwsAuthToken());
  target.searchParams.append('selling_partner_id', seller);
  target.searchParams.append('spapi_oauth_code', code);
  return reply.header('referrer-policy', 'no-referrer').redirect(target.toString(), 302);
}
