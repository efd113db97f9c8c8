// Electron host: a hardened window on app://renderer, the core in the main process, IPC per contract.
import path from 'node:path';
import { app, BrowserWindow, Notification, session, shell, type WebContents } from 'electron';
import ElectronStore from 'electron-store';
import { createAppCore } from './app-core';
import { registerIpc } from './ipc-main';
import { APP_ORIGIN, isAppUrl, isPermissionAllowed } from './app-origin';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { consoleLogger } from './core/host';
import { STORE_FILE_MODE, STORE_SCHEMA, openStoreSafely, type KeyValueStore } from './core/profile-store';
import { isKnownSellerCentralUrl } from './core/external-urls';

// dist/electron/main.cjs → dist/renderer, dist/electron/preload.cjs
const distDir = path.resolve(__dirname, '..');
let mainWindow: BrowserWindow | undefined;

// Tests and support staff can point the app at a throw-away profile folder.
if (process.env.ACC_USER_DATA_DIR) app.setPath('userData', process.env.ACC_USER_DATA_DIR);
registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

function hardenContents(contents: WebContents) {
  contents.setWindowOpenHandler(({ url }) => {
    if (isKnownSellerCentralUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function createWindow() {
  mainWindow = new BrowserWindow({
    width: 1200,
    height: 780,
    minWidth: 900,
    minHeight: 600,
    title: 'E-COMMERCE – PLATTFORMEN',
    show: false,
    webPreferences: {
      preload: path.join(distDir, 'electron/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = undefined));
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

app.on('web-contents-created', (_event, contents) => hardenContents(contents));

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
});

void app.whenReady().then(async () => {
  // Deny every permission but writing to the clipboard ("Link kopieren"), and that only for the app:
  // requests (a prompt would appear) and checks (synchronous queries, e.g. navigator.permissions or
  // the clipboard's own check before a write) alike; Electron grants both by default.
  session.defaultSession.setPermissionRequestHandler((wc, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl || wc.getURL()));
  });
  session.defaultSession.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) => {
    return isPermissionAllowed(permission, details.requestingUrl || requestingOrigin);
  });
  handleAppProtocol(path.join(distDir, 'renderer'));

  const storeDir = app.getPath('userData');
  const core = await createAppCore({
    userDataDir: storeDir,
    host: {
      kind: 'electron',
      appVersion: app.getVersion(),
      // The core has checked the URL against its allow-list; this is a second, coarse guard.
      openExternal: async (url) => {
        const { protocol, hostname } = new URL(url);
        const sandbox = process.env.ACC_SANDBOX_ORIGIN;
        if (protocol !== 'https:' && !(sandbox && url.startsWith(sandbox + '/') && hostname === '127.0.0.1')) {
          throw new Error('refused to open a non-https URL');
        }
        await shell.openExternal(url);
      },
      notify: (title, body) => {
        if (!Notification.isSupported()) return;
        const notification = new Notification({ title, body });
        // Since Electron 42 macOS notifications need a code-signed app; an unsigned build reports
        // 'failed' instead of showing one. The status in the window says the same, so only log it.
        notification.on('failed', (_event, error) => consoleLogger.warn('notification not shown', { error }));
        notification.show();
      },
      isFocused: () => mainWindow?.isFocused() ?? false,
    },
    openStore: () =>
      openStoreSafely(
        () =>
          new ElectronStore({
            name: 'config',
            cwd: storeDir,
            schema: STORE_SCHEMA as never,
            configFileMode: STORE_FILE_MODE,
            clearInvalidConfig: false,
            accessPropertiesByDotNotation: false,
          }) as unknown as KeyValueStore,
        path.join(storeDir, 'config.json'),
      ),
    logger: consoleLogger,
  });

  registerIpc(core, () => mainWindow?.webContents);
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
