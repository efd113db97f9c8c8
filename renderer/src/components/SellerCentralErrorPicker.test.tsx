// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CredentialsTab } from './CredentialsTab';
import { usePlatforms } from '../store/platforms';
import { setApi } from '../api';
import { fakeApi, platform, waitingAuth } from '../test/fake-api';
import { resetStores, wrap } from '../test/render';
import type { Platform } from '../../../shared/platform';
import { ok } from '../../../shared/result';
import type { ErrorCode } from '../../../shared/error-codes';
import { SELLER_CENTRAL_ERROR_KEYS, SELLER_CENTRAL_ERRORS } from '../../../shared/seller-central-errors';

afterEach(cleanup);
beforeEach(resetStores);

const waiting = waitingAuth();

function Harness() {
  const p = usePlatforms((s) => s.platforms[0]);
  return p ? <CredentialsTab platform={p} sandbox={false} /> : null;
}

function setup(answer: (key: string, actualRegion?: string) => Platform) {
  const p = platform({ auth: waiting });
  const fake = fakeApi([p]);
  fake.api.reportSellerCentralError.mockImplementation(async ({ key, actualRegion }: { key: string; actualRegion?: string }) => ok(answer(key, actualRegion)));
  setApi(fake.api);
  usePlatforms.setState({ platforms: [p], loaded: true });
  wrap(<Harness />);
  return fake;
}

const failed = (code: ErrorCode, params?: Record<string, string>): Platform =>
  platform({ auth: { status: 'failed', at: new Date().toISOString(), error: { code, ...(params ? { params } : {}) } } });

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
    const fake = setup((_k, r) => failed('SELLER_CENTRAL_WRONG_REGION', { region: 'EU', actualRegion: r!, country: 'US' }));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Seller Central zeigt einen Fehler?' }));
    await user.click(screen.getByRole('button', { name: 'Mein Konto: Nordamerika (NA)' }));
    expect(fake.api.reportSellerCentralError).toHaveBeenCalledWith({ id: 'p1', key: 'wrong_region', actualRegion: 'NA' });
    expect(screen.getByTestId('auth-status').textContent).toBe('Fehler');
    expect(
      screen.getByText('Seller Central lehnt ab: Ihr Amazon-Konto gehört zu Nordamerika (NA), gewählt ist Europa (EU). Wählen Sie unter Region „US“ (oder ein anderes Land dieser Region) und klicken Sie erneut auf ANMELDEN.'),
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
});
