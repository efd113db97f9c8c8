// The yearly renewal reminder through the real core, cloud and sandbox, with the desktop's clock
// injected: the renewal date comes from the cloud (365 days after the consent); from 30 days before it
// the core notifies at most once a day, remembers the day across a restart, and opens Seller Central's
// "Manage Your Apps" of the platform's country.
import { expect, it } from 'vitest';
import { seedAccount } from '../../sandbox/seed';
import type { Stack } from '../../cloud/testing/stack';
import { startDesktop, type Desktop } from './testing/desktop';
import { signedInPlatform, useDesktopStack } from './testing/desktop-stack';

const EU = seedAccount('eu.haendler@example.com')!;
const DAY = 24 * 3600 * 1000;
const TITLE = 'Amazon-Autorisierung erneuern';
let stack: Stack;
let desk: Desktop;
let t = Date.now();
const now = () => t;

useDesktopStack('Erneuerung GmbH', (started) => void ({ stack, desk } = started), { desktop: { now } });

const reminders = () => desk.notifications.filter((n) => n.title === TITLE);

it('notifies from 30 days before the renewal date, once a day, also across a restart', async () => {
  const done = await signedInPlatform(desk, stack.sandbox.url, 'Amazon Erneuerung', EU);
  const p = done;
  const due = Date.parse(done.auth.status === 'authenticated' ? done.auth.renewalDueAt! : '');
  expect(due - Date.parse(done.auth.status === 'authenticated' ? done.auth.authorizedAt : '')).toBe(365 * DAY);

  t = due - 31 * DAY;
  desk.core.checkRenewals();
  expect(reminders()).toHaveLength(0);

  // Noon of the local day 29 days before the date: inside the 30 days, and an hour later is the same day
  // whatever time the test runs at.
  const noon = new Date(due - 29 * DAY);
  noon.setHours(12, 0, 0, 0);
  t = noon.getTime();
  expect(due - t).toBeLessThan(30 * DAY);
  desk.core.checkRenewals();
  expect(reminders()).toHaveLength(1);
  expect(reminders()[0]!.body).toContain('Amazon Erneuerung: Die Amazon-Autorisierung läuft am');
  expect(reminders()[0]!.body).toContain('„Apps verwalten“');
  t += 3600_000;
  desk.core.checkRenewals();
  expect(reminders()).toHaveLength(1);

  // A restart on the same day does not repeat it (the day is stored with the profiles).
  const dir = desk.dir;
  await desk.close();
  desk = await startDesktop({ sandboxUrl: stack.sandbox.url, now, dir });
  expect(reminders()).toHaveLength(0);

  t += DAY;
  desk.core.checkRenewals();
  expect(reminders()).toHaveLength(1);
  const steps = (await desk.call('getTimeline', { id: p.id })).map((e) => e.step);
  expect(steps.filter((s) => s === 'renewal reminder shown')).toHaveLength(2);

  // An inactive platform is not used: no reminder the next day; active again, it reminds.
  await desk.call('updatePlatform', { id: p.id, patch: { active: false } });
  t += DAY;
  desk.core.checkRenewals();
  expect(reminders()).toHaveLength(1);
  await desk.call('updatePlatform', { id: p.id, patch: { active: true } });
  desk.core.checkRenewals();
  expect(reminders()).toHaveLength(2);

  expect(await desk.call('openManageYourApps', { id: p.id })).toEqual({
    url: `${stack.sandbox.url}/sc/sellercentral-europe.amazon.com/apps/manage`,
  });
  expect(desk.opened.at(-1)).toBe(`${stack.sandbox.url}/sc/sellercentral-europe.amazon.com/apps/manage`);
});
