// The codes and texts the sandbox's Seller Central shows are the ones the app knows: every error page
// is rendered from the shared catalogue, every Amazon code written anywhere in the sandbox is in it, and
// every catalogue entry has a German and an English explanation in the app.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SELLER_CENTRAL_ERROR_KEYS,
  SELLER_CENTRAL_ERRORS,
  sellerCentralErrorByAmazonCode,
} from '../shared/seller-central-errors';
import { errorsDe } from '../renderer/src/i18n/errors.de';
import { errorsEn } from '../renderer/src/i18n/errors.en';
import { CONSENT_ERROR_KEYS } from './consent-errors';
import { cancelledPage, errorPage, mfaPage } from './sc-pages';
import { seedAccount } from './seed';
import { t } from './texts';
import { escapeHtml } from './html';

const attr = (html: string, name: string) => [...html.matchAll(new RegExp(`${name}="([^"]+)"`, 'g'))].map((m) => m[1]);

describe('Seller Central error catalogue', () => {
  it.each(CONSENT_ERROR_KEYS)('the sandbox page for %s shows the catalogue code and text', (key) => {
    for (const lang of ['de', 'en'] as const) {
      const html = errorPage({ lang, host: 'sellercentral-europe.amazon.com' }, key);
      const entry = SELLER_CENTRAL_ERRORS[key];
      expect(attr(html, 'data-error')).toEqual([key]);
      expect(attr(html, 'data-code')).toEqual(entry.amazonCode ? [entry.amazonCode] : []);
      expect(html).toContain(escapeHtml(entry.amazonText![lang]));
    }
  });

  it('the one-time-code and cancelled pages carry catalogue keys and texts', () => {
    const account = seedAccount('eu.haendler@example.com')!;
    const mfa = mfaPage(
      { lang: 'de', host: 'x' },
      { account, action: '/a', returnTo: '/r', error: t('de', 'wrongOtp') },
    );
    expect(attr(mfa, 'data-error')).toEqual(['otp_rejected']);
    expect(mfa).toContain(SELLER_CENTRAL_ERRORS.otp_rejected.amazonText!.de);
    const cancelled = cancelledPage({ lang: 'en', host: 'x' });
    expect(attr(cancelled, 'data-error')).toEqual(['consent_cancelled']);
    expect(cancelled).toContain(SELLER_CENTRAL_ERRORS.consent_cancelled.amazonText!.en);
  });

  it('every Amazon error code written in the sandbox sources is in the catalogue', () => {
    const dir = path.dirname(new URL(import.meta.url).pathname);
    const known = new Set(SELLER_CENTRAL_ERROR_KEYS.map((k) => SELLER_CENTRAL_ERRORS[k].amazonCode).filter(Boolean));
    const found = new Set<string>();
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      for (const m of fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/\b(MD\d{4}|SPDC\d{3,})\b/g))
        found.add(m[1]!);
    }
    expect(found.size).toBeGreaterThan(3);
    for (const code of found) expect(known, code).toContain(code);
  });

  it.each(SELLER_CENTRAL_ERROR_KEYS)('%s has an explanation in German and English', (key) => {
    const code = SELLER_CENTRAL_ERRORS[key].errorCode;
    expect((errorsDe as Record<string, string>)[code]).toBeTruthy();
    expect((errorsEn as Record<string, string>)[code]).toBeTruthy();
  });

  it('finds an entry by the code the merchant types', () => {
    expect(sellerCentralErrorByAmazonCode(' md1000 ')?.key).toBe('MD1000');
    expect(sellerCentralErrorByAmazonCode('Error Code: MD9000')?.key).toBe('MD9000');
    expect(sellerCentralErrorByAmazonCode('SPDC8143')).toBeUndefined();
    expect(sellerCentralErrorByAmazonCode('XY1')).toBeUndefined();
    expect(sellerCentralErrorByAmazonCode('')).toBeUndefined();
  });
});
