// SIGHUP while the cloud is still starting (issue 23, item 6): Node's default action would end the
// process with exit code 129. The CLI remembers it and reloads once it listens. The start is held at a
// known point: the embedded default reads the sandbox's app credentials through a loopback relay that
// answers only after the test has sent the signal.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../sandbox';
import { suiteTempDir } from '../shared/testing/temp-dir';

const dir = suiteTempDir('acc-sighup-start-');
let sandbox: SandboxHandle;
let relay: http.Server;
let relayUrl: string;
let child: ChildProcessWithoutNullStreams | undefined;
let out = '';
let appsAsked!: () => void;
const asked = new Promise<void>((resolve) => (appsAsked = resolve));
let answerApps!: () => void;
const release = new Promise<void>((resolve) => (answerApps = resolve));

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  // Forwards every request to the sandbox; GET /sandbox/api/apps waits for the test.
  relay = http.createServer((req, res) => {
    void (async () => {
      if (req.url === '/sandbox/api/apps') {
        appsAsked();
        await release;
      }
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const answer = await fetch(`${sandbox.url}${req.url}`, {
        method: req.method,
        headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
        ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
      });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await answer.arrayBuffer()));
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}`;
});
afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  relay?.closeAllConnections();
  await new Promise((resolve) => relay?.close(resolve));
  await sandbox?.close();
});

it('a SIGHUP during the start neither kills the cloud nor is lost: it reloads once listening', async () => {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CLOUD_')));
  child = spawn(
    process.execPath,
    ['--import', 'tsx', 'cloud/cli.ts', '--port', '0', '--sandbox', relayUrl, '--data-dir', join(dir, 'data')],
    { env },
  );
  child.stdout.on('data', (d: Buffer) => void (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => void (out += d.toString()));
  const exit = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
  await asked;
  child.kill('SIGHUP');
  // Let the signal arrive before the start goes on.
  await new Promise((resolve) => setTimeout(resolve, 200));
  answerApps();
  const outcome = await Promise.race([
    exit.then((code) => `exited ${code}`),
    (async () => {
      while (!/configuration reloaded/.test(out)) await new Promise((resolve) => setTimeout(resolve, 20));
      return 'reloaded';
    })(),
  ]);
  expect(outcome, out).toBe('reloaded');
  expect(out).toMatch(/cloud listening on http:\/\/127\.0\.0\.1:\d+/);
  expect(child.exitCode).toBeNull();
}, 60_000);
