// @vitest-environment jsdom
// The language the app starts in is the core's (AppInfo.language), and only a switch goes back to it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startI18n } from '.';
import { provideGermanRest } from './translator';
import { deRest } from './de.rest';

afterEach(() => document.documentElement.setAttribute('lang', 'de'));

describe('startI18n', () => {
  it("starts in the core's language and tells it nothing back", async () => {
    const tell = vi.fn();
    const i18n = startI18n('en', tell);
    await i18n.ready();
    expect(i18n.language).toBe('en');
    expect(i18n.t('app.title')).toBe('E-COMMERCE – PLATFORMS');
    expect(document.documentElement.lang).toBe('en');
    expect(tell).not.toHaveBeenCalled();
  });

  it('tells the core each switch, once, and nothing for texts that merely arrive', async () => {
    const tell = vi.fn();
    const i18n = startI18n('de', tell);
    await i18n.changeLanguage('en');
    expect(tell.mock.calls).toEqual([['en']]);
    expect(document.documentElement.lang).toBe('en');
    await i18n.changeLanguage('en');
    provideGermanRest(deRest); // re-renders every translator, no switch
    await i18n.changeLanguage('de');
    expect(tell.mock.calls).toEqual([['en'], ['de']]);
    expect(document.documentElement.lang).toBe('de');
  });

  it('without an answer from the core starts in German, and a switch to German is still told', async () => {
    const tell = vi.fn();
    const i18n = startI18n(undefined, tell);
    expect(i18n.language).toBe('de');
    expect(tell).not.toHaveBeenCalled();
    await i18n.changeLanguage('en');
    await i18n.changeLanguage('de');
    expect(tell.mock.calls).toEqual([['en'], ['de']]);
  });
});
