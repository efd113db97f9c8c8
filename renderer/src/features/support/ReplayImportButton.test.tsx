// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { appInfo, platform } from '../../test/fake-api';
import { resetStores } from '../../test/render';
import { startApp } from '../../test/screens';
import { err, ok } from '../../../../shared/result';

afterEach(cleanup);
beforeEach(resetStores);

const sandbox = appInfo({ amazon: { kind: 'sandbox', sandboxOrigin: 'http://127.0.0.1:4100' } });

describe('Protokoll importieren', () => {
  it('sends the file’s text to the core and opens the armed platform on ZUGANGSDATEN', async () => {
    const armed = platform({
      id: 'replay',
      name: 'Nachstellung Amazon 1',
      sandboxArmed: { scenario: 'code_expired', account: 'eu.haendler@example.com', replayOf: 'LWA_INVALID_GRANT' },
    });
    const fake = await startApp([platform()], sandbox);
    fake.api.importTimeline.mockResolvedValue(
      ok({
        platform: armed,
        plan: { scenario: 'code_expired', account: 'eu.haendler@example.com' },
        errorCode: 'LWA_INVALID_GRANT',
      }),
    );
    await screen.findByRole('button', { name: 'Protokoll importieren' });
    await userEvent
      .setup()
      .upload(
        screen.getByTestId('replay-file'),
        new File(['{"format":"x"}'], 'protokoll.json', { type: 'application/json' }),
      );
    expect(fake.api.importTimeline).toHaveBeenCalledWith({ text: '{"format":"x"}' });
    expect(await screen.findByRole('tab', { name: 'ZUGANGSDATEN', selected: true })).toBeTruthy();
    expect(screen.getByTestId('sandbox-replay').textContent).toContain(
      'LWA_INVALID_GRANT – „Amazon hat den einmaligen Code nicht angenommen',
    );
  });

  it('refuses a huge file before reading it, and shows the core’s error for a bad one', async () => {
    const fake = await startApp([platform()], sandbox);
    fake.api.importTimeline.mockResolvedValue(err('IMPORT_INVALID', 'not JSON', { reason: 'not_json' }));
    await screen.findByRole('button', { name: 'Protokoll importieren' });
    const user = userEvent.setup();
    await user.upload(
      screen.getByTestId('replay-file'),
      new File(['x'.repeat(600 * 1024)], 'big.json', { type: 'application/json' }),
    );
    expect(fake.api.importTimeline).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('zu groß');
    await user.upload(
      screen.getByTestId('replay-file'),
      new File(['{"a":"\u0000"}'], 'nul.json', { type: 'application/json' }),
    );
    // Read with a FileReader (jsdom answers on setImmediate): the message comes after upload resolves.
    expect((await screen.findByRole('alert')).textContent).toContain('kein gültiges Protokoll');
    expect(fake.api.importTimeline).not.toHaveBeenCalled();
    await user.upload(screen.getByTestId('replay-file'), new File(['{'], 'bad.json', { type: 'application/json' }));
    expect((await screen.findByRole('alert')).textContent).toContain('kein gültiges Protokoll');
  });

  it('is not offered on the real Amazon', async () => {
    await startApp([platform()]);
    expect(screen.queryByRole('button', { name: 'Protokoll importieren' })).toBeNull();
  });
});
