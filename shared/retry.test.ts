import { describe, expect, it } from 'vitest';
import { backoffDelay, MAX_RETRY_AFTER_SECONDS, retryAfterSeconds, sleep } from './retry';

describe('backoffDelay (full jitter)', () => {
  it('lies between 0 and min(cap, base·2^attempt)', () => {
    expect(backoffDelay(0, { baseMs: 100, capMs: 10_000, random: () => 0 })).toBe(0);
    expect(backoffDelay(3, { baseMs: 100, capMs: 10_000, random: () => 0.5 })).toBe(400);
    expect(backoffDelay(3, { baseMs: 100, capMs: 10_000, random: () => 0.999 })).toBeLessThan(800);
  });

  it('never exceeds the cap, however many attempts failed', () => {
    for (const attempt of [10, 30, 1000, Number.MAX_SAFE_INTEGER]) {
      expect(backoffDelay(attempt, { baseMs: 250, capMs: 10_000, random: () => 0.999999 })).toBeLessThanOrEqual(10_000);
    }
  });
});

describe('retryAfterSeconds', () => {
  const now = Date.parse('2026-11-28T10:00:00Z');
  it('reads delta-seconds and HTTP dates, and nothing else', () => {
    expect(retryAfterSeconds('12', now)).toBe(12);
    expect(retryAfterSeconds(' 7 ', now)).toBe(7);
    expect(retryAfterSeconds('Sat, 28 Nov 2026 10:00:30 GMT', now)).toBe(30);
    expect(retryAfterSeconds('Sat, 28 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterSeconds('-3', now)).toBeUndefined();
    expect(retryAfterSeconds('soon', now)).toBeUndefined();
    expect(retryAfterSeconds(undefined, now)).toBeUndefined();
  });

  it('caps what a server may ask for', () => {
    expect(retryAfterSeconds('999999999', now)).toBe(MAX_RETRY_AFTER_SECONDS);
    expect(retryAfterSeconds('Fri, 01 Jan 2100 00:00:00 GMT', now)).toBe(MAX_RETRY_AFTER_SECONDS);
  });
});

it('sleep ends at once when aborted', async () => {
  const ctrl = new AbortController();
  const slept = sleep(60_000, ctrl.signal);
  ctrl.abort();
  await expect(slept).resolves.toBeUndefined();
});
