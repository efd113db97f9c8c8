// The Login URI step (docs/amazon.md §1.6). Sign-ins that start on Amazon's side — "Manage Your Apps" →
// Re-Authorize, and the Appstore's Authorize now — show the consent page first; after the seller confirms,
// Amazon sends the browser to the app's registered Login URI with amazon_callback_uri, amazon_state and
// selling_partner_id (plus version=beta for a Draft app). In the website workflow the same step follows
// the consent of a seller not yet registered with the app (scenario login_uri_new_seller; without it Amazon
// redirects straight to the redirect URI). The app sends the browser back to amazon_callback_uri with
// redirect_uri, amazon_state and its own state; the sandbox checks that round trip as Amazon does
// (amazon_state unchanged, issued here after consent, for this app and seller, once; redirect_uri
// registered; state present) and redirects to redirect_uri with the code and the app's state.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { appstorePage, manageAppsPage } from './app-management-pages';
import type { ConsentErrorKey } from './consent-errors';
import { checkAccountRules, checkConsentQuery } from './consent-request';
import { redirectWithCode } from './consent-routes';
import { cancelledPage, consentPage, errorPage, notFoundPage } from './sc-pages';
import { field, isSellerCentralHost, scRequest, sendHtml, signedInAccount, type ScRequest } from './sc-common';
import type { SeedAccount, SeedApp } from './seed';
import type { LoginState, SandboxState } from './state';

/** How long an amazon_state stays good (Amazon documents no figure; generous enough for a sign-in). */
const AMAZON_STATE_TTL_MS = 15 * 60_000;

type SignedIn = NonNullable<ReturnType<typeof signedInAccount>>;

/**
 * A form posted from a signed-in Seller Central page: the seller, once the host and the form's csrf are
 * checked; else the page Amazon answers with (not found, or the expired session).
 */
function postedBySeller(
  req: FastifyRequest,
  state: SandboxState,
): { sc: ScRequest; signedIn: SignedIn } | { signedIn?: undefined; refusal: { page: string; status: number } } {
  const sc = scRequest(req);
  if (!isSellerCentralHost(sc.host)) return { refusal: { page: notFoundPage(sc), status: 404 } };
  const signedIn = signedInAccount(req, state, sc);
  if (!signedIn || field(req.body, 'csrf') !== signedIn.csrf)
    return { refusal: { page: errorPage(sc, 'session_expired'), status: 200 } };
  return { sc, signedIn };
}

export function registerLoginUriRoutes(app: FastifyInstance, state: SandboxState): void {
  app.get('/sc/:host/apps/manage', async (req, reply) => {
    const sc = scRequest(req);
    if (!isSellerCentralHost(sc.host)) return sendHtml(reply, notFoundPage(sc), 404);
    const signedIn = signedInAccount(req, state, sc);
    if (!signedIn) return toSignIn(req, reply, sc);
    const apps = authorizedApps(state, signedIn.account);
    return sendHtml(
      reply,
      manageAppsPage(sc, {
        account: signedIn.account,
        apps,
        action: `${sc.base}/apps/manage/reauthorize`,
        csrf: signedIn.csrf,
      }),
    );
  });

  app.post('/sc/:host/apps/manage/reauthorize', async (req, reply) => {
    const posted = postedBySeller(req, state);
    if (!posted.signedIn) return sendHtml(reply, posted.refusal.page, posted.refusal.status);
    const { sc, signedIn } = posted;
    const target = authorizedApps(state, signedIn.account).find(
      (a) => a.applicationId === field(req.body, 'application_id'),
    );
    if (!target) return sendHtml(reply, errorPage(sc, 'MD1000'));
    return amazonStartedConsent(reply, state, sc, signedIn, target);
  });

  app.get('/sc/:host/selling-partner-appstore/dp/:applicationId', async (req, reply) => {
    const sc = scRequest(req);
    const listed = listedApp(state, field(req.params, 'applicationId'));
    if (!isSellerCentralHost(sc.host) || !listed) return sendHtml(reply, notFoundPage(sc), 404);
    const signedIn = signedInAccount(req, state, sc);
    if (!signedIn) return toSignIn(req, reply, sc);
    return sendHtml(
      reply,
      appstorePage(sc, { app: listed, action: `${sc.base}/selling-partner-appstore/authorize`, csrf: signedIn.csrf }),
    );
  });

  app.post('/sc/:host/selling-partner-appstore/authorize', async (req, reply) => {
    const posted = postedBySeller(req, state);
    if (!posted.signedIn) return sendHtml(reply, posted.refusal.page, posted.refusal.status);
    const { sc, signedIn } = posted;
    const listed = listedApp(state, field(req.body, 'application_id'));
    if (!listed) return sendHtml(reply, errorPage(sc, 'MD1000'));
    return amazonStartedConsent(reply, state, sc, signedIn, listed);
  });

  // amazon_callback_uri: where the app sends the browser back from its Login URI.
  app.get('/sc/:host/apps/authorize/confirm/:applicationId', async (req, reply) => {
    const sc = scRequest(req);
    if (!isSellerCentralHost(sc.host)) return sendHtml(reply, notFoundPage(sc), 404);
    const signedIn = signedInAccount(req, state, sc);
    if (!signedIn) return toSignIn(req, reply, sc);
    const { account } = signedIn;
    const applicationId = field(req.params, 'applicationId');
    const issued = freshLoginState(state, field(req.query, 'amazon_state'));
    if (
      !issued?.consented ||
      issued.applicationId !== applicationId ||
      issued.host !== sc.host ||
      issued.email !== account.email
    ) {
      return sendHtml(reply, errorPage(sc, 'amazon_state_invalid'), 400);
    }
    // The app's own state is required on this way back (else MD9999); redirect_uri may be left out as on
    // the consent URL (then the first registered one is used), and when given it must be registered (MD5101).
    const redirectUri = field(req.query, 'redirect_uri');
    if (!field(req.query, 'state')) return sendHtml(reply, errorPage(sc, 'MD9999'));
    const query = new URLSearchParams({
      application_id: applicationId,
      state: field(req.query, 'state'),
      ...(redirectUri ? { redirect_uri: redirectUri } : {}),
    });
    if (field(req.query, 'version')) query.set('version', field(req.query, 'version'));
    const check = checkConsentQuery(query.toString(), state);
    if (!check.ok) return sendHtml(reply, errorPage(sc, check.error));
    issued.used = true;
    const denied = checkAccountRules(account, check.request.app, sc.host, state);
    if (denied) return sendHtml(reply, errorPage(sc, denied));
    return redirectWithCode(reply, state, {
      account,
      app: check.request.app,
      redirectUri: check.request.redirectUri,
      stateParam: check.request.state,
      host: sc.host,
    });
  });
}

/** The amazon_state if it was issued here, is unused and young enough. */
function freshLoginState(state: SandboxState, amazonState: string): LoginState | undefined {
  const issued = amazonState ? state.loginStates.get(amazonState) : undefined;
  return issued && !issued.used && state.now() - issued.issuedAt < AMAZON_STATE_TTL_MS ? issued : undefined;
}

/** Re-Authorize and Authorize now: the consent page first; its confirmation leads to the Login URI. */
function amazonStartedConsent(
  reply: FastifyReply,
  state: SandboxState,
  sc: ScRequest,
  signedIn: { account: SeedAccount; csrf: string },
  target: SeedApp,
): FastifyReply {
  const { account, csrf } = signedIn;
  const denied: ConsentErrorKey | undefined =
    checkAccountRules(account, target, sc.host, state) ?? (target.loginUri ? undefined : 'login_uri_missing');
  if (denied) return sendHtml(reply, errorPage(sc, denied));
  const amazonState = issueLoginState(state, sc, account, target, false);
  const params: Record<string, string> = { application_id: target.applicationId, amazon_state: amazonState };
  const signOut = { action: `${sc.base}/ap/signout`, returnTo: `${sc.base}/apps/manage` };
  return sendHtml(
    reply,
    consentPage(sc, { account, app: target, action: `${sc.base}/apps/authorize/confirm`, csrf, params, signOut }),
  );
}

/**
 * The consent of an Amazon-started sign-in was posted (consent-routes.ts hands it over when the form
 * carries amazon_state): confirmed → the Login URI; cancelled → Seller Central's page, nothing reaches the app.
 */
export function confirmAmazonStarted(
  req: FastifyRequest,
  reply: FastifyReply,
  state: SandboxState,
  sc: ScRequest,
  account: SeedAccount,
): FastifyReply {
  const amazonState = field(req.body, 'amazon_state');
  const issued = freshLoginState(state, amazonState);
  const target = state.appById(field(req.body, 'application_id'));
  if (
    !issued ||
    issued.consented ||
    !target ||
    issued.applicationId !== target.applicationId ||
    issued.host !== sc.host ||
    issued.email !== account.email
  ) {
    return sendHtml(reply, errorPage(sc, 'amazon_state_invalid'), 400);
  }
  if (field(req.body, 'action') !== 'confirm') {
    issued.used = true;
    return sendHtml(reply, cancelledPage(sc));
  }
  issued.consented = true;
  return toLoginUri({ req, reply, state, sc, account, target }, amazonState);
}

/** A consented sign-in on its way to the app's Login URI: the request, the seller and the app. */
interface LoginUriStep {
  req: FastifyRequest;
  reply: FastifyReply;
  state: SandboxState;
  sc: ScRequest;
  account: SeedAccount;
  target: SeedApp;
}

/** Website workflow, consent confirmed: a seller not yet registered with the app goes through its Login URI first. */
export function loginUriForNewSeller(step: LoginUriStep): FastifyReply | undefined {
  const { state, sc, account, target } = step;
  const registered = state.authorizations.get(target.applicationId)?.has(account.sellingPartnerId) ?? false;
  if (registered || !target.loginUri) return undefined;
  if (
    !state.scenarios.take('login_uri_new_seller', { email: account.email, sellingPartnerId: account.sellingPartnerId })
  )
    return undefined;
  return toLoginUri(step, issueLoginState(state, sc, account, target, true));
}

function issueLoginState(
  state: SandboxState,
  sc: ScRequest,
  account: SeedAccount,
  target: SeedApp,
  consented: boolean,
): string {
  const amazonState = randomBytes(24).toString('base64url');
  state.loginStates.set(amazonState, {
    applicationId: target.applicationId,
    host: sc.host,
    email: account.email,
    issuedAt: state.now(),
    used: false,
    consented,
  });
  return amazonState;
}

function toSignIn(req: FastifyRequest, reply: FastifyReply, sc: ScRequest): FastifyReply {
  return reply.redirect(
    `${sc.base}/ap/signin?return_to=${encodeURIComponent(req.raw.url ?? '')}&language=${sc.lang}`,
    302,
  );
}

/** Apps this seller has authorized (any of its users), as Manage Your Apps lists them. */
function authorizedApps(state: SandboxState, account: SeedAccount): SeedApp[] {
  return state.seed.apps.filter((a) => state.authorizations.get(a.applicationId)?.has(account.sellingPartnerId));
}

/** Only apps listed in the Appstore have a page there. */
function listedApp(state: SandboxState, applicationId: string): SeedApp | undefined {
  const found = state.appById(applicationId);
  return found?.appstoreListing === 'listed' ? found : undefined;
}

/**
 * To the app's Login URI. amazon_callback_uri is absolute on the seller's Seller Central host, or — with
 * scenario login_uri_relative_callback — the bare path, as Amazon has been seen to send it (#1376).
 */
function toLoginUri({ req, reply, state, sc, account, target }: LoginUriStep, amazonState: string): FastifyReply {
  const origin = `${req.protocol}://${req.headers.host ?? '127.0.0.1'}`;
  const path = `/apps/authorize/confirm/${target.applicationId}`;
  const relative = state.scenarios.take('login_uri_relative_callback', {
    email: account.email,
    sellingPartnerId: account.sellingPartnerId,
  });
  const login = new URL(target.loginUri);
  login.searchParams.set('amazon_callback_uri', relative ? path : `${origin}${sc.base}${path}`);
  login.searchParams.set('amazon_state', amazonState);
  login.searchParams.set('selling_partner_id', account.sellingPartnerId);
  if (target.status === 'draft') login.searchParams.set('version', 'beta');
  return reply.header('referrer-policy', 'no-referrer').redirect(login.toString(), 302);
}
