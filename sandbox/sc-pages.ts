// The Seller Central pages: sign-in, two-step verification, consent, cancelled, error.
import { isApplicationId } from '../shared/application-id';
import { consentError, type ConsentErrorKey } from './consent-errors';
import { html, page, type Lang, type SafeHtml } from './html';
import type { SeedAccount, SeedApp } from './seed';
import { t } from './texts';

export interface Frame {
  lang: Lang;
  host: string;
}

export function frame(f: Frame, title: string, body: SafeHtml): string {
  return page({ lang: f.lang, title: `Amazon Seller Central – ${title}`, subtitle: f.host, body });
}

/**
 * Who is signed in, with "Konto wechseln" / "Abmelden" (docs/amazon.md §1.11): both end this browser's
 * session; switching comes back to `returnTo` (e.g. the consent page) after the next sign-in.
 */
function accountBar(f: Frame, account: SeedAccount, action: string, csrf: string, returnTo: string): SafeHtml {
  return html`<form method="post" action="${action}" class="account-bar" data-account="${account.email}" aria-label="${t(f.lang, 'accountMenu')}">
    <input type="hidden" name="csrf" value="${csrf}">
    <input type="hidden" name="return_to" value="${returnTo}">
    <input type="hidden" name="language" value="${f.lang}">
    <span>${t(f.lang, 'consentAs', { email: account.email, store: account.storeName })}</span>
    <button type="submit" class="secondary" name="action" value="switch" id="switch-account">${t(f.lang, 'switchAccount')}</button>
    <button type="submit" class="secondary" name="action" value="signout" id="sign-out">${t(f.lang, 'signOut')}</button>
  </form>`;
}

/** `password` is only ever filled for a seeded account support chose from the app (sandbox prefill). */
export function signInPage(
  f: Frame,
  action: string,
  returnTo: string,
  email = '',
  error?: string,
  password = '',
  info?: string,
): string {
  return frame(
    f,
    t(f.lang, 'signinTitle'),
    html`
<div class="box" data-page="signin">
  <h1>${t(f.lang, 'signinTitle')}</h1>
  ${info ? html`<div class="info" role="status" data-message="signed-out">${info}</div>` : ''}
  ${error ? html`<div class="alert" role="alert" data-message="signin-error"><strong>${t(f.lang, 'problem')}</strong><br>${error}</div>` : ''}
  <form method="post" action="${action}">
    <input type="hidden" name="return_to" value="${returnTo}">
    <input type="hidden" name="language" value="${f.lang}">
    <label for="ap_email">${t(f.lang, 'email')}</label>
    <input type="email" id="ap_email" name="email" value="${email}" autocomplete="username">
    <label for="ap_password">${t(f.lang, 'password')}</label>
    <input type="password" id="ap_password" name="password" value="${password}" autocomplete="current-password">
    <button type="submit" id="signInSubmit">${t(f.lang, 'signin')}</button>
  </form>
</div>`,
  );
}

function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `${phone.startsWith('+') ? '+' : ''}${digits.slice(0, 2)} ••• ••• ${digits.slice(-2)}`;
}

interface MfaView {
  account: SeedAccount;
  action: string;
  returnTo: string;
  error?: string;
  info?: string;
}

export function mfaPage(f: Frame, v: MfaView): string {
  const sms = !v.account.totpSecret;
  const hint = sms ? t(f.lang, 'smsHint', { phone: maskPhone(v.account.smsPhone ?? '') }) : t(f.lang, 'totpHint');
  return frame(
    f,
    t(f.lang, 'mfaTitle'),
    html`
<div class="box" data-page="mfa" data-method="${sms ? 'sms' : 'totp'}">
  <h1>${t(f.lang, 'mfaTitle')}</h1>
  ${v.error ? html`<div class="alert" role="alert" data-message="mfa-error" data-error="otp_rejected">${v.error}</div>` : ''}
  ${v.info ? html`<div class="info" data-message="mfa-info">${v.info}</div>` : ''}
  <p>${hint}</p>
  <form method="post" action="${v.action}">
    <input type="hidden" name="return_to" value="${v.returnTo}">
    <input type="hidden" name="language" value="${f.lang}">
    <label for="auth-mfa-otpcode">${t(f.lang, 'otpLabel')}</label>
    <input type="text" id="auth-mfa-otpcode" name="otp" inputmode="numeric" autocomplete="one-time-code" maxlength="6">
    <button type="submit" id="auth-signin-button" name="action" value="verify">${t(f.lang, 'signin')}</button>
    ${sms ? html`<button type="submit" class="secondary" id="auth-resend" name="action" value="resend">${t(f.lang, 'resend')}</button>` : ''}
  </form>
</div>`,
  );
}

interface ConsentView {
  account: SeedAccount;
  app: SeedApp;
  action: string;
  csrf: string;
  params: Record<string, string>;
  /** Where "Konto wechseln" posts, and this page's own address to come back to. */
  signOut: { action: string; returnTo: string };
}

export function consentPage(f: Frame, v: ConsentView): string {
  const hidden = Object.entries(v.params).map(
    ([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`,
  );
  return frame(
    f,
    t(f.lang, 'consentTitle'),
    html`
<div class="box" data-page="consent" data-application-id="${v.app.applicationId}">
  <h1>${t(f.lang, 'consentTitle')}</h1>
  <p><strong>${t(f.lang, 'consentIntro', { app: v.app.name })}</strong></p>
  ${accountBar(f, v.account, v.signOut.action, v.csrf, v.signOut.returnTo)}
  ${v.app.status === 'draft' ? html`<div class="info">${t(f.lang, 'consentDraft')}</div>` : ''}
  <p>${t(f.lang, 'consentRoles')}</p>
  <ul>${v.app.roles.map((r) => html`<li>${r}</li>`)}</ul>
  <form method="post" action="${v.action}">
    ${hidden}
    <input type="hidden" name="csrf" value="${v.csrf}">
    <input type="hidden" name="language" value="${f.lang}">
    <button type="submit" name="action" value="confirm" id="consent-confirm">${t(f.lang, 'confirm')}</button>
    <button type="submit" name="action" value="cancel" class="secondary" id="consent-cancel">${t(f.lang, 'cancel')}</button>
  </form>
</div>`,
  );
}

export function cancelledPage(f: Frame): string {
  return frame(
    f,
    t(f.lang, 'cancelledTitle'),
    html`
<div class="box" data-page="cancelled" data-error="consent_cancelled"><h1>${t(f.lang, 'cancelledTitle')}</h1><p>${t(f.lang, 'cancelledText')}</p></div>`,
  );
}

/**
 * Seller Central's error page. Pages with a code ask the seller to give Seller Support the App ID and the
 * code, as Amazon's "Something went wrong" page does (docs/amazon.md §1.10); `appId` only when well-formed.
 */
export function errorPage(f: Frame, key: ConsentErrorKey, appId?: string): string {
  const e = consentError(key);
  const showAppId = e.amazonCode && appId && isApplicationId(appId);
  return frame(
    f,
    t(f.lang, 'errorTitle'),
    html`
<div class="box" data-page="error" data-error="${key}">
  <h1>${t(f.lang, 'errorTitle')}</h1>
  <div class="alert" role="alert">${e.amazonText[f.lang]}</div>
  ${showAppId ? html`<p>${t(f.lang, 'contactSupport')}</p><p class="app-id" data-app-id="${appId}">App ID: ${appId}</p>` : ''}
  ${e.amazonCode ? html`<p class="code" data-code="${e.amazonCode}">${t(f.lang, 'errorCode')}: ${e.amazonCode}</p>` : ''}
</div>`,
  );
}

export function notFoundPage(f: Frame): string {
  return frame(
    f,
    t(f.lang, 'notFoundTitle'),
    html`
<div class="box" data-page="not-found"><h1>${t(f.lang, 'notFoundTitle')}</h1><p>${t(f.lang, 'notFoundText')}</p></div>`,
  );
}

export function homePage(
  f: Frame,
  account: SeedAccount,
  signOut: { action: string; csrf: string; returnTo: string },
): string {
  return frame(
    f,
    'Home',
    html`<div class="box" data-page="home"><h1>${account.storeName}</h1>${accountBar(f, account, signOut.action, signOut.csrf, signOut.returnTo)}</div>`,
  );
}
