// Issue 24, items 5–7: in Chromium, Seller Central's "Konto wechseln" makes AKTUALISIEREN with another
// seller possible in the same browser (the app's hint says how); ANLEGEN opens the new platform, "Cloud
// verwenden" leads on to ZUGANGSDATEN, and the focus (document.activeElement) stays on a sensible element
// after the sign-in and after a delete; a queued cloud deletion shows in the list; a browser with a stale
// token gets one clear page. Browser host with the embedded sandbox and cloud. axe 0 on each new screen.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { seedAccount, type SeedAccount } from '../sandbox/seed';
import { totp } from '../sandbox/totp';
import { startTestHost } from './support/browser-host';
import { axeInEachLanguage, expectNoAxeViolations } from './support/axe';
import { openEmptyList } from './support/support-steps';

const EU = seedAccount('eu.haendler@example.com')!;
const OTHER = seedAccount('gesperrte.angebote@example.com')!; // SMS as its second step

let host: Awaited<ReturnType<typeof startTestHost>>;

test.beforeAll(async () => {
  host = await startTestHost({ embedded: true });
});
test.afterAll(async () => {
  await host?.close();
});

/** document.activeElement is this element (and so not <body>). */
async function expectFocus(page: Page, target: Locator): Promise<void> {
  await expect(target).toBeFocused();
  expect(await page.evaluate('document.activeElement !== document.body')).toBe(true);
}

async function nextOpened(count: number): Promise<string> {
  await expect.poll(() => host.opened.length).toBeGreaterThan(count);
  return host.opened.at(-1)!;
}

/** Seller Central's sign-in and second step in the seller's Chromium page, ending on the page that follows. */
async function signInAs(seller: Page, account: SeedAccount): Promise<void> {
  await expect(seller.locator('[data-page="signin"]')).toBeVisible();
  await seller.fill('#ap_email', account.email);
  await seller.fill('#ap_password', account.password);
  await seller.click('#signInSubmit');
  await expect(seller.locator('[data-page="mfa"]')).toBeVisible();
  const otp = account.totpSecret
    ? totp(account.totpSecret, Date.now())
    : (
        (await (
          await fetch(`${host.services!.sandbox.url}/sandbox/api/sms?email=${encodeURIComponent(account.email)}`)
        ).json()) as { messages: { code: string }[] }
      ).messages[0]!.code;
  await seller.fill('#auth-mfa-otpcode', otp);
  await seller.click('#auth-signin-button');
}

test('ANLEGEN opens, Cloud leads on, focus stays; AKTUALISIEREN as another seller after "Konto wechseln" in Seller Central', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await openEmptyList(page, host.url);

  // ANLEGEN opens the new platform, selected, on "Allgemein"; ticking "Cloud verwenden" moves on to ZUGANGSDATEN.
  await page.getByRole('button', { name: 'Neu' }).click();
  await page.getByLabel('Bezeichnung').fill('Amazon Wechsel');
  await page.getByRole('button', { name: 'Anlegen' }).click();
  await expect(page.getByRole('heading', { level: 2 })).toContainText('Amazon Wechsel');
  await expectFocus(page, page.getByRole('tab', { name: 'Allgemein' }));
  await page.getByLabel('Cloud verwenden').click();
  await expect(page.getByRole('tab', { name: 'ZUGANGSDATEN' })).toHaveAttribute('aria-selected', 'true');
  await expectFocus(page, page.getByRole('tab', { name: 'ZUGANGSDATEN' }));
  await page.getByLabel('Region', { exact: true }).selectOption('DE');

  // ANMELDEN; the merchant tabs to "Abbrechen" meanwhile. When Amazon's answer takes that button away,
  // the focus goes to the status instead of falling to <body>.
  await page.getByRole('button', { name: 'ANMELDEN' }).click();
  const login = await nextOpened(0);
  await expectFocus(page, page.getByTestId('auth-status'));
  await page.getByRole('button', { name: 'Anmeldung abbrechen' }).focus();
  const sellerContext = await browser.newContext({ locale: 'de-DE' });
  const seller = await sellerContext.newPage();
  await seller.goto(login);
  await signInAs(seller, EU);
  await expect(seller.locator('.account-bar')).toContainText('Angemeldet als eu.haendler@example.com');
  await seller.getByRole('button', { name: 'Bestätigen' }).click();
  await expect(seller.locator('body')).toContainText('"spapi_oauth_code"');
  await expect(page.getByTestId('auth-status')).toHaveText(/Authentifiziert seit .*A2EUMUSTER7H1K/);
  await expectFocus(page, page.getByTestId('auth-status'));

  // The hint beside AKTUALISIEREN: Seller Central uses the account signed in in the browser.
  await expect(page.getByTestId('refresh-hint')).toHaveText(
    /AKTUALISIEREN öffnet Seller Central mit dem Konto, das in Ihrem Browser bereits angemeldet ist\..*„Konto wechseln“/,
  );
  await page.screenshot({ path: 'e2e/artifacts/ux24-refresh-hint.png' });
  await axeInEachLanguage(page, 'ZUGANGSDATEN with the AKTUALISIEREN hint');

  // AKTUALISIEREN: the same browser goes straight to the consent page as the EU seller…
  await page.getByRole('button', { name: 'AKTUALISIEREN' }).click();
  await seller.goto(await nextOpened(1));
  await expect(seller.locator('[data-page="consent"]')).toBeVisible();
  await expect(seller.locator('.account-bar')).toHaveAttribute('data-account', EU.email);
  await seller.screenshot({ path: 'e2e/artifacts/ux24-seller-central-switch.png' });
  await expectNoAxeViolations(seller, 'Seller Central consent with the account bar');
  // …where "Konto wechseln" signs out and, after the other seller's sign-in, comes back to the consent.
  await seller.getByRole('button', { name: 'Konto wechseln' }).click();
  await expect(seller.locator('[data-message="signed-out"]')).toBeVisible();
  await expectNoAxeViolations(seller, 'Seller Central sign-in after "Konto wechseln"');
  await signInAs(seller, OTHER);
  await expect(seller.locator('.account-bar')).toHaveAttribute('data-account', OTHER.email);
  await seller.getByRole('button', { name: 'Bestätigen' }).click();
  await expect(seller.locator('body')).toContainText('"spapi_oauth_code"');
  await sellerContext.close();

  // The app asks about the other seller account.
  const prompt = page.getByRole('alertdialog', { name: 'Anderes Verkäuferkonto' });
  await expect(prompt).toContainText('Neu angemeldet: Beispiel Elektronik (Händler-ID A1EUBEISPIEL4Q)');
  await prompt.getByRole('button', { name: 'Bisheriges Konto behalten' }).click();
  await expect(page.getByTestId('auth-status')).toHaveText(/Händler-ID A2EUMUSTER7H1K/);
  await page.getByRole('button', { name: 'Zurück zur Liste' }).click();
});

test('a browser with a stale or missing token gets one clear page: open the new link from the console', async ({
  page,
}) => {
  await page.goto(`${host.origin}/#token=${'A'.repeat(43)}`);
  await expect(page.getByRole('heading', { name: 'Dieser Link gilt nicht mehr' })).toBeVisible();
  await expect(page.getByTestId('token-invalid')).toContainText('Öffnen Sie den neuen Link aus der Konsole');
  await page.screenshot({ path: 'e2e/artifacts/ux24-stale-token.png' });
  await axeInEachLanguage(page, 'stale token page');
  await page.goto(`${host.origin}/`);
  await page.evaluate('sessionStorage.clear()');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Dieser Link gilt nicht mehr' })).toBeVisible();
  await page.locator('.titlebar select').selectOption('en');
  await expect(page.getByTestId('token-invalid')).toContainText('Open the new link from the console');
});

test('delete: the focus goes to the next platform and the status bar says so; a queued cloud deletion shows in the list', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  for (const name of ['Amazon Bleibt', 'Amazon Weg', 'Amazon Warteschlange']) {
    await page.getByRole('button', { name: 'Neu' }).click();
    await page.getByLabel('Bezeichnung').fill(name);
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await expect(page.getByRole('heading', { level: 2 })).toContainText(name);
    if (name !== 'Amazon Bleibt') {
      // ANMELDEN registers the platform in the cloud; then the sign-in is cancelled.
      await page.getByLabel('Cloud verwenden').click();
      await page.getByRole('button', { name: 'ANMELDEN' }).click();
      await expect(page.getByTestId('auth-status')).toHaveText(/Anmeldung läuft/);
      await page.getByRole('button', { name: 'Anmeldung abbrechen' }).click();
      await expect(page.getByTestId('auth-status')).toHaveText('Abgebrochen');
    }
    await page.getByRole('button', { name: 'Zurück zur Liste' }).click();
  }

  // Deleted from the list: the platform now in its place is selected and focused; a polite message.
  await page.getByRole('row', { name: /Amazon Weg/ }).click();
  await page.getByRole('button', { name: 'Löschen' }).click();
  await page.getByRole('dialog', { name: 'Plattform löschen' }).getByRole('button', { name: 'Löschen' }).click();
  await expect(page.getByRole('row', { name: /Amazon Weg/ })).toHaveCount(0);
  await expectFocus(page, page.getByRole('row', { name: /Amazon Warteschlange/ }));
  await expect(page.getByRole('row', { name: /Amazon Warteschlange/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('app-notice')).toHaveText('Plattform „Amazon Weg“ gelöscht.');

  // The cloud goes away: "Nur lokal löschen" queues the cloud deletion, and the list shows it.
  await host.services!.cloud.close();
  await page.keyboard.press('Delete');
  await page.getByRole('dialog', { name: 'Plattform löschen' }).getByRole('button', { name: 'Löschen' }).click();
  await page
    .getByRole('dialog', { name: 'Cloud nicht erreichbar' })
    .getByRole('button', { name: 'Nur lokal löschen' })
    .click();
  const pending = page.getByTestId('pending-deletion');
  await expect(pending).toContainText('Amazon Warteschlange');
  await expect(pending).toContainText('Gelöscht – Löschung in der Cloud ausstehend');
  await expect(page.getByRole('row', { name: /Amazon Warteschlange/, selected: true })).toHaveCount(0);
  await expect(page.getByTestId('app-notice')).toHaveText(
    'Plattform „Amazon Warteschlange“ lokal gelöscht; die Löschung in der Cloud wird nachgeholt.',
  );
  await expectFocus(page, page.getByRole('row', { name: /Amazon Bleibt/ }));
  await page.screenshot({ path: 'e2e/artifacts/ux24-pending-deletion.png' });
  await axeInEachLanguage(page, 'list with a queued cloud deletion', ['de', 'en']);
  await expect(pending).toContainText('Deleted – cloud deletion pending');
  await page.locator('.titlebar select').selectOption('de');
});
