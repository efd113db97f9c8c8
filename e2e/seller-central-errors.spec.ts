// Support in Chromium (browser host, embedded sandbox and cloud): every Amazon-side failure is
// explained within two clicks while the app waits; the failures the sandbox can produce are first
// reproduced with a scenario or a failing account picked in the app (one pick, then ANMELDEN), and the
// page Amazon shows carries the code and text the app explains.
import { expect, test, type Page } from '@playwright/test';
import {
  SELLER_CENTRAL_ERROR_KEYS,
  SELLER_CENTRAL_ERRORS,
  type SellerCentralErrorKey,
} from '../shared/seller-central-errors';
import { errorsDe } from '../renderer/src/i18n/errors.de';
import { testHostPerFile } from './support/browser-host';
import { newPlatformOnCredentials, sellerSide } from './support/support-steps';
import { anmelden as anmeldenOn } from './support/support-steps';

const host = testHostPerFile({ embedded: true });

/** How the sandbox reproduces a failure: what support picks in the app, what the seller does. */
const REPRODUCE: Partial<Record<SellerCentralErrorKey, { pick: string; confirm?: boolean; page: string }>> = {
  wrong_region: { pick: 'account:na.seller@example.com', page: '[data-error="wrong_region"]' },
  not_primary: { pick: 'account:mitarbeiter@example.com', page: '[data-error="not_primary"]' },
  individual_account: { pick: 'account:privatverkaeufer@example.com', page: '[data-error="individual_account"]' },
  draft_limit: { pick: 'scenario:draft_limit_reached', page: '[data-error="draft_limit"]' },
  otp_rejected: { pick: 'scenario:otp_always_wrong', page: '[data-error="otp_rejected"]' },
  consent_cancelled: { pick: 'scenario:consent_cancelled', confirm: true, page: '[data-error="consent_cancelled"]' },
};

const germanText = (key: SellerCentralErrorKey) => {
  const code = SELLER_CENTRAL_ERRORS[key].errorCode;
  const text = (errorsDe as Record<string, string>)
    [code]!.replaceAll('{{btnSignIn}}', 'ANMELDEN')
    .replaceAll('{{btnRefresh}}', 'AKTUALISIEREN');
  return key === 'wrong_region'
    ? text
        .replace('{{actualRegion}}', 'Nordamerika (NA)')
        .replace('{{region}}', 'Europa (EU)')
        .replace('{{country}}', 'US')
    : text;
};

const anmelden = (page: Page) => anmeldenOn(page, host, { waiting: true });

test('every Seller Central failure: reproduced from the app, explained in two clicks while waiting', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await newPlatformOnCredentials(page, 'Amazon Support', { open: host.url });
  const status = page.getByTestId('auth-status');

  for (const key of SELLER_CENTRAL_ERROR_KEYS) {
    const entry = SELLER_CENTRAL_ERRORS[key];
    const how = REPRODUCE[key];
    let seller: Page | undefined;
    if (how) {
      // One pick arms the failure; the banner shows it; ANMELDEN applies it.
      await page.getByLabel('Testfall für die nächste Anmeldung').selectOption(how.pick);
      await expect(page.getByTestId('sandbox-armed')).toBeVisible();
      const url = await anmelden(page);
      seller = await sellerSide(browser, url, { confirm: how.confirm === true });
      const shown = seller.locator(how.page);
      await expect(shown).toBeVisible();
      if (entry.amazonText) await expect(shown).toContainText(entry.amazonText.de);
      if (entry.amazonCode) await expect(seller.locator(`[data-code="${entry.amazonCode}"]`)).toBeVisible();
    } else {
      await anmelden(page);
    }

    // Two clicks in the app.
    await page.getByRole('button', { name: 'Seller Central zeigt einen Fehler?' }).click();
    if (key === 'wrong_region') {
      // Whatever the merchant picks, the sandbox knows this account is in North America.
      await page.getByRole('button', { name: 'Region unbekannt' }).click();
    } else {
      await page.locator(`button.sc-error-choice[data-key="${key}"]`).click();
    }
    // The explanation at once; the sign-in keeps waiting (a late success counts) until the merchant ends it.
    await expect(status).toHaveText(/Anmeldung läuft/);
    await expect(page.getByTestId('auth-line-hint')).toHaveText(germanText(key));
    if (entry.action === 'cancel') {
      await page.getByRole('button', { name: 'Anmeldung beenden' }).click();
      await expect(status).toHaveText('Fehler');
      await expect(page.getByTestId('auth-line-why')).toHaveText(germanText(key));
      await expect(page.getByRole('button', { name: 'ANMELDEN' })).toBeVisible();
    } else {
      await expect(status).toHaveText(/Anmeldung läuft/);
      await expect(page.getByText(germanText(key))).toBeVisible();
      await page.getByRole('button', { name: 'Anmeldung abbrechen' }).click();
      await expect(page.getByRole('button', { name: 'ANMELDEN' })).toBeVisible();
    }
    await page.screenshot({ path: `e2e/artifacts/sc-error-${key}.png` });
    await seller?.context().close();

    // Scenarios that stay on until reset: the banner says so and resets them.
    const banner = page.getByTestId('sandbox-scenario-banner');
    if (await banner.isVisible()) {
      await banner.getByRole('button', { name: 'alle zurücksetzen' }).click();
      await expect(banner).toBeHidden();
    }
  }
});

test('the code typed from Amazon’s page is explained (MD1000); an unknown one says so', async ({ page }) => {
  await newPlatformOnCredentials(page, 'Amazon Code', { open: host.url });
  await anmelden(page);
  await page.getByRole('button', { name: 'Seller Central zeigt einen Fehler?' }).click();
  await page.getByLabel('Fehlercode von der Amazon-Seite').fill('XY123');
  await page.getByRole('button', { name: 'Erklären' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'XY123' })).toBeVisible();
  await page.getByLabel('Fehlercode von der Amazon-Seite').fill('md1000');
  await page.getByLabel('Fehlercode von der Amazon-Seite').press('Enter');
  await expect(page.getByTestId('auth-line-hint')).toHaveText(germanText('MD1000'));
});
