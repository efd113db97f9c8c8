// A browser host in its own process, for the robustness tests and fuzzers: a crash there is observable
// as this process exiting (a crash inside the test process would take the test runner with it).
// Installs no 'uncaughtException'/'unhandledRejection' handler: nothing may save the host but the
// server's own error handling. Prints {"origin", "token"} as one JSON line on stdout when listening.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startBrowserHost } from '../server';
import { memoryCore } from '../../core/testing/memory-core';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acc-bh-child-'));
const rendererDir = path.join(dir, 'renderer');
fs.mkdirSync(rendererDir);
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
const core = memoryCore(path.join(dir, 'profile'));
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
