// What the parts of a sign-in share: the services it uses, the clock, the notification texts, and the
// one way it changes a platform's `auth` (the pure transition of shared/auth-machine.ts).
import { withAuthEvent, type AuthEvent } from '../../../shared/auth-machine';
import type { Platform } from '../../../shared/platform';
import type { CloudClient } from '../cloud-client';
import type { ExternalUrlPolicy } from '../external-urls';
import type { CoreHost, Logger } from '../host';
import { NOTIFICATION_TEXTS, type NotificationTexts } from '../notification-texts';
import type { PlatformService } from '../platforms';
import type { Timeline } from '../timeline';

export interface SignInOptions {
  platforms: PlatformService;
  cloud: CloudClient;
  host: CoreHost;
  timeline: Timeline;
  logger: Logger;
  urlPolicy: ExternalUrlPolicy;
  now?: () => number;
  /** Long-poll hold time asked of the cloud (25 s: below common proxy idle timeouts of 30–60 s). */
  waitSeconds?: number;
  backoff?: { baseMs: number; capMs: number; random?: () => number };
  /** How long to keep trying an unreachable cloud after expiresAt before giving up. */
  graceMs?: number;
  /** Runs before the cloud authorization is created (sandbox mode: applies an armed scenario). */
  beforeStart?: (p: Platform) => Promise<void>;
  /** The notification texts in the UI's current language (ui-language.ts); German when not given. */
  texts?: () => NotificationTexts;
}

export interface SignInContext extends SignInOptions {
  now: () => number;
  nowIso(): string;
  texts: () => NotificationTexts;
  /** A desktop notification, raised only while the window is not focused. */
  notify(title: string, body: string): void;
}

export function signInContext(o: SignInOptions): SignInContext {
  const now = o.now ?? Date.now;
  return {
    ...o,
    now,
    nowIso: () => new Date(now()).toISOString(),
    texts: () => o.texts?.() ?? NOTIFICATION_TEXTS.de,
    notify: (title, body) => {
      if (!o.host.isFocused()) o.host.notify(title, body);
    },
  };
}

/** Applies a sign-in event to a stored platform: the one way the desktop changes `auth`. */
export function applyAuthEvent(platforms: PlatformService, platformId: string, event: AuthEvent): Platform {
  return platforms.patch(platformId, (x) => withAuthEvent(x, event));
}
