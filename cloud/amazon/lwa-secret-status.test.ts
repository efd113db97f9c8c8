// The expiry status of the LWA client secrets (for the log and /readyz) and the order the ring tries
// them in. Dates are injected; nothing waits.
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { parseConfig, type CloudConfig } from '../config';
import { lwaSecretStatus } from './lwa-secret-status';
import { LwaSecretRing, secretsFromConfig } from './lwa-secrets';

const key = () => randomBytes(32).toString('base64');
function config(amazon: Partial<CloudConfig['amazon']>): CloudConfig {
  return parseConfig({
    publicUrl: 'https://cloud.example.com',
    amazon: {
      mode: 'production',
      applicationId: 'amzn1.sp.solution.x',
      lwaClientId: 'id',
      lwaClientSecret: 'secret-one',
      ...amazon,
    },
    signingKey: key(),
    encryptionKey: key(),
  });
}
const at = (iso: string) => Date.parse(iso);

describe('lwaSecretStatus', () => {
  it('is ok from more than 30 days before the last expiry, then warns, then says expired', () => {
    const c = config({ lwaClientSecretExpiresAt: '2026-07-01' });
    expect(lwaSecretStatus(secretsFromConfig(c), at('2026-05-31T00:00:00Z'))).toMatchObject({
      level: 'ok',
      active: 'current',
      daysLeft: 31,
      nextConfigured: false,
    });
    const warn = lwaSecretStatus(secretsFromConfig(c), at('2026-06-01T12:00:00Z'));
    expect(warn).toMatchObject({ level: 'warn', daysLeft: 29, daysUntilAllExpired: 29 });
    expect(warn.message).toContain('no next secret is configured');
    expect(lwaSecretStatus(secretsFromConfig(c), at('2026-07-01T00:00:00Z'))).toMatchObject({
      level: 'expired',
      daysLeft: 0,
    });
  });

  it('counts the next secret: no warning while it lasts, and it becomes active once the current expires', () => {
    const c = config({
      lwaClientSecretExpiresAt: '2026-07-01',
      lwaNextClientSecret: 'secret-two',
      lwaNextClientSecretExpiresAt: '2026-12-28',
    });
    expect(lwaSecretStatus(secretsFromConfig(c), at('2026-06-20T00:00:00Z'))).toMatchObject({
      level: 'ok',
      active: 'current',
      daysLeft: 11,
      daysUntilAllExpired: 191,
      nextConfigured: true,
    });
    expect(lwaSecretStatus(secretsFromConfig(c), at('2026-07-02T00:00:00Z'))).toMatchObject({
      level: 'ok',
      active: 'next',
      daysLeft: 179,
    });
    // The running cloud's view wins: LWA accepted the next one already.
    expect(lwaSecretStatus(secretsFromConfig(c), at('2026-06-20T00:00:00Z'), 'next')).toMatchObject({
      active: 'next',
      daysLeft: 191,
    });
  });

  it('says the expiry is unknown without dates, and never contains a secret', () => {
    const s = lwaSecretStatus(secretsFromConfig(config({ lwaNextClientSecret: 'secret-two' })), Date.now());
    expect(s).toMatchObject({ level: 'unknown', nextConfigured: true });
    expect(JSON.stringify(s)).not.toMatch(/secret-(one|two)/);
  });

  it('rejects a date that is not ISO 8601', () => {
    expect(() => config({ lwaClientSecretExpiresAt: '01.07.2026' })).toThrow(/lwaClientSecretExpiresAt/);
  });
});

describe('LwaSecretRing', () => {
  it('tries unexpired before expired, then the one LWA accepted first, also across a reload', () => {
    let now = at('2026-06-01T00:00:00Z');
    const c = config({ lwaClientSecretExpiresAt: '2026-07-01', lwaNextClientSecret: 'secret-two' });
    const ring = new LwaSecretRing(secretsFromConfig(c), () => now);
    expect(ring.ordered().map((s) => s.slot)).toEqual(['current', 'next']);
    now = at('2026-07-02T00:00:00Z');
    expect(ring.ordered().map((s) => s.slot)).toEqual(['next', 'current']);
    now = at('2026-06-01T00:00:00Z');
    ring.accepted(ring.ordered()[1]!);
    expect(ring.active()).toBe('next');
    // The operator promotes the next secret to current: the working value stays preferred.
    ring.replace(secretsFromConfig(config({ lwaClientSecret: 'secret-two' })));
    expect(ring.ordered().map((s) => s.value)).toEqual(['secret-two']);
  });
});
