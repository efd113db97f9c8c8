// @vitest-environment jsdom
// Issue 24, items 8 and 9 outside ZUGANGSDATEN: the delete question points to Seller Central "Apps
// verwalten" for a connected platform (and opens it), an inactive platform is greyed in the list.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfirmDeleteDialog } from './ConfirmDeleteDialog';
import { PlatformList } from './PlatformList';
import { setApi } from '../../api';
import { fakeApi, platform } from '../../test/fake-api';
import { resetStores, wrap } from '../../test/render';

afterEach(cleanup);
beforeEach(resetStores);

describe('Löschen and Amazon’s side', () => {
  it('a connected platform: the question says the app stays authorized at Amazon and opens "Apps verwalten"', async () => {
    const fake = fakeApi([platform({ cloudPlatformId: 'plt_1' })]);
    setApi(fake.api);
    wrap(<ConfirmDeleteDialog name="Amazon 123456" inCloud platformId="p1" onConfirm={vi.fn()} onClose={vi.fn()} />);
    expect(screen.getByTestId('manage-apps').textContent).toContain(
      'bis Sie die App in Seller Central unter „Apps verwalten“ entfernen',
    );
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Abbrechen' }));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Seller Central „Apps verwalten“ öffnen' }));
    expect(fake.api.openManageYourApps).toHaveBeenCalledWith({ id: 'p1' });
  });

  it('a platform never connected: no pointer', () => {
    setApi(fakeApi().api);
    wrap(
      <ConfirmDeleteDialog
        name="Amazon 123456"
        inCloud={false}
        platformId="p1"
        onConfirm={vi.fn()}
        onClose={vi.fn()}
      />,
    );
    expect(screen.queryByTestId('manage-apps')).toBeNull();
  });
});

describe('Aktiv in the list', () => {
  it('an inactive platform is greyed; an active one is not', () => {
    const list = [platform({ name: 'Amazon Aktiv' }), platform({ id: 'p2', name: 'Amazon Ruht', active: false })];
    wrap(
      <PlatformList
        platforms={list}
        selectedId={null}
        onSelect={vi.fn()}
        onOpen={vi.fn()}
        onDelete={vi.fn()}
        onNew={vi.fn()}
      />,
    );
    expect(screen.getByRole('row', { name: /Amazon Ruht/ }).className).toContain('inactive');
    expect(screen.getByRole('row', { name: /Amazon Aktiv/ }).className).not.toContain('inactive');
  });
});
