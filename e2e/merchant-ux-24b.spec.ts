// Issue 24, items 8 and 9 in Chromium against the browser host with the embedded sandbox and cloud: the
// pre-flight checklist next to ANMELDEN (folded, opened by keyboard), the marketplaces imported by
// themselves after the first authentication with the Verwenden choice kept on a re-import, and
// "Verbindung trennen" (asks first, keeps the platform, Nicht authentifiziert, ANMELDEN connects again).
// axe: 0 violations on each new state, in German and English.
import { expect, test, type Page } from '@playwright/test';
import { axeInEachLanguage } from './support/axe';
import { testHostPerFile } from './support/browser-host';
import { newPlatformOnCredentials, signInOnCredentials } from './support/support-steps';

const host = testHostPerFile({ embedded: true });
// Each journey signs in through Seller Central at least once: up to three minutes on a busy machine.
test.describe.configure({ timeout: 180_000 });

const marketRows = (page: Page) => page.getByRole('table', { name: 'Marktplätze' }).getByRole('row');

test('checklist next to ANMELDEN; marketplaces imported after the first sign-in, the Verwenden choice kept', async ({
  page,
}) => {
  await newPlatformOnCredentials(page, 'Amazon Checkliste', { open: host.url });
  // No pairing code before any sign-in was started.
  await expect(page.getByTestId('pairing-code')).toHaveCount(0);

  const checklist = page.getByTestId('preflight');
  const summary = checklist.locator('summary');
  await expect(summary).toHaveText(
    'Vor ANMELDEN prüfen: primärer Benutzer, Verkaufstarif „Professionell“, Region Europa (EU)',
  );
  await expect(checklist).not.toHaveAttribute('open', '');
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(checklist).toHaveAttribute('open', '');
  await expect(checklist).toContainText('„Autorisierte Partner verwalten“');
  await page.screenshot({ path: 'e2e/artifacts/ux24b-checklist.png' });
  await axeInEachLanguage(page, 'pre-flight checklist');

  await signInOnCredentials(page, host);
  // Without a click on "Einstellungen importieren".
  await expect(marketRows(page)).toHaveCount(9);
  await expect(page.getByTestId('preflight')).toHaveCount(0);
  await expect(page.getByTestId('pairing-code')).toBeVisible();
  await axeInEachLanguage(page, 'imported automatically');

  const first = page.getByRole('checkbox', { name: /verwenden/i }).first();
  const label = await first.getAttribute('aria-label');
  await first.uncheck();
  await expect(first).not.toBeChecked();
  await page.getByRole('button', { name: 'Einstellungen importieren' }).click();
  await expect(page.getByText('8 Marktplätze übernommen', { exact: false })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: label! })).not.toBeChecked();
});

test('Verbindung trennen asks first, keeps the platform as Nicht authentifiziert; ANMELDEN connects again', async ({
  page,
}) => {
  await newPlatformOnCredentials(page, 'Amazon Trennen', { open: host.url });
  await signInOnCredentials(page, host);
  await expect(marketRows(page)).toHaveCount(9);

  await page.getByRole('button', { name: 'Verbindung trennen' }).click();
  const ask = page.getByRole('dialog', { name: 'Verbindung trennen?' });
  await expect(ask).toContainText('Die Cloud löscht den Amazon-Zugriff (das Token) dieser Plattform');
  await expect(ask).toContainText('„Apps verwalten“');
  await expect(ask.getByRole('button', { name: 'Abbrechen' })).toBeFocused();
  await page.screenshot({ path: 'e2e/artifacts/ux24b-disconnect-question.png' });
  await axeInEachLanguage(page, 'Verbindung trennen question');

  // "Apps verwalten" opens Seller Central's page in the default browser.
  const before = host.opened.length;
  await ask.getByRole('button', { name: 'Seller Central „Apps verwalten“ öffnen' }).click();
  await expect.poll(() => host.opened.at(-1) ?? '').toContain('/apps/manage');
  expect(host.opened.length).toBe(before + 1);

  await ask.getByRole('button', { name: 'Verbindung trennen' }).click();
  await expect(page.getByTestId('auth-status')).toHaveText('Nicht authentifiziert');
  await expect(page.getByTestId('disconnected')).toBeVisible();
  await expect(page.getByTestId('auth-status')).toBeFocused();
  await expect(page.getByRole('table', { name: 'Marktplätze' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'ANMELDEN' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Verbindung trennen' })).toHaveCount(0);
  await page.screenshot({ path: 'e2e/artifacts/ux24b-disconnected.png' });
  await axeInEachLanguage(page, 'disconnected');

  await signInOnCredentials(page, host);
  await expect(marketRows(page)).toHaveCount(9);
  await page.getByRole('button', { name: 'Zurück zur Liste' }).click();
  await expect(page.getByRole('row', { name: /Amazon Trennen/ })).toContainText('Authentifiziert');
});

test('Aktiv off: greyed in the list, ANMELDEN disabled with the reason', async ({ page }) => {
  await newPlatformOnCredentials(page, 'Amazon Inaktiv', { open: host.url });
  await page.getByRole('tab', { name: 'Allgemein' }).click();
  await page.getByRole('checkbox', { name: 'Aktiv' }).uncheck();
  await page.getByRole('tab', { name: 'ZUGANGSDATEN' }).click();
  await expect(page.getByRole('button', { name: 'ANMELDEN' })).toBeDisabled();
  await expect(page.getByTestId('inactive-note')).toContainText('nicht aktiv');
  await axeInEachLanguage(page, 'inactive platform');
  await page.getByRole('button', { name: 'Zurück zur Liste' }).click();
  await expect(page.getByRole('row', { name: /Amazon Inaktiv/ })).toHaveClass(/inactive/);
  await axeInEachLanguage(page, 'list with an inactive platform');
});
