// The pages of the Login URI's sign-ins (docs/amazon.md §1.6): German or English by Accept-Language (German
// first, as the ERP), a plain sentence with the next step, and where it helps the form for the pairing code
// (on the callback's page, after Amazon's redirect), which carries the redirect's parameters along unchanged.
import type { LoginRefusal } from '../authorizations/login-uri';

type PageLang = 'de' | 'en';

/** The first of de/en by the header's q-values; German when neither is asked for. */
export function pickPageLang(header: string | undefined): PageLang {
  const ranked = (header ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? '1');
      return { lang: tag.split('-')[0], q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => (x.lang === 'de' || x.lang === 'en') && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return (ranked[0]?.lang as PageLang | undefined) ?? 'de';
}

const TEXT: Record<PageLang, Record<LoginRefusal | 'title' | 'codeLabel' | 'submit' | 'codeHint', string>> = {
  de: {
    title: 'Amazon Cloud Connect – Anmeldung über Amazon',
    bad_request:
      'Die Anfrage von Amazon ist unvollständig oder führt nicht zu Amazon zurück. Starten Sie die Anmeldung erneut in Seller Central unter „Apps verwalten“ oder im Appstore.',
    unknown_seller:
      'Dieses Amazon-Verkäuferkonto ist noch mit keiner Plattform verbunden. Öffnen Sie in der Anwendung die Plattform, Reiter ZUGANGSDATEN, klicken Sie auf „Kopplungscode anzeigen“ und geben Sie den Code hier ein.',
    ambiguous_seller:
      'Dieses Amazon-Verkäuferkonto ist mit mehreren Plattformen verbunden. Damit die richtige aktualisiert wird: Öffnen Sie in der Anwendung die Plattform, Reiter ZUGANGSDATEN, klicken Sie auf „Kopplungscode anzeigen“ und geben Sie den Code hier ein.',
    seller_unproven:
      'Amazon hat nicht bestätigt, zu welchem Verkäuferkonto diese Anmeldung gehört, daher wählt die Cloud die Plattform nicht selbst. Öffnen Sie in der Anwendung die Plattform, Reiter ZUGANGSDATEN, klicken Sie auf „Kopplungscode anzeigen“ und geben Sie den Code hier ein.',
    code_invalid:
      'Der Kopplungscode ist falsch, abgelaufen oder wurde schon verwendet. Lassen Sie sich in der Anwendung unter ZUGANGSDATEN einen neuen Code anzeigen und geben Sie ihn hier ein.',
    region_mismatch:
      'Die Plattform zu diesem Kopplungscode gehört zu einer anderen Amazon-Region als dieses Seller Central. Wählen Sie in der Anwendung die passende Region oder starten Sie die Anmeldung im Seller Central der Region der Plattform.',
    tenant_disabled:
      'Der Betreiber der Cloud hat das Konto gesperrt, zu dem diese Plattform gehört; eine Anmeldung ist so lange nicht möglich. Bitte wenden Sie sich an den Anbieter der Cloud, um es wieder freischalten zu lassen, und starten Sie die Anmeldung danach erneut.',
    sign_in_over:
      'Dieser Anmeldelink gilt nicht mehr: die Anmeldung wurde abgeschlossen, abgebrochen oder ist abgelaufen. Klicken Sie in der Anwendung erneut auf ANMELDEN.',
    codeLabel: 'Kopplungscode (z. B. ABCD-EFGH)',
    submit: 'Anmeldung abschließen',
    codeHint: 'Der Code gilt 10 Minuten und nur einmal.',
  },
  en: {
    title: 'Amazon Cloud Connect – sign-in from Amazon',
    bad_request:
      'The request from Amazon is incomplete or does not lead back to Amazon. Start the sign-in again in Seller Central under "Manage Your Apps" or in the Appstore.',
    unknown_seller:
      'This Amazon seller account is not connected to any platform yet. In the app, open the platform, tab CREDENTIALS, click "Show pairing code" and enter the code here.',
    ambiguous_seller:
      'This Amazon seller account is connected to several platforms. So that the right one is renewed: in the app, open the platform, tab CREDENTIALS, click "Show pairing code" and enter the code here.',
    seller_unproven:
      'Amazon did not confirm which seller account this sign-in belongs to, so the cloud does not choose the platform itself. In the app, open the platform, tab CREDENTIALS, click "Show pairing code" and enter the code here.',
    code_invalid:
      'The pairing code is wrong, expired or already used. Show a new code in the app under CREDENTIALS and enter it here.',
    region_mismatch:
      "The platform of this pairing code belongs to another Amazon region than this Seller Central. Choose the matching region in the app, or start the sign-in in the Seller Central of the platform's region.",
    tenant_disabled:
      'The cloud operator has disabled the account this platform belongs to; signing in is not possible until it is enabled again. Please contact the cloud provider to have it enabled, then start the sign-in again.',
    sign_in_over:
      'This sign-in link is no longer valid: the sign-in was completed, cancelled or has expired. Click SIGN IN in the app again.',
    codeLabel: 'Pairing code (e.g. ABCD-EFGH)',
    submit: 'Complete sign-in',
    codeHint: 'The code is valid for 10 minutes and once only.',
  },
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** `fields` go along in the form as hidden inputs (they are only sent when `askForCode`). */
export function loginPage(
  lang: PageLang,
  reason: LoginRefusal,
  askForCode: boolean,
  action: string,
  fields: Record<string, string> = {},
): string {
  const t = TEXT[lang];
  const hidden = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
    .join('');
  const form = askForCode
    ? `<form method="post" action="${escape(action)}">${hidden}
<label for="pairing-code">${escape(t.codeLabel)}</label>
<input id="pairing-code" name="code" autocomplete="off" autocapitalize="characters" maxlength="20" required>
<button type="submit">${escape(t.submit)}</button>
<p>${escape(t.codeHint)}</p></form>`
    : '';
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(t.title)}</title></head>
<body data-page="login-uri" data-reason="${reason}">
<main>
<h1>${escape(t.title)}</h1>
<p role="alert">${escape(t[reason])}</p>
${form}
</main>
</body></html>`;
}
