// The core's desktop notifications follow the UI's language (issue 14): the renderer says it through
// `setLanguage` (validated like every IPC input), the core keeps it in the store, and a notification
// raised after a restart — before any window has spoken — is in the language last chosen.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryVault } from './vault';
import { platformSchema } from '../../shared/platform';
import { NOTIFICATION_TEXTS, type NotificationTexts } from './notification-texts';
import { startDesktop, type Desktop } from './testing/desktop';
import { tempDirs } from '../../shared/testing/temp-dir';

const DAY = 24 * 3600 * 1000;
let t = Date.parse('2027-03-01T12:00:00Z');
const now = () => t;
const vault = { available: true as const, vault: new MemoryVault(), plaintextFallback: false };
const freshDir = tempDirs('acc-notify-lang-');
let desk: Desktop | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

/** A store with one authenticated platform whose yearly renewal is due in ten days. */
function storeWithRenewalDue(): string {
  const dir = freshDir();
  const platform = platformSchema.parse({
    id: 'p1',
    type: 'amazon',
    name: 'Amazon Sprache',
    active: true,
    useCloud: true,
    countryCode: 'DE',
    createdAt: new Date(t - 355 * DAY).toISOString(),
    auth: {
      status: 'authenticated',
      sellingPartnerId: 'A1SPRACHE',
      authorizedAt: new Date(t - 355 * DAY).toISOString(),
      renewalDueAt: new Date(t + 10 * DAY).toISOString(),
    },
  });
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ platforms: [platform] }));
  return dir;
}

const start = (dir: string) => startDesktop({ sandboxUrl: 'http://127.0.0.1:9', dir, now, vault });

describe('notification language', () => {
  it('German by default; English after setLanguage, and still English after a restart', async () => {
    const dir = storeWithRenewalDue();
    desk = await start(dir);
    desk.core.checkRenewals();
    expect(desk.notifications).toEqual([
      {
        title: 'Amazon-Autorisierung erneuern',
        body: expect.stringContaining('Amazon Sprache: Die Amazon-Autorisierung läuft am 11.03.2027 ab.'),
      },
    ]);

    expect(await desk.call('setLanguage', { language: 'en' })).toEqual({ language: 'en' });
    t += DAY;
    desk.core.checkRenewals();
    expect(desk.notifications.at(-1)).toEqual({
      title: 'Renew the Amazon authorization',
      body: expect.stringContaining('Amazon Sprache: The Amazon authorization expires on 11 Mar 2027.'),
    });

    await desk.close();
    t += DAY;
    desk = await start(dir);
    desk.core.checkRenewals();
    expect(desk.notifications).toEqual([
      { title: 'Renew the Amazon authorization', body: expect.stringContaining('expires on 11 Mar 2027') },
    ]);
    expect(JSON.parse(desk.storeText()).uiLanguage).toBe('en');

    // And back.
    await desk.call('setLanguage', { language: 'de' });
    t += DAY;
    desk.core.checkRenewals();
    expect(desk.notifications.at(-1)?.title).toBe('Amazon-Autorisierung erneuern');
  });

  it('is in the app info the page starts from, and a switch sends the app info anew (the same language, nothing)', async () => {
    const dir = storeWithRenewalDue();
    desk = await start(dir);
    expect((await desk.call('getAppInfo')).language).toBe('de');
    const appInfoEvents = () => desk!.events.filter((e) => e.startsWith('appInfoChanged '));
    await desk.call('setLanguage', { language: 'de' });
    expect(appInfoEvents()).toEqual([]);
    await desk.call('setLanguage', { language: 'en' });
    expect(appInfoEvents()).toHaveLength(1);
    expect(JSON.parse(appInfoEvents()[0]!.slice('appInfoChanged '.length))).toMatchObject({ language: 'en' });
    await desk.close();
    desk = await start(dir);
    expect((await desk.call('getAppInfo')).language).toBe('en');
  });

  it('refuses anything but a known language, keeping the last good one', async () => {
    desk = await start(storeWithRenewalDue());
    await desk.call('setLanguage', { language: 'en' });
    for (const bad of [
      undefined,
      'en',
      { language: 'fr' },
      { language: 'EN' },
      { language: 'en\u0000' },
      { language: 'en', extra: 1 },
      { language: 'x'.repeat(100_000) },
      { language: ['en'] },
    ]) {
      expect((await desk.failure('setLanguage', bad)).code, JSON.stringify(bad)?.slice(0, 40)).toBe('INVALID_INPUT');
    }
    expect(JSON.parse(desk.storeText()).uiLanguage).toBe('en');
  });

  it('reads a hand-edited language in the store as German', async () => {
    const dir = storeWithRenewalDue();
    const file = path.join(dir, 'config.json');
    fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), uiLanguage: 'fr' }));
    desk = await start(dir);
    desk.core.checkRenewals();
    expect(desk.notifications.at(-1)?.title).toBe('Amazon-Autorisierung erneuern');
  });

  it('has every text in both languages (a missing one does not compile)', () => {
    // @ts-expect-error a language's table without the overdue text
    const missing: NotificationTexts = { ...NOTIFICATION_TEXTS.en, renewal: { title: 'Renew', soon: () => 'soon' } };
    expect(missing.renewal.title).toBe('Renew');
    for (const lng of ['de', 'en'] as const) {
      const x = NOTIFICATION_TEXTS[lng];
      const texts = [
        x.signInDone.title,
        x.signInDone.body('N', 'S'),
        x.signInFailed.title,
        x.signInFailed.body('N', true),
        x.signInFailed.body('N', false),
        x.sellerChanged.title,
        x.sellerChanged.body('N'),
        x.renewal.title,
        x.renewal.soon('N', 'D'),
        x.renewal.overdue('N', 'D'),
      ];
      for (const text of texts) expect(text.trim().length).toBeGreaterThan(3);
    }
    expect(NOTIFICATION_TEXTS.en.signInDone.title).not.toBe(NOTIFICATION_TEXTS.de.signInDone.title);
  });
});
