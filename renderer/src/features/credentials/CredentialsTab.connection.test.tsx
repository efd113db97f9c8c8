// @vitest-environment jsdom
// Issue 24, items 8 and 9 on ZUGANGSDATEN: the pre-flight checklist next to ANMELDEN, Verbindung trennen
// with its confirm dialog and the pointer to Seller Central "Apps verwalten", the automatic import's
// state, an inactive platform, and the pairing-code box only after a sign-in was started.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { platform } from '../../test/fake-api';
import { resetStores } from '../../test/render';
import { renderCredentialsTab } from '../../test/screens';
import type { AuthState, Platform } from '../../../../shared/platform';

afterEach(cleanup);
beforeEach(resetStores);

const setup = (auth: AuthState, over: Partial<Platform> = {}) => renderCredentialsTab(platform({ auth, ...over }));

const authenticated: AuthState = {
  status: 'authenticated',
  sellingPartnerId: 'A2EUMUSTER7H1K',
  authorizedAt: '2026-03-01T10:00:00.000Z',
};

describe('pre-flight checklist', () => {
  it('folded next to ANMELDEN: one line naming the three checks, the details on opening', async () => {
    setup({ status: 'not_authenticated' }, { countryCode: 'US' });
    const list = screen.getByTestId('preflight');
    expect(list.tagName).toBe('DETAILS');
    expect(list.hasAttribute('open')).toBe(false);
    const summary = within(list).getByText(/^Vor ANMELDEN prüfen:/);
    expect(summary.textContent).toBe(
      'Vor ANMELDEN prüfen: primärer Benutzer, Verkaufstarif „Professionell“, Region Nordamerika (NA)',
    );
    await userEvent.setup().click(summary);
    expect(list.hasAttribute('open')).toBe(true);
    expect(list.textContent).toContain('„Autorisierte Partner verwalten“');
    expect(list.textContent).toContain('Verkaufstarif „Einzelanbieter“');
  });

  it('not shown once connected or while a sign-in runs', () => {
    setup(authenticated, { cloudPlatformId: 'plt_1' });
    expect(screen.queryByTestId('preflight')).toBeNull();
  });
});

describe('Verbindung trennen', () => {
  it('asks first, naming what happens and where Amazon’s side is revoked; then Nicht authentifiziert', async () => {
    const { api } = setup(authenticated, { cloudPlatformId: 'plt_1' });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Verbindung trennen' }));
    const dialog = screen.getByRole('dialog', { name: 'Verbindung trennen?' });
    expect(dialog.textContent).toContain('Die Plattform selbst bleibt');
    expect(dialog.textContent).toContain('„Apps verwalten“');
    // Abbrechen has the focus: Enter does not disconnect by accident.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Abbrechen' }));
    await user.click(within(dialog).getByRole('button', { name: 'Seller Central „Apps verwalten“ öffnen' }));
    expect(api.openManageYourApps).toHaveBeenCalledWith({ id: 'p1' });
    expect(api.disconnectPlatform).not.toHaveBeenCalled();

    await user.click(within(dialog).getByRole('button', { name: 'Verbindung trennen' }));
    expect(api.disconnectPlatform).toHaveBeenCalledWith({ id: 'p1' });
    expect(await screen.findByTestId('disconnected')).toBeTruthy();
    expect(screen.getByTestId('auth-status').textContent).toBe('Nicht authentifiziert');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('Abbrechen changes nothing; no button without a connection', async () => {
    const { api } = setup(authenticated, { cloudPlatformId: 'plt_1' });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Verbindung trennen' }));
    await user.click(screen.getByRole('button', { name: 'Abbrechen' }));
    expect(api.disconnectPlatform).not.toHaveBeenCalled();
    cleanup();
    setup({ status: 'not_authenticated' });
    expect(screen.queryByRole('button', { name: 'Verbindung trennen' })).toBeNull();
  });
});

describe('automatic import', () => {
  it('while running: says so and the manual button waits', () => {
    setup(authenticated, {
      cloudPlatformId: 'plt_1',
      autoImport: { status: 'running', since: '2026-03-01T10:00:01.000Z' },
    });
    expect(screen.getByTestId('auto-import').textContent).toContain('automatisch importiert');
    expect((screen.getByRole('button', { name: 'Einstellungen importieren' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('failed: the sign-in stays, the import’s error with its next step, and the manual button', () => {
    setup(authenticated, {
      cloudPlatformId: 'plt_1',
      autoImport: { status: 'failed', at: '2026-03-01T10:00:02.000Z', error: { code: 'SPAPI_SERVER_ERROR' } },
    });
    expect(screen.getByTestId('auth-status').textContent).toMatch(/^Authentifiziert seit/);
    const box = screen.getByTestId('auto-import');
    expect(box.textContent).toContain('die Anmeldung bleibt gültig');
    expect(within(box).getByRole('alert').textContent).toMatch(/Amazon/);
    expect((screen.getByRole('button', { name: 'Einstellungen importieren' }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });
});

describe('Aktiv off', () => {
  it('ANMELDEN is disabled with the reason; no checklist', () => {
    setup({ status: 'not_authenticated' }, { active: false });
    expect((screen.getByRole('button', { name: 'ANMELDEN' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('inactive-note').textContent).toContain('nicht aktiv');
    expect(screen.queryByTestId('preflight')).toBeNull();
  });
});

describe('pairing code', () => {
  it('not shown before any sign-in was started; shown once the platform is registered', () => {
    setup({ status: 'not_authenticated' });
    expect(screen.queryByTestId('pairing-code')).toBeNull();
    cleanup();
    setup({ status: 'cancelled', at: '2026-03-01T10:00:00.000Z' });
    expect(screen.getByTestId('pairing-code')).toBeTruthy();
  });
});
