// Seller Central's "Manage Your Apps" (Re-Authorize per authorized app) and the Selling Partner Appstore's
// detail page (Authorize now): the two places where a sign-in starts on Amazon's side and lands on the
// app's Login URI (docs/amazon.md §1.6).
import { html, type Lang } from './html';
import { frame, type Frame } from './sc-pages';
import type { SeedAccount, SeedApp } from './seed';

const TEXT: Record<Lang, Record<string, string>> = {
  de: {
    manageTitle: 'Apps verwalten',
    manageIntro: 'Autorisierte Apps für {store}. Autorisierungen gelten 365 Tage und müssen danach erneuert werden.',
    none: 'Sie haben noch keine App autorisiert.',
    reauthorize: 'Erneut autorisieren',
    appstoreTitle: 'Selling Partner Appstore',
    authorizeNow: 'Jetzt autorisieren',
    draft: 'Entwurf',
    published: 'Veröffentlicht',
  },
  en: {
    manageTitle: 'Manage Your Apps',
    manageIntro: 'Authorized apps for {store}. Authorizations are valid for 365 days and must be renewed afterwards.',
    none: 'You have not authorized any app yet.',
    reauthorize: 'Re-Authorize',
    appstoreTitle: 'Selling Partner Appstore',
    authorizeNow: 'Authorize now',
    draft: 'Draft',
    published: 'Published',
  },
};

const tx = (lang: Lang, key: string, vars: Record<string, string> = {}) =>
  TEXT[lang][key]!.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');

export function manageAppsPage(
  f: Frame,
  v: { account: SeedAccount; apps: SeedApp[]; action: string; csrf: string },
): string {
  const rows = v.apps.map(
    (a) => html`<tr data-application-id="${a.applicationId}">
  <td>${a.name}</td><td>${a.status === 'draft' ? tx(f.lang, 'draft') : tx(f.lang, 'published')}</td>
  <td><form method="post" action="${v.action}">
    <input type="hidden" name="application_id" value="${a.applicationId}">
    <input type="hidden" name="csrf" value="${v.csrf}">
    <input type="hidden" name="language" value="${f.lang}">
    <button type="submit" class="reauthorize">${tx(f.lang, 'reauthorize')}</button>
  </form></td></tr>`,
  );
  return frame(
    f,
    tx(f.lang, 'manageTitle'),
    html`
<div class="box" data-page="manage-apps">
  <h1>${tx(f.lang, 'manageTitle')}</h1>
  <p>${tx(f.lang, 'manageIntro', { store: v.account.storeName })}</p>
  ${rows.length ? html`<table>${rows}</table>` : html`<p data-message="no-apps">${tx(f.lang, 'none')}</p>`}
</div>`,
  );
}

export function appstorePage(f: Frame, v: { app: SeedApp; action: string; csrf: string }): string {
  return frame(
    f,
    tx(f.lang, 'appstoreTitle'),
    html`
<div class="box" data-page="appstore" data-application-id="${v.app.applicationId}">
  <h1>${v.app.name}</h1>
  <p>${tx(f.lang, 'appstoreTitle')}</p>
  <ul>${v.app.roles.map((r) => html`<li>${r}</li>`)}</ul>
  <form method="post" action="${v.action}">
    <input type="hidden" name="application_id" value="${v.app.applicationId}">
    <input type="hidden" name="csrf" value="${v.csrf}">
    <input type="hidden" name="language" value="${f.lang}">
    <button type="submit" id="authorize-now">${tx(f.lang, 'authorizeNow')}</button>
  </form>
</div>`,
  );
}
