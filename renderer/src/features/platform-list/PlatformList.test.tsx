// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NewPlatformDialog } from './NewPlatformDialog';
import { platform as basePlatform } from '../../test/fake-api';
import { wrap } from '../../test/render';
import { renderPlatformList } from '../../test/screens';

afterEach(cleanup);

const platform = (over: Parameters<typeof basePlatform>[0]) => basePlatform({ name: 'Amazon 1', ...over });

describe('PlatformList', () => {
  it('shows the empty state', () => {
    renderPlatformList([]);
    expect(screen.getByText(/Noch keine Plattform angelegt/)).toBeTruthy();
  });

  it('shows the columns of the ERP screen with region and sign-in status', () => {
    const list = [
      platform({}),
      platform({
        id: 'p2',
        name: 'Amazon US',
        countryCode: 'US',
        auth: {
          status: 'authenticated',
          sellingPartnerId: 'A1',
          storeName: 'Doe Outdoor Supply',
          authorizedAt: '2026-01-02T00:00:00.000Z',
        },
      }),
    ];
    renderPlatformList(list);
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual([
      'Bezeichnung',
      'Typ',
      'Aktiv',
      'Cloud',
      'Region',
      'Verkäuferkonto',
      'Status der Anmeldung',
    ]);
    expect(screen.getByRole('row', { name: /Amazon US/ }).textContent).toContain('Doe Outdoor Supply (Händler-ID A1)');
    expect(screen.getByRole('row', { name: /Amazon 1/ }).textContent).toContain('DE – Deutschland');
    expect(screen.getByRole('row', { name: /Amazon 1/ }).textContent).toContain('Nicht authentifiziert');
    expect(screen.getByRole('row', { name: /Amazon US/ }).textContent).toContain('Authentifiziert');
  });

  it('says why a platform is in Fehler (its code) and that it needs a new sign-in after a region change (issue 24)', () => {
    const at = '2026-01-02T00:00:00.000Z';
    const list = [
      platform({ useCloud: true, auth: { status: 'failed', at, error: { code: 'LWA_INVALID_GRANT' } } }),
      platform({
        id: 'p2',
        name: 'Amazon US',
        useCloud: true,
        countryCode: 'US',
        auth: { status: 'sign_in_required', at, error: { code: 'REGION_CHANGED' } },
      }),
    ];
    renderPlatformList(list);
    expect(screen.getAllByRole('row')[1]!.textContent).toContain('Fehler (LWA_INVALID_GRANT)');
    expect(screen.getAllByRole('row')[2]!.textContent).toContain('Neu anmelden erforderlich');
  });

  it('cuts long texts with an ellipsis and gives the whole text as a tooltip', () => {
    const long = 'Amazon '.repeat(11).trim();
    renderPlatformList([platform({ name: long })]);
    const cell = screen.getByRole('cell', { name: long });
    expect(cell.className).toBe('truncate');
    expect(cell.getAttribute('title')).toBe(long);
  });

  it('is keyboard operable: arrows select, Enter opens, Delete deletes, Insert creates', async () => {
    const list = [platform({}), platform({ id: 'p2', name: 'Amazon 2' })];
    const { onSelect, onOpen, onDelete, onNew } = renderPlatformList(list, { selectedId: 'p1' });
    const user = userEvent.setup();
    screen.getByRole('row', { name: /Amazon 1/ }).focus();
    await user.keyboard('{ArrowDown}');
    expect(onSelect).toHaveBeenLastCalledWith('p2');
    await user.keyboard('{Enter}');
    expect(onOpen).toHaveBeenCalledWith('p1');
    await user.keyboard('{Delete}');
    expect(onDelete).toHaveBeenCalledWith('p1');
    await user.keyboard('{Insert}');
    expect(onNew).toHaveBeenCalled();
  });

  it('speaks English when asked', () => {
    renderPlatformList([platform({})], {}, 'en');
    expect(screen.getAllByRole('columnheader')[0]!.textContent).toBe('Name');
    expect(screen.getByRole('row', { name: /Amazon 1/ }).textContent).toContain('DE – Germany');
  });
});

describe('NewPlatformDialog', () => {
  it('asks for a name, then shows the core’s error in German', async () => {
    const onCreate = vi.fn().mockResolvedValue({
      ok: false,
      error: { code: 'PLATFORM_NAME_TAKEN', params: { name: 'Amazon 1', scope: 'local', suggestion: 'Amazon 1 (2)' } },
    });
    wrap(<NewPlatformDialog onCreate={onCreate} onClose={vi.fn()} />);
    // The type has one option: the name field has the focus (issue 24).
    expect(document.activeElement).toBe(screen.getByLabelText('Bezeichnung'));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Anlegen' }));
    expect(screen.getByRole('alert').textContent).toBe('Bitte geben Sie eine Bezeichnung ein.');
    expect(onCreate).not.toHaveBeenCalled();
    await user.type(screen.getByLabelText('Bezeichnung'), 'Amazon 1{Enter}');
    expect(onCreate).toHaveBeenCalledWith('Amazon 1');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Die Bezeichnung „Amazon 1“ wird lokal bereits für eine andere Plattform verwendet. Bitte wählen Sie eine andere, z. B. „Amazon 1 (2)“.',
    );
    // The field gets the focus back, and the free name is one click away.
    expect(document.activeElement).toBe(screen.getByLabelText('Bezeichnung'));
    await user.click(screen.getByRole('button', { name: '„Amazon 1 (2)“ übernehmen' }));
    expect((screen.getByLabelText('Bezeichnung') as HTMLInputElement).value).toBe('Amazon 1 (2)');
  });

  it('refuses a name over the limit or with control characters in German, without the browser’s bubble', async () => {
    const onCreate = vi.fn();
    wrap(<NewPlatformDialog onCreate={onCreate} onClose={vi.fn()} />);
    expect((document.getElementById('new-platform') as HTMLFormElement).noValidate).toBe(true);
    expect(screen.getByLabelText('Bezeichnung').getAttribute('maxlength')).toBe('80');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Bezeichnung'), '   {Enter}');
    expect(screen.getByRole('alert').textContent).toBe('Bitte geben Sie eine Bezeichnung ein.');
    expect(onCreate).not.toHaveBeenCalled();
  });

  it('closes after a successful create', async () => {
    const onClose = vi.fn();
    wrap(
      <NewPlatformDialog onCreate={vi.fn().mockResolvedValue({ ok: true, value: platform({}) })} onClose={onClose} />,
    );
    await userEvent.setup().type(screen.getByLabelText('Bezeichnung'), 'Neu{Enter}');
    expect(onClose).toHaveBeenCalled();
  });
});
