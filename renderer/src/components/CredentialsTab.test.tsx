// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CredentialsTab } from './CredentialsTab';
import { usePlatforms } from '../store/platforms';
import { setApi } from '../api';
import { fakeApi, platform } from '../test/fake-api';
import { resetStores, wrap } from '../test/render';
import type { AuthState, Platform } from '../../../shared/platform';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});
beforeEach(resetStores);

function Harness() {
  const p = usePlatforms((s) => s.platforms[0]);
  return p ? <CredentialsTab platform={p} sandbox={false} /> : null;
}

function setup(auth: AuthState, over: Partial<Platform> = {}) {
  const p = platform({ auth, ...over });
  const fake = fakeApi([p]);
  setApi(fake.api);
  usePlatforms.setState({ platforms: [p], loaded: true });
  wrap(<Harness />);
  return fake;
}

const status = () => screen.getByTestId('auth-status').textContent;
const waiting = (over: Partial<Extract<AuthState, { status: 'waiting' }>> = {}): AuthState => ({
  status: 'waiting',
  mode: 'login',
  authorizationId: 'a1',
  consentUrl: 'https://sellercentral-europe.amazon.com/apps/authorize/consent?application_id=x&state=s',
  expiresAt: new Date(Date.now() + 5 * 60_000).toISOString(),
  startedAt: new Date().toISOString(),
  browserOpened: true,
  ...over,
});

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
    const { api } = setup({ status: 'authenticated', sellingPartnerId: 'A2SELLER', authorizedAt: '2026-01-02T10:00:00.000Z', renewalDueAt: '2099-01-02T10:00:00.000Z' });
    expect(status()).toMatch(/^Authentifiziert seit 02\.01\.2026, \d\d:00 \(Händler-ID A2SELLER\)$/);
    expect(screen.getByText('Erneuerung fällig am 02.01.2099')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'ANMELDEN' })).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'AKTUALISIEREN' }));
    expect(api.signIn).toHaveBeenCalledWith({ id: 'p1', mode: 'refresh' });
    expect(screen.getByRole('button', { name: 'Einstellungen importieren' })).toBeTruthy();
  });

  it('warns when the renewal is due within 30 days and when a refresh brought another seller', () => {
    setup({ status: 'authenticated', sellingPartnerId: 'NEW1', previousSellingPartnerId: 'OLD1', authorizedAt: new Date().toISOString(), renewalDueAt: new Date(Date.now() + 10 * 86400_000).toISOString() });
    expect(screen.getByText(/bitte rechtzeitig AKTUALISIEREN/)).toBeTruthy();
    expect(screen.getByText(/anderes Verkäuferkonto zurückgegeben \(bisher OLD1, jetzt NEW1\)/)).toBeTruthy();
  });

  it('failed: the German message of the error code, never the raw detail', () => {
    setup({ status: 'failed', at: new Date().toISOString(), error: { code: 'SPAPI_WRONG_REGION', detail: 'HTTP 403 at x.ts:12', params: { region: 'EU', actualRegion: 'NA' } } });
    expect(status()).toBe(
      'Fehler: Das Amazon-Konto gehört zur Region Nordamerika (NA), gewählt ist Europa (EU). Wählen Sie unter Region ein Land der Region Nordamerika (NA) und melden Sie sich erneut an.',
    );
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
  });

  it('a failed refresh keeps the previous authentication, so AKTUALISIEREN stays', () => {
    setup({ status: 'failed', at: new Date().toISOString(), error: { code: 'LWA_INVALID_GRANT' }, previous: { sellingPartnerId: 'A2SELLER', authorizedAt: '2026-01-02T10:00:00.000Z' } });
    expect(status()).toContain('Fehler: Der einmalige Amazon-Code ist abgelaufen');
    expect(screen.getByText(/bisherige Anmeldung \(Händler-ID A2SELLER/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'AKTUALISIEREN' })).toBeTruthy();
  });
});

describe('while waiting', () => {
  it('counts down every second, locks the region and offers to cancel', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-01T12:00:00.000Z'), toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { api } = setup(waiting({ expiresAt: '2026-03-01T12:05:00.000Z' }));
    expect(status()).toBe('Anmeldung läuft …');
    expect(screen.getByTestId('auth-countdown').textContent).toBe('05:00');
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByTestId('auth-countdown').textContent).toBe('04:59');
    act(() => vi.advanceTimersByTime(64_000));
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
    expect(screen.getByRole('group', { name: 'Was zeigt Seller Central?' }).textContent).toContain('in dieser Region nicht registriert');
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
    setup(waiting({ browserOpened: false, mode: 'refresh', cloudUnreachableSince: new Date().toISOString(), previous: { sellingPartnerId: 'A2SELLER', authorizedAt: '2026-01-02T10:00:00.000Z' } }));
    expect(screen.getByText(/Der Browser konnte nicht geöffnet werden/)).toBeTruthy();
    expect(screen.getByText(/Cloud nicht erreichbar – es wird weiter versucht/)).toBeTruthy();
    expect(screen.getByText(/bleibt gültig, bis die neue abgeschlossen ist/)).toBeTruthy();
  });
});

describe('region', () => {
  it('saves a change and warns when an authenticated platform moves to another region', async () => {
    const { api } = setup({ status: 'authenticated', sellingPartnerId: 'A', authorizedAt: '2026-01-02T10:00:00.000Z' }, { cloudCountryCode: 'DE' });
    expect(screen.queryByText(/Region wurde geändert/)).toBeNull();
    await userEvent.setup().selectOptions(screen.getByLabelText('Region'), 'US');
    expect(api.updatePlatform).toHaveBeenCalledWith({ id: 'p1', patch: { countryCode: 'US' } });
    expect(await screen.findByText(/Region wurde geändert/)).toBeTruthy();
  });
});

describe('cloud credentials missing', () => {
  it('says so before ANMELDEN and opens the Cloud-Zugangsdaten dialog', async () => {
    setup({ status: 'not_authenticated' });
    act(() => usePlatforms.setState({ appInfo: { ...usePlatforms.getState().appInfo!, version: '0', host: 'browser', amazon: { kind: 'production' }, keychain: { available: true, plaintextFallback: false }, pendingCloudDeletions: 0, cloudConfigured: false } }));
    expect(screen.getByTestId('cloud-not-configured').textContent).toContain('fehlen die Cloud-Zugangsdaten');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Cloud-Zugangsdaten öffnen' }));
    const { useUi } = await import('../store/ui');
    expect(useUi.getState().modal).toEqual({ kind: 'cloudSettings' });
  });

  it('stays quiet when they are there', () => {
    setup({ status: 'not_authenticated' });
    act(() => usePlatforms.setState({ appInfo: { version: '0', host: 'browser', amazon: { kind: 'production' }, keychain: { available: true, plaintextFallback: false }, pendingCloudDeletions: 0, cloudConfigured: true } }));
    expect(screen.queryByTestId('cloud-not-configured')).toBeNull();
  });
});
