// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SandboxScenarioBanner } from './SandboxScenarioBanner';
import { usePlatforms } from '../../store/platforms';
import { setApi } from '../../api';
import { fakeApi, platform } from '../../test/fake-api';
import { resetStores, wrap } from '../../test/render';
import { renderCredentialsTab } from '../../test/screens';
import type { SandboxScenarioView } from '../../../../shared/ipc-contract';
import type { Platform } from '../../../../shared/platform';
import { ok } from '../../../../shared/result';

afterEach(cleanup);
beforeEach(resetStores);

const view = (over: Partial<SandboxScenarioView> = {}): SandboxScenarioView => ({
  available: [
    { id: 'consent_cancelled', description: 'Der Händler bricht ab.', area: 'seller-central' },
    { id: 'code_expired', description: 'Code abgelaufen.', area: 'lwa' },
  ],
  active: [],
  accounts: [
    { email: 'eu.haendler@example.com', label: 'EU-Händler', region: 'EU' },
    { email: 'na.seller@example.com', label: 'NA-Händler', region: 'NA' },
    { email: 'mitarbeiter@example.com', label: 'Weiterer Nutzer', region: 'EU', failure: 'not_primary' },
  ],
  ...over,
});

/** ZUGANGSDATEN in the sandbox, with the sandbox's scenarios as given. */
const onCredentials = (v: SandboxScenarioView, p: Platform = platform()) =>
  renderCredentialsTab(p, { sandbox: true, prepare: (api) => api.getSandboxScenarios.mockResolvedValue(ok(v)) });

function setup(v: SandboxScenarioView, p: Platform = platform()) {
  const fake = fakeApi([p]);
  fake.api.getSandboxScenarios.mockResolvedValue(ok(v));
  setApi(fake.api);
  usePlatforms.setState({ platforms: [p], loaded: true });
  return fake;
}

describe('Testfall für die nächste Anmeldung', () => {
  it('one pick arms a scenario; ANMELDEN is next and says what it triggers', async () => {
    const fake = onCredentials(view());
    const select = (await screen.findByLabelText('Testfall für die nächste Anmeldung')) as HTMLSelectElement;
    await waitFor(() => expect(select.disabled).toBe(false));
    // Only accounts that fail here: another region's seller and the secondary user, not the EU seller.
    const options = [...select.options].map((o) => o.value);
    expect(options).toEqual([
      '',
      'scenario:consent_cancelled',
      'scenario:code_expired',
      'account:na.seller@example.com',
      'account:mitarbeiter@example.com',
    ]);
    await userEvent.setup().selectOptions(select, 'scenario:code_expired');
    expect(fake.api.armSandboxScenario).toHaveBeenCalledWith({ id: 'p1', scenario: 'code_expired' });
    expect(screen.getByTestId('sandbox-armed').textContent).toBe(
      'Bei ANMELDEN wird ausgelöst: Code beim Eintausch abgelaufen (invalid_grant)',
    );
    expect(select.value).toBe('scenario:code_expired');
    expect(screen.getByRole('button', { name: 'ANMELDEN' })).toBeTruthy();
  });

  it('a failing account is armed by its e-mail; "kein Testfall" disarms', async () => {
    const fake = onCredentials(view(), platform({ sandboxArmed: { account: 'na.seller@example.com' } }));
    const select = (await screen.findByLabelText('Testfall für die nächste Anmeldung')) as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe('account:na.seller@example.com'));
    expect(screen.getByTestId('sandbox-armed').textContent).toContain('na.seller@example.com');
    await userEvent.setup().selectOptions(select, '');
    expect(fake.api.armSandboxScenario).toHaveBeenLastCalledWith({ id: 'p1' });
  });
});

describe('SandboxScenarioBanner', () => {
  it('shows while scenarios are active, with "alle zurücksetzen"', async () => {
    const fake = setup(
      view({ active: [{ id: 'consent_cancelled', account: 'eu.haendler@example.com', remaining: 1 }] }),
    );
    wrap(<SandboxScenarioBanner />);
    const banner = await screen.findByTestId('sandbox-scenario-banner');
    expect(banner.textContent).toContain(
      'Sandbox-Szenarien aktiv: Zustimmung abgebrochen / Browser geschlossen für eu.haendler@example.com (noch 1×)',
    );
    fake.api.getSandboxScenarios.mockResolvedValue(ok(view()));
    await userEvent.setup().click(screen.getByRole('button', { name: 'alle zurücksetzen' }));
    expect(fake.api.resetSandboxScenarios).toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByTestId('sandbox-scenario-banner')).toBeNull());
  });

  it('nothing active: no banner; a deliberate reset after a sign-in says the sign-in is void', async () => {
    setup(
      view({ resetAt: '2026-03-02T10:00:00.000Z' }),
      platform({ auth: { status: 'authenticated', sellingPartnerId: 'A2', authorizedAt: '2026-03-01T10:00:00.000Z' } }),
    );
    wrap(<SandboxScenarioBanner />);
    expect((await screen.findByTestId('sandbox-reset-notice')).textContent).toContain('zurückgesetzt');
    expect(screen.queryByTestId('sandbox-scenario-banner')).toBeNull();
  });
});
