// Seller Central's rules on who may authorize an app over real HTTP: user permissions, account type,
// region, and the limit of 25 sellers for apps outside the Appstore.
import { describe, expect, it } from 'vitest';
import { cloneSeed, seedAccount, unlistedApp, type SeedAccount } from './seed';
import { consentPath, errorKey, pageKind, startTestSandbox, sharedTestSandbox } from './testing/test-client';
import { Browser, DRAFT, EU, EU_HOST, NA, confirmConsent, prodUrl, reachConsent } from './testing/consent-fixture';

const sb = sharedTestSandbox();

describe('who may authorize', () => {
  async function outcome(account: SeedAccount, host = EU_HOST): Promise<string | undefined> {
    const b = new Browser(sb.url);
    const page = await reachConsent(b, sb, prodUrl(host), account);
    return pageKind(page.text) === 'consent' ? 'consent' : errorKey(page.text);
  }

  it('a secondary user without "Manage Authorized Partners" cannot ("Invalid Access", no code), one with it can', async () => {
    expect(await outcome(seedAccount('mitarbeiter@example.com')!)).toBe('not_primary');
    expect(await outcome(seedAccount('partnerverwaltung@example.com')!)).toBe('consent');
  });

  it('an Individual account cannot', async () => {
    expect(await outcome(seedAccount('privatverkaeufer@example.com')!)).toBe('individual_account');
  });

  it("an account authorizes only on its own region's hosts", async () => {
    expect(await outcome(EU, 'sellercentral.amazon.com')).toBe('wrong_region');
    expect(await outcome(NA, EU_HOST)).toBe('wrong_region');
    expect(await outcome(EU, 'sellercentral.amazon.nl')).toBe('consent');
    expect(await outcome(NA, 'sellercentral.amazon.com')).toBe('consent');
  });

  it('the error page for a rule violation shows no redirect', async () => {
    const b = new Browser(sb.url);
    const page = await reachConsent(b, sb, prodUrl(), seedAccount('mitarbeiter@example.com')!);
    // Amazon's "Invalid Access: You do not have permissions to view this page" (German page: our translation).
    expect(page.text).toContain('Ungültiger Zugriff: Sie haben keine Berechtigung, diese Seite anzuzeigen');
    expect(page.text).not.toContain('data-code=');
    expect(page.text).not.toContain('consent-confirm');
  });
});

describe('limit of 25 sellers for apps outside the Appstore', () => {
  it('a published but unlisted app stops at 25 distinct sellers; a listed app does not', async () => {
    const seed = cloneSeed();
    for (const a of seed.apps) a.priorAuthorizations = 25;
    const limited = await startTestSandbox({ seed });
    try {
      const unlisted = consentPath(EU_HOST, { application_id: unlistedApp().applicationId, state: 's' });
      const b = new Browser(limited.url);
      const denied = await reachConsent(b, limited, unlisted, EU);
      expect(errorKey(denied.text)).toBe('draft_limit');
      expect(denied.text).toContain('Nutzungslimit für OAuth-Autorisierungen');
      expect(denied.text).not.toContain('consent-confirm');
      // The listed (Production) app takes its 26th seller.
      const listed = await b.get(prodUrl());
      expect(pageKind(listed.text)).toBe('consent');
      expect((await confirmConsent(b, listed)).status).toBe(302);
    } finally {
      await limited.close();
    }
  });

  it('a Draft app stops at 25 distinct sellers; re-authorizing an existing seller still works', async () => {
    const seed = cloneSeed();
    seed.apps.find((a) => a.status === 'draft')!.priorAuthorizations = 24;
    const limited = await startTestSandbox({ seed });
    try {
      const draftUrl = consentPath(EU_HOST, { application_id: DRAFT.applicationId, state: 's', version: 'beta' });
      const first = new Browser(limited.url);
      const res = await confirmConsent(first, await reachConsent(first, limited, draftUrl, EU));
      expect(res.status).toBe(302);
      const second = new Browser(limited.url);
      const denied = await reachConsent(second, limited, draftUrl, seedAccount('gesperrte.angebote@example.com')!);
      expect(errorKey(denied.text)).toBe('draft_limit');
      const again = await first.get(draftUrl);
      expect(pageKind(again.text)).toBe('consent');
      // The Production app has no such limit.
      expect(pageKind((await second.get(prodUrl())).text)).toBe('consent');
    } finally {
      await limited.close();
    }
  });
});
