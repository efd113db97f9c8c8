// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CloudSettingsDialog } from './CloudSettingsDialog';
import { setApi } from '../../api';
import { fakeApi } from '../../test/fake-api';
import { resetStores, wrap } from '../../test/render';
import { err, ok } from '../../../../shared/result';
import type { CloudOnlyPlatform } from '../../../../shared/ipc-contract';

afterEach(cleanup);
beforeEach(resetStores);

const only = (over: Partial<CloudOnlyPlatform> = {}): CloudOnlyPlatform => ({
  id: 'c1',
  name: 'Amazon Filiale',
  countryCode: 'FR',
  region: 'EU',
  status: 'authenticated',
  createdAt: '2026-01-01T00:00:00.000Z',
  sellingPartnerId: 'A2EU',
  authorizedAt: '2026-01-02T10:00:00.000Z',
  ...over,
});

describe('Cloud-Zugangsdaten: Nur in der Cloud', () => {
  it('lists the cloud-only platforms with adopt and delete (asked once more)', async () => {
    const { api } = fakeApi();
    api.listCloudOnlyPlatforms.mockResolvedValueOnce(
      ok([
        only(),
        only({
          id: 'c2',
          name: 'Amazon Rest',
          status: 'not_authenticated',
          sellingPartnerId: undefined,
          authorizedAt: undefined,
        }),
      ]),
    );
    setApi(api);
    wrap(<CloudSettingsDialog onClose={vi.fn()} />);
    const table = await screen.findByRole('table', { name: 'Nur in der Cloud' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(table.textContent).toContain('Authentifiziert seit');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Übernehmen: „Amazon Filiale“' }));
    expect(api.adoptCloudPlatform).toHaveBeenCalledWith({ cloudPlatformId: 'c1' });
    await waitFor(() => expect(screen.getByText(/Keine – jede Plattform/)).toBeTruthy());
    // Said in a polite live region (issue 24), as the import's count is.
    const done = screen.getByTestId('cloud-only-done');
    expect(done.getAttribute('role')).toBe('status');
    expect(done.textContent).toBe(
      '„Amazon Filiale“ übernommen – die Plattform steht jetzt in der Liste, ihre Anmeldung gilt weiter.',
    );
  });

  it('deletes only after the second click', async () => {
    const { api } = fakeApi();
    api.listCloudOnlyPlatforms.mockResolvedValueOnce(ok([only()]));
    setApi(api);
    wrap(<CloudSettingsDialog onClose={vi.fn()} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'In der Cloud löschen: „Amazon Filiale“' }));
    expect(api.deleteCloudPlatform).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: '„Amazon Filiale“ endgültig löschen' }));
    expect(api.deleteCloudPlatform).toHaveBeenCalledWith({ cloudPlatformId: 'c1' });
    await waitFor(() =>
      expect(screen.getByTestId('cloud-only-done').textContent).toBe('„Amazon Filiale“ in der Cloud gelöscht.'),
    );
  });

  it('shows nothing without cloud credentials, and the error otherwise', async () => {
    const { api } = fakeApi();
    api.listCloudOnlyPlatforms.mockResolvedValueOnce(err('CLOUD_NOT_CONFIGURED', 'x'));
    setApi(api);
    wrap(<CloudSettingsDialog onClose={vi.fn()} />);
    await waitFor(() => expect(api.listCloudOnlyPlatforms).toHaveBeenCalled());
    expect(screen.queryByText('Nur in der Cloud')).toBeNull();
    cleanup();
    api.listCloudOnlyPlatforms.mockResolvedValueOnce(err('CLOUD_UNREACHABLE', 'x', { url: 'https://cloud.example' }));
    wrap(<CloudSettingsDialog onClose={vi.fn()} />);
    expect((await screen.findByRole('alert')).textContent).toContain('nicht erreichbar');
  });
});
