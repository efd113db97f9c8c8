import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode } from '../../../shared/error-codes';
import { errorText } from '.';
import { testI18n } from '../test/i18n';
import { errorsDe } from './errors.de';
import { en } from './en';

// The compiler already demands a text per code (ErrorTexts); this checks they are not blank and render.
const codes = ERROR_CODES;

describe('error messages', () => {
  it.each(codes)('%s has a German and an English text', (code) => {
    const deText = (errorsDe as Record<string, string>)[code];
    const enText = (en.errors as Record<string, string>)[code];
    expect(deText?.trim()).toBeTruthy();
    expect(enText?.trim()).toBeTruthy();
  });

  it.each(['de', 'en'] as const)('every code renders a sentence without placeholders or the raw code (%s)', (lng) => {
    const t = testI18n(lng).t;
    for (const code of codes) {
      const text = errorText(t, { code, detail: 'Error: secret stack at x.ts:1' });
      expect(text, code).not.toMatch(/\{\{|errors\.|stack/);
      expect(text.length, code).toBeGreaterThan(15);
    }
  });

  it('names both regions for SPAPI_WRONG_REGION, with a variant when the actual region is unknown', () => {
    const t = testI18n('de').t;
    expect(errorText(t, { code: 'SPAPI_WRONG_REGION', params: { region: 'EU', actualRegion: 'NA' } })).toBe(
      'Das Amazon-Konto gehört zur Region Nordamerika (NA), gewählt ist Europa (EU). Wählen Sie unter Region ein Land der Region Nordamerika (NA) und melden Sie sich erneut an.',
    );
    expect(errorText(t, { code: 'SPAPI_WRONG_REGION', params: { region: 'EU' } })).toContain('zu einer anderen Region');
  });

  it('fills retryAfter and falls back to unknown codes', () => {
    const t = testI18n('de').t;
    expect(errorText(t, { code: 'SPAPI_RATE_LIMITED', params: { retryAfter: 12 } })).toContain(
      'warten Sie 12 Sekunden',
    );
    expect(errorText(t, { code: 'NO_SUCH_CODE' as ErrorCode })).toBe(
      'Unbekannter Fehler (NO_SUCH_CODE). Bitte versuchen Sie es erneut; Details stehen im Protokoll.',
    );
  });

  it.each(['de', 'en'] as const)(
    'no double colons, repeated words or repeated phrases in any error text, even as shown in the status (%s)',
    (lng) => {
      const errors = lng === 'de' ? errorsDe : en.errors;
      const t = testI18n(lng).t;
      const texts = Object.keys(errors).map(
        (key) =>
          [
            key,
            t.lookup(`errors.${key}`, {
              url: 'https://c.example',
              name: 'N',
              suggestion: 'N (2)',
              retryAfter: 5,
              status: 500,
              region: 'EU',
              actualRegion: 'NA',
              backupPath: '/x',
              field: 'F',
              code: 'X',
              max: 80,
            }) ?? '',
          ] as const,
      );
      expect(texts.length).toBeGreaterThan(60);
      for (const [key, text] of texts) {
        // A status line shows the text after the status word: "Fehler" then the text, never "Fehler: …: …".
        expect(text, key).not.toMatch(/:\s*:/);
        for (const sentence of text.split(/(?<=[.?!])\s+/)) {
          expect((sentence.match(/:(?!\/\/)/g) ?? []).length, `${key}: ${sentence}`).toBeLessThanOrEqual(1);
          // "Der Zugriff ist nicht mehr gültig: Der Zugriff …": what follows a colon does not start over.
          const [before, after] = sentence.toLowerCase().split(/:(?!\/\/)/);
          const head = after
            ?.match(/\p{L}+/gu)
            ?.slice(0, 2)
            .join(' ');
          if (before && head && head.includes(' '))
            expect((before.match(/\p{L}+/gu) ?? []).join(' '), `${key}: "${head}" again after the colon`).not.toContain(
              head,
            );
        }
        const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
        // "… schließen Sie sie ab": the formal "Sie" before the pronoun "sie" is correct German, not a stutter.
        for (let i = 1; i < words.length; i++)
          if (words[i] !== 'sie') expect(words[i], `${key}: repeated "${words[i]}"`).not.toBe(words[i - 1]);
        // The same three words twice in one text reads as a stutter ("Der Zugriff ist … Der Zugriff …").
        const seen = new Set<string>();
        for (let i = 2; i < words.length; i++) {
          const tri = `${words[i - 2]} ${words[i - 1]} ${words[i]}`;
          expect(seen.has(tri), `${key}: repeated phrase "${tri}"`).toBe(false);
          seen.add(tri);
        }
      }
    },
  );

  it('a name clash says where and suggests a free name; the dialog variants do not send the user to the dialog', () => {
    const t = testI18n('de').t;
    expect(
      errorText(t, { code: 'PLATFORM_NAME_TAKEN', params: { name: 'A', scope: 'local', suggestion: 'A (2)' } }),
    ).toContain('lokal');
    expect(
      errorText(t, { code: 'PLATFORM_NAME_TAKEN', params: { name: 'A', scope: 'cloud', suggestion: 'A (2)' } }),
    ).toContain('in Ihrem Cloud-Konto bereits verwendet');
    expect(
      errorText(t, { code: 'PLATFORM_NAME_TAKEN', params: { name: 'A', scope: 'cloud', suggestion: 'A (2)' } }),
    ).toContain('„A (2)“');
    expect(errorText(t, { code: 'PLATFORM_NAME_TAKEN' })).not.toContain('{{');
    expect(errorText(t, { code: 'INVALID_CLIENT_CREDENTIALS' })).toContain('„Cloud-Zugangsdaten“');
    expect(errorText(t, { code: 'INVALID_CLIENT_CREDENTIALS' }, 'dialog')).not.toContain('Cloud-Zugangsdaten');
    expect(errorText(t, { code: 'CLOUD_UNREACHABLE', params: { url: 'https://x.example' } }, 'dialog')).not.toContain(
      'Cloud-Zugangsdaten',
    );
    expect(errorText(t, { code: 'NAME_TOO_LONG' })).toContain('80 Zeichen');
  });

  it('explains a validation error by its reason and names the field', () => {
    const t = testI18n('de').t;
    expect(errorText(t, { code: 'INVALID_INPUT', params: { field: 'patch.name', reason: 'NAME_REQUIRED' } })).toBe(
      'Bitte geben Sie eine Bezeichnung ein.',
    );
    expect(errorText(t, { code: 'INVALID_INPUT', params: { field: 'url', reason: 'Invalid input' } })).toContain(
      '„Cloud-URL“',
    );
  });
});

// Issue 24: an English message named ANMELDEN while the button read SIGN IN. A text names a button by
// `{{btnSignIn}}` etc. (translator.ts BUTTON_KEYS), filled from the button's own key.
describe('button names in texts', () => {
  type Tree = { readonly [key: string]: string | Tree };
  const leaves = (tree: Tree, prefix = ''): string[] =>
    Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : leaves(v, `${prefix}${k}.`)));

  it('every English text and error names the English buttons, never the German ones', () => {
    const t = testI18n('en').t;
    for (const key of leaves(en as unknown as Tree)) {
      const text = t.lookup(key, {}) ?? '';
      expect(text, key).not.toMatch(/ANMELDEN|AKTUALISIEREN|Protokoll exportieren|Einstellungen importieren|\{\{btn/);
    }
    expect(errorText(t, { code: 'AUTH_CANCELLED' })).toBe('The sign-in was cancelled. Click SIGN IN to start again.');
    expect(errorText(t, { code: 'SPAPI_ACCESS_DENIED' })).toContain('click REFRESH');
    expect(errorText(t, { code: 'IMPORT_INVALID' })).toContain('“Export log”');
  });

  it('German texts fill the same placeholders with the German buttons', () => {
    const t = testI18n('de').t;
    expect(errorText(t, { code: 'AUTH_CANCELLED' })).toBe(
      'Die Anmeldung wurde abgebrochen. Klicken Sie auf ANMELDEN, um neu zu beginnen.',
    );
    expect(t('cred.info1')).toBe('Nach ANMELDEN öffnet sich Ihr Standardbrowser mit Amazon Seller Central.');
    expect(errorText(t, { code: 'REGION_CHANGED', params: { previousRegion: 'EU', region: 'NA' } })).toBe(
      'Die Region wurde von Europa (EU) auf Nordamerika (NA) geändert; die bisherige Anmeldung gilt nur für ihre Region. Bitte melden Sie sich mit ANMELDEN beim Amazon-Konto der neuen Region an.',
    );
  });
});
