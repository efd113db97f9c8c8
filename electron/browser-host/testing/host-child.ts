// A browser host in its own process, for the robustness tests and fuzzers: a crash there is observable
// as this process exiting (a crash inside the test process would take the test runner with it).
// Installs no 'uncaughtException'/'unhandledRejection' handler: nothing may save the host but the
// server's own error handling. Prints {"origin", "token"} as one JSON line on stdout when listening.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Core } from '../../core/core';
import { MemoryVault } from '../../core/vault';
import { silentLogger } from '../../core/host';
import { ProfileStore, openConfStore } from '../../core/profile-store';
import { startBrowserHost } from '../server';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acc-bh-child-'));
const rendererDir = path.join(dir, 'renderer');
fs.mkdirSync(rendererDir);
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
const core = new Core({
  host: { kind: 'browser', appVersion: '0', openExternal: async () => {}, notify: () => {}, isFocused: () => true },
  store: new ProfileStore(openConfStore(path.join(dir, 'profile')).store),
  logger: silentLogger,
  amazon: { kind: 'production' },
  vault: { available: true, vault: new MemoryVault(), plaintextFallback: false },
});
const token = 'child-token-0123456789abcdefghijklmn';
const host = await startBrowserHost({ core, rendererDir, token });
// Reported so the tests can check that no such handler exists (none of ours, none of a dependency's).
const processErrorHandlers = process.listenerCount('uncaughtException') + process.listenerCount('unhandledRejection');
process.stdout.write(JSON.stringify({ origin: host.origin, token, processErrorHandlers }) + '\n');
const stop = () => {
  void host.close().finally(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
};
process.on('SIGTERM', stop);
process.on('disconnect', stop);
