// The Electron binary cannot be downloaded on every machine (CI here), so this test loads the
// bundled main process (dist/electron/main.cjs, built by esbuild as `npm start` builds it) under
// plain Node with a stub `electron` module, and checks what main does at start: the app:// scheme,
// a hardened window with the sandboxed CommonJS preload, exactly one IPC handler per contract
// request, keytar loaded in main. The real Electron app is driven by e2e/electron.spec.ts where
// the binary exists.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { buildElectron } from '../scripts/build';
import { REQUEST_NAMES } from '../shared/ipc-channels';
import { suiteTempDir } from '../shared/testing/temp-dir';

const root = path.resolve(import.meta.dirname, '..');
const dir = suiteTempDir('acc-main-bundle-');
let calls: string[];
let stderr = '';

beforeAll(async () => {
  await buildElectron();
  fs.mkdirSync(path.join(dir, 'dist/electron'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'node_modules/electron'), { recursive: true });
  fs.copyFileSync(path.join(root, 'dist/electron/main.cjs'), path.join(dir, 'dist/electron/main.cjs'));
  fs.copyFileSync(
    path.join(import.meta.dirname, 'testing/electron-stub.cjs'),
    path.join(dir, 'node_modules/electron/index.js'),
  );
  fs.symlinkSync(path.join(root, 'node_modules/keytar'), path.join(dir, 'node_modules/keytar'));
  const userData = path.join(dir, 'user-data');
  const child = fork(path.join(dir, 'dist/electron/main.cjs'), [], {
    cwd: dir,
    env: {
      ...process.env,
      STUB_USER_DATA: userData,
      ACC_USER_DATA_DIR: userData,
      ACC_SANDBOX_ORIGIN: '',
      ACC_CLOUD_URL: '',
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    execArgv: ['--require', path.join(dir, 'node_modules/electron/index.js')],
  });
  child.stderr!.on('data', (d) => (stderr += d));
  child.send('ready');
  const report = () =>
    new Promise<string[]>((resolve) => {
      child.once('message', (m) => resolve(m as string[]));
      child.send('report');
    });
  // Main is up once it loaded the window (after opening the store and the keychain).
  const until = Date.now() + 30_000;
  do {
    calls = await report();
    if (calls.some((c) => c.startsWith('loadURL'))) break;
    await new Promise((r) => setTimeout(r, 100));
  } while (Date.now() < until);
  child.kill();
}, 60_000);

it('registers app:// as a privileged scheme before ready and serves the renderer through it', () => {
  expect(calls[1]).toBe(
    'protocol.registerSchemesAsPrivileged [{"scheme":"app","privileges":{"standard":true,"secure":true,"supportFetchAPI":true}}]',
  );
  expect(calls).toContain('protocol.handle app');
  expect(calls).toContain('loadURL app://renderer/index.html');
});

it('opens one hardened window with the bundled preload', () => {
  const windows = calls.filter((c) => c.startsWith('new BrowserWindow'));
  expect(windows).toHaveLength(1);
  const prefs = JSON.parse(windows[0]!.slice('new BrowserWindow '.length));
  expect(prefs).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    webviewTag: false,
  });
  expect(prefs.preload).toMatch(/dist\/electron\/preload\.cjs$/);
  expect(calls).toContain('app.on web-contents-created');
});

it('denies every permission but clipboard writes by the app, in permission requests and checks alike', () => {
  const answers = [
    'clipboard-sanitized-write@app://renderer/index.html=true',
    'clipboard-sanitized-write@https://evil.example/=false',
    'clipboard-read@app://renderer/index.html=false',
    'notifications@app://renderer/index.html=false',
    'media@app://renderer/index.html=false',
    'geolocation@https://evil.example/=false',
  ];
  expect(calls).toContain(`session.setPermissionRequestHandler ${JSON.stringify(answers)}`);
  expect(calls).toContain(`session.setPermissionCheckHandler ${JSON.stringify(answers)}`);
});

it('handles exactly the contract’s requests over IPC', () => {
  const handled = calls.filter((c) => c.startsWith('ipcMain.handle ')).map((c) => c.slice('ipcMain.handle '.length));
  expect(handled.sort()).toEqual(REQUEST_NAMES.map((n) => `app:${n}`).sort());
});

it('loads keytar in main (the keychain answer, if any, is the Secret Service’s, not a load error)', () => {
  expect(stderr).not.toMatch(/Cannot find module 'keytar'/);
});

it('bundles the preload as one CommonJS file that requires nothing but electron', () => {
  const preload = fs.readFileSync(path.join(root, 'dist/electron/preload.cjs'), 'utf8');
  const required = [...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
  expect([...new Set(required)]).toEqual(['electron']);
  expect(preload).not.toMatch(/^\s*(import|export)\s/m);
  expect(preload).toContain('exposeInMainWorld');
});
