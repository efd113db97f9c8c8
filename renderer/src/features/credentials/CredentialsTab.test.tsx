// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { usePlatforms } from '../../store/platforms';
import { amazonWaitingAuth, appInfo, platform, waitingAuth } from '../../test/fake-api';
import { resetStores } from '../../test/render';
import { renderCredentialsTab } from '../../test/screens';
import type { AuthState, Platform } from '../../../../shared/platform';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  // "selects the link when the clipboard refuses" makes writeText reject; a later test copies.
  vi.restoreAllMocks();
});
beforeEach(resetStores);

const setup = (auth: AuthState, over: Partial<Platform> = {}) => renderCredentialsTab(platform({ auth, ...over }));

const status = () => screen.getByTestId('auth-status').textContent;
const waiting = waitingAuth;

describe('Status der Anmeldung', () => {
  it('not authenticated: ANMELDEN starts a login', async () => {
    const { api } = setup({ status: 'not_authenticated' });
    expect(status()).toBe('Nicht authentifiziert');
    expect(screen.queryByRole('button', { name: 'AKTUALISIEREN' })).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'ANMELDEN' }));
    expect(api.signIn).toHaveBeenCalledWith({ id: 'p1', mode: 'login' });
    expect(screen.getByText(/Seite mit JSON-Text/)).toBeTruthy();
    expect(screen.getByText(/Einmalcode \(Zwei-Schritt-Verifizierung\)/)).toBeTruthy();
  });

  it('authenticated: date, seller id, renewal date; AKTUALISIEREN refreshes', async () => {
    const { api } = setup({
      status: 'authenticated',
      sellingPartnerId: 'A2SELLER',
      authorizedAt: '2026-01-02T10:00:00.000Z',
      renewalDueAt: '2099-01-02T10:00:00.000Z',
    });
    expect(status()).toMatch(/^Authentifiziert seit 02\.01\.2026, \d\d:00 \(Händler-ID A2SELLER\)$/);
    expect(screen.getByText('Erneuerung fällig am 02.01.2099')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'ANMELDEN' })).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'AKTUALISIEREN' }));
    expect(api.signIn).toHaveBeenCalledWith({ id: 'p1', mode: 'refresh' });
    expect(screen.getByRole('button', { name: 'Einstellungen importieren' })).toBeTruthy();
  });

  it('warns when the renewal is due within 30 days; after a switch asks for a new import', () => {
    setup({
      status: 'authenticated',
      sellingPartnerId: 'NEW1',
      previousSellingPartnerId: 'OLD1',
      authorizedAt: new Date().toISOString(),
      renewalDueAt: new Date(Date.now() + 10 * 86400_000).toISOString(),
    });
    expect(screen.getByText(/bitte rechtzeitig AKTUALISIEREN/)).toBeTruthy();
    expect(
      screen.getByText(/Gewechselt vom Verkäuferkonto OLD1\. Bitte importieren Sie die Einstellungen/),
    ).toBeTruthy();
  });

  it('names the store next to the Händler-ID', () => {
    setup({
      status: 'authenticated',
      sellingPartnerId: 'A2SELLER',
      storeName: 'Muster Handel GmbH',
      authorizedAt: '2026-01-02T10:00:00.000Z',
    });
    expect(status()).toMatch(
      /^Authentifiziert seit 02\.01\.2026, \d\d:00 – Muster Handel GmbH \(Händler-ID A2SELLER\)$/,
    );
    expect(screen.getByText(/DE steht für das ganze Verkäuferkonto der Region Europa \(EU\)/)).toBeTruthy();
  });

  it('failed: the German message of the error code, never the raw detail', () => {
    setup({
      status: 'failed',
      at: new Date().toISOString(),
      error: {
        code: 'SPAPI_WRONG_REGION',
        detail: 'HTTP 403 at x.ts:12',
        params: { region: 'EU', actualRegion: 'NA' },
      },
    });
    expect(status()).toBe('Fehler');
    expect(screen.getByTestId('auth-line-why').textContent).toBe(
      'Das Amazon-Konto gehört zur Region Nordamerika (NA), gewählt ist Europa (EU). Wählen Sie unter Region ein Land der Region Nordamerika (NA) und melden Sie sich erneut an.',
    );
    expect(screen.getByTestId('auth-line-why').className).toBe('error-text');
    expect(document.body.textContent).not.toContain('x.ts');
    expect(screen.getByRole('button', { name: 'ANMELDEN' })).toBeTruthy();
  });

  it('expired: Zeitüberschreitung with the next step; cancelled: Abgebrochen', () => {
    setup({ status: 'expired', at: new Date().toISOString(), error: { code: 'AUTH_TIMEOUT' } });
    expect(status()).toBe('Zeitüberschreitung');
    expect(screen.getByText(/Zeigte Seller Central einen Fehler\? Wählen Sie ihn unten aus/)).toBeTruthy();
    // The timeout text is the same list as while waiting, already open.
    expect(screen.getByRole('group', { name: 'Was zeigt Seller Central?' })).toBeTruthy();
    cleanup();
    setup({ status: 'cancelled', at: new Date().toISOString() });
    expect(status()).toBe('Abgebrochen');
    // The user's own cancel is not an error: not red.
    expect(screen.getByTestId('auth-line-why').textContent).toContain('Sie haben die Anmeldung abgebrochen');
    expect(screen.getByTestId('auth-line-why').className).toBe('hint');
  });

  it('a failed refresh keeps the previous authentication, so AKTUALISIEREN stays', () => {
    setup({
      status: 'failed',
      at: new Date().toISOString(),
      error: { code: 'LWA_INVALID_GRANT' },
      previous: { sellingPartnerId: 'A2SELLER', authorizedAt: '2026-01-02T10:00:00.000Z' },
    });
    expect(status()).toBe('Fehler');
    expect(screen.getByTestId('auth-line-why').textContent).toContain(
      'Amazon hat den einmaligen Code nicht angenommen, als die Cloud ihn eingetauscht hat',
    );
    expect(screen.getByText(/bisherige Anmeldung \(Händler-ID A2SELLER/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'AKTUALISIEREN' })).toBeTruthy();
  });
});

describe('while waiting', () => {
  it("counts down from the cloud's expiresAt, whatever sign-in window the cloud chose", () => {
    vi.useFakeTimers({ now: new Date('2026-03-01T12:00:00.000Z'), toFake: ['setInterval', 'clearInterval', 'Date'] });
    setup(waiting({ expiresAt: '2026-03-01T12:30:00.000Z' }));
    expect(screen.getByTestId('auth-countdown').textContent).toBe('30:00');
    act(() => {
      vi.advanceTimersByTime(29 * 60_000 + 59_000);
    });
    expect(screen.getByTestId('auth-countdown').textContent).toBe('00:01');
    vi.useRealTimers();
  });

  it('counts down every second, locks the region and offers to cancel', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-01T12:00:00.000Z'), toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { api } = setup(waiting({ expiresAt: '2026-03-01T12:05:00.000Z' }));
    expect(status()).toBe('Anmeldung läuft …');
    expect(screen.getByTestId('auth-countdown').textContent).toBe('05:00');
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(screen.getByTestId('auth-countdown').textContent).toBe('04:59');
    act(() => {
      vi.advanceTimersByTime(64_000);
    });
    expect(screen.getByTestId('auth-countdown').textContent).toBe('03:55');
    expect((screen.getByLabelText('Region') as HTMLSelectElement).disabled).toBe(true);
    vi.useRealTimers();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Anmeldung abbrechen' }));
    expect(api.cancelSignIn).toHaveBeenCalledWith({ id: 'p1' });
  });

  it('shows the consent link read-only: Link kopieren and Im Browser öffnen', async () => {
    const { api } = setup(waiting());
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    const link = screen.getByLabelText('Anmeldelink') as HTMLInputElement;
    expect(link.readOnly).toBe(true);
    expect(link.value).toContain('sellercentral-europe.amazon.com');
    await user.click(screen.getByRole('button', { name: 'Link kopieren' }));
    expect(writeText).toHaveBeenCalledWith(link.value);
    expect(await screen.findByText('Link kopiert.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Im Browser öffnen' }));
    expect(api.reopenConsent).toHaveBeenCalledWith({ id: 'p1' });
  });

  it('while waiting, "Seller Central zeigt einen Fehler?" opens the list of what Amazon shows (nothing reaches the cloud then)', async () => {
    setup(waiting());
    expect(screen.queryByRole('group', { name: 'Was zeigt Seller Central?' })).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Seller Central zeigt einen Fehler?' }));
    expect(screen.getByRole('group', { name: 'Was zeigt Seller Central?' }).textContent).toContain(
      'in dieser Region nicht registriert',
    );
  });

  it('selects the link when the clipboard refuses', async () => {
    setup(waiting());
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    await user.click(screen.getByRole('button', { name: 'Link kopieren' }));
    expect(await screen.findByText(/der Link ist markiert/)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Anmeldelink'));
  });

  it('stresses the link when no browser opened, the cloud outage and the refresh that keeps the old sign-in', () => {
    setup(
      waiting({
        browserOpened: false,
        mode: 'refresh',
        cloudUnreachableSince: new Date().toISOString(),
        previous: { sellingPartnerId: 'A2SELLER', authorizedAt: '2026-01-02T10:00:00.000Z' },
      }),
    );
    expect(screen.getByText(/Der Browser konnte nicht geöffnet werden/)).toBeTruthy();
    expect(screen.getByText(/Cloud nicht erreichbar – es wird weiter versucht/)).toBeTruthy();
    expect(screen.getByText(/bleibt gültig, bis die neue abgeschlossen ist/)).toBeTruthy();
  });
});

describe('region', () => {
  it('asks before an authenticated platform moves to another region; within the region it just saves', async () => {
    const { api } = setup(
      { status: 'authenticated', sellingPartnerId: 'A', authorizedAt: '2026-01-02T10:00:00.000Z' },
      { cloudCountryCode: 'DE' },
    );
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Region'), 'FR');
    expect(api.updatePlatform).toHaveBeenCalledWith({ id: 'p1', patch: { countryCode: 'FR' } });
    api.updatePlatform.mockClear();
    await user.selectOptions(screen.getByLabelText('Region'), 'US');
    expect(api.updatePlatform).not.toHaveBeenCalled();
    const ask = screen.getByRole('dialog', { name: 'Region wechseln?' });
    expect(ask.textContent).toContain('Händler-ID A');
    await user.click(screen.getByRole('button', { name: 'Region behalten' }));
    expect(api.updatePlatform).not.toHaveBeenCalled();
    await user.selectOptions(screen.getByLabelText('Region'), 'US');
    await user.click(screen.getByRole('button', { name: 'Region wechseln' }));
    expect(api.updatePlatform).toHaveBeenCalledWith({
      id: 'p1',
      patch: { countryCode: 'US', confirmRegionChange: true },
    });
  });
});

describe('cloud credentials missing', () => {
  it('says so before ANMELDEN and opens the Cloud-Zugangsdaten dialog', async () => {
    setup({ status: 'not_authenticated' });
    act(() => usePlatforms.setState({ appInfo: appInfo({ cloudConfigured: false }) }));
    expect(screen.getByTestId('cloud-not-configured').textContent).toContain('fehlen die Cloud-Zugangsdaten');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Cloud-Zugangsdaten öffnen' }));
    const { useUi } = await import('../../store/ui');
    expect(useUi.getState().modal).toEqual({ kind: 'cloudSettings' });
  });

  it('stays quiet when they are there', () => {
    setup({ status: 'not_authenticated' });
    act(() => usePlatforms.setState({ appInfo: appInfo({ cloudConfigured: true }) }));
    expect(screen.queryByTestId('cloud-not-configured')).toBeNull();
  });
});

describe('sign-in started on Amazon', () => {
  it('shows the pairing code the core asks the cloud for, with its expiry', async () => {
    const { api } = setup({
      status: 'authenticated',
      sellingPartnerId: 'A2EUMUSTER7H1K',
      authorizedAt: '2026-03-01T10:00:00.000Z',
    });
    expect(screen.queryByText('K7QM-4TZP')).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Kopplungscode anzeigen' }));
    expect(api.getPairingCode).toHaveBeenCalledWith({ id: 'p1' });
    expect(await screen.findByText('K7QM-4TZP')).toBeTruthy();
    expect(screen.getByTestId('pairing-code').textContent).toMatch(/gültig bis \d{1,2}:\d{2}(:\d{2})? Uhr, nur einmal/);
    expect(screen.getByRole('button', { name: 'Neuen Code anzeigen' })).toBeTruthy();
  });

  it('says where the code could not be had, in German with a next step', async () => {
    // Registered in the cloud (a sign-in was started once), not signed in.
    const { api } = setup({ status: 'not_authenticated' }, { cloudPlatformId: 'plt_1' });
    api.getPairingCode.mockResolvedValueOnce({
      ok: false,
      error: { code: 'CLOUD_UNREACHABLE', params: { url: 'https://cloud.example' } },
    } as never);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Kopplungscode anzeigen' }));
    expect((await screen.findByRole('alert')).textContent).toBeTruthy();
  });

  it('while a sign-in started in Seller Central runs: a note instead of the link, and Abbrechen', () => {
    setup(amazonWaitingAuth());
    expect(screen.getByTestId('started-on-amazon').textContent).toContain('Seller Central');
    expect(screen.queryByLabelText('Anmeldelink')).toBeNull();
    expect(screen.queryByTestId('pairing-code')).toBeNull();
    expect(screen.getByRole('button', { name: 'Anmeldung abbrechen' })).toBeTruthy();
  });
});
