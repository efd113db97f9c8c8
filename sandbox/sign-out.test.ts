// Seller Central's "Konto wechseln" / "Abmelden" (docs/amazon.md §1.11) over real HTTP: the browser's
// session on the host ends, the sign-in page follows, and a switch comes back to the consent page as the
// other seller — so AKTUALISIEREN with another seller works in the same browser.
import { describe, expect, it } from 'vitest';
import { productionApp, seedAccount } from './seed';
import {
  Browser,
  EU_HOST,
  consentPath,
  formFields,
  pageKind,
  passMfa,
  reachConsent,
  sharedTestSandbox,
} from './testing/test-client';

const sb = sharedTestSandbox();
const EU = seedAccount('eu.haendler@example.com')!;
const OTHER = seedAccount('gesperrte.angebote@example.com')!;
const consentUrl = consentPath(EU_HOST, { application_id: productionApp().applicationId, state: 'switch-state' });
const signOutPath = `/sc/${EU_HOST}/ap/signout`;

/** The account bar's form fields (csrf, return_to, language) from a page that shows it. */
function accountBar(html: string): Record<string, string> {
  const form = /<form method="post" action="[^"]*\/ap\/signout"[\s\S]*?<\/form>/.exec(html)?.[0];
  expect(form, 'the page has "Konto wechseln"').toBeTruthy();
  return formFields(form!);
}

describe('Seller Central: switch accounts and sign out', () => {
  it('"Konto wechseln" on the consent page signs out and returns to the consent page as the other seller', async () => {
    const b = new Browser(sb.url);
    const consent = await reachConsent(b, sb, consentUrl, EU);
    expect(pageKind(consent.text)).toBe('consent');
    expect(consent.text).toContain('data-account="eu.haendler@example.com"');
    expect(consent.text).toContain('>Konto wechseln</button>');
    expect(consent.text).toContain('>Abmelden</button>');

    const signin = await b.post(signOutPath, { ...accountBar(consent.text), action: 'switch' });
    expect(signin.status).toBe(200);
    expect(pageKind(signin.text)).toBe('signin');
    expect(signin.text).toContain('data-message="signed-out"');
    expect(formFields(signin.text).return_to).toBe(consentUrl);
    // The session is gone: the consent URL asks for a sign-in again.
    expect((await b.get(consentUrl)).location).toMatch(/\/ap\/signin\?/);

    const mfa = await b.follow(
      await b.post(`/sc/${EU_HOST}/ap/signin`, {
        ...formFields(signin.text),
        email: OTHER.email,
        password: OTHER.password,
      }),
    );
    const again = await passMfa(b, sb, mfa, OTHER);
    expect(pageKind(again.text)).toBe('consent');
    expect(again.text).toContain(`data-account="${OTHER.email}"`);
  });

  it('"Abmelden" ends the session and leads to the home page after the next sign-in; English texts', async () => {
    const b = new Browser(sb.url);
    const consent = await reachConsent(b, sb, `${consentUrl}&language=en`, EU);
    expect(consent.text).toContain('>Switch accounts</button>');
    expect(consent.text).toContain('>Sign out</button>');
    const signin = await b.post(signOutPath, { ...accountBar(consent.text), action: 'signout' });
    expect(pageKind(signin.text)).toBe('signin');
    expect(signin.text).toContain('You have signed out.');
    expect(formFields(signin.text).return_to).toBe(`/sc/${EU_HOST}/home`);
    expect((await b.get(`/sc/${EU_HOST}/home`)).location).toMatch(/\/ap\/signin\?/);
  });

  it('a POST without the session’s csrf (another site’s form) signs nobody out; a foreign return_to goes home', async () => {
    const b = new Browser(sb.url);
    const consent = await reachConsent(b, sb, consentUrl, EU);
    const refused = await b.post(signOutPath, { ...accountBar(consent.text), csrf: 'not-the-csrf', action: 'switch' });
    expect(refused.status).toBe(302);
    expect(pageKind((await b.get(consentUrl)).text)).toBe('consent');
    const signin = await b.post(signOutPath, {
      ...accountBar(consent.text),
      return_to: 'https://evil.example/x',
      action: 'switch',
    });
    expect(formFields(signin.text).return_to).toBe(`/sc/${EU_HOST}/home`);
  });

  it('the home page has the account bar too; signing out without a session just shows the sign-in page', async () => {
    const b = new Browser(sb.url);
    await reachConsent(b, sb, consentUrl, EU);
    const home = await b.get(`/sc/${EU_HOST}/home`);
    expect(pageKind(home.text)).toBe('home');
    expect(accountBar(home.text).return_to).toBe(`/sc/${EU_HOST}/home`);
    const fresh = await new Browser(sb.url).post(signOutPath, { action: 'signout' });
    expect(pageKind(fresh.text)).toBe('signin');
  });
});
