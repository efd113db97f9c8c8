// @vitest-environment jsdom
// The first screen (the list, its title, tool and status bars, its banners) renders from the first
// screen's German texts alone (i18n/de.ts): the other screens' texts and the error texts (de.rest.ts)
// come later, so a key of theirs used here would show as the key itself. In this file they never
// arrive, and every state of the first screen is checked for a key in place of a text.
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { deRest } from '../../i18n/de.rest';
import { de } from '../../i18n/de';
import type { AppInfo } from '../../../../shared/ipc-contract';
import type { Platform } from '../../../../shared/platform';

// The app's modules afresh, as in a renderer that just started: the unit tier shares modules between
// files, and another file of this worker may have loaded the rest of the German texts or a lazy screen
// (which would then render at once, before its texts).
vi.resetModules();
const { App, preloadRest } = await import('./App');
const { I18nProvider } = await import('../../i18n');
const { createTranslator, loadGermanRest } = await import('../../i18n/translator');
const { setApi } = await import('../../api');
const { appInfo, fakeApi, platform, waitingAuth } = await import('../../test/fake-api');
const { usePlatforms } = await import('../../store/platforms');
const { useUi } = await import('../../store/ui');

// The rest of the German texts does not arrive in this file: its fetch is held. After the last case it
// arrives, and the file ends only once the other tabs' chunks (which the App starts to fetch once the
// list is shown) are in: nothing of this file still imports after its jsdom is gone.
let arrive = () => {};
void loadGermanRest(() => new Promise((resolve) => (arrive = () => resolve(deRest))));
afterAll(async () => {
  arrive();
  await preloadRest();
});

type Tree = { readonly [key: string]: string | Tree };
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [prefix + k, prefix + k.replace(/_(one|other)$/, '')] : keys(v, `${prefix}${k}.`),
  );
const ALL_KEYS = [...new Set([...keys(de), ...keys(deRest as unknown as Tree)])];

/** Every text the page shows or says: its text, and the attributes read out or shown as tooltips. */
function shownTexts(): string[] {
  const attrs = [...document.body.querySelectorAll('*')].flatMap((el) =>
    ['title', 'aria-label', 'placeholder', 'alt'].map((a) => el.getAttribute(a) ?? ''),
  );
  return [document.body.textContent ?? '', ...attrs].filter(Boolean);
}

const DAY = 24 * 3600 * 1000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

function show(platforms: Platform[], info: AppInfo, extra: Partial<ReturnType<typeof usePlatforms.getState>> = {}) {
  setApi(fakeApi(platforms, info).api);
  usePlatforms.getState().startFrom({ list: { ok: true, value: platforms }, appInfo: { ok: true, value: info } });
  usePlatforms.setState(extra);
  render(
    <I18nProvider i18n={createTranslator('de')}>
      <App />
    </I18nProvider>,
  );
}

// Not test/render's helpers: they bring all texts up front.
beforeEach(() => {
  usePlatforms.setState({ loaded: false, platforms: [], selectedId: null, appInfo: null, error: null });
  useUi.setState({ openId: null, modal: null, nameEdit: null });
});
afterEach(() => {
  cleanup();
  setApi(undefined);
});

describe('the first screen needs no text from the rest', () => {
  it.each<[string, Platform[], AppInfo, Partial<ReturnType<typeof usePlatforms.getState>>?]>([
    ['an empty list', [], appInfo()],
    [
      'every status the list shows',
      [
        platform({ id: 'p1', name: 'Ohne Anmeldung' }),
        platform({ id: 'p2', name: 'Läuft', auth: waitingAuth() }),
        platform({
          id: 'p3',
          name: 'Mit Namen',
          auth: {
            status: 'authenticated',
            sellingPartnerId: 'A1',
            storeName: 'Doe Outdoor Supply',
            authorizedAt: at(-DAY),
          },
        }),
        platform({
          id: 'p4',
          name: 'Nur Kennung',
          countryCode: 'US',
          auth: { status: 'authenticated', sellingPartnerId: 'A2', authorizedAt: at(-DAY) },
        }),
        platform({
          id: 'p5',
          name: 'Bald erneuern',
          auth: {
            status: 'authenticated',
            sellingPartnerId: 'A3',
            authorizedAt: at(-355 * DAY),
            renewalDueAt: at(10 * DAY),
          },
        }),
        platform({
          id: 'p6',
          name: 'Überfällig',
          auth: {
            status: 'authenticated',
            sellingPartnerId: 'A4',
            authorizedAt: at(-400 * DAY),
            renewalDueAt: at(-2 * DAY),
          },
        }),
        platform({ id: 'p7', name: 'Ohne Cloud', useCloud: false, active: false }),
      ],
      appInfo({ pendingCloudDeletions: 2 }),
      { selectedId: 'p3' },
    ],
    [
      'the sandbox, no keychain, a store problem and an error',
      [platform()],
      appInfo({
        amazon: { kind: 'sandbox', sandboxOrigin: 'http://127.0.0.1:9' },
        keychain: { available: false, plaintextFallback: false },
        storeWarning: { code: 'STORE_CORRUPT', backupPath: '/tmp/x' },
        unreadableProfiles: { code: 'PROFILES_UNREADABLE', count: 1, file: '/tmp/config' },
      }),
      { error: { code: 'HOST_UNREACHABLE' } },
    ],
  ])('%s', async (_name, platforms, info, extra) => {
    show(platforms, info, extra);
    await screen.findByRole('heading', { name: 'E-COMMERCE – PLATTFORMEN' });
    const shown = shownTexts();
    const leaked = ALL_KEYS.filter((key) => shown.some((text) => text.includes(key)));
    expect(leaked).toEqual([]);
    // Nor anything else that looks like a key (`section.key`), e.g. one that no longer exists.
    expect(shown.flatMap((text) => text.match(/\b[a-z][a-zA-Z]*\.[a-zA-Z_][\w.]*/g) ?? [])).toEqual([]);
    // And the screen did render its texts.
    expect(shown[0]).toContain(platforms.length === 1 ? '1 Plattform' : `${platforms.length} Plattformen`);
  });
});
