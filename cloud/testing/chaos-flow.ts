// One merchant of the chaos run (chaos.ts): ANMELDEN, the seller consents, and again after a clear error.
import type { Platform } from '../../shared/platform';
import { seedAccount, type SeedAccount } from '../../sandbox';
import { consentRedirect, SellerBrowser, signInToConsent } from './seller-browser';
import { sleep, type Rig } from './chaos-rig';
import type { ChaosOptions } from './chaos-types';

const SELLERS: Array<{ seller: SeedAccount; country: string }> = [
  { seller: seedAccount('eu.haendler@example.com')!, country: 'DE' },
  { seller: seedAccount('na.seller@example.com')!, country: 'US' },
];
const MAX_ATTEMPTS = 5;

/** Amazon's redirect as the seller's browser follows it: reloaded while the cloud does not answer. */
async function followRedirect(url: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
      await res.text();
      return;
    } catch {
      if (Date.now() > deadline) return;
      await sleep(300);
    }
  }
}

export interface FlowRecord {
  index: number;
  desk: number;
  platformId: string;
  expected: string;
  attempts: number;
  /** The code the last ANMELDEN was refused with when it could not start (shown to the merchant). */
  startError?: string;
}

/** One merchant: ANMELDEN, the seller consents, and again after a clear error (at most MAX_ATTEMPTS). */
export async function runFlow(rig: Rig, index: number, options: ChaosOptions): Promise<FlowRecord> {
  const { seller, country } = SELLERS[index % SELLERS.length]!;
  const deskIndex = index % rig.desks.length;
  const desk = () => rig.desks[deskIndex]!;
  const deadlineMs = options.flowDeadlineMs ?? 120_000;
  let platformId = '';
  for (let tries = 0; !platformId; tries++) {
    try {
      platformId = (await desk().newPlatform(`Amazon Chaos ${index}`, country)).id;
    } catch (err) {
      // A desktop restarting: the profile may have been created before it went.
      const found = await desk()
        .call('listPlatforms')
        .then(
          (l) => l.find((p) => p.name === `Amazon Chaos ${index}`),
          () => undefined,
        );
      if (found) {
        platformId = found.id;
        if (!found.useCloud)
          await desk()
            .call('updatePlatform', { id: found.id, patch: { useCloud: true, countryCode: country } })
            .catch(() => undefined);
      } else if (tries > 20) throw err;
      else await sleep(200);
    }
  }
  const record: FlowRecord = { index, desk: deskIndex, platformId, expected: seller.sellingPartnerId, attempts: 0 };
  let consents = 0;
  const startBy = Date.now() + deadlineMs;
  while (consents < MAX_ATTEMPTS) {
    record.attempts++;
    let waiting: Platform;
    try {
      waiting = await desk().call('signIn', { id: platformId, mode: 'login' });
      delete record.startError;
    } catch (err) {
      // Unreachable cloud (killed, restarting), a desktop restarting: the app shows the code's sentence,
      // and the merchant clicks again a moment later — until they give up.
      record.startError = (err as { code?: string }).code ?? 'INTERNAL';
      if (Date.now() > startBy) break;
      await sleep(500);
      continue;
    }
    if (waiting.auth.status !== 'waiting' || waiting.auth.origin !== 'desktop') continue;
    consents++;
    const deadline = Date.now() + deadlineMs;
    // The link leads through the cloud's start link, which a fault may cut: the seller opens it again,
    // and when it no longer works, clicks ANMELDEN again.
    let callback: string | undefined;
    for (let tries = 0; !callback && tries < 3; tries++) {
      try {
        const browser = new SellerBrowser();
        callback = await consentRedirect(
          browser,
          await signInToConsent(browser, waiting.auth.consentUrl, seller, rig.sandbox.url),
        );
      } catch {
        await sleep(500);
      }
    }
    if (!callback) continue;
    await followRedirect(callback, deadline);
    const ended = await until(
      () => desk().platform(platformId),
      (p) => p.auth.status !== 'waiting',
      deadline,
    );
    if (!ended || ended.auth.status === 'authenticated' || ended.auth.status === 'waiting') break;
  }
  return record;
}

async function until(
  read: () => Promise<Platform>,
  done: (p: Platform) => boolean,
  deadline: number,
): Promise<Platform | undefined> {
  let last: Platform | undefined;
  while (Date.now() < deadline) {
    last = await read().catch(() => last);
    if (last && done(last)) return last;
    await sleep(200);
  }
  return last;
}
