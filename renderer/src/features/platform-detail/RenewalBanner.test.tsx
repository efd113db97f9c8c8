// @vitest-environment jsdom
// The yearly renewal warning with an injected clock: nothing from 31 days before the date, from 30 days
// the list's status column and a banner on the detail with AKTUALISIEREN and "In Seller Central
// erneuern", overdue after the date.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PlatformDetail } from './PlatformDetail';
import { PlatformList } from '../platform-list/PlatformList';
import { usePlatforms } from '../../store/platforms';
import { setApi } from '../../api';
import { clock } from '../../hooks/useNow';
import { fakeApi, platform } from '../../test/fake-api';
import { resetStores, wrap } from '../../test/render';
import type { Platform } from '../../../../shared/platform';

const DUE = '2027-03-01T10:00:00.000Z';
const DAY = 24 * 3600 * 1000;
const authenticated = platform({
  auth: {
    status: 'authenticated',
    sellingPartnerId: 'A2EUMUSTER7H1K',
    authorizedAt: '2026-03-01T10:00:00.000Z',
    renewalDueAt: DUE,
  },
});

afterEach(() => {
  cleanup();
  clock.now = () => Date.now();
});
beforeEach(resetStores);

function show(p: Platform, at: number) {
  clock.now = () => at;
  const fake = fakeApi([p]);
  setApi(fake.api);
  usePlatforms.setState({ platforms: [p], loaded: true });
  wrap(
    <>
      <PlatformList
        platforms={[p]}
        selectedId={null}
        onSelect={vi.fn()}
        onOpen={vi.fn()}
        onDelete={vi.fn()}
        onNew={vi.fn()}
      />
      <PlatformDetail platform={p} sandbox={false} onBack={vi.fn()} onDelete={vi.fn()} />
    </>,
  );
  return fake;
}

const statusCell = () =>
  screen.getByRole('row', { name: /Amazon 123456/ }).querySelector<HTMLElement>('td[data-status]')!;

describe('renewal warning', () => {
  it('says nothing 31 days before the renewal date', () => {
    show(authenticated, Date.parse(DUE) - 31 * DAY);
    expect(statusCell().textContent).toBe('Authentifiziert');
    expect(screen.queryByTestId('renewal-banner')).toBeNull();
  });

  it('from 30 days before: the list names the date, the banner offers both ways to renew', async () => {
    const { api } = show(authenticated, Date.parse(DUE) - 30 * DAY + 60_000);
    expect(statusCell().textContent).toBe('Authentifiziert – Erneuerung bis 01.03.2027');
    expect(statusCell().dataset.renewal).toBe('soon');
    const banner = screen.getByTestId('renewal-banner');
    expect(banner.textContent).toContain('bis 01.03.2027 erneuert werden (noch 29 Tage)');
    expect(banner.textContent).toContain('„Apps verwalten“');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'In Seller Central erneuern' }));
    expect(api.openManageYourApps).toHaveBeenCalledWith({ id: 'p1' });
    await user.click(screen.getByRole('button', { name: 'AKTUALISIEREN' }));
    expect(api.signIn).toHaveBeenCalledWith({ id: 'p1', mode: 'refresh' });
  });

  it('after the date: overdue in the list and the banner', () => {
    show(authenticated, Date.parse(DUE) + DAY);
    expect(statusCell().textContent).toBe('Erneuerung überfällig (seit 01.03.2027)');
    expect(screen.getByTestId('renewal-banner').dataset.renewal).toBe('overdue');
  });
});
