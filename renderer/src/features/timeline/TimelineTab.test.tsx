// @vitest-environment jsdom
import { afterEach, expect, it, vi } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TimelineTab, exportFileName } from './TimelineTab';
import { setApi } from '../../api';
import { fakeApi, platform } from '../../test/fake-api';
import { wrap } from '../../test/render';
import { ok } from '../../../../shared/result';

// The export test replaces these; the unit tier shares globals between files, so they go back.
const { createObjectURL, revokeObjectURL } = URL;

afterEach(() => {
  cleanup();
  setApi(undefined);
  URL.createObjectURL = createObjectURL;
  URL.revokeObjectURL = revokeObjectURL;
  vi.restoreAllMocks();
});

it('lists the steps newest first with their outcome, and exports them as a JSON file', async () => {
  const { api } = fakeApi();
  api.getTimeline.mockResolvedValue(
    ok([
      {
        at: '2026-11-28T09:00:00.000Z',
        step: 'sign-in (login) requested',
        outcome: 'info' as const,
        detail: 'region DE',
      },
      {
        at: '2026-11-28T09:00:01.000Z',
        step: 'cloud unreachable while waiting; retrying with backoff',
        outcome: 'error' as const,
        code: 'CLOUD_UNREACHABLE',
        detail: 'CLOUD_UNREACHABLE: ECONNREFUSED',
      },
      {
        at: '2026-11-28T09:00:05.000Z',
        step: 'authenticated',
        outcome: 'ok' as const,
        detail: 'seller A2EUMUSTER7H1K',
      },
    ]),
  );
  setApi(api);
  const created: Blob[] = [];
  URL.createObjectURL = vi.fn((b: Blob) => (created.push(b), 'blob:x'));
  URL.revokeObjectURL = vi.fn();
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  wrap(<TimelineTab platform={platform()} />);

  const table = await screen.findByRole('table', { name: 'Protokoll der Anmeldung' });
  const rows = within(table).getAllByRole('row').slice(1);
  // German step texts, the error code beside them.
  expect(rows.map((r) => within(r).getAllByRole('cell')[1]!.textContent)).toEqual([
    'Authentifiziert',
    'Cloud beim Warten nicht erreichbar – neue Versuche (CLOUD_UNREACHABLE)',
    'ANMELDEN angeklickt',
  ]);
  expect(within(rows[1]!).getByText('Fehler')).toBeTruthy();
  expect(api.getTimeline).toHaveBeenCalledWith({ id: 'p1' });

  await userEvent.setup().click(screen.getByRole('button', { name: 'Protokoll exportieren' }));
  expect(click).toHaveBeenCalled();
  const text = await new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(created[0]!);
  });
  // The export is the core's (header, status, German steps), written as it came.
  expect(api.exportTimeline).toHaveBeenCalledWith({ id: 'p1' });
  const exported = JSON.parse(text);
  expect(exported.format).toBe('amazon-cloud-connect-protokoll');
  expect(exported.header.platform).toMatchObject({ name: 'Amazon 123456', countryCode: 'DE' });
});

it('says when there is nothing yet, and names export files safely', async () => {
  const { api } = fakeApi();
  setApi(api);
  wrap(<TimelineTab platform={platform()} />);
  expect(await screen.findByText(/Noch keine Einträge/)).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Protokoll exportieren' })).toHaveProperty('disabled', true);
  expect(exportFileName(platform({ name: 'Amazon / 12:34' }), new Date('2026-11-28T00:00:00Z'))).toBe(
    'protokoll-Amazon_12_34-2026-11-28.json',
  );
});
