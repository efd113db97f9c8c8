// An upgrade of the cloud renamed a platform in the cloud account (migration 2: its name clashed with
// another platform's under the shared name rule). In the browser host with the embedded cloud: the
// platform shows the notice and its Protokoll the rename until the merchant clicks "Verstanden"; then the
// cloud no longer lists it, and after a restart of the app it stays gone.
import { expect, test, type Page } from '@playwright/test';
import { startTestHost } from './support/browser-host';
import { openEmptyList } from './support/support-steps';

const OLD = 'AMAZON DE';
const NEW = 'AMAZON DE (2)';

async function openPlatform(page: Page, name: string): Promise<void> {
  await page.getByRole('row', { name: new RegExp(name.replace(/[()]/g, '\\$&')) }).dblclick();
  await expect(page.getByRole('heading', { name: new RegExp(name.replace(/[()]/g, '\\$&')) })).toBeVisible();
}

test('the cloud upgrade\'s rename: notice and Protokoll until "Verstanden", then gone for good', async ({ page }) => {
  let host = await startTestHost({ embedded: true });
  const ports = {
    sandbox: Number(new URL(host.services!.sandbox.url).port),
    cloud: Number(new URL(host.services!.cloud.url).port),
  };
  try {
    // What migration 2 leaves in an account of the first release: the renamed platform and its record.
    const db = host.services!.cloud.db;
    const tenantId = (await db.query<{ id: string }>('SELECT id FROM tenants')).rows[0]!.id;
    await db.query(
      `INSERT INTO platforms (id, tenant_id, type, name, name_key, region, country_code, created_at) VALUES ('plt_e2e_renamed', $1, 'amazon', $2, lower($2), 'EU', 'DE', now())`,
      [tenantId, NEW],
    );
    await db.query(
      `INSERT INTO platform_renames (platform_id, tenant_id, old_name, new_name, reason, renamed_at) VALUES ('plt_e2e_renamed', $1, $2, $3, 'name clash under the shared name rule', '2026-11-28T10:00:00Z')`,
      [tenantId, OLD, NEW],
    );

    // The platform comes to this desktop from the cloud (Cloud-Zugangsdaten → Nur in der Cloud → Übernehmen).
    await openEmptyList(page, host.url);
    await page.getByRole('button', { name: 'Cloud-Zugangsdaten' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cloud-Zugangsdaten' });
    await dialog.getByRole('button', { name: `Übernehmen: „${NEW}“` }).click();
    await expect(dialog.getByRole('button', { name: `Übernehmen: „${NEW}“` })).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();

    await openPlatform(page, NEW);
    const notice = page.getByTestId('rename-notice');
    await expect(notice).toContainText(`von „${OLD}“ in „${NEW}“ umbenannt`);
    await expect(notice).toContainText('Eine andere Plattform des Kontos hatte denselben Namen');
    await page.screenshot({ path: 'e2e/artifacts/rename-notice.png' });
    await page.getByRole('tab', { name: 'Protokoll' }).click();
    await expect(page.getByRole('tabpanel')).toContainText('Im Cloud-Konto durch ein Update der Cloud umbenannt');

    // A restart before the acknowledgement keeps the notice.
    const userDataDir = host.userDataDir;
    await host.close();
    host = await startTestHost({ userDataDir, embedded: true, ports });
    await page.goto(host.url);
    await openPlatform(page, NEW);
    await expect(page.getByTestId('rename-notice')).toBeVisible();

    await page.getByRole('button', { name: 'Verstanden' }).click();
    await expect(page.getByTestId('rename-notice')).toHaveCount(0);
    await page.getByRole('tab', { name: 'Protokoll' }).click();
    await expect(page.getByRole('tabpanel')).toContainText('Hinweis auf die Umbenennung zur Kenntnis genommen');
    const acknowledged = await host.services!.cloud.db.query<{ acknowledged_at: Date | null }>(
      "SELECT acknowledged_at FROM platform_renames WHERE platform_id = 'plt_e2e_renamed'",
    );
    expect(acknowledged.rows[0]!.acknowledged_at).not.toBeNull();

    // For good: after a restart (which reads the cloud's list again) the notice does not come back.
    await host.close();
    host = await startTestHost({ userDataDir, embedded: true, ports });
    await page.goto(host.url);
    await openPlatform(page, NEW);
    await page.getByRole('tab', { name: 'Protokoll' }).click();
    await expect(page.getByRole('tabpanel')).toContainText('Hinweis auf die Umbenennung zur Kenntnis genommen');
    await expect(page.getByTestId('rename-notice')).toHaveCount(0);
  } finally {
    await host.close();
  }
});
