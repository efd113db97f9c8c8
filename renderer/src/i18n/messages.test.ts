import { describe, expect, it } from 'vitest';
import { CLOUD_ERROR_CODES } from '../../../shared/cloud-api';
import { DESKTOP_ERROR_CODES } from './error-codes';
import { SELLER_CENTRAL_ERROR_CODES } from '../../../shared/seller-central-errors';
import { createI18n, errorText } from '.';
import { de } from './de';
import { en } from './en';

const codes = [...Object.keys(CLOUD_ERROR_CODES), ...DESKTOP_ERROR_CODES, ...SELLER_CENTRAL_ERROR_CODES];

describe('error messages', () => {
  it.each(codes)('%s has a German and an English text', (code) => {
    const deText = (de.errors as Record<string, string>)[code];
    const enText = (en.errors as Record<string, string>)[code];
    expect(deText?.trim()).toBeTruthy();
    expect(enText?.trim()).toBeTruthy();
  });

  it.each(['de', 'en'] as const)('every code renders a sentence without placeholders or the raw code (%s)', (lng) => {
    const t = createI18n(lng).t.bind(null) as unknown as (k: string, o?: Record<string, unknown>) => string;
    for (const code of codes) {
      const text = errorText(t, { code, detail: 'Error: secret stack at x.ts:1' });
      expect(text, code).not.toMatch(/\{\{|errors\.|stack/);
      expect(text.length, code).toBeGreaterThan(15);
    }
  });

  it('names both regions for SPAPI_WRONG_REGION, with a variant when the actual region is unknown', () => {
    const t = createI18n('de').t;
    expect(errorText(t, { code: 'SPAPI_WRONG_REGION', params: { region: 'EU', actualRegion: 'NA' } })).toBe(
      'Das Amazon-Konto gehört zur Region Nordamerika (NA), gewählt ist Europa (EU). Wählen Sie unter Region ein Land der Region Nordamerika (NA) und melden Sie sich erneut an.',
    );
    expect(errorText(t, { code: 'SPAPI_WRONG_REGION', params: { region: 'EU' } })).toContain('zu einer anderen Region');
  });

  it('fills retryAfter and falls back to unknown codes', () => {
    const t = createI18n('de').t;
    expect(errorText(t, { code: 'SPAPI_RATE_LIMITED', params: { retryAfter: 12 } })).toContain('warten Sie 12 s');
    expect(errorText(t, { code: 'NO_SUCH_CODE' })).toBe('Unbekannter Fehler (NO_SUCH_CODE). Bitte versuchen Sie es erneut; Details stehen im Protokoll.');
  });

  it('explains a validation error by its reason and names the field', () => {
    const t = createI18n('de').t;
    expect(errorText(t, { code: 'INVALID_INPUT', params: { field: 'patch.name', reason: 'NAME_REQUIRED' } })).toBe('Bitte geben Sie eine Bezeichnung ein.');
    expect(errorText(t, { code: 'INVALID_INPUT', params: { field: 'url', reason: 'Invalid input' } })).toContain('„Cloud-URL“');
  });
});
