// Runs the browser host (started by scripts/start.ts): the core in Node plus the HTTP/WebSocket server.
import path from 'node:path';
import os from 'node:os';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createAppCore, type AppCoreOptions } from '../app-core';
import { consoleLogger } from '../core/host';
import { openConfStore } from '../core/profile-store';
import { startBrowserHost } from './server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface RunBrowserHostOptions {
  port?: number;
  userDataDir?: string;
  rendererDir?: string;
  /** Replaces the system browser (tests play the default browser themselves). */
  openExternal?: (url: string) => Promise<void>;
  env?: NodeJS.ProcessEnv;
  extra?: AppCoreOptions['extra'];
  vault?: AppCoreOptions['vault'];
}

export function defaultUserDataDir(): string {
  const base = process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config');
  return path.join(base, 'amazon-cloud-connect');
}

/** How long an opener may run before it counts as having opened the browser (some stay until it closes). */
const OPENER_GRACE_MS = 5000;

/**
 * Opens a URL in the system's browser if there is one; false when none could be started. xdg-open starts
 * even where no browser is installed and then exits non-zero, so its exit code decides (issue 24: the
 * Protokoll said "browser opened" although nothing opened); an opener still running after the grace
 * period counts as success.
 */
export function openInSystemBrowser(
  url: string,
  opener: string = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open',
  graceMs = OPENER_GRACE_MS,
): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
    const timer = setTimeout(() => {
      child.unref();
      resolve(true);
    }, graceMs);
    timer.unref();
    child.once('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
    // explorer.exe's exit code says nothing (it is often 1 after opening the URL): only a spawn error counts there.
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0 || (opener === 'explorer' && code !== null));
    });
  });
}

export async function runBrowserHost(opts: RunBrowserHostOptions = {}) {
  const userDataDir = opts.userDataDir ?? defaultUserDataDir();
  // The page decides (document.hasFocus) and shows a web notification; set once the core exists.
  let notifyPage: (title: string, body: string) => void = () => {};
  const core = await createAppCore({
    userDataDir,
    host: {
      kind: 'browser',
      appVersion: process.env.npm_package_version ?? '0.0.0',
      openExternal:
        opts.openExternal ??
        (async (url) => {
          if (!(await openInSystemBrowser(url))) throw new Error('no system browser');
        }),
      notify: (title, body) => notifyPage(title, body),
      isFocused: () => false,
    },
    openStore: () => openConfStore(userDataDir),
    logger: consoleLogger,
    ...(opts.env ? { env: opts.env } : {}),
    ...(opts.extra ? { extra: opts.extra } : {}),
    ...(opts.vault ? { vault: opts.vault } : {}),
  });
  notifyPage = (title, body) => core.notifyRenderer(title, body);
  const host = await startBrowserHost({
    core,
    rendererDir: opts.rendererDir ?? path.join(root, 'dist/renderer'),
    ...(opts.port !== undefined ? { port: opts.port } : {}),
  });
  return { core, host, userDataDir };
}
