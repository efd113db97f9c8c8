// `npm start`: builds what is needed, then launches the Electron app — or, when the Electron binary
// is missing (it comes from a release host, not the npm registry), says so in one line and runs the
// browser host instead. `npm start -- --browser` forces the browser host.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron, buildRenderer } from './build';
import { ELECTRON_DOWNLOAD_HINT, findElectronBinary } from './electron-binary';
import { openInSystemBrowser, runBrowserHost } from '../electron/browser-host/main';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser');
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : undefined;

await buildRenderer();
const binary = findElectronBinary();

if (!forceBrowser && binary.found) {
  await buildElectron();
  const child = spawn(binary.path, ['.'], { cwd: root, stdio: 'inherit', env: process.env });
  child.on('close', (code) => process.exit(code ?? 0));
} else {
  if (!forceBrowser && !binary.found) {
    console.log(`Electron binary missing (${binary.reason}); starting the browser host instead. ${ELECTRON_DOWNLOAD_HINT}`);
  }
  const { host, userDataDir } = await runBrowserHost({ ...(port ? { port } : {}) });
  console.log(`Browser host: ${host.url}`);
  console.log(`Profiles: ${userDataDir}`);
  if (!args.includes('--no-open') && !(await openInSystemBrowser(host.url))) {
    console.log('No system browser found; open the URL above yourself.');
  }
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
