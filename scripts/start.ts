// `npm start`: builds what is needed, starts the embedded Amazon sandbox and cloud (unless
// --production), then launches the Electron app — or, when the Electron binary is missing (it comes
// from a release host, not the npm registry), says so in one line and runs the browser host instead.
//   npm start -- --browser      force the browser host
//   npm start -- --production   no embedded services: the real Amazon, a cloud set in Cloud-Zugangsdaten
//   npm start -- --port N       the browser host's port; refused when taken (without it: 4300, or a
//                               free one when 4300 is taken, said on the console)
//   npm start -- --no-open      do not open the system browser
//   npm start -- --insecure-plaintext-secrets   allow plain-text secrets when no keychain exists
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron, buildRenderer } from './build';
import { ELECTRON_DOWNLOAD_HINT, findElectronBinary } from './electron-binary';
import { startEmbeddedServices, type EmbeddedServices } from './embedded-services';
import { chooseBrowserHostPort, movedNote } from './browser-host-port';
import { defaultUserDataDir, openInSystemBrowser, runBrowserHost } from '../electron/browser-host/main';
import { parsePort, readCommandLine } from '../shared/cli-args';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: npm start -- [--browser] [--production] [--port 4300] [--no-open] [--insecure-plaintext-secrets]';

// A wrong word (an unknown option, a bad --port) exits 2 with the usage before anything is built.
const { values: args, port } = readCommandLine(
  {
    usage: USAGE,
    options: {
      browser: { type: 'boolean', default: false },
      production: { type: 'boolean', default: false },
      port: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      'insecure-plaintext-secrets': { type: 'boolean', default: false },
    },
  },
  (line) => ({ ...line, port: line.values.port === undefined ? undefined : parsePort(line.values.port) }),
);

const binary = findElectronBinary();
const browserHost = args.browser || !binary.found;
// Checked before anything is built or started: a --port that is taken is refused at once.
const portChoice = browserHost ? await chooseBrowserHostPort(port) : undefined;
if (portChoice && !portChoice.ok) {
  console.error(portChoice.message);
  process.exit(1);
}

await buildRenderer();
const userDataDir = defaultUserDataDir();
let services: EmbeddedServices | undefined;
if (!args.production) {
  services = await startEmbeddedServices({ dataDir: userDataDir });
  console.log(`Amazon sandbox: ${services.sandbox.url}   (accounts, passwords and one-time codes on its start page)`);
  if (services.sandbox.stateWarning)
    console.warn(
      `The sandbox's saved state was damaged and was kept aside at ${services.sandbox.stateWarning}; it started from the seed.`,
    );
  console.log(`Cloud relay:    ${services.cloud.url}   (development tenant "Entwicklung")`);
}
const env = { ...process.env, ...(services?.env ?? {}) };
const stopServices = async () => services?.close();

if (!browserHost && binary.found) {
  await buildElectron();
  const child = spawn(
    binary.path,
    ['.', ...(args['insecure-plaintext-secrets'] ? ['--insecure-plaintext-secrets'] : [])],
    { cwd: root, stdio: 'inherit', env },
  );
  child.on('close', (code) => void stopServices().then(() => process.exit(code ?? 0)));
} else {
  if (!args.browser && !binary.found)
    console.log(
      `Electron binary missing (${binary.reason}); starting the browser host instead. ${ELECTRON_DOWNLOAD_HINT}`,
    );
  const chosen = portChoice?.ok ? portChoice : { port: 0 };
  const { host } = await runBrowserHost({ userDataDir, port: chosen.port, env });
  if ('moved' in chosen && chosen.moved) console.warn(movedNote(chosen.moved, host.origin));
  console.log(`Browser host:   ${host.url}`);
  console.log(`Profiles:       ${userDataDir}`);
  if (!args['no-open'] && !(await openInSystemBrowser(host.url)))
    console.log('No system browser found; open the URL above yourself.');
  const stop = () =>
    void host
      .close()
      .then(stopServices)
      .then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
