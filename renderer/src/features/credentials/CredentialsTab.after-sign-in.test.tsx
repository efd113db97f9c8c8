// @vitest-environment jsdom
// Issue 24: after a sign-in ends the focus is on the status, not on <body>; AKTUALISIEREN says which
// account Seller Central signs in with and how to switch.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import { usePlatforms } from '../../store/platforms';
import { platform, waitingAuth } from '../../test/fake-api';
import { resetStores } from '../../test/render';
import { renderCredentialsTab } from '../../test/screens';
import type { AuthState } from '../../../../shared/platform';

afterEach(cleanup);
beforeEach(resetStores);

const setup = (auth: AuthState, lng: 'de' | 'en' = 'de') => renderCredentialsTab(platform({ auth }), { lng });

const authenticated: AuthState = {
  status: 'authenticated',
  sellingPartnerId: 'A2SELLER',
  authorizedAt: '2026-01-02T10:00:00.000Z',
};

describe('after a sign-in', () => {
  it('the focus goes from the vanished Abbrechen to the status', () => {
    setup(waitingAuth());
    screen.getByRole('button', { name: 'Anmeldung abbrechen' }).focus();
    act(() => usePlatforms.setState({ platforms: [platform({ auth: authenticated })] }));
    expect(screen.queryByRole('button', { name: 'Anmeldung abbrechen' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('auth-status'));
  });

  it('a focus the merchant put elsewhere stays there', () => {
    setup(waitingAuth());
    const elsewhere = document.createElement('button');
    document.body.append(elsewhere);
    elsewhere.focus();
    act(() => usePlatforms.setState({ platforms: [platform({ auth: authenticated })] }));
    expect(document.activeElement).toBe(elsewhere);
    elsewhere.remove();
  });
});

describe('AKTUALISIEREN', () => {
  it('says that Seller Central uses the account signed in in the browser and how to switch, in German and English', () => {
    setup(authenticated);
    const hint = screen.getByTestId('refresh-hint');
    expect(hint.textContent).toBe(
      'AKTUALISIEREN öffnet Seller Central mit dem Konto, das in Ihrem Browser bereits angemeldet ist. Für ein anderes Verkäuferkonto wählen Sie dort „Konto wechseln“ (oder „Abmelden“) und melden sich mit dem anderen Konto an.',
    );
    expect(screen.getByRole('button', { name: 'AKTUALISIEREN' }).getAttribute('aria-describedby')).toBe('refresh-hint');
    cleanup();
    setup(authenticated, 'en');
    expect(screen.getByTestId('refresh-hint').textContent).toMatch(
      /^REFRESH opens Seller Central with the account already signed in in your browser\. .*“Switch accounts”/,
    );
  });

  it('is not shown before the first sign-in', () => {
    setup({ status: 'not_authenticated' });
    expect(screen.queryByTestId('refresh-hint')).toBeNull();
  });
});
