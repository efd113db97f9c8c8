// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CloudSettingsDialog } from './CloudSettingsDialog';
import { SandboxHintPanel } from '../support/SandboxHintPanel';
import { setApi } from '../../api';
import { fakeApi } from '../../test/fake-api';
import { resetStores, wrap } from '../../test/render';
import { err, ok } from '../../../../shared/result';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});
beforeEach(resetStores);

/** The dialog on `api`, once it shows the stored settings (fakeApi's client-1). */
async function openLoaded(api: Parameters<typeof setApi>[0]) {
  setApi(api);
  const onClose = vi.fn();
  wrap(<CloudSettingsDialog onClose={onClose} />);
  const user = userEvent.setup();
  await waitFor(() => expect((screen.getByLabelText('Client-ID') as HTMLInputElement).value).toBe('client-1'));
  return { onClose, user };
}

describe('Cloud-Zugangsdaten', () => {
  it('loads the saved values, never a secret, and says the secret is in the keychain', async () => {
    const { api } = fakeApi();
    setApi(api);
    wrap(<CloudSettingsDialog onClose={vi.fn()} />);
    await waitFor(() =>
      expect((screen.getByLabelText('Cloud-URL') as HTMLInputElement).value).toBe('https://cloud.example'),
    );
    expect((screen.getByLabelText('Client-ID') as HTMLInputElement).value).toBe('client-1');
    const secret = screen.getByLabelText('Client-Secret') as HTMLInputElement;
    expect(secret.type).toBe('password');
    expect(secret.value).toBe('');
    expect(screen.getByText(/gespeichert im Schlüsselbund/)).toBeTruthy();
  });

  it('TESTEN uses the values in the dialog and shows the tenant or the error', async () => {
    const { api } = fakeApi();
    const { user } = await openLoaded(api);
    await user.type(screen.getByLabelText('Client-Secret'), 's3cret');
    await user.click(screen.getByRole('button', { name: 'TESTEN' }));
    expect(api.testCloudConnection).toHaveBeenCalledWith({
      url: 'https://cloud.example',
      clientId: 'client-1',
      clientSecret: 's3cret',
    });
    expect(await screen.findByText('Verbindung erfolgreich: Mandant Muster GmbH')).toBeTruthy();
    api.testCloudConnection.mockResolvedValueOnce(err('INVALID_CLIENT_CREDENTIALS'));
    await user.click(screen.getByRole('button', { name: 'TESTEN' }));
    // Said next to the field, and without sending the user to the dialog they are in.
    const message = await screen.findByText('Client-ID oder Client-Secret sind falsch. Bitte prüfen Sie beide Felder.');
    expect(message.id).toBe('clientId-error');
    expect(document.body.textContent).not.toMatch(/unter „Cloud-Zugangsdaten“/);
  });

  it('TESTEN on an address that answers but is not a cloud (404): "keine Cloud-Adresse" with a next step, not "später erneut"', async () => {
    const { api } = fakeApi();
    const { user } = await openLoaded(api);
    api.testCloudConnection.mockResolvedValueOnce(
      err('NOT_A_CLOUD', 'answered 404', { url: 'https://www.example.com', status: 404 }),
    );
    await user.click(screen.getByRole('button', { name: 'TESTEN' }));
    const message = await screen.findByText(
      /^Diese Adresse ist keine Cloud-Adresse: https:\/\/www\.example\.com antwortet/,
    );
    expect(message.textContent).toContain('die Ihnen der Cloud-Anbieter genannt hat');
    expect(document.body.textContent).not.toMatch(/später erneut/);
  });

  it('checks every field first with a German message next to it: empty, too long, not a cloud URL', async () => {
    const { api } = fakeApi();
    api.getCloudSettings.mockResolvedValue(ok({ url: '', clientId: '', hasSecret: false }));
    setApi(api);
    wrap(<CloudSettingsDialog onClose={vi.fn()} />);
    const user = userEvent.setup();
    expect((document.getElementById('cloud-settings') as HTMLFormElement).noValidate).toBe(true);
    await user.click(screen.getByRole('button', { name: 'TESTEN' }));
    expect(screen.getByText('Bitte geben Sie die Cloud-URL ein (z. B. https://cloud.example.com).').id).toBe(
      'url-error',
    );
    expect(screen.getByText(/Bitte geben Sie die Client-ID ein/).id).toBe('clientId-error');
    expect(screen.getByText(/Bitte geben Sie das Client-Secret ein/).id).toBe('clientSecret-error');
    expect(screen.getByLabelText('Cloud-URL').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('Cloud-URL'));
    // An empty Client-ID is never tested (it used to test the saved one and say "Verbindung erfolgreich").
    expect(api.testCloudConnection).not.toHaveBeenCalled();
    expect(screen.queryByText(/Verbindung erfolgreich/)).toBeNull();

    await user.click(screen.getByLabelText('Cloud-URL'));
    await user.paste('https://' + 'x'.repeat(500) + '.example');
    await user.click(screen.getByLabelText('Client-ID'));
    await user.paste('c'.repeat(500));
    await user.type(screen.getByLabelText('Client-Secret'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(screen.getByText(/Die Cloud-URL ist zu lang/)).toBeTruthy();
    expect(screen.getByText(/Die Client-ID ist zu lang \(höchstens 200 Zeichen\)/)).toBeTruthy();
    expect(api.saveCloudSettings).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText('Cloud-URL'));
    await user.type(screen.getByLabelText('Cloud-URL'), 'ftp://cloud.example');
    await user.clear(screen.getByLabelText('Client-ID'));
    await user.type(screen.getByLabelText('Client-ID'), 'client 1');
    await user.click(screen.getByRole('button', { name: 'TESTEN' }));
    expect(screen.getByText(/Die Cloud-URL ist ungültig/)).toBeTruthy();
    expect(screen.getByText(/Die Client-ID enthält Leer- oder Sonderzeichen/)).toBeTruthy();
    expect(api.testCloudConnection).not.toHaveBeenCalled();
  });

  it('Speichern tests first and asks before saving values that did not pass the test', async () => {
    const { api } = fakeApi();
    api.testCloudConnection.mockResolvedValue(err('CLOUD_UNREACHABLE', 'x', { url: 'https://cloud.example' }));
    const { onClose, user } = await openLoaded(api);
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    const ask = await screen.findByRole('dialog', { name: 'Verbindung nicht bestätigt' });
    expect(ask.textContent).toContain('Unter der Cloud-URL https://cloud.example antwortet keine Cloud');
    expect(api.saveCloudSettings).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Zurück zur Eingabe' }));
    expect(screen.getByLabelText('Cloud-URL')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    await user.click(await screen.findByRole('button', { name: 'Trotzdem speichern' }));
    expect(api.saveCloudSettings).toHaveBeenCalledWith({ url: 'https://cloud.example', clientId: 'client-1' });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('Speichern keeps the stored secret when the field is empty and closes', async () => {
    const { api } = fakeApi();
    const { onClose, user } = await openLoaded(api);
    await user.clear(screen.getByLabelText('Cloud-URL'));
    await user.type(screen.getByLabelText('Cloud-URL'), 'https://cloud2.example');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(api.testCloudConnection).toHaveBeenCalledWith({ url: 'https://cloud2.example', clientId: 'client-1' });
    await waitFor(() =>
      expect(api.saveCloudSettings).toHaveBeenCalledWith({ url: 'https://cloud2.example', clientId: 'client-1' }),
    );
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('shows a refused URL in German and stays open; Escape leaves', async () => {
    const { api } = fakeApi();
    api.saveCloudSettings.mockResolvedValueOnce(
      err('INVALID_INPUT', 'url: CLOUD_URL_INVALID', { field: 'url', reason: 'CLOUD_URL_INVALID' }),
    );
    const { onClose, user } = await openLoaded(api);
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText(/Die Cloud-URL ist ungültig/)).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalled();
  });
});

describe('Sandbox hint', () => {
  it('says it is the sandbox and refreshes the one-time code every second while open', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { api } = fakeApi();
    let n = 0;
    api.getSandboxHint.mockImplementation(async () =>
      ok({
        origin: 'http://127.0.0.1:1',
        smsInboxUrl: 'http://127.0.0.1:1/sms',
        accounts: [
          {
            label: 'EU-Händler',
            email: 'eu@example.com',
            password: 'pw',
            region: 'EU',
            totp: { code: String(100000 + n++), secondsLeft: 30 - n },
          },
        ],
      }),
    );
    setApi(api);
    wrap(<SandboxHintPanel />);
    expect(api.getSandboxHint).not.toHaveBeenCalled();
    screen.getByText('Amazon-Sandbox: Testkonten').click();
    expect(await screen.findByTestId('sandbox-totp')).toBeTruthy();
    expect(screen.getByText(/nicht das echte Amazon/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'SMS-Posteingang der Sandbox öffnen' }).getAttribute('href')).toBe(
      'http://127.0.0.1:1/sms',
    );
    const first = screen.getByTestId('sandbox-totp').textContent;
    vi.advanceTimersByTime(1000);
    await waitFor(() => expect(screen.getByTestId('sandbox-totp').textContent).not.toBe(first));
  });
});
