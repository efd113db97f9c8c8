// UI start-up: the browser host from launch (runBrowserHost: store, core, server) until Chromium shows
// the platform list, with 0 and 1,000 profiles; and the renderer bundle's gzipped size. Baseline: an
// empty Vite + React page, built with Vite's JS API and served by the same host in the same way. The
// host runs in its own process (bench/host-child.ts), as `npm start` runs it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { buildEmptyPage, buildRenderer, gzippedSize, profiles } from './startup-builds';
import { HostProcess } from './host-process';
import { CHROMIUM_ARGS } from './latency';
import { now } from './stack';
import { percentile, round, sleep } from './stats';

/**
 * Launches per page (median reported, all in startup.samplesMs): single launches on this machine spread
 * from 85 to 210 ms, and with 21 the ratio of the medians moved by ±0.1 from run to run; with 41 three
 * runs in a row agreed within 0.01.
 */
export const STARTUP_RUNS = 41;

interface StartupResult {
  listRenderedMs: { profiles0: number; profiles1000: number; emptyPage: number; runs: number };
  /** Median moment of each phase (ms after launch), 0 profiles and the empty page. */
  phasesMs: { profiles0: Record<string, number>; emptyPage: Record<string, number> };
  /** Every launch's time, for the spread. */
  samplesMs: { profiles0: number[]; profiles1000: number[]; emptyPage: number[] };
  /** `renderer`: all files of the build; `firstScreen`: the files the page fetched until the list was shown. */
  gzipBytes: { renderer: number; firstScreen: number; emptyPage: number; firstScreenFiles: string[] };
}

/** Page-side: the time the condition first holds, on the page's clock (= Node's wall clock). */
const MARK_SCRIPT = (condition: string) => `(() => {
  const done = () => ${condition};
  const mark = () => { if (!window.__shownAt && done()) window.__shownAt = performance.timeOrigin + performance.now(); };
  new MutationObserver(mark).observe(document, { subtree: true, childList: true, characterData: true });
  // The host API's WebSocket, timed on the page's clock: created, open, first request sent, first answer.
  const at = () => performance.timeOrigin + performance.now();
  const W = window.WebSocket;
  window.WebSocket = class extends W {
    constructor(...args) {
      super(...args);
      window.__ws ??= { created: at() };
      this.addEventListener('open', () => void (window.__ws.open ??= at()));
      this.addEventListener('message', () => void (window.__ws.received ??= at()));
    }
    send(data) {
      window.__ws.sent ??= at();
      return super.send(data);
    }
  };
})();`;

/** Where a launch's time goes, each phase ending at a moment measured from the launch (ms). */
interface LaunchPhases {
  /** runBrowserHost resolved: store, core and server up. */
  hostReady: number;
  /** index.html received. */
  html: number;
  /** The last script or style the first screen needed received. */
  scripts: number;
  /** The page's WebSocket (browser host API): created, open, first request (the list) sent, first answer; page clock. */
  socketCreated?: number;
  socketOpen?: number;
  firstRequestSent?: number;
  firstResultReceived?: number;
  shown: number;
}

async function launchToList(
  chrome: Browser,
  hostProcess: HostProcess,
  userDataDir: string,
  rendererDir: string,
  condition: string,
  fetched: Set<string> = new Set(),
  phases?: LaunchPhases[],
): Promise<number> {
  const page = await chrome.newPage();

  await page.addInitScript(MARK_SCRIPT(condition));
  const t0 = now();
  const url = await hostProcess.launch(userDataDir, rendererDir);
  const hostReady = now() - t0;
  try {
    await page.goto(url);
    // Polled from outside (the page's CSP forbids waitForFunction's eval); the time is taken in the page.
    for (let i = 0; i < 1500; i++) {
      const at = (await page.evaluate('window.__shownAt')) as number | undefined;
      if (at !== undefined) {
        // What the page had asked for by then (its own resource timing, same clock); later fetches
        // (the parts preloaded once the list is up) are not the first screen's.
        const names = (await page.evaluate(
          `performance.getEntriesByType('resource').filter((e) => performance.timeOrigin + e.startTime <= window.__shownAt).map((e) => e.name)`,
        )) as string[];
        fetched.add('index.html');
        for (const n of names) fetched.add(new URL(n).pathname.replace(/^\//, ''));
        const timing = (await page.evaluate(
          `(() => { const nav = performance.getEntriesByType('navigation')[0]; const res = performance.getEntriesByType('resource').filter((e) => performance.timeOrigin + e.startTime <= window.__shownAt && /\\.(js|css)$/.test(e.name)); return { html: performance.timeOrigin + nav.responseEnd, scripts: performance.timeOrigin + Math.max(nav.responseEnd, ...res.map((e) => e.responseEnd)) }; })()`,
        )) as { html: number; scripts: number };
        const ws = ((await page.evaluate('window.__ws')) ?? {}) as {
          created?: number;
          open?: number;
          sent?: number;
          received?: number;
        };
        phases?.push({
          hostReady,
          html: timing.html - t0,
          scripts: timing.scripts - t0,
          ...(ws.created ? { socketCreated: ws.created - t0 } : {}),
          ...(ws.open ? { socketOpen: ws.open - t0 } : {}),
          ...(ws.sent ? { firstRequestSent: ws.sent - t0 } : {}),
          ...(ws.received ? { firstResultReceived: ws.received - t0 } : {}),
          shown: at - t0,
        });
        return at - t0;
      }
      await sleep(20);
    }
    throw new Error('the list was not rendered within 30 s');
  } finally {
    await page.close();
    await hostProcess.close();
  }
}

function medianPhases(list: LaunchPhases[]): Record<string, number> {
  const keys = [...new Set(list.flatMap((p) => Object.keys(p)))] as Array<keyof LaunchPhases>;
  return Object.fromEntries(
    keys.map((k) => [
      k,
      round(
        percentile(
          list.map((p) => p[k]).filter((v): v is number => v !== undefined),
          50,
        ),
      ),
    ]),
  );
}

export async function startup(runs = 3): Promise<StartupResult> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'acc-bench-startup-'));
  const rendererDir = path.join(tmp, 'renderer');
  const emptyDir = path.join(tmp, 'empty');
  await buildRenderer(rendererDir);
  await buildEmptyPage(emptyDir);
  const chrome = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const hostProcess = await HostProcess.start();
  const dirs = { p0: path.join(tmp, 'p0'), p1000: path.join(tmp, 'p1000'), empty: path.join(tmp, 'empty-data') };
  for (const d of Object.values(dirs)) fs.mkdirSync(d);
  fs.writeFileSync(
    path.join(dirs.p1000, 'config.json'),
    JSON.stringify({ platforms: profiles(1000), pendingCloudDeletions: [], timelines: {} }),
  );
  const samples = { p0: [] as number[], p1000: [] as number[], empty: [] as number[] };
  const firstScreen = new Set<string>();
  const phases = { p0: [] as LaunchPhases[], empty: [] as LaunchPhases[] };
  try {
    // Interleaved, one warm-up round first (Chromium's and Node's caches as on a second launch).
    for (let r = 0; r <= runs; r++) {
      const p0 = await launchToList(
        chrome,
        hostProcess,
        dirs.p0,
        rendererDir,
        `document.body.textContent.includes('Noch keine Plattform angelegt')`,
        firstScreen,
        r === 0 ? undefined : phases.p0,
      );
      const p1000 = await launchToList(
        chrome,
        hostProcess,
        dirs.p1000,
        rendererDir,
        `document.querySelectorAll('tbody tr').length >= 1000`,
      );
      const empty = await launchToList(
        chrome,
        hostProcess,
        dirs.empty,
        emptyDir,
        `document.querySelector('#root h1') !== null`,
        new Set(),
        r === 0 ? undefined : phases.empty,
      );
      if (r === 0) continue;
      samples.p0.push(p0);
      samples.p1000.push(p1000);
      samples.empty.push(empty);
    }
  } finally {
    await chrome.close();
    hostProcess.stop();
  }
  const result: StartupResult = {
    listRenderedMs: {
      profiles0: round(percentile(samples.p0, 50)),
      profiles1000: round(percentile(samples.p1000, 50)),
      emptyPage: round(percentile(samples.empty, 50)),
      runs,
    },
    phasesMs: { profiles0: medianPhases(phases.p0), emptyPage: medianPhases(phases.empty) },
    samplesMs: {
      profiles0: samples.p0.map((x) => round(x)),
      profiles1000: samples.p1000.map((x) => round(x)),
      emptyPage: samples.empty.map((x) => round(x)),
    },
    gzipBytes: {
      renderer: gzippedSize(rendererDir),
      firstScreen: gzippedSize(rendererDir, [...firstScreen]),
      emptyPage: gzippedSize(emptyDir),
      firstScreenFiles: [...firstScreen].filter((f) => fs.existsSync(path.join(rendererDir, f))).sort(),
    },
  };
  fs.rmSync(tmp, { recursive: true, force: true });
  return result;
}
