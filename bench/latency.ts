// Completion latency: t0 = just before the seller's browser fetches Amazon's redirect URL at the cloud's
// callback; t1 = the core emits a platformsChanged whose platform is authenticated; t2 (browser host)
// = the list's status cell reads "authenticated" in Chromium (MutationObserver, page clock).
// Baseline: a client that polls the same cloud every 5 s (`?wait=0`), RFC 8628's default interval.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { seedAccount } from '../sandbox/seed';
import { TestCloudHttp } from '../cloud/testing/stack';
import { consentRedirect, SellerBrowser, signInToConsent } from '../cloud/testing/seller-browser';
import { startDesktop } from '../electron/core/testing/desktop';
import { MemoryVault, type VaultStatus } from '../electron/core/vault';
import { runBrowserHost } from '../electron/browser-host/main';
import type { Core } from '../electron/core/core';
import type { Platform } from '../shared/platform';
import type { Result } from '../shared/result';
import { now, type BenchStack } from './stack';
import { sleep, summarize, type Summary } from './stats';
import type { PhaseRecorder } from './phases';

const SELLER = seedAccount('eu.haendler@example.com')!;
const POLL_INTERVAL_MS = 5000;
const memoryVault = (): VaultStatus => ({ available: true, vault: new MemoryVault(), plaintextFallback: false });

interface LatencyResult {
  core: Summary;
  browserHost: { t1: Summary; t2: Summary; t2MinusT1: Summary };
  poller: { measured: Summary; analytic: { p50: number; p95: number; p99: number; model: string } };
}

function authenticatedAt(core: Core, platformId: string, timeoutMs = 15_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`platform ${platformId} not authenticated within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = core.onEvent((name, payload) => {
      if (name !== 'platformsChanged') return;
      const p = (payload as Platform[]).find((x) => x.id === platformId);
      if (p?.auth.status === 'authenticated') {
        const t = now();
        clearTimeout(timer);
        off();
        resolve(t);
      }
    });
  });
}

async function invoke<T>(core: Core, name: string, payload?: unknown): Promise<T> {
  const r = (await core.invoke(name as never, payload)) as Result<T>;
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.detail ?? ''}`);
  return r.value;
}

/** One sign-in through the core, up to Amazon's redirect; returns the redirect URL and the platform. */
async function startFlow(core: Core, opened: string[], browser: SellerBrowser, sandboxUrl: string, name: string) {
  const created = await invoke<Platform>(core, 'createPlatform', { type: 'amazon', name });
  const p = await invoke<Platform>(core, 'updatePlatform', {
    id: created.id,
    patch: { useCloud: true, countryCode: 'DE' },
  });
  await invoke(core, 'signIn', { id: p.id, mode: 'login' });
  const consentUrl = opened.at(-1)!;
  const redirect = await consentRedirect(browser, await signInToConsent(browser, consentUrl, SELLER, sandboxUrl));
  // The core's long-poll is in place well before a human confirms; give it a moment here too.
  await sleep(15);
  return { platformId: p.id, redirect };
}

/** Fetches the redirect at the cloud (the seller's browser arriving there); returns t0. */
function hitCallback(redirect: string): { t0: number; done: Promise<void> } {
  const t0 = now();
  const done = fetch(redirect, { redirect: 'manual' }).then(async (res) => {
    await res.text();
    if (res.status !== 200) throw new Error(`callback: ${res.status}`);
  });
  return { t0, done };
}

export async function coreLatency(
  stack: BenchStack,
  flows: number,
  warmup = 5,
  phases?: PhaseRecorder,
): Promise<Summary> {
  const desk = await startDesktop({
    sandboxUrl: stack.sandbox.url,
    vault: memoryVault(),
    extra: { signIn: { waitSeconds: 25 } },
  });
  try {
    await desk.call('saveCloudSettings', { url: stack.cloudUrl, ...stack.creds });
    const browser = new SellerBrowser();
    const samples: number[] = [];
    for (let i = 0; i < warmup + flows; i++) {
      const { platformId, redirect } = await startFlow(desk.core, desk.opened, browser, stack.sandbox.url, `Core ${i}`);
      const t1 = authenticatedAt(desk.core, platformId);
      phases?.reset();
      const { t0, done } = hitCallback(redirect);
      const latency = (await t1) - t0;
      await done;
      if (i >= warmup) {
        samples.push(latency);
        phases?.flow(t0, t0 + latency);
      }
      // Keep the list short, as a merchant's is: each event carries the whole list.
      await desk.call('deletePlatform', { id: platformId });
    }
    return summarize(samples);
  } finally {
    await desk.close();
  }
}

export async function browserHostLatency(
  stack: BenchStack,
  flows: number,
  rendererDir: string,
  warmup = 3,
): Promise<LatencyResult['browserHost']> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'acc-bench-latency-'));
  const opened: string[] = [];
  // The host prints each notification and its log to stdout; the bench's table goes there too.
  const { log, info } = console;
  console.log = console.info = () => undefined;
  const { core, host } = await runBrowserHost({
    userDataDir,
    rendererDir,
    openExternal: async (url) => void opened.push(url),
    env: { ACC_SANDBOX_ORIGIN: stack.sandbox.url },
    vault: memoryVault(),
  });
  const chrome = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    await invoke(core, 'saveCloudSettings', { url: stack.cloudUrl, ...stack.creds });
    const page = await chrome.newPage();
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'E-COMMERCE – PLATTFORMEN' }).waitFor();
    const browser = new SellerBrowser();
    const t1s: number[] = [];
    const t2s: number[] = [];
    const gaps: number[] = [];
    for (let i = 0; i < warmup + flows; i++) {
      const { platformId, redirect } = await startFlow(core, opened, browser, stack.sandbox.url, `Host ${i}`);
      const selector = `tr[id="row-${platformId}"] td[data-status]`;
      await page.locator(selector).waitFor();
      // Arm the observer in the page before t0; it timestamps the DOM commit with the page's clock.
      // (A string, not a function: tsx's name helpers do not exist in the page.)
      await page.evaluate(`window.__t2 = new Promise((resolve) => {
        const sel = ${JSON.stringify(selector)};
        const observer = new MutationObserver(() => {
          if (document.querySelector(sel)?.getAttribute('data-status') === 'authenticated') {
            observer.disconnect();
            resolve(performance.timeOrigin + performance.now());
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      }); undefined`);
      const t1p = authenticatedAt(core, platformId);
      const { t0, done } = hitCallback(redirect);
      const t1 = await t1p;
      const t2 = (await page.evaluate('window.__t2')) as number;
      await done;
      if (i >= warmup) {
        t1s.push(t1 - t0);
        t2s.push(t2 - t0);
        gaps.push(t2 - t1);
      }
      await invoke(core, 'deletePlatform', { id: platformId });
    }
    return { t1: summarize(t1s), t2: summarize(t2s), t2MinusT1: summarize(gaps) };
  } finally {
    await chrome.close();
    await host.close();
    await core.dispose();
    fs.rmSync(userDataDir, { recursive: true, force: true });
    Object.assign(console, { log, info });
  }
}

/**
 * The baseline: `flows` clients at once, each polling its authorization with `?wait=0` every 5 s from
 * the moment it starts waiting; each seller confirms after a uniformly random 1–6 s, so the callback
 * falls at a random phase of the poll interval.
 */
export async function pollerLatency(
  stack: BenchStack,
  flows: number,
  processingMs: number,
): Promise<LatencyResult['poller']> {
  const client = new TestCloudHttp(stack.cloudUrl, stack.creds);
  const browser = new SellerBrowser();
  const one = async (i: number): Promise<number> => {
    const platform = await client.createPlatform(`Poller ${i}`);
    const auth = (await client.startAuthorization(platform.body.id as string)).body as {
      id: string;
      consentUrl: string;
    };
    const waitingSince = now();
    let seen: number | undefined;
    const polling = (async () => {
      // Bounded: 4 polls past the latest callback time (6 s) at most.
      for (let poll = 0; poll < 4; poll++) {
        const res = await client.raw('GET', `/v1/authorizations/${auth.id}?wait=0`);
        if (res.body.status !== 'pending') return (seen = now());
        await sleep(waitingSince + (poll + 1) * POLL_INTERVAL_MS - now());
      }
      throw new Error('poller never saw the authorization complete');
    })();
    const redirect = await consentRedirect(
      browser,
      await signInToConsent(browser, auth.consentUrl, SELLER, stack.sandbox.url),
    );
    await sleep(waitingSince + 1000 + Math.random() * POLL_INTERVAL_MS - now());
    const { t0, done } = hitCallback(redirect);
    await done;
    await polling;
    return seen! - t0;
  };
  // Sign the shared browser in first (sign-in and one-time code), so that the flows below only confirm.
  const warm = await client.createPlatform('Poller warm-up');
  const warmAuth = (await client.startAuthorization(warm.body.id as string)).body as { consentUrl: string };
  await signInToConsent(browser, warmAuth.consentUrl, SELLER, stack.sandbox.url);
  const samples = await Promise.all(Array.from({ length: flows }, (_, i) => one(i)));
  return {
    measured: summarize(samples),
    analytic: {
      // Completion at a uniformly random phase of a 5 s interval, plus the cloud's own processing.
      p50: Math.round(0.5 * POLL_INTERVAL_MS + processingMs),
      p95: Math.round(0.95 * POLL_INTERVAL_MS + processingMs),
      p99: Math.round(0.99 * POLL_INTERVAL_MS + processingMs),
      model: `U(0, ${POLL_INTERVAL_MS} ms) + ${Math.round(processingMs)} ms processing (the core's measured p50)`,
    },
  };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
