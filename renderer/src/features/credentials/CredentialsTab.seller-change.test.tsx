// @vitest-environment jsdom
// ZUGANGSDATEN when Amazon returned another seller (keep or switch) and when the seller is connected to
// another platform too.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { platform } from '../../test/fake-api';
import { resetStores } from '../../test/render';
import { renderCredentialsTab } from '../../test/screens';
import type { AuthState } from '../../../../shared/platform';

afterEach(cleanup);
beforeEach(resetStores);

/** ZUGANGSDATEN of a platform in this state. */
const setup = (auth: AuthState) => renderCredentialsTab(platform({ auth }));

describe('seller change and the same seller elsewhere', () => {
  const changed: AuthState = {
    status: 'seller_changed',
    authorizationId: 'a9',
    at: '2026-03-01T12:00:00.000Z',
    previous: {
      sellingPartnerId: 'A2EUMUSTER7H1K',
      storeName: 'Muster Handel GmbH',
      authorizedAt: '2026-01-02T10:00:00.000Z',
    },
    next: { sellingPartnerId: 'A1EUBEISPIEL4Q', storeName: 'Beispiel Elektronik' },
  };

  it('asks, naming both sellers by store and Händler-ID; the previous connection stays valid meanwhile', async () => {
    const { api } = setup(changed);
    expect(screen.getByTestId('auth-status').textContent).toBe('Rückfrage: anderes Verkäuferkonto');
    const prompt = screen.getByRole('alertdialog', { name: 'Anderes Verkäuferkonto' });
    expect(prompt.textContent).toContain('Bisher verbunden: Muster Handel GmbH (Händler-ID A2EUMUSTER7H1K)');
    expect(prompt.textContent).toContain('Neu angemeldet: Beispiel Elektronik (Händler-ID A1EUBEISPIEL4Q)');
    expect(screen.getByText(/bleibt die bisherige Verbindung gültig/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'AKTUALISIEREN' })).toBeNull();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Bisheriges Konto behalten' }));
    expect(api.resolveSellerChange).toHaveBeenCalledWith({ id: 'p1', decision: 'keep' });
    await user.click(screen.getByRole('button', { name: 'Zum neuen Konto wechseln' }));
    expect(api.resolveSellerChange).toHaveBeenCalledWith({ id: 'p1', decision: 'switch' });
  });

  it('warns when the same seller is connected to another platform, naming it', () => {
    const auth: AuthState = {
      status: 'authenticated',
      sellingPartnerId: 'A2EUMUSTER7H1K',
      authorizedAt: '2026-01-02T10:00:00.000Z',
    };
    const mine = platform({ auth });
    const twin = platform({ id: 'p2', name: 'Amazon Zweitprofil', auth });
    const other = platform({ id: 'p3', name: 'Amazon Anderes', auth: { ...auth, sellingPartnerId: 'A1OTHER' } });
    renderCredentialsTab(mine, { others: [twin, other] });
    const warning = screen.getByTestId('auth-line-twin');
    expect(warning.textContent).toContain('auch mit der Plattform „Amazon Zweitprofil“ verbunden');
    expect(warning.textContent).not.toContain('Amazon Anderes');
  });

  it('a name clash in the cloud offers to change the Bezeichnung with the suggestion', async () => {
    const { api } = setup({ status: 'not_authenticated' });
    api.signIn.mockResolvedValueOnce({
      ok: false,
      error: {
        code: 'PLATFORM_NAME_TAKEN',
        params: { name: 'Amazon 123456', scope: 'cloud', suggestion: 'Amazon 123456 (2)' },
      },
    } as never);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'ANMELDEN' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'Die Bezeichnung „Amazon 123456“ wird in Ihrem Cloud-Konto bereits verwendet (z. B. an einem anderen Arbeitsplatz). Bitte wählen Sie eine andere, z. B. „Amazon 123456 (2)“.',
    );
    await user.click(screen.getByRole('button', { name: 'Bezeichnung ändern' }));
    const { useUi } = await import('../../store/ui');
    expect(useUi.getState().nameEdit).toMatchObject({ id: 'p1', suggestion: 'Amazon 123456 (2)' });
  });

  it('after ANMELDEN focus lands on the status; the steps box folds away once connected', async () => {
    setup({ status: 'not_authenticated' });
    expect((screen.getByText('So funktioniert die Anmeldung').closest('details') as HTMLDetailsElement).open).toBe(
      true,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'ANMELDEN' }));
    expect(document.activeElement).toBe(screen.getByTestId('auth-status'));
    cleanup();
    setup({ status: 'authenticated', sellingPartnerId: 'A', authorizedAt: '2026-01-02T10:00:00.000Z' });
    expect((screen.getByText('So funktioniert die Anmeldung').closest('details') as HTMLDetailsElement).open).toBe(
      false,
    );
  });
});
