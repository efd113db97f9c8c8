// Issue 24, the merchant's second pass: a region change on a signed-in platform asks first and ends the
// sign-in (Neu anmelden erforderlich, ANMELDEN; no import with the other region's token); the English
// UI's messages name the English buttons. Browser host with the embedded sandbox and cloud; the seller's
// browser is the HTTP test browser. axe (0 violations) on each new screen, in German and English.
import { expect, test } from '@playwright/test';
import { axeInEachLanguage, expectNoAxeViolations } from './support/axe';
import { testHostPerFile } from './support/browser-host';
import { consentInHttpBrowser, newPlatformOnCredentials, signInOnCredentials } from './support/support-steps';

const host = testHostPerFile({ embedded: true });
// Each journey signs in through Seller Central at least once: up to three minutes on a busy machine.
test.describe.configure({ timeout: 180_000 });

test('a region change on a signed-in platform asks first, then needs ANMELDEN; keeping it changes nothing', async ({
  page,
}) => {
  await newPlatformOnCredentials(page, 'Amazon Regionwechsel', { open: host.url });
  await signInOnCredentials(page, host);
  await page.getByRole('button', { name: 'Einstellungen importieren' }).click();
  await expect(page.getByRole('table', { name: 'Marktplätze' }).getByRole('row')).toHaveCount(9);

  // Within the region: no question.
  await page.getByLabel('Region', { exact: true }).selectOption('FR');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('auth-status')).toHaveAttribute('data-status', 'authenticated');

  // To another region: the question names what happens; "Region behalten" keeps everything.
  await page.getByLabel('Region', { exact: true }).selectOption('US');
  const ask = page.getByRole('dialog', { name: 'Region wechseln?' });
  await expect(ask).toContainText('Händler-ID A2EUMUSTER7H1K');
  await expect(ask).toContainText('gilt nur für Europa (EU)');
  await expect(ask).toContainText('nach Nordamerika (NA)');
  await expect(ask).toContainText('mit ANMELDEN');
  await expect(ask).toContainText('Marktplätze gehören zur bisherigen Region und werden entfernt');
  await page.screenshot({ path: 'e2e/artifacts/ux24-region-question.png' });
  await axeInEachLanguage(page, 'region change question');
  await ask.getByRole('button', { name: 'Region behalten' }).click();
  await expect(page.getByLabel('Region', { exact: true })).toHaveValue('FR');
  await expect(page.getByTestId('auth-status')).toHaveAttribute('data-status', 'authenticated');

  // Again, and change: Neu anmelden erforderlich, ANMELDEN (not AKTUALISIEREN), no marketplaces, no import.
  await page.getByLabel('Region', { exact: true }).selectOption('US');
  await page.getByRole('dialog', { name: 'Region wechseln?' }).getByRole('button', { name: 'Region wechseln' }).click();
  await expect(page.getByTestId('auth-status')).toHaveText('Neu anmelden erforderlich');
  await expect(page.getByTestId('auth-line-why')).toHaveText(
    /von Europa \(EU\) auf Nordamerika \(NA\) geändert.*mit ANMELDEN/,
  );
  await expect(page.getByRole('button', { name: 'ANMELDEN' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'AKTUALISIEREN' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Einstellungen importieren' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Marktplätze' })).toHaveCount(0);
  await expect(page.getByLabel('Region', { exact: true })).toBeFocused();
  await page.screenshot({ path: 'e2e/artifacts/ux24-region-changed.png' });
  await axeInEachLanguage(page, 'sign-in required after a region change');
  await page.getByRole('button', { name: 'Zurück zur Liste' }).click();
  await expect(page.getByRole('row', { name: /Amazon Regionwechsel/ })).toContainText('Neu anmelden erforderlich');
});

test('English UI: messages name the English buttons', async ({ page }) => {
  await page.goto(host.url);
  await page.locator('.titlebar select').selectOption('en');
  await page.getByRole('button', { name: 'New' }).click();
  await page.getByLabel('Name').fill('Amazon English');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByLabel('Use cloud').click();
  await expect(page.getByRole('tab', { name: 'CREDENTIALS' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: 'SIGN IN' })).toBeVisible();
  await expect(page.locator('details.info')).toContainText('After SIGN IN your default browser opens');
  await page.getByRole('button', { name: 'SIGN IN' }).click();
  await page.getByRole('button', { name: 'Cancel sign-in' }).click();
  await expect(page.getByTestId('auth-line-why')).toHaveText(
    'You cancelled the sign-in. Click SIGN IN to start again.',
  );
  const text = await page.locator('main, body').first().innerText();
  expect(text).not.toMatch(/ANMELDEN|AKTUALISIEREN|Protokoll exportieren/);
  await page.screenshot({ path: 'e2e/artifacts/ux24-english.png' });
  await page.locator('.titlebar select').selectOption('de');
});

test('the cloud’s failure page in the merchant’s browser: German first, English on request, JSON for a client; axe 0', async ({
  browser,
}) => {
  const url = `${host.services!.cloud.url}/oauth/amazon/callback?state=nicht-von-amazon`;
  for (const [locale, title, closing] of [
    [
      'de-DE',
      'Amazon-Anmeldung nicht abgeschlossen',
      'Details in der Anwendung – Sie können dieses Fenster schließen.',
    ],
    ['en-US', 'Amazon sign-in not completed', 'Details in the application – you can close this window.'],
  ] as const) {
    const context = await browser.newContext({ locale });
    const seller = await context.newPage();
    const csp: string[] = [];
    seller.on('console', (m) => m.text().includes('Content Security Policy') && csp.push(m.text()));
    const res = await seller.goto(url);
    expect(res?.status()).toBe(400);
    expect(res?.headers()['content-security-policy']).toContain("default-src 'none'");
    await expect(seller.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(seller.locator('code')).toHaveText('STATE_INVALID');
    await expect(seller.getByText(closing)).toBeVisible();
    await seller.screenshot({ path: `e2e/artifacts/ux24-callback-failure-${locale}.png` });
    await expectNoAxeViolations(seller, `the failure page (${locale})`);
    expect(csp).toEqual([]);
    await context.close();
  }
  const json = await fetch(url, { headers: { accept: 'application/json' } });
  expect(((await json.json()) as { error: { code: string } }).error.code).toBe('STATE_INVALID');
});

test('Seller Central zeigt einen Fehler?: code first, searchable, picking explains and keeps waiting; a late success counts; offered after 2 minutes', async ({
  page,
}) => {
  await page.clock.install();
  await newPlatformOnCredentials(page, 'Amazon Spaeter Erfolg', { open: host.url });
  const before = host.opened.length;
  await page.getByRole('button', { name: 'ANMELDEN' }).click();
  await expect.poll(() => host.opened.length).toBeGreaterThan(before);
  const url = host.opened.at(-1)!;
  await expect(page.getByTestId('auth-status')).toHaveText(/Anmeldung läuft/);

  // Not offered at once; after two minutes without Amazon's answer it offers itself.
  const group = page.getByRole('group', { name: 'Was zeigt Seller Central?' });
  await expect(group).toHaveCount(0);
  await page.clock.fastForward('02:05');
  await expect(group).toBeVisible();
  await expect(group).toContainText('seit 2 Minuten keine Rückmeldung');
  const inputs = group.locator('input');
  await expect(inputs.first()).toHaveAccessibleName('Fehlercode von der Amazon-Seite');
  await page.getByLabel('Oder Text der Meldung suchen').fill('ungültiger zugriff');
  await expect(group.getByRole('listitem')).toHaveCount(1);
  await page.screenshot({ path: 'e2e/artifacts/ux24-picker.png' });
  await axeInEachLanguage(page, 'Seller Central error picker, searched');

  // Picking explains and keeps waiting.
  await group.getByRole('button', { name: /Ungültiger Zugriff/ }).click();
  await expect(page.getByTestId('auth-status')).toHaveText(/Anmeldung läuft/);
  await expect(page.getByTestId('auth-line-hint')).toContainText('Nur der Hauptnutzer');
  await expect(page.getByTestId('sc-error-picked')).toContainText('Gelingt sie im Browser doch noch, zählt sie');
  await expect(page.getByRole('button', { name: 'Anmeldung beenden' })).toBeVisible();
  await page.screenshot({ path: 'e2e/artifacts/ux24-picked.png' });
  await axeInEachLanguage(page, 'after a picked Seller Central error');

  // The merchant finishes in the browser anyway: it counts.
  const json = await consentInHttpBrowser(host, url);
  expect(json.status).toBe(200);
  await expect(page.getByTestId('auth-status')).toHaveText(/Authentifiziert seit .*A2EUMUSTER7H1K/);
});

test('a sandbox test case is scoped to the platform’s account and leaves nothing armed after one sign-in', async ({
  page,
}) => {
  await newPlatformOnCredentials(page, 'Amazon Testfall LWA', { open: host.url });
  await page.getByLabel('Testfall für die nächste Anmeldung').selectOption('scenario:lwa_500');
  await expect(page.getByTestId('sandbox-armed')).toBeVisible();
  const before = host.opened.length;
  await page.getByRole('button', { name: 'ANMELDEN' }).click();
  await expect.poll(() => host.opened.length).toBeGreaterThan(before);
  const active = async () =>
    (
      (await (await fetch(`${host.services!.sandbox.url}/sandbox/api/scenarios`)).json()) as {
        active: { id: string; target?: { email?: string } }[];
      }
    ).active;
  expect((await active()).map((a) => [a.id, a.target?.email])).toEqual([['lwa_500', 'eu.haendler@example.com']]);
  await consentInHttpBrowser(host, host.opened.at(-1)!);
  await expect(page.getByTestId('auth-status')).toHaveText('Fehler');
  await expect.poll(active).toEqual([]);
  await expect(page.getByTestId('sandbox-scenario-banner')).toBeHidden();
  await page.screenshot({ path: 'e2e/artifacts/ux24-test-case-cleared.png' });
  await axeInEachLanguage(page, 'after a sandbox test case');
});
