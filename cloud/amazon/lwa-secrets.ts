// The LWA client secrets the cloud may use: the current one and, around a rotation, the next one.
// Amazon makes every app rotate its LWA client secret every 180 days; the old secret stops working at
// its expiry (docs/amazon.md §3, §5). Every tenant's token calls use the same secret, so a missed
// switch would fail all of them at once with invalid_client. The ring therefore tries the other
// secret on invalid_client and remembers the one LWA accepted. Values never leave this module except
// into the token request body.
import type { CloudConfig } from '../config';

export type SecretSlot = 'current' | 'next';

/** A secret without its value: what the status, the log and /readyz may know. */
export interface LwaSecretDates {
  slot: SecretSlot;
  /** When Amazon stops accepting it, if the operator configured it. */
  expiresAt?: Date;
}

export interface LwaSecret extends LwaSecretDates {
  value: string;
}

export function secretsFromConfig(config: CloudConfig): LwaSecret[] {
  const a = config.amazon;
  const secrets: LwaSecret[] = [
    {
      slot: 'current',
      value: a.lwaClientSecret,
      ...(a.lwaClientSecretExpiresAt ? { expiresAt: new Date(a.lwaClientSecretExpiresAt) } : {}),
    },
  ];
  if (a.lwaNextClientSecret && a.lwaNextClientSecret !== a.lwaClientSecret) {
    secrets.push({
      slot: 'next',
      value: a.lwaNextClientSecret,
      ...(a.lwaNextClientSecretExpiresAt ? { expiresAt: new Date(a.lwaNextClientSecretExpiresAt) } : {}),
    });
  }
  return secrets;
}

export class LwaSecretRing {
  private secrets: LwaSecret[];
  /** The value LWA accepted last; kept across a reload while it is still configured. */
  private working: string | undefined;

  constructor(
    secrets: LwaSecret[],
    private readonly now: () => number = Date.now,
  ) {
    if (secrets.length === 0) throw new Error('LwaSecretRing needs at least one secret');
    this.secrets = secrets;
  }

  /** The order to try: the secret LWA accepted last, then unexpired ones before expired ones. */
  ordered(): LwaSecret[] {
    const t = this.now();
    const expired = (s: LwaSecret) => (s.expiresAt !== undefined && s.expiresAt.getTime() <= t ? 1 : 0);
    return [...this.secrets].sort((x, y) => {
      if (x.value === this.working) return -1;
      if (y.value === this.working) return 1;
      return expired(x) - expired(y);
    });
  }

  /** Records that LWA accepted this secret: it is tried first from now on. */
  accepted(secret: LwaSecret): void {
    this.working = secret.value;
  }

  /** The slot used first for the next call. */
  active(): SecretSlot {
    return this.ordered()[0]!.slot;
  }

  /** A reload: new values and dates; the working secret stays preferred if it is still configured. */
  replace(secrets: LwaSecret[]): void {
    if (secrets.length === 0) throw new Error('LwaSecretRing needs at least one secret');
    this.secrets = secrets;
    if (!secrets.some((s) => s.value === this.working)) this.working = undefined;
  }

  /** Slots and expiry dates only (for the status and the log), never the values. */
  describe(): LwaSecretDates[] {
    return this.secrets.map((s) => ({ slot: s.slot, ...(s.expiresAt ? { expiresAt: s.expiresAt } : {}) }));
  }
}
