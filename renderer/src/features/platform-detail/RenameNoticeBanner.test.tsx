// @vitest-environment jsdom
// The notice of a rename the cloud's upgrade made: shown on the platform's detail with the old and the
// new name, gone after "Verstanden" (the core acknowledges it in the cloud); an error keeps it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PlatformDetail } from './PlatformDetail';
import { usePlatforms } from '../../store/platforms';
import { setApi } from '../../api';
import { fakeApi, platform } from '../../test/fake-api';
import { resetStores, wrap } from '../../test/render';
import { err } from '../../../../shared/result';

const renamed = platform({
  name: 'AMAZON DE',
  cloudPlatformId: 'plt_2',
  cloudRenameNotice: {
    oldName: 'AMAZON DE',
    newName: 'AMAZON DE (2)',
    reason: 'name_clash',
    renamedAt: '2026-11-28T10:00:00.000Z',
  },
});

/** The detail of the store's platform, as App shows it: it follows the store. */
function Live() {
  const p = usePlatforms((s) => s.platforms[0]!);
  return <PlatformDetail platform={p} sandbox={false} onBack={vi.fn()} onDelete={vi.fn()} />;
}

function show() {
  const fake = fakeApi([renamed]);
  setApi(fake.api);
  usePlatforms.setState({ platforms: [renamed], loaded: true });
  wrap(<Live />);
  return fake;
}

afterEach(cleanup);
beforeEach(resetStores);

describe("notice of the cloud upgrade's rename", () => {
  it('names the old and the new name, and goes for good with "Verstanden"', async () => {
    const fake = show();
    const notice = await screen.findByTestId('rename-notice');
    expect(notice.textContent).toContain('von „AMAZON DE“ in „AMAZON DE (2)“ umbenannt');
    expect(notice.textContent).toContain('Eine andere Plattform des Kontos hatte denselben Namen');
    await userEvent.click(screen.getByRole('button', { name: 'Verstanden' }));
    expect(fake.api.acknowledgeRenameNotice).toHaveBeenCalledWith({ id: 'p1' });
    expect(screen.queryByTestId('rename-notice')).toBeNull();
  });

  it('stays, with the error, when the acknowledgement fails', async () => {
    const fake = show();
    fake.api.acknowledgeRenameNotice.mockResolvedValueOnce(
      err('CLOUD_UNREACHABLE', 'down', { url: 'https://cloud.example' }) as never,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Verstanden' }));
    expect(screen.getByTestId('rename-notice')).toBeTruthy();
    expect(await screen.findByRole('alert')).toBeTruthy();
  });

  it('shows nothing for a platform the upgrade did not rename', async () => {
    const { cloudRenameNotice: _none, ...plain } = renamed;
    setApi(fakeApi([plain]).api);
    usePlatforms.setState({ platforms: [plain], loaded: true });
    wrap(<Live />);
    await screen.findByRole('heading', { name: /AMAZON DE/ });
    expect(screen.queryByTestId('rename-notice')).toBeNull();
  });
});
