// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { platform, waitingAuth } from '../../test/fake-api';
import { resetStores } from '../../test/render';
import { renderCredentialsTab } from '../../test/screens';
import type { Platform } from '../../../../shared/platform';
import { ok } from '../../../../shared/result';
import type { ErrorCode } from '../../../../shared/error-codes';
import { SELLER_CENTRAL_ERROR_KEYS, SELLER_CENTRAL_ERRORS } from '../../../../shared/seller-central-errors';
import { clock } from '../../hooks/useNow';
import { OFFER_AFTER_MS } from './SellerCentralErrorPicker';

afterEach(() => {
  cleanup();
  clock.now = () => Date.now();
});
beforeEach(resetStores);

const waiting = waitingAuth();

const setup = (answer: (key: string, actualRegion?: string) => Platform, auth = waiting) =>
  renderCredentialsTab(platform({ auth }), {
    prepare: (api) =>
      api.reportSellerCentralError.mockImplementation(
        async ({ key, actualRegion }: { key: string; actualRegion?: string }) => ok(answer(key, actualRegion)),
      ),
  });

const failed = (code: ErrorCode, params?: Record<string, string>): Platform =>
  platform({
    auth: { status: 'failed', at: new Date().toISOString(), error: { code, ...(params ? { params } : {}) } },
  });

describe('Seller Central zeigt einen Fehler?', () => {
  it('lists every catalogue entry with Amazon’s own text and code', async () => {
    setup(() => failed('INTERNAL'));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Seller Central zeigt einen Fehler?' }));
    const group = screen.getByRole('group', { name: 'Was zeigt Seller Central?' });
    for (const key of SELLER_CENTRAL_ERROR_KEYS) {
      const e = SELLER_CENTRAL_ERRORS[key];
      if (e.amazonText) expect(group.textContent).toContain(e.amazonText.de);
      if (e.amazonCode) expect(group.textContent).toContain(e.amazonCode);
    }
  });

  it('two clicks: a wrong region names the account’s region and the country to choose', async () => {
    const fake = setup((_k, r) =>
      failed('SELLER_CENTRAL_WRONG_REGION', { region: 'EU', actualRegion: r!, country: 'US' }),
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Seller Central zeigt einen Fehler?' }));
    await user.click(screen.getByRole('button', { name: 'Mein Konto: Nordamerika (NA)' }));
    expect(fake.api.reportSellerCentralError).toHaveBeenCalledWith({
      id: 'p1',
      key: 'wrong_region',
      actualRegion: 'NA',
    });
    expect(screen.getByTestId('auth-status').textContent).toBe('Fehler');
    expect(
      screen.getByText(
        'Seller Central lehnt ab: Ihr Amazon-Konto gehört zu Nordamerika (NA), gewählt ist Europa (EU). Wählen Sie unter Region „US“ (oder ein anderes Land dieser Region) und klicken Sie erneut auf ANMELDEN.',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'ANMELDEN' })).toBeTruthy();
  });

  it('a typed code finds its entry; an unknown code says so and keeps the sign-in', async () => {
    const fake = setup((key) => failed(SELLER_CENTRAL_ERRORS[key as 'MD1000'].errorCode));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Seller Central zeigt einen Fehler?' }));
    await user.type(screen.getByLabelText('Fehlercode von der Amazon-Seite'), 'QQ77');
    await user.click(screen.getByRole('button', { name: 'Erklären' }));
    expect(screen.getByRole('status').textContent).toContain('„QQ77“ kennen wir nicht');
    expect(fake.api.reportSellerCentralError).not.toHaveBeenCalled();
    await user.clear(screen.getByLabelText('Fehlercode von der Amazon-Seite'));
    await user.type(screen.getByLabelText('Fehlercode von der Amazon-Seite'), 'md1000{Enter}');
    expect(fake.api.reportSellerCentralError).toHaveBeenCalledWith({ id: 'p1', key: 'MD1000' });
    expect(screen.getByText(/Seller Central lehnt ab \(MD1000\)/)).toBeTruthy();
  });

  it('a rejected one-time code keeps waiting and shows the hint', async () => {
    setup(() => platform({ auth: { ...waiting, hint: { code: 'SELLER_CENTRAL_OTP_REJECTED' } } }));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Seller Central zeigt einen Fehler?' }));
    await user.click(screen.getByRole('button', { name: SELLER_CENTRAL_ERRORS.otp_rejected.amazonText!.de }));
    expect(screen.getByTestId('auth-status').textContent).toBe('Anmeldung läuft …');
    expect(screen.getByText(/Amazon lehnt den Einmalcode ab/)).toBeTruthy();
  });

  it('the code field comes first; the list is searchable, in normal case', async () => {
    setup(() => failed('INTERNAL'));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Seller Central zeigt einen Fehler?' }));
    const group = screen.getByRole('group', { name: 'Was zeigt Seller Central?' });
    const fields = [...group.querySelectorAll('input')].map((i) => i.id);
    expect(fields[0]).toMatch(/-code$/);
    await user.type(screen.getByLabelText('Oder Text der Meldung suchen'), 'ungültiger zugriff');
    const choices = screen.getByRole('list', { name: 'Meldungen von Seller Central' }).querySelectorAll('li');
    expect(choices).toHaveLength(1);
    expect(choices[0]!.textContent).toContain(SELLER_CENTRAL_ERRORS.not_primary.amazonText!.de);
    await user.clear(screen.getByLabelText('Oder Text der Meldung suchen'));
    await user.type(screen.getByLabelText('Oder Text der Meldung suchen'), 'md9100');
    expect(screen.getByRole('list', { name: 'Meldungen von Seller Central' }).querySelectorAll('li')).toHaveLength(1);
    await user.type(screen.getByLabelText('Oder Text der Meldung suchen'), 'xyz');
    expect(screen.getByText(/Keine Meldung passt/)).toBeTruthy();
  });

  it('after a pick the sign-in keeps waiting; “Anmeldung beenden” is the merchant’s choice', async () => {
    const fake = setup(() => platform({ auth: { ...waiting, hint: { code: 'SELLER_CENTRAL_NOT_PRIMARY' } } }));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Seller Central zeigt einen Fehler?' }));
    await user.click(screen.getByRole('button', { name: SELLER_CENTRAL_ERRORS.not_primary.amazonText!.de }));
    expect(screen.getByTestId('auth-status').textContent).toBe('Anmeldung läuft …');
    expect(screen.getByTestId('sc-error-picked').textContent).toContain('Gelingt sie im Browser doch noch, zählt sie');
    expect(fake.api.cancelSignIn).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Anmeldung beenden' }));
    expect(fake.api.cancelSignIn).toHaveBeenCalledWith({ id: 'p1' });
  });

  it('offers the list by itself after two minutes without an answer', () => {
    const started = Date.parse('2026-06-01T10:00:00Z');
    clock.now = () => started + OFFER_AFTER_MS - 1000;
    setup(
      () => failed('INTERNAL'),
      waitingAuth({ startedAt: new Date(started).toISOString(), expiresAt: new Date(started + 300_000).toISOString() }),
    );
    expect(screen.queryByRole('group', { name: 'Was zeigt Seller Central?' })).toBeNull();
    cleanup();
    clock.now = () => started + OFFER_AFTER_MS;
    setup(
      () => failed('INTERNAL'),
      waitingAuth({ startedAt: new Date(started).toISOString(), expiresAt: new Date(started + 300_000).toISOString() }),
    );
    expect(screen.getByRole('group', { name: 'Was zeigt Seller Central?' }).textContent).toContain(
      'seit 2 Minuten keine Rückmeldung',
    );
  });
});
