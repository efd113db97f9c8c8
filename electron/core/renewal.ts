// The yearly renewal of Amazon's authorization: a desktop notification at most once a day per platform
// from 30 days before renewalDueAt (shared/renewal.ts), the day persisted so a restart does not repeat
// it; and the link to Seller Central's "Manage Your Apps", where the seller can Re-Authorize instead
// of pressing AKTUALISIEREN. The clock is injected.
import { countryByCode } from '../../shared/amazon-regions';
import type { Platform } from '../../shared/platform';
import { validAuthorization } from '../../shared/valid-authorization';
import { MANAGE_YOUR_APPS_PATH, renewalState } from '../../shared/renewal';
import { CodedError } from '../../shared/result';
import type { CoreHost } from './host';
import type { PlatformService } from './platforms';
import type { KeyValueStore } from './profile-store';
import type { Timeline } from './timeline';
import { NOTIFICATION_TEXTS, type NotificationTexts } from './notification-texts';

const KEY = 'renewalNotifiedDay';
const HOUR_MS = 3600 * 1000;

/** The local calendar day, e.g. 2026-11-28: "once a day" means once per day as the merchant sees it. */
function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

interface RenewalReminderOptions {
  platforms: PlatformService;
  kv: KeyValueStore;
  host: CoreHost;
  timeline: Timeline;
  now: () => number;
  /** How often to look (default hourly); the day check keeps it to one notification a day. */
  intervalMs?: number;
  /** The notification texts in the UI's current language (ui-language.ts); German when not given. */
  texts?: () => NotificationTexts;
}

export class RenewalReminder {
  private timer: ReturnType<typeof setInterval> | undefined;
  constructor(private readonly o: RenewalReminderOptions) {}

  start(): void {
    this.check();
    this.timer = setInterval(() => this.check(), this.o.intervalMs ?? HOUR_MS);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Notifies for every platform whose renewal is due within 30 days and was not notified today. */
  check(): void {
    const now = this.o.now();
    const today = localDay(now);
    const notified = this.notified();
    const platforms = this.o.platforms.list();
    // Deleted platforms need no reminder day any more.
    let changed = false;
    for (const id of Object.keys(notified)) {
      if (!platforms.some((p) => p.id === id)) {
        delete notified[id];
        changed = true;
      }
    }
    for (const p of platforms) {
      // An inactive platform is not used (inactive.ts): no reminder for it.
      const auth = p.useCloud && p.active ? validAuthorization(p) : undefined;
      const state = renewalState(auth?.renewalDueAt, now);
      if (!auth?.renewalDueAt || !state || state.kind === 'ok' || notified[p.id] === today) continue;
      const texts = this.o.texts?.() ?? NOTIFICATION_TEXTS.de;
      const date = new Date(auth.renewalDueAt).toLocaleDateString(texts.locale, { dateStyle: 'medium' });
      this.o.host.notify(
        texts.renewal.title,
        state.kind === 'overdue' ? texts.renewal.overdue(p.name, date) : texts.renewal.soon(p.name, date),
      );
      this.o.timeline.add(
        p.id,
        { id: 'renewalReminderShown' },
        'info',
        `renewal due ${auth.renewalDueAt} (${state.daysLeft} days left)`,
      );
      notified[p.id] = today;
      changed = true;
    }
    if (changed) this.o.kv.set(KEY, notified);
  }

  private notified(): Record<string, string> {
    const raw = this.o.kv.get(KEY);
    return raw && typeof raw === 'object' && !Array.isArray(raw) ? { ...(raw as Record<string, string>) } : {};
  }
}

/** Seller Central's "Manage Your Apps" on the platform's host (or the sandbox's stand-in for it). */
export function manageYourAppsUrl(p: Platform, sandboxOrigin?: string): string {
  const host = countryByCode(p.countryCode)?.sellerCentralHost;
  if (!host)
    throw new CodedError('INVALID_INPUT', `unknown country ${p.countryCode}`, {
      field: 'countryCode',
      reason: 'unknown',
    });
  const base = sandboxOrigin ? `${sandboxOrigin.replace(/\/+$/, '')}/sc/${host}` : `https://${host}`;
  return `${base}${MANAGE_YOUR_APPS_PATH}`;
}
