// The page a merchant's browser shows when Amazon's redirect to the cloud fails (issue 24): a short HTML
// page in the browser's language (Accept-Language, German first, as the Login URI's pages) with the
// error code, one sentence and the way back to the app. A client that asks for JSON (or takes anything,
// like a script with Accept: */*) still gets the JSON error body; the success page stays the raw JSON.
// No script, no style, no external resource: the cloud's CSP (default-src 'none') holds as it is.
import { pickPageLang } from './login-pages';

type PageLang = 'de' | 'en';

/** True when the client ranks text/html above application/json (a browser navigating to the redirect). */
export function wantsHtml(accept: string | undefined): boolean {
  let html = 0;
  let json = 0;
  for (const part of (accept ?? '').toLowerCase().split(',')) {
    const [type = '', ...params] = part.trim().split(';');
    const qParam = params.find((p) => p.trim().startsWith('q='));
    const q = qParam ? Number(qParam.trim().slice(2)) : 1;
    if (!Number.isFinite(q)) continue;
    if (type.trim() === 'text/html') html = Math.max(html, q);
    if (type.trim() === 'application/json') json = Math.max(json, q);
  }
  return html > 0 && html > json;
}

type Sentences = Partial<Record<string, string>> & { other: string; title: string; closing: string; codeLabel: string };

// One sentence per code the redirect can end with; what to do next is told in the app, with the details.
const TEXT: Record<PageLang, Sentences> = {
  de: {
    title: 'Amazon-Anmeldung nicht abgeschlossen',
    codeLabel: 'Fehlercode',
    closing: 'Details in der Anwendung – Sie können dieses Fenster schließen.',
    other: 'Die Anmeldung bei Amazon konnte nicht abgeschlossen werden.',
    LWA_INVALID_GRANT: 'Amazon hat den einmaligen Code nicht angenommen (abgelaufen oder schon verwendet).',
    LWA_INVALID_CLIENT: 'Amazon hat die Zugangsdaten des Cloud-Anbieters abgelehnt.',
    LWA_UNAVAILABLE: 'Amazon war gerade nicht erreichbar.',
    LWA_ERROR: 'Amazon hat die Anmeldung abgelehnt.',
    STATE_MISSING: 'Die Rückmeldung von Amazon war unvollständig.',
    STATE_INVALID: 'Diese Rückmeldung gehört zu keiner Anmeldung dieser Cloud.',
    STATE_EXPIRED: 'Der Anmeldelink war abgelaufen.',
    STATE_REPLAYED: 'Dieser Anmeldelink wurde bereits verwendet.',
    AUTHORIZATION_NOT_PENDING: 'Diese Anmeldung war in der Anwendung bereits beendet.',
    CALLBACK_PARAMS_MISSING: 'Amazon hat keinen Autorisierungscode zurückgegeben.',
    AMAZON_CONSENT_DENIED: 'Der Zugriff wurde bei Amazon abgelehnt oder abgebrochen.',
    AMAZON_CALLBACK_ERROR: 'Amazon hat die Anmeldung mit einem Fehler beendet.',
    SELLER_MISMATCH: 'In Seller Central war ein anderes Verkäuferkonto angemeldet; es wurde nichts geändert.',
    SELLER_ID_DISPROVEN:
      'Die Adresse dieser Rückmeldung nennt ein anderes Verkäuferkonto als Amazon; aus Sicherheitsgründen wurde nichts gespeichert.',
    TENANT_DISABLED: 'Das Konto beim Cloud-Anbieter ist gesperrt.',
    INVALID_REQUEST: 'Die Rückmeldung von Amazon war nicht lesbar.',
  },
  en: {
    title: 'Amazon sign-in not completed',
    codeLabel: 'Error code',
    closing: 'Details in the application – you can close this window.',
    other: 'The sign-in with Amazon could not be completed.',
    LWA_INVALID_GRANT: 'Amazon did not accept the one-time code (expired or already used).',
    LWA_INVALID_CLIENT: 'Amazon refused the cloud provider’s credentials.',
    LWA_UNAVAILABLE: 'Amazon could not be reached just now.',
    LWA_ERROR: 'Amazon refused the sign-in.',
    STATE_MISSING: 'Amazon’s answer was incomplete.',
    STATE_INVALID: 'This answer belongs to no sign-in of this cloud.',
    STATE_EXPIRED: 'The sign-in link had expired.',
    STATE_REPLAYED: 'This sign-in link was already used.',
    AUTHORIZATION_NOT_PENDING: 'This sign-in had already ended in the application.',
    CALLBACK_PARAMS_MISSING: 'Amazon returned no authorization code.',
    AMAZON_CONSENT_DENIED: 'The access was declined or cancelled on Amazon.',
    AMAZON_CALLBACK_ERROR: 'Amazon ended the sign-in with an error.',
    SELLER_MISMATCH: 'Another seller account was signed in to Seller Central; nothing was changed.',
    SELLER_ID_DISPROVEN:
      'The address of this answer names another seller account than Amazon does; for safety nothing was stored.',
    TENANT_DISABLED: 'The account with the cloud provider is disabled.',
    INVALID_REQUEST: 'Amazon’s answer could not be read.',
  },
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The failure page for a code, in the language the browser asks for. */
export function callbackFailurePage(
  acceptLanguage: string | undefined,
  code: string,
): { lang: PageLang; html: string } {
  const lang = pickPageLang(acceptLanguage);
  const t = TEXT[lang];
  const sentence = Object.hasOwn(t, code) && t[code] ? t[code] : t.other;
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(t.title)}</title></head>
<body data-page="callback-failure" data-code="${escape(code)}">
<main>
<h1>${escape(t.title)}</h1>
<p>${escape(sentence)}</p>
<p>${escape(t.codeLabel)}: <code>${escape(code)}</code></p>
<p>${escape(t.closing)}</p>
</main>
</body></html>`;
  return { lang, html };
}
