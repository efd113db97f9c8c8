// @vitest-environment jsdom
// Issue 24, items 8 and 9 outside ZUGANGSDATEN: the delete question points to Seller Central "Apps
// verwalten" for a connected platform (and opens it), an inactive platform is greyed in the list.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DeleteFlow } from './DeleteFlow';
import { setApi } from '../../api';
import { fakeApi, platform } from '../../test/fake-api';
import { resetStores, wrap } from '../../test/render';
import { renderPlatformList } from '../../test/screens';

afterEach(cleanup);
beforeEach(resetStores);

describe('Löschen and Amazon’s side', () => {
  it('a connected platform: the question says the app stays authorized at Amazon and opens "Apps verwalten"', async () => {
    const connected = platform({ cloudPlatformId: 'plt_1' });
    const fake = fakeApi([connected]);
    setApi(fake.api);
    wrap(<DeleteFlow platform={connected} onDone={vi.fn()} />);
    expect(screen.getByTestId('manage-apps').textContent).toContain(
      'bis Sie die App in Seller Central unter „Apps verwalten“ entfernen',
    );
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Abbrechen' }));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Seller Central „Apps verwalten“ öffnen' }));
    expect(fake.api.openManageYourApps).toHaveBeenCalledWith({ id: 'p1' });
  });

  it('a platform never connected: no pointer', () => {
    setApi(fakeApi().api);
    wrap(<DeleteFlow platform={platform()} onDone={vi.fn()} />);
    expect(screen.queryByTestId('manage-apps')).toBeNull();
  });
});

describe('Aktiv in the list', () => {
  it('an inactive platform is greyed; an active one is not', () => {
    const list = [platform({ name: 'Amazon Aktiv' }), platform({ id: 'p2', name: 'Amazon Ruht', active: false })];
    renderPlatformList(list);
    expect(screen.getByRole('row', { name: /Amazon Ruht/ }).className).toContain('inactive');
    expect(screen.getByRole('row', { name: /Amazon Aktiv/ }).className).not.toContain('inactive');
  });
});
