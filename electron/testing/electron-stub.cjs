// A stand-in for the `electron` module, for one test only: the Electron binary cannot be downloaded
// on every machine, so the bundled main process is loaded under plain Node with this stub, which
// records what main asks of Electron. Prints the record as JSON on stdout when told to stop.
const calls = [];
let ready;
const permissionQuestions = [
  ['clipboard-sanitized-write', 'app://renderer/index.html'],
  ['clipboard-sanitized-write', 'https://evil.example/'],
  ['clipboard-read', 'app://renderer/index.html'],
  ['notifications', 'app://renderer/index.html'],
  ['media', 'app://renderer/index.html'],
  ['geolocation', 'https://evil.example/'],
];
const record = (...parts) => calls.push(parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' '));
module.exports = {
  app: {
    setPath: (name, value) => record('app.setPath', name, value),
    getPath: () => process.env.STUB_USER_DATA,
    requestSingleInstanceLock: () => true,
    quit: () => record('app.quit'),
    on: (event) => record('app.on', event),
    whenReady: () => new Promise((resolve) => (ready = resolve)),
    getVersion: () => '0.0.0-stub',
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes) => record('protocol.registerSchemesAsPrivileged', schemes),
    handle: (scheme) => record('protocol.handle', scheme),
  },
  // The handlers are called with a few questions; their answers go into the record.
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler) => {
        const answers = permissionQuestions.map(([permission, url]) => {
          let answer;
          handler({ getURL: () => url }, permission, (granted) => (answer = granted), {
            requestingUrl: url,
            isMainFrame: true,
          });
          return `${permission}@${url}=${answer}`;
        });
        record('session.setPermissionRequestHandler', answers);
      },
      setPermissionCheckHandler: (handler) => {
        const answers = permissionQuestions.map(
          ([permission, url]) =>
            `${permission}@${url}=${handler(null, permission, new URL(url).protocol === 'app:' ? 'app://renderer' : new URL(url).origin, { requestingUrl: url, isMainFrame: true })}`,
        );
        record('session.setPermissionCheckHandler', answers);
      },
    },
  },
  ipcMain: {
    handle: (channel) => record('ipcMain.handle', channel),
    on: (channel) => record('ipcMain.on', channel),
    removeHandler() {},
  },
  BrowserWindow: class {
    constructor(options) {
      record('new BrowserWindow', options.webPreferences);
      this.webContents = { id: 1 };
    }
    once() {}
    on() {}
    loadURL(url) {
      record('loadURL', url);
      return Promise.resolve();
    }
    static getAllWindows() {
      return [];
    }
  },
  shell: {},
  net: {},
  Notification: { isSupported: () => false },
};
process.on('message', (msg) => {
  if (msg === 'ready') ready();
  if (msg === 'report') process.send(calls);
});
