// @vitest-environment jsdom
// Issue 24, items 6 and 7 in the renderer: ANLEGEN opens the new platform, "Cloud verwenden" leads on to
// ZUGANGSDATEN, the focus never falls to <body> after a delete, the status bar says what was deleted, and
// the list shows platforms whose cloud deletion is still queued.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App, preloadRest } from './App';
import { setApi } from '../../api';
import { appInfo, fakeApi, platform } from '../../test/fake-api';
import { resetStores, wrap } from '../../test/render';
import { startApp } from '../../test/screens';
import { ok } from '../../../../shared/result';

afterEach(cleanup);
beforeEach(resetStores);

const frames = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))));

describe('ANLEGEN and Cloud verwenden', () => {
  it('opens the new platform after ANLEGEN, selected, with its details shown and the focus in them', async () => {
    await startApp([]);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Neu' }));
    await user.type(screen.getByLabelText('Bezeichnung'), 'Amazon Neu');
    await user.click(screen.getByRole('button', { name: 'Anlegen' }));
    expect(await screen.findByRole('heading', { name: /Amazon Neu/ })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Allgemein', selected: true })).toBeTruthy();
    await frames();
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Allgemein' }));
  });

  it('ticking "Cloud verwenden" switches to ZUGANGSDATEN and takes the focus there', async () => {
    const { api } = await startApp([platform({ useCloud: false })]);
    const user = userEvent.setup();
    await user.dblClick(screen.getByRole('row', { name: /Amazon 123456/ }));
    await user.click(screen.getByLabelText('Cloud verwenden'));
    expect(api.updatePlatform).toHaveBeenCalledWith({ id: 'p1', patch: { useCloud: true } });
    expect(await screen.findByRole('tab', { name: 'ZUGANGSDATEN', selected: true })).toBeTruthy();
    await frames();
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'ZUGANGSDATEN' }));
  });
});

describe('after a delete', () => {
  const three = [
    platform({ id: 'a', name: 'Amazon A' }),
    platform({ id: 'b', name: 'Amazon B' }),
    platform({ id: 'c', name: 'Amazon C' }),
  ];

  it('the next platform takes the deleted one’s place, selected and focused; the status bar says what was deleted', async () => {
    await startApp(three);
    const user = userEvent.setup();
    await user.click(screen.getByRole('row', { name: /Amazon B/ }));
    await user.keyboard('{Delete}');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Löschen' }));
    await waitFor(() => expect(screen.queryByRole('row', { name: /Amazon B/ })).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('row', { name: /Amazon C/ })));
    expect(screen.getByRole('row', { name: /Amazon C/ }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('app-notice').textContent).toBe('Plattform „Amazon B“ gelöscht.');
    expect(screen.getByTestId('app-notice').getAttribute('role')).toBe('status');
  });

  it('deleted from its detail, the last one: the one before it; the last of all: "Neu"; a queued cloud deletion is said so', async () => {
    const { api } = await startApp(three.slice(0, 2));
    const user = userEvent.setup();
    await user.dblClick(screen.getByRole('row', { name: /Amazon B/ }));
    await user.click(screen.getByRole('button', { name: 'Löschen' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Löschen' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('row', { name: /Amazon A/ })));

    api.deletePlatform.mockResolvedValueOnce(ok({ id: 'a', cloud: 'queued' }));
    await user.keyboard('{Delete}');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Löschen' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Neu' })));
    expect(screen.getByTestId('app-notice').textContent).toBe(
      'Plattform „Amazon A“ lokal gelöscht; die Löschung in der Cloud wird nachgeholt.',
    );
  });
});

describe('pending cloud deletions in the list', () => {
  it('shows each as a row with its state, not selectable, also when no platform is left; in English too', async () => {
    const { emit } = await startApp([]);
    expect(screen.getByText(/Noch keine Plattform angelegt/)).toBeTruthy();
    act(() =>
      emit(
        'appInfoChanged',
        appInfo({
          pendingCloudDeletions: 1,
          pendingCloudDeletionList: [{ name: 'Amazon Alt', queuedAt: '2026-01-01T00:00:00.000Z' }],
        }),
      ),
    );
    const row = screen.getByTestId('pending-deletion');
    expect(row.textContent).toContain('Amazon Alt');
    expect(within(row).getByText('Gelöscht – Löschung in der Cloud ausstehend')).toBeTruthy();
    expect(row.getAttribute('tabindex')).toBeNull();
    expect(row.getAttribute('aria-selected')).toBeNull();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Sprache'), 'en');
    expect(
      await within(screen.getByTestId('pending-deletion')).findByText('Deleted – cloud deletion pending'),
    ).toBeTruthy();
    act(() => emit('appInfoChanged', appInfo({ pendingCloudDeletions: 0, pendingCloudDeletionList: [] })));
    expect(screen.queryByTestId('pending-deletion')).toBeNull();
  });
});

describe('a browser with a stale or missing token (browser host)', () => {
  it('shows one clear page: open the new link from the console; in English too', async () => {
    await preloadRest();
    const fake = fakeApi([]);
    fake.api.listPlatforms.mockResolvedValue({ ok: false, error: { code: 'HOST_TOKEN_INVALID' } });
    setApi(fake.api);
    wrap(<App />);
    const page = await screen.findByTestId('token-invalid');
    expect(within(page).getByRole('heading', { name: 'Dieser Link gilt nicht mehr' })).toBeTruthy();
    expect(page.textContent).toContain('Öffnen Sie den neuen Link aus der Konsole');
    expect(screen.queryByRole('button', { name: 'Neu' })).toBeNull();
    await userEvent.setup().selectOptions(screen.getByLabelText('Sprache'), 'en');
    expect((await screen.findByTestId('token-invalid')).textContent).toContain('Open the new link from the console');
  });
});
