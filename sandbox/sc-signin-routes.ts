// Seller Central sign-in: e-mail + password (locked after 5 failures), then two-step verification by
// authenticator app (TOTP, ±1 step) or SMS code (6 digits, valid 5 minutes, 3 tries).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { newSmsCode } from './ids';
import { homePage, mfaPage, notFoundPage, signInPage } from './sc-pages';
import {
  clearSessionCookie,
  currentSession,
  field,
  isSellerCentralHost,
  safeReturnTo,
  scRequest,
  sendHtml,
  setSessionCookie,
  type ScRequest,
} from './sc-common';
import type { SeedAccount } from './seed';
import type { SandboxState, Session } from './state';
import { t } from './texts';
import { verifyTotp } from './totp';

const MAX_FAILED_LOGINS = 5;
const SMS_VALID_MS = 5 * 60_000;
const SMS_MAX_TRIES = 3;

export function registerSignInRoutes(app: FastifyInstance, state: SandboxState): void {
  app.get('/sc/:host/ap/signin', async (req, reply) => {
    const sc = scRequest(req);
    if (!isSellerCentralHost(sc.host)) return sendHtml(reply, notFoundPage(sc), 404);
    const returnTo = safeReturnTo(field(req.query, 'return_to'), sc.base);
    // A seeded account chosen in the app (PUT /sandbox/api/signin-prefill) is filled in once.
    const prefill = state.signInPrefill ? state.account(state.signInPrefill) : undefined;
    state.signInPrefill = undefined;
    return sendHtml(
      reply,
      signInPage(sc, `${sc.base}/ap/signin`, returnTo, prefill?.email ?? '', undefined, prefill?.password ?? ''),
    );
  });

  app.post('/sc/:host/ap/signin', async (req, reply) => {
    const sc = scRequest(req);
    if (!isSellerCentralHost(sc.host)) return sendHtml(reply, notFoundPage(sc), 404);
    const returnTo = safeReturnTo(field(req.body, 'return_to'), sc.base);
    const email = field(req.body, 'email').trim();
    const password = field(req.body, 'password');
    const again = (message: string) =>
      sendHtml(reply, signInPage(sc, `${sc.base}/ap/signin`, returnTo, email, message));

    if (!email || !password) return again(t(sc.lang, 'missingFields'));
    const account = state.account(email);
    if (!account) return again(t(sc.lang, 'unknownEmail'));
    const failures = state.failedLogins.get(account.email) ?? 0;
    if (failures >= MAX_FAILED_LOGINS) return again(t(sc.lang, 'locked'));
    if (password !== account.password) {
      state.failedLogins.set(account.email, failures + 1);
      return again(t(sc.lang, failures + 1 >= MAX_FAILED_LOGINS ? 'locked' : 'wrongPassword'));
    }
    state.failedLogins.delete(account.email);

    const session = state.newSession(sc.host);
    session.email = account.email;
    if (!account.totpSecret) sendSms(state, account);
    setSessionCookie(reply, session);
    return reply.redirect(`${sc.base}/ap/mfa?return_to=${encodeURIComponent(returnTo)}&language=${sc.lang}`, 302);
  });

  app.get('/sc/:host/ap/mfa', async (req, reply) => {
    const sc = scRequest(req);
    const ctx = mfaContext(state, req, sc);
    if (!ctx) return reply.redirect(`${sc.base}/ap/signin?language=${sc.lang}`, 302);
    const returnTo = safeReturnTo(field(req.query, 'return_to'), sc.base);
    return sendHtml(reply, mfaPage(sc, { account: ctx.account, action: `${sc.base}/ap/mfa`, returnTo }));
  });

  app.post('/sc/:host/ap/mfa', async (req, reply) => {
    const sc = scRequest(req);
    const ctx = mfaContext(state, req, sc);
    if (!ctx) return reply.redirect(`${sc.base}/ap/signin?language=${sc.lang}`, 302);
    const returnTo = safeReturnTo(field(req.body, 'return_to'), sc.base);
    const view = (extra: { error?: string; info?: string }): FastifyReply =>
      sendHtml(reply, mfaPage(sc, { account: ctx.account, action: `${sc.base}/ap/mfa`, returnTo, ...extra }));

    if (field(req.body, 'action') === 'resend' && !ctx.account.totpSecret) {
      sendSms(state, ctx.account);
      return view({ info: t(sc.lang, 'resent') });
    }
    const otp = field(req.body, 'otp').trim();
    const problem = checkOtp(state, ctx.account, otp);
    if (problem) return view({ error: t(sc.lang, problem) });
    ctx.session.stage = 'signed-in';
    return reply.redirect(returnTo, 302);
  });

  app.get('/sc/:host/home', async (req, reply) => {
    const sc = scRequest(req);
    if (!isSellerCentralHost(sc.host)) return sendHtml(reply, notFoundPage(sc), 404);
    const session = currentSession(req, state, sc.host);
    const account = session?.stage === 'signed-in' && session.email ? state.account(session.email) : undefined;
    if (!session || !account) return reply.redirect(`${sc.base}/ap/signin?language=${sc.lang}`, 302);
    return sendHtml(
      reply,
      homePage(sc, account, { action: `${sc.base}/ap/signout`, csrf: session.csrf, returnTo: `${sc.base}/home` }),
    );
  });

  // "Konto wechseln" / "Abmelden" (docs/amazon.md §1.11): the browser's session on this host ends; the
  // sign-in page follows, and after it the page the seller came from (switch) or the home page.
  app.post('/sc/:host/ap/signout', async (req, reply) => {
    const sc = scRequest(req);
    if (!isSellerCentralHost(sc.host)) return sendHtml(reply, notFoundPage(sc), 404);
    const session = currentSession(req, state, sc.host);
    // Only this page's own form may sign out (a cross-site POST does not know the session's csrf).
    if (session && field(req.body, 'csrf') !== session.csrf)
      return reply.redirect(`${sc.base}/home?language=${sc.lang}`, 302);
    if (session) {
      state.sessions.delete(session.id);
      clearSessionCookie(reply, sc.host);
    }
    const returnTo =
      field(req.body, 'action') === 'switch' ? safeReturnTo(field(req.body, 'return_to'), sc.base) : `${sc.base}/home`;
    return sendHtml(
      reply,
      signInPage(sc, `${sc.base}/ap/signin`, returnTo, '', undefined, '', t(sc.lang, 'signedOut')),
    );
  });
}

function mfaContext(
  state: SandboxState,
  req: Parameters<typeof currentSession>[0],
  sc: ScRequest,
): { session: Session; account: SeedAccount } | undefined {
  const session = currentSession(req, state, sc.host);
  const account = session?.email ? state.account(session.email) : undefined;
  return session && account ? { session, account } : undefined;
}

function sendSms(state: SandboxState, account: SeedAccount): void {
  // A new code replaces the old one, as on Amazon.
  for (const m of state.sms) if (m.email === account.email) m.used = true;
  const code = newSmsCode();
  state.sms.unshift({
    email: account.email,
    phone: account.smsPhone ?? '',
    code,
    text: `${code} ist Ihr Amazon Einmalpasswort (OTP). Geben Sie es niemals weiter. / ${code} is your Amazon OTP. Do not share it with anyone.`,
    sentAt: state.now(),
    tries: 0,
    used: false,
  });
}

type OtpProblem = 'wrongOtp' | 'otpExpired' | 'otpTooMany';

function checkOtp(state: SandboxState, account: SeedAccount, otp: string): OtpProblem | undefined {
  const alwaysWrong = state.scenarios.take('otp_always_wrong', {
    email: account.email,
    sellingPartnerId: account.sellingPartnerId,
  });
  if (account.totpSecret) {
    if (alwaysWrong || !verifyTotp(account.totpSecret, otp, state.now())) return 'wrongOtp';
    return undefined;
  }
  const sms = state.sms.find((m) => m.email === account.email && !m.used);
  if (!sms) return 'otpExpired';
  if (state.now() - sms.sentAt > SMS_VALID_MS) return 'otpExpired';
  if (sms.tries >= SMS_MAX_TRIES) return 'otpTooMany';
  if (alwaysWrong || otp !== sms.code) {
    sms.tries += 1;
    return sms.tries >= SMS_MAX_TRIES ? 'otpTooMany' : 'wrongOtp';
  }
  sms.used = true;
  return undefined;
}
