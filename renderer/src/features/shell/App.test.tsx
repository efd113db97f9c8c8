// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { appInfo, platform } from '../../test/fake-api';
import { resetStores } from '../../test/render';
import { startApp } from '../../test/screens';
import { err, ok } from '../../../../shared/result';

afterEach(cleanup);
beforeEach(resetStores);

describe('Löschen', () => {
  it('warns that the cloud copy goes too, then deletes', async () => {
    const { api } = await startApp([platform({ cloudPlatformId: 'c1' })]);
    const user = userEvent.setup();
    await user.click(screen.getByRole('row', { name: /Amazon 123456/ }));
    await user.click(screen.getByRole('button', { name: 'Löschen' }));
    const dialog = screen.getByRole('dialog', { name: 'Plattform löschen' });
    expect(dialog.textContent).toContain('auch in der Cloud gelöscht');
    await user.click(within(dialog).getByRole('button', { name: 'Löschen' }));
    expect(api.deletePlatform).toHaveBeenCalledWith({ id: 'p1' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByRole('row', { name: /Amazon 123456/ })).toBeNull();
  });

  it('does not mention the cloud for a platform never registered there', async () => {
    await startApp([platform()]);
    const user = userEvent.setup();
    await user.click(screen.getByRole('row', { name: /Amazon 123456/ }));
    await user.click(screen.getByRole('button', { name: 'Löschen' }));
    expect(screen.getByRole('dialog').textContent).not.toContain('Cloud');
  });

  it('cloud unreachable: retry the same call, or delete locally with the cloud deletion queued', async () => {
    const { api } = await startApp([platform({ cloudPlatformId: 'c1' })]);
    api.deletePlatform.mockResolvedValueOnce(
      err('CLOUD_UNREACHABLE', 'ECONNREFUSED', { url: 'https://cloud.example' }),
    );
    api.deletePlatform.mockResolvedValueOnce(
      err('CLOUD_UNREACHABLE', 'ECONNREFUSED', { url: 'https://cloud.example' }),
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('row', { name: /Amazon 123456/ }));
    await user.keyboard('{Delete}');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Löschen' }));
    const second = await screen.findByRole('dialog', { name: 'Cloud nicht erreichbar' });
    expect(second.textContent).toContain('automatisch wiederholt');
    await user.click(within(second).getByRole('button', { name: 'Erneut versuchen' }));
    expect(api.deletePlatform).toHaveBeenNthCalledWith(2, { id: 'p1' });
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Cloud nicht erreichbar' })).getByRole('button', {
        name: 'Nur lokal löschen',
      }),
    );
    expect(api.deletePlatform).toHaveBeenLastCalledWith({ id: 'p1', mode: 'localQueue' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('Abbrechen in the second dialog keeps the platform', async () => {
    const { api } = await startApp([platform({ cloudPlatformId: 'c1' })]);
    api.deletePlatform.mockResolvedValueOnce(err('CLOUD_UNREACHABLE'));
    const user = userEvent.setup();
    await user.click(screen.getByRole('row', { name: /Amazon 123456/ }));
    await user.keyboard('{Delete}');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Löschen' }));
    await screen.findByRole('dialog', { name: 'Cloud nicht erreichbar' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('row', { name: /Amazon 123456/ })).toBeTruthy();
    expect(api.deletePlatform).toHaveBeenCalledTimes(1);
  });
});

describe('toolbar', () => {
  it('opens the Cloud-Zugangsdaten dialog and leaves it with Escape', async () => {
    const { api } = await startApp();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Cloud-Zugangsdaten' }));
    expect(screen.getByRole('dialog', { name: 'Cloud-Zugangsdaten' })).toBeTruthy();
    await waitFor(() => expect(api.getCloudSettings).toHaveBeenCalled());
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('app info', () => {
  it('shows pending cloud deletions in the status bar, kept fresh by appInfoChanged', async () => {
    const { emit } = await startApp();
    expect(screen.queryByTestId('pending-deletions')).toBeNull();
    act(() => emit('appInfoChanged', appInfo({ pendingCloudDeletions: 2 })));
    expect(screen.getByTestId('pending-deletions').textContent).toBe(
      '2 Cloud-Löschungen ausstehend – werden automatisch wiederholt',
    );
  });

  it('explains a missing keychain and how to fix it', async () => {
    await startApp([platform()], appInfo({ keychain: { available: false, plaintextFallback: false } }));
    const banner = await screen.findByTestId('keychain-banner');
    expect(banner.textContent).toContain('Kein Schlüsselbund verfügbar');
    expect(banner.textContent).toContain('sudo apt install gnome-keyring');
    expect(screen.queryByTestId('plaintext-warning')).toBeNull();
  });

  it('warns permanently about plain-text secrets', async () => {
    await startApp([platform()], appInfo({ keychain: { available: false, plaintextFallback: true } }));
    expect((await screen.findByTestId('plaintext-warning')).textContent).toContain('im Klartext gespeichert');
  });
});

describe('detail form from the list', () => {
  it('opens with Enter, imports settings and chooses marketplaces', async () => {
    const authed = platform({
      auth: { status: 'authenticated', sellingPartnerId: 'A2', authorizedAt: '2026-01-02T10:00:00.000Z' },
    });
    const { api } = await startApp([authed]);
    const market = (id: string, name: string, countryCode: string, selected: boolean) => ({
      id,
      name,
      countryCode,
      defaultCurrencyCode: 'EUR',
      defaultLanguageCode: 'de_DE',
      domainName: 'www.amazon.de',
      storeName: 'S',
      isParticipating: true,
      hasSuspendedListings: false,
      selected,
    });
    const imported = {
      ...authed,
      marketplacesImportedAt: '2026-01-03T09:00:00.000Z',
      marketplaces: [
        market('A1PA6795UKMFR9', 'Amazon.de', 'DE', true),
        market('A13V1IB3VIYZZH', 'Amazon.fr', 'FR', false),
      ],
    };
    api.importSettings.mockResolvedValueOnce(ok(imported));
    api.selectMarketplaces.mockResolvedValueOnce(
      ok({ ...imported, marketplaces: imported.marketplaces.map((m) => ({ ...m, selected: true })) }),
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('row', { name: /Amazon 123456/ }));
    await user.keyboard('{Enter}');
    await user.click(screen.getByRole('tab', { name: 'ZUGANGSDATEN' }));
    await user.click(screen.getByRole('button', { name: 'Einstellungen importieren' }));
    expect(api.importSettings).toHaveBeenCalledWith({ id: 'p1' });
    const table = await screen.findByRole('table', { name: 'Marktplätze' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Verwenden', 'Name', 'Land', 'Währung', 'Teilnahme', 'Gesperrte Angebote']);
    expect(within(table).getByRole('row', { name: /Amazon\.fr/ }).textContent).toContain('FR – Frankreich');
    expect(screen.getByText(/^Importiert am 03\.01\.2026.* – 2 Marktplätze übernommen$/)).toBeTruthy();
    // Focus stays on the button (it was disabled while importing), not on <body> (issue 24).
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Einstellungen importieren' }));
    await user.click(screen.getByRole('checkbox', { name: 'Amazon.fr verwenden' }));
    expect(api.selectMarketplaces).toHaveBeenCalledWith({
      id: 'p1',
      marketplaceIds: ['A1PA6795UKMFR9', 'A13V1IB3VIYZZH'],
    });
    await waitFor(() =>
      expect((screen.getByRole('checkbox', { name: 'Amazon.fr verwenden' }) as HTMLInputElement).checked).toBe(true),
    );
    await user.click(screen.getByRole('button', { name: 'Zurück zur Liste' }));
    expect(screen.getByRole('button', { name: 'Öffnen' })).toBeTruthy();
  });

  it('shows an import error in German', async () => {
    const { api } = await startApp([
      platform({ auth: { status: 'authenticated', sellingPartnerId: 'A2', authorizedAt: '2026-01-02T10:00:00.000Z' } }),
    ]);
    api.importSettings.mockResolvedValueOnce(err('SPAPI_RATE_LIMITED', undefined, { retryAfter: 30 }));
    const user = userEvent.setup();
    await user.dblClick(screen.getByRole('row', { name: /Amazon 123456/ }));
    await user.click(screen.getByRole('tab', { name: 'ZUGANGSDATEN' }));
    await user.click(screen.getByRole('button', { name: 'Einstellungen importieren' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Amazon drosselt die Anfragen. Bitte warten Sie 30 Sekunden und versuchen Sie es erneut.',
    );
  });
});

describe('unreadable profile entries', () => {
  it('names how many entries could not be read and where they are kept', async () => {
    await startApp(
      [platform()],
      appInfo({
        unreadableProfiles: { code: 'PROFILES_UNREADABLE', count: 2, file: '/home/u/.config/acc/config.json' },
      }),
    );
    const banner = await screen.findByTestId('unreadable-profiles');
    expect(banner.textContent).toContain('2 Plattform-Einträge');
    expect(banner.textContent).toContain('/home/u/.config/acc/config.json');
  });

  it('shows no such banner when every entry was read', async () => {
    await startApp([platform()]);
    expect(screen.queryByTestId('unreadable-profiles')).toBeNull();
  });
});

it('says "Ein Plattform-Eintrag" for one unreadable entry', async () => {
  await startApp(
    [platform()],
    appInfo({ unreadableProfiles: { code: 'PROFILES_UNREADABLE', count: 1, file: '/x/config.json' } }),
  );
  expect((await screen.findByTestId('unreadable-profiles')).textContent).toContain(
    'Ein Plattform-Eintrag in /x/config.json',
  );
});
