// The sandbox's own pages for people: start page (accounts, passwords, TOTP secrets, apps, consent links),
// the SMS inbox and the scenario switch.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sellerCentralHosts } from '../shared/amazon-regions';
import { html, page, pickLanguage, type Lang, type SafeHtml } from './html';
import { field, sendHtml } from './sc-common';
import { parseActivation, resolveTarget } from './scenario-input';
import { isScenarioId, SCENARIOS } from './scenarios';
import type { SandboxState } from './state';
import { totp } from './totp';

const L = {
  de: {
    accounts: 'Verkäuferkonten',
    apps: 'Apps',
    links: 'Zustimmungs-Links',
    sms: 'SMS-Posteingang',
    scenarios: 'Szenarien',
    none: 'Keine Nachrichten.',
    active: 'Aktive Szenarien',
    activate: 'Aktivieren',
    off: 'Ausschalten',
    all: 'alle Konten',
    reset: 'Sandbox zurücksetzen',
    clear: 'Alle ausschalten',
    refresh: 'Aktualisieren',
  },
  en: {
    accounts: 'Seller accounts',
    apps: 'Apps',
    links: 'Consent links',
    sms: 'SMS inbox',
    scenarios: 'Scenarios',
    none: 'No messages.',
    active: 'Active scenarios',
    activate: 'Activate',
    off: 'Switch off',
    all: 'all accounts',
    reset: 'Reset sandbox',
    clear: 'Switch all off',
    refresh: 'Refresh',
  },
};

function langOf(req: FastifyRequest): Lang {
  return pickLanguage(field(req.query, 'language'), req.headers['accept-language']);
}

function nav(lang: Lang): SafeHtml {
  const l = L[lang];
  return html`<p><a href="/">Start</a> · <a href="/sandbox/sms">${l.sms}</a> · <a href="/sandbox/scenarios">${l.scenarios}</a></p>`;
}

export function registerAdminPages(app: FastifyInstance, state: SandboxState): void {
  app.get('/', async (req, reply) => {
    const lang = langOf(req);
    const l = L[lang];
    const accounts = state.seed.accounts.map(
      (a) => html`<tr data-email="${a.email}">
      <td>${a.email}</td><td><code>${a.password}</code></td>
      <td>${a.totpSecret ? html`<code>${a.totpSecret}</code><br>OTP: <b>${totp(a.totpSecret, state.now())}</b>` : html`SMS ${a.smsPhone}`}</td>
      <td>${a.region}</td><td>${a.role}${a.role === 'secondary' ? (a.manageAuthorizedPartners ? ' (Manage Authorized Partners)' : ' (ohne Manage Authorized Partners)') : ''}</td>
      <td>${a.accountType}</td><td><code>${a.sellingPartnerId}</code><br>${a.storeName}</td><td>${a.description}</td></tr>`,
    );
    const apps = state.seed.apps.map(
      (
        a,
      ) => html`<tr data-application-id="${a.applicationId}"><td>${a.name}<br>${a.status}, ${a.appstoreListing === 'listed' ? 'Appstore' : 'nicht gelistet (max. 25)'}${a.hybrid ? ', hybrid (MWS)' : ''}</td>
      <td><code>${a.applicationId}</code></td><td><code>${a.clientId}</code></td><td><code>${a.clientSecret}</code></td>
      <td>${a.redirectUris.map((u) => html`<code>${u}</code><br>`)}</td><td>${a.roles.join(', ')}</td></tr>`,
    );
    const links = state.seed.apps.flatMap((a) =>
      (['EU', 'NA', 'FE'] as const).map((region) => {
        const host = sellerCentralHosts(region)[0]!;
        const href = `/sc/${host}/apps/authorize/consent?application_id=${encodeURIComponent(a.applicationId)}&state=sandbox-demo${a.status === 'draft' ? '&version=beta' : ''}&language=${lang}`;
        return html`<li><a href="${href}">${a.name} – ${region} (${host})</a></li>`;
      }),
    );
    // Sign-ins that start on Amazon's side: they call the app's Login URI (the cloud's /oauth/amazon/login).
    const amazonSide = (['EU', 'NA', 'FE'] as const).flatMap((region) => {
      const host = sellerCentralHosts(region)[0]!;
      return [
        html`<li><a href="/sc/${host}/apps/manage?language=${lang}">Manage Your Apps / Apps verwalten – ${region} (${host})</a></li>`,
        ...state.seed.apps
          .filter((a) => a.appstoreListing === 'listed')
          .map(
            (a) =>
              html`<li><a href="/sc/${host}/selling-partner-appstore/dp/${a.applicationId}?language=${lang}">Appstore: ${a.name} – ${region}</a></li>`,
          ),
      ];
    });
    const body = html`<h1>Amazon Sandbox</h1>${nav(lang)}
      <h2>${l.accounts}</h2><table><tr><th>E-Mail</th><th>Passwort</th><th>2FA</th><th>Region</th><th>Rolle</th><th>Typ</th><th>Seller</th><th></th></tr>${accounts}</table>
      <h2>${l.apps}</h2><table><tr><th>App</th><th>application_id</th><th>client_id</th><th>client_secret</th><th>Redirect-URIs</th><th>Rollen</th></tr>${apps}</table>
      <h2>${l.links}</h2><ul>${links}</ul>
      <h2>Re-Authorize / Appstore (Login URI)</h2><ul>${amazonSide}</ul>
      <p>LWA: <code>POST /auth/o2/token</code> · SP-API: <code>GET /spapi/&lt;na|eu|fe&gt;/sellers/v1/marketplaceParticipations</code></p>`;
    return sendHtml(reply, page({ lang, title: 'Amazon Sandbox', subtitle: 'Sandbox', body }));
  });

  app.get('/sandbox/sms', async (req, reply) => {
    const lang = langOf(req);
    const email = field(req.query, 'email').toLowerCase();
    const rows = state.sms
      .filter((m) => !email || m.email.toLowerCase() === email)
      .map(
        (m) =>
          html`<tr data-email="${m.email}"><td>${new Date(m.sentAt).toISOString()}</td><td>${m.phone}<br>${m.email}</td><td class="sms-code"><b>${m.code}</b></td><td>${m.text}</td></tr>`,
      );
    const body = html`<h1>${L[lang].sms}</h1>${nav(lang)}<p><a href="/sandbox/sms">${L[lang].refresh}</a></p>
      ${rows.length ? html`<table data-page="sms"><tr><th>Zeit</th><th>An</th><th>Code</th><th>Text</th></tr>${rows}</table>` : html`<p data-page="sms">${L[lang].none}</p>`}`;
    return sendHtml(reply, page({ lang, title: L[lang].sms, subtitle: 'Sandbox', body }));
  });

  app.get('/sandbox/scenarios', async (req, reply) => sendHtml(reply, scenariosPage(state, langOf(req))));

  app.post('/sandbox/scenarios', async (req, reply) => {
    const lang = langOf(req);
    const action = field(req.body, 'action');
    if (action === 'reset') {
      // A deliberate reset, as through the API: the app tells the merchant earlier sign-ins are gone.
      state.reset();
      state.resetAt = new Date(state.now()).toISOString();
    } else if (action === 'clear') state.scenarios.clear();
    else if (action === 'off') {
      const id = field(req.body, 'id');
      const target = resolveTarget(field(req.body, 'account'), state);
      if (isScenarioId(id) && target.ok) state.scenarios.remove(id, target.value);
    } else {
      const input = {
        id: field(req.body, 'id'),
        account: field(req.body, 'account'),
        count: field(req.body, 'count'),
        ms: field(req.body, 'ms'),
      };
      const parsed = parseActivation(input, state);
      if (!parsed.ok) return sendHtml(reply, scenariosPage(state, lang, parsed.message), 400);
      state.scenarios.set(parsed.value);
    }
    return reply.redirect('/sandbox/scenarios', 303);
  });
}

function scenariosPage(state: SandboxState, lang: Lang, error?: string): string {
  const l = L[lang];
  const active = state.scenarios.list().map(
    (s) => html`<tr data-scenario="${s.id}"><td>${s.id}</td>
    <td>${s.target ? (s.target.email ?? s.target.sellingPartnerId) : l.all}</td><td>${s.remaining ?? '∞'}</td><td>${s.ms ?? ''}</td>
    <td><form method="post" action="/sandbox/scenarios"><input type="hidden" name="action" value="off"><input type="hidden" name="id" value="${s.id}">
    <input type="hidden" name="account" value="${s.target?.email ?? s.target?.sellingPartnerId ?? ''}"><button type="submit" class="secondary">${l.off}</button></form></td></tr>`,
  );
  const options = SCENARIOS.map((s) => html`<option value="${s.id}">${s.id} – ${s.description}</option>`);
  const accounts = state.seed.accounts.map(
    (a) => html`<option value="${a.email}">${a.email} (${a.sellingPartnerId})</option>`,
  );
  const body = html`<h1>${l.scenarios}</h1>${nav(lang)}
    ${error ? html`<div class="alert" role="alert">${error}</div>` : ''}
    <h2>${l.active}</h2>${active.length ? html`<table><tr><th>id</th><th>Konto</th><th>Anzahl</th><th>ms</th><th></th></tr>${active}</table>` : html`<p>–</p>`}
    <div class="box"><form method="post" action="/sandbox/scenarios">
      <input type="hidden" name="action" value="activate">
      <label for="scenario-id">Szenario</label><select id="scenario-id" name="id">${options}</select>
      <label for="scenario-account">Konto</label><select id="scenario-account" name="account"><option value="">${l.all}</option>${accounts}</select>
      <label for="scenario-count">Anzahl (leer = bis zum Ausschalten)</label><input type="number" id="scenario-count" name="count" min="1">
      <label for="scenario-ms">ms (nur lwa_slow)</label><input type="number" id="scenario-ms" name="ms" min="1">
      <button type="submit">${l.activate}</button></form></div>
    <form method="post" action="/sandbox/scenarios"><button type="submit" name="action" value="clear" class="secondary">${l.clear}</button>
    <button type="submit" name="action" value="reset" class="secondary">${l.reset}</button></form>
    <h2>Beschreibungen</h2><ul>${SCENARIOS.map((s) => html`<li><code>${s.id}</code>: ${s.description}</li>`)}</ul>`;
  return page({ lang, title: l.scenarios, subtitle: 'Sandbox', body });
}
