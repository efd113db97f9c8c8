// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PlatformDetail } from './PlatformDetail';
import { usePlatforms } from '../../store/platforms';
import { setApi } from '../../api';
import { fakeApi, platform } from '../../test/fake-api';
import { resetStores, wrap } from '../../test/render';
import type { Platform } from '../../../../shared/platform';
import { err } from '../../../../shared/result';

afterEach(cleanup);
beforeEach(resetStores);

function Harness({ onBack = vi.fn() }: { onBack?: () => void }) {
  const p = usePlatforms((s) => s.platforms[0]);
  return p ? <PlatformDetail platform={p} sandbox={false} onBack={onBack} onDelete={vi.fn()} /> : null;
}

function setup(p: Platform) {
  const fake = fakeApi([p]);
  setApi(fake.api);
  usePlatforms.setState({ platforms: [p], loaded: true });
  return fake;
}

describe('PlatformDetail', () => {
  it('shows the name as the title and the ZUGANGSDATEN tab only while "Cloud verwenden" is ticked', async () => {
    const { api } = setup(platform({ useCloud: false }));
    wrap(<Harness />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('Amazon 123456');
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Allgemein']);
    await userEvent.setup().click(screen.getByLabelText('Cloud verwenden'));
    expect(api.updatePlatform).toHaveBeenCalledWith({ id: 'p1', patch: { useCloud: true } });
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Allgemein', 'ZUGANGSDATEN', 'Protokoll']);
  });

  it('moves between tabs with the arrow keys (role=tab/tabpanel)', async () => {
    setup(platform());
    wrap(<Harness />);
    const user = userEvent.setup();
    const general = screen.getByRole('tab', { name: 'Allgemein' });
    expect(document.activeElement).toBe(general);
    expect(screen.getByRole('tabpanel', { name: 'Allgemein' })).toBeTruthy();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'ZUGANGSDATEN' }));
    expect(screen.getByRole('tab', { name: 'ZUGANGSDATEN' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: 'ZUGANGSDATEN' })).toBeTruthy();
    expect(screen.getByLabelText('Region')).toBeTruthy();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Protokoll' }).getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Allgemein' }).getAttribute('aria-selected')).toBe('true');
  });

  it('saves Bezeichnung and Aktiv, and shows a refused name inline in German', async () => {
    const { api } = setup(platform());
    api.updatePlatform.mockResolvedValueOnce(
      err('PLATFORM_NAME_TAKEN', undefined, { name: 'Amazon 2', scope: 'cloud', suggestion: 'Amazon 2 (2)' }),
    );
    wrap(<Harness />);
    const user = userEvent.setup();
    const name = screen.getByLabelText('Bezeichnung');
    await user.clear(name);
    await user.type(name, 'Amazon 2{Enter}');
    expect(api.updatePlatform).toHaveBeenCalledWith({ id: 'p1', patch: { name: 'Amazon 2' } });
    expect((await screen.findByRole('alert')).textContent).toContain(
      '„Amazon 2“ wird in Ihrem Cloud-Konto bereits verwendet',
    );
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(name);
    await user.click(screen.getByRole('button', { name: '„Amazon 2 (2)“ übernehmen' }));
    expect(api.updatePlatform).toHaveBeenLastCalledWith({ id: 'p1', patch: { name: 'Amazon 2 (2)' } });
    await user.click(screen.getByLabelText('Aktiv'));
    expect(api.updatePlatform).toHaveBeenLastCalledWith({ id: 'p1', patch: { active: false } });
  });

  it('asks for a name before saving an empty one', async () => {
    const { api } = setup(platform());
    wrap(<Harness />);
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('Bezeichnung'));
    await user.keyboard('{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('Bitte geben Sie eine Bezeichnung ein.');
    expect(api.updatePlatform).not.toHaveBeenCalled();
  });

  it('asks before unticking "Cloud verwenden" on a connected platform and says what happens', async () => {
    const { api } = setup(
      platform({
        auth: {
          status: 'authenticated',
          sellingPartnerId: 'A2SELLER',
          storeName: 'Muster Handel GmbH',
          authorizedAt: '2026-01-02T10:00:00.000Z',
        },
      }),
    );
    wrap(<Harness />);
    const user = userEvent.setup();
    await user.click(screen.getByLabelText('Cloud verwenden'));
    const dialog = screen.getByRole('dialog', { name: '„Cloud verwenden“ abschalten?' });
    expect(dialog.textContent).toContain('Muster Handel GmbH (Händler-ID A2SELLER)');
    expect(dialog.textContent).toContain('Die Verbindung in Ihrem Cloud-Konto bleibt bestehen');
    expect(api.updatePlatform).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Abbrechen' }));
    expect((screen.getByLabelText('Cloud verwenden') as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByLabelText('Cloud verwenden'));
    await user.click(screen.getByRole('button', { name: 'Abschalten' }));
    expect(api.updatePlatform).toHaveBeenCalledWith({ id: 'p1', patch: { useCloud: false } });
  });

  it('a running sign-in is cancelled first when "Cloud verwenden" is unticked', async () => {
    const waiting = {
      status: 'waiting' as const,
      origin: 'desktop' as const,
      mode: 'login' as const,
      authorizationId: 'a1',
      consentUrl: 'https://sellercentral-europe.amazon.com/x',
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
      startedAt: new Date().toISOString(),
      browserOpened: true,
    };
    const { api } = setup(platform({ auth: waiting }));
    wrap(<Harness />);
    const user = userEvent.setup();
    await user.click(screen.getByLabelText('Cloud verwenden'));
    expect(screen.getByRole('dialog').textContent).toContain('Sie wird abgebrochen');
    await user.click(screen.getByRole('button', { name: 'Abschalten' }));
    expect(api.cancelSignIn).toHaveBeenCalledWith({ id: 'p1' });
    expect(api.updatePlatform).toHaveBeenCalledWith({ id: 'p1', patch: { useCloud: false } });
  });

  it('unticking "Cloud verwenden" without a connection asks nothing', async () => {
    const { api } = setup(platform());
    wrap(<Harness />);
    await userEvent.setup().click(screen.getByLabelText('Cloud verwenden'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.updatePlatform).toHaveBeenCalledWith({ id: 'p1', patch: { useCloud: false } });
  });

  it('goes back to the list with the button and with Escape', async () => {
    setup(platform());
    const onBack = vi.fn();
    wrap(<Harness onBack={onBack} />);
    const user = userEvent.setup();
    await user.keyboard('{Escape}');
    expect(onBack).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Zurück zur Liste' }));
    await waitFor(() => expect(onBack).toHaveBeenCalledTimes(2));
  });

  it('lists every country grouped by region, in English too', () => {
    setup(platform());
    wrap(<Harness />, 'en');
    screen.getByRole('tab', { name: 'CREDENTIALS' }).click();
    return waitFor(() => {
      const select = screen.getByLabelText('Region') as HTMLSelectElement;
      expect([...select.querySelectorAll('optgroup')].map((g) => g.label)).toEqual([
        'North America (NA)',
        'Europe (EU)',
        'Far East (FE)',
      ]);
      expect(select.options).toHaveLength(23);
      expect(select.selectedOptions[0]!.textContent).toBe('DE – Germany');
    });
  });
});
