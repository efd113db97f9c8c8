// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CloudSettingsDialog } from './CloudSettingsDialog';
import { SandboxHintPanel } from './SandboxHintPanel';
import { setApi } from '../api';
import { fakeApi } from '../test/fake-api';
import { resetStores, wrap } from '../test/render';
import { err, ok } from '../../../shared/result';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});
beforeEach(resetStores);

describe('Cloud-Zugangsdaten', () => {
  it('loads the saved values, never a secret, and says the secret is in the keychain', async () => {
    const { api } = fakeApi();
    setApi(api);
    wrap(<CloudSettingsDialog onClose={vi.fn()} />);
    await waitFor(() => expect((screen.getByLabelText('Cloud-URL') as HTMLInputElement).value).toBe('https://cloud.example'));
    expect((screen.getByLabelText('Client-ID') as HTMLInputElement).value).toBe('client-1');
    const secret = screen.getByLabelText('Client-Secret') as HTMLInputElement;
    expect(secret.type).toBe('password');
    expect(secret.value).toBe('');
    expect(screen.getByText(/gespeichert im Schlüsselbund/)).toBeTruthy();
  });

  it('TESTEN uses the values in the dialog and shows the tenant or the error', async () => {
    const { api } = fakeApi();
    setApi(api);
    wrap(<CloudSettingsDialog onClose={vi.fn()} />);
    const user = userEvent.setup();
    await waitFor(() => expect((screen.getByLabelText('Client-ID') as HTMLInputElement).value).toBe('client-1'));
    await user.type(screen.getByLabelText('Client-Secret'), 's3cret');
    await user.click(screen.getByRole('button', { name: 'TESTEN' }));
    expect(api.testCloudConnection).toHaveBeenCalledWith({ url: 'https://cloud.example', clientId: 'client-1', clientSecret: 's3cret' });
    expect(await screen.findByText('Verbindung erfolgreich: Mandant Muster GmbH')).toBeTruthy();
    api.testCloudConnection.mockResolvedValueOnce(err('INVALID_CLIENT_CREDENTIALS'));
    await user.click(screen.getByRole('button', { name: 'TESTEN' }));
    expect(await screen.findByText(/Client-ID oder Client-Secret der Cloud sind falsch/)).toBeTruthy();
  });

  it('Speichern keeps the stored secret when the field is empty and closes', async () => {
    const { api } = fakeApi();
    setApi(api);
    const onClose = vi.fn();
    wrap(<CloudSettingsDialog onClose={onClose} />);
    const user = userEvent.setup();
    await waitFor(() => expect((screen.getByLabelText('Client-ID') as HTMLInputElement).value).toBe('client-1'));
    await user.clear(screen.getByLabelText('Cloud-URL'));
    await user.type(screen.getByLabelText('Cloud-URL'), 'https://cloud2.example');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(api.saveCloudSettings).toHaveBeenCalledWith({ url: 'https://cloud2.example', clientId: 'client-1' });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('shows a refused URL in German and stays open; Escape leaves', async () => {
    const { api } = fakeApi();
    api.saveCloudSettings.mockResolvedValueOnce(err('INVALID_INPUT', 'url: CLOUD_URL_INVALID', { field: 'url', reason: 'CLOUD_URL_INVALID' }));
    setApi(api);
    const onClose = vi.fn();
    wrap(<CloudSettingsDialog onClose={onClose} />);
    const user = userEvent.setup();
    await waitFor(() => expect((screen.getByLabelText('Client-ID') as HTMLInputElement).value).toBe('client-1'));
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
      ok({ origin: 'http://127.0.0.1:1', smsInboxUrl: 'http://127.0.0.1:1/sms', accounts: [{ label: 'EU-Händler', email: 'eu@example.com', password: 'pw', region: 'EU', totp: { code: String(100000 + n++), secondsLeft: 30 - n } }] }),
    );
    setApi(api);
    wrap(<SandboxHintPanel />);
    expect(api.getSandboxHint).not.toHaveBeenCalled();
    screen.getByText('Amazon-Sandbox: Testkonten').click();
    expect(await screen.findByTestId('sandbox-totp')).toBeTruthy();
    expect(screen.getByText(/nicht das echte Amazon/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'SMS-Posteingang der Sandbox öffnen' }).getAttribute('href')).toBe('http://127.0.0.1:1/sms');
    const first = screen.getByTestId('sandbox-totp').textContent;
    vi.advanceTimersByTime(1000);
    await waitFor(() => expect(screen.getByTestId('sandbox-totp').textContent).not.toBe(first));
  });
});
