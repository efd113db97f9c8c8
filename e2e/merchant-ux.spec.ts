// The merchant's journey through the places where the app must not surprise: AKTUALISIEREN with another
// seller (asked, keep, switch), the same seller on two platforms, a name taken in the cloud account, the
// Cloud-Zugangsdaten checks, unticking "Cloud verwenden" — and axe on every screen and dialog, in German
// and English, with 0 violations of any impact. Browser host with the embedded sandbox and cloud; the
// seller's browser is the HTTP test browser (Chromium's Seller Central is covered by amazon-flow.spec.ts).
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { TestCloudHttp } from '../cloud/testing/stack';
import { seedAccount } from '../sandbox/seed';
import { testHostPerFile } from './support/browser-host';
import { axeInEachLanguage } from './support/axe';
import { consentInHttpBrowser, openEmptyList } from './support/support-steps';

const EU = seedAccount('eu.haendler@example.com')!;
const OTHER = seedAccount('gesperrte.angebote@example.com')!;

const host = testHostPerFile({ embedded: true });

async function consentAs(seller: typeof EU, url: string): Promise<void> {
  expect((await consentInHttpBrowser(host, url, seller)).status).toBe(200);
}

async function nextOpened(count: number): Promise<string> {
  await expect.poll(() => host.opened.length, { timeout: 15_000 }).toBeGreaterThan(count);
  return host.opened.at(-1)!;
}

async function newPlatform(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Neu' }).click();
  await page.getByLabel('Bezeichnung').fill(name);
  await page.getByRole('button', { name: 'Anlegen' }).click();
  // ANLEGEN opens the new platform (issue 24); these tests go on from the list.
  await expect(page.getByRole('heading', { level: 2 })).toContainText(name);
  await page.getByRole('button', { name: 'Zurück zur Liste' }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
}

/** On the open platform's Allgemein: "Cloud verwenden" leads on to ZUGANGSDATEN. */
async function cloudOn(page: Page): Promise<void> {
  await page.getByLabel('Cloud verwenden').click();
  await expect(page.getByRole('tab', { name: 'ZUGANGSDATEN' })).toHaveAttribute('aria-selected', 'true');
}

async function openCredentials(page: Page, name: string): Promise<void> {
  await page.getByRole('row', { name: new RegExp(name) }).dblclick();
  await cloudOn(page);
}

test('AKTUALISIEREN with another seller asks; keep and switch; the same seller on two platforms warns; axe everywhere', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 900, height: 600 });
  await openEmptyList(page, host.url);
  await axeInEachLanguage(page, 'empty list');

  await page.getByRole('button', { name: 'Neu' }).click();
  await axeInEachLanguage(page, 'Neue Plattform');
  await page.getByRole('button', { name: 'Anlegen' }).click();
  await expect(page.getByRole('alert')).toHaveText('Bitte geben Sie eine Bezeichnung ein.');
  await axeInEachLanguage(page, 'Neue Plattform with an error');
  await page.getByLabel('Bezeichnung').fill('Amazon Muster');
  await page.getByRole('button', { name: 'Anlegen' }).click();

  // Sign in as the EU seller; focus lands on the status.
  await cloudOn(page);
  await axeInEachLanguage(page, 'ZUGANGSDATEN, not signed in');
  await page.getByRole('button', { name: 'ANMELDEN' }).click();
  const login = await nextOpened(0);
  await expect(page.getByTestId('auth-status')).toBeFocused();
  await expect(page.getByTestId('auth-status')).toHaveText(/Anmeldung läuft/);
  await axeInEachLanguage(page, 'ZUGANGSDATEN, waiting');
  await consentAs(EU, login);
  await expect(page.getByTestId('auth-status')).toHaveText(/Authentifiziert seit .*Händler-ID A2EUMUSTER7H1K/);
  await page.getByRole('button', { name: 'Einstellungen importieren' }).click();
  await expect(page.getByRole('table', { name: 'Marktplätze' }).getByRole('row')).toHaveCount(9);
  await expect(page.getByTestId('auth-status')).toHaveText(/Muster Handel GmbH \(Händler-ID A2EUMUSTER7H1K\)/);
  await expect(page.getByText('So funktioniert die Anmeldung')).toBeVisible();
  await expect(page.locator('details.info')).not.toHaveAttribute('open', '');
  await axeInEachLanguage(page, 'ZUGANGSDATEN, authenticated with marketplaces');
  await page.getByRole('tab', { name: 'Protokoll' }).click();
  await axeInEachLanguage(page, 'Protokoll');
  await page.getByRole('tab', { name: 'ZUGANGSDATEN' }).click();

  // AKTUALISIEREN, and the other seller signs in: the question names both; the old connection stays.
  await page.getByRole('button', { name: 'AKTUALISIEREN' }).click();
  await consentAs(OTHER, await nextOpened(1));
  const prompt = page.getByRole('alertdialog', { name: 'Anderes Verkäuferkonto' });
  await expect(prompt).toContainText('Bisher verbunden: Muster Handel GmbH (Händler-ID A2EUMUSTER7H1K)');
  await expect(prompt).toContainText('Neu angemeldet: Beispiel Elektronik (Händler-ID A1EUBEISPIEL4Q)');
  await expect(page.getByTestId('auth-status')).toHaveText('Rückfrage: anderes Verkäuferkonto');
  await page.screenshot({ path: 'e2e/artifacts/ux-seller-changed.png' }); // docs/screenshots/seller-changed.png
  await axeInEachLanguage(page, 'seller change question');
  await prompt.getByRole('button', { name: 'Bisheriges Konto behalten' }).click();
  await expect(page.getByTestId('auth-status')).toHaveText(/Muster Handel GmbH \(Händler-ID A2EUMUSTER7H1K\)/);
  await expect(page.getByRole('table', { name: 'Marktplätze' }).getByRole('row')).toHaveCount(9);

  // Again, and switch: the new seller; the old seller's marketplaces are gone until imported again.
  await page.getByRole('button', { name: 'AKTUALISIEREN' }).click();
  await consentAs(OTHER, await nextOpened(2));
  await page
    .getByRole('alertdialog', { name: 'Anderes Verkäuferkonto' })
    .getByRole('button', { name: 'Zum neuen Konto wechseln' })
    .click();
  await expect(page.getByTestId('auth-status')).toHaveText(/Beispiel Elektronik \(Händler-ID A1EUBEISPIEL4Q\)/);
  await expect(page.getByText(/Gewechselt vom Verkäuferkonto A2EUMUSTER7H1K/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Marktplätze' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Einstellungen importieren' }).click();
  await expect(page.getByRole('table', { name: 'Marktplätze' }).getByRole('row')).toHaveCount(4);

  // A second platform connected to the same seller: both warn, naming the other.
  await page.getByRole('button', { name: 'Zurück zur Liste' }).click();
  await newPlatform(page, 'Amazon Zweitprofil');
  await openCredentials(page, 'Amazon Zweitprofil');
  await page.getByRole('button', { name: 'ANMELDEN' }).click();
  await consentAs(OTHER, await nextOpened(3));
  await expect(page.getByTestId('auth-line-twin')).toContainText('auch mit der Plattform „Amazon Muster“ verbunden');
  await axeInEachLanguage(page, 'ZUGANGSDATEN, duplicate seller');

  // Unticking "Cloud verwenden" asks first and says what happens to the cloud connection.
  await page.getByRole('tab', { name: 'Allgemein' }).click();
  await page.getByLabel('Cloud verwenden').click();
  const off = page.getByRole('dialog', { name: '„Cloud verwenden“ abschalten?' });
  await expect(off).toContainText('Die Verbindung in Ihrem Cloud-Konto bleibt bestehen');
  await axeInEachLanguage(page, 'Cloud verwenden abschalten');
  await off.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(page.getByLabel('Cloud verwenden')).toBeChecked();
  await axeInEachLanguage(page, 'Allgemein');

  await page.getByRole('button', { name: 'Zurück zur Liste' }).click();
  await expect(page.getByRole('row', { name: /Amazon Muster/ })).toContainText(
    'Beispiel Elektronik (Händler-ID A1EUBEISPIEL4Q)',
  );
  await axeInEachLanguage(page, 'list with platforms');
  await page.getByRole('row', { name: /Amazon Zweitprofil/ }).click();
  await page.getByRole('button', { name: 'Löschen' }).click();
  await axeInEachLanguage(page, 'Plattform löschen');
  await page.keyboard.press('Escape');
});

test('a name taken in the cloud account: says so, suggests a free name and focuses the Bezeichnung', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Another workstation of the same account registered "Amazon Kasse" in the cloud.
  const tenant = JSON.parse(fs.readFileSync(host.services!.env.ACC_DEV_TENANT_FILE, 'utf8')) as {
    clientId: string;
    clientSecret: string;
  };
  expect((await new TestCloudHttp(host.services!.cloud.url, tenant).createPlatform('Amazon Kasse')).status).toBe(201);
  await page.goto(host.url);
  await newPlatform(page, 'AMAZON KASSE');
  await openCredentials(page, 'AMAZON KASSE');
  await page.getByRole('button', { name: 'ANMELDEN' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Die Bezeichnung „AMAZON KASSE“ wird in Ihrem Cloud-Konto bereits verwendet (z. B. an einem anderen Arbeitsplatz). Bitte wählen Sie eine andere, z. B. „AMAZON KASSE (2)“.',
  );
  await axeInEachLanguage(page, 'name clash from the cloud');
  await page.getByRole('button', { name: 'Bezeichnung ändern' }).click();
  const name = page.getByLabel('Bezeichnung');
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('AMAZON KASSE (2)');
  await name.press('Enter');
  await expect(page.getByRole('heading', { level: 2 })).toContainText('AMAZON KASSE (2)');
  await page.getByRole('tab', { name: 'ZUGANGSDATEN' }).click();
  await page.getByRole('button', { name: 'ANMELDEN' }).click();
  await expect(page.getByTestId('auth-status')).toHaveText(/Anmeldung läuft/);
  await page.getByRole('button', { name: 'Anmeldung abbrechen' }).click();
  // The user's own cancel is information, not an error.
  await expect(page.getByTestId('auth-line-why')).toHaveClass('hint');
});

test('Cloud-Zugangsdaten: field checks in German, TESTEN on save asks before saving an untested configuration', async ({
  page,
}) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Cloud-Zugangsdaten' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cloud-Zugangsdaten' });
  await expect(dialog.getByLabel('Client-ID')).not.toHaveValue('');
  await axeInEachLanguage(page, 'Cloud-Zugangsdaten');
  const savedId = await dialog.getByLabel('Client-ID').inputValue();

  await dialog.getByLabel('Client-ID').fill('');
  await dialog.getByRole('button', { name: 'TESTEN' }).click();
  await expect(dialog.locator('#clientId-error')).toHaveText(/Bitte geben Sie die Client-ID ein/);
  await expect(dialog).not.toContainText('Verbindung erfolgreich');
  await axeInEachLanguage(page, 'Cloud-Zugangsdaten with errors');

  await dialog.getByLabel('Client-ID').fill('c'.repeat(500));
  await dialog.getByLabel('Cloud-URL').fill(`https://${'x'.repeat(500)}.example`);
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog.locator('#url-error')).toHaveText(/zu lang/);
  await expect(dialog.locator('#clientId-error')).toHaveText(/zu lang/);

  // An unreachable (emoji) host: Speichern tests first and asks.
  await dialog.getByLabel('Client-ID').fill(savedId);
  await dialog.getByLabel('Cloud-URL').fill('https://☁.invalid');
  // Another URL needs the secret typed in (the stored one only goes to its saved URL).
  await dialog.getByLabel('Client-Secret').fill('ein-secret-zum-testen');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  const ask = page.getByRole('dialog', { name: 'Verbindung nicht bestätigt' });
  await expect(ask).toContainText('antwortet keine Cloud', { timeout: 30_000 });
  await expect(ask).not.toContainText('unter „Cloud-Zugangsdaten“');
  await axeInEachLanguage(page, 'Verbindung nicht bestätigt');
  await ask.getByRole('button', { name: 'Zurück zur Eingabe' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('at 900×600 long names end in an ellipsis with a tooltip and the status column stays in view', async ({
  page,
}) => {
  await page.setViewportSize({ width: 900, height: 600 });
  await page.goto(host.url);
  const long = 'Amazon Muster Handel GmbH Hauptlager Süd Filiale Nummer 12 Sonderposten 2026 XXL';
  await newPlatform(page, long.slice(0, 80));
  const row = page.getByRole('row', { name: new RegExp(long.slice(0, 30)) });
  const cell = row.getByRole('cell').first();
  await expect(cell).toHaveAttribute('title', long.slice(0, 80));
  expect(
    await cell.evaluate(
      (el) =>
        el.scrollWidth > el.clientWidth &&
        el.ownerDocument.defaultView!.getComputedStyle(el).textOverflow === 'ellipsis',
    ),
  ).toBe(true);
  const status = row.getByRole('cell').last();
  const box = await status.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(900);
  await page.screenshot({ path: 'e2e/artifacts/ux-900x600-list.png' });
  // The form's title too: cut, with the whole name as a tooltip.
  await row.dblclick();
  const title = page.getByRole('heading', { level: 2 });
  await expect(title).toHaveAttribute('title', long.slice(0, 80));
  const titleBox = await title.boundingBox();
  expect(titleBox!.x + titleBox!.width).toBeLessThanOrEqual(900);
  await page.screenshot({ path: 'e2e/artifacts/ux-900x600-detail.png' });
});
