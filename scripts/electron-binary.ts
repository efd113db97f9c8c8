// Is the Electron binary there? The npm package installs without it: since Electron 42 the package
// has no install script and downloads the binary on the first require('electron') from Node (from a
// release host that is not always reachable). So nothing here requires the package; path.txt and
// dist/ are looked at directly.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkgDir = path.join(root, 'node_modules/electron');

type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

export function findElectronBinary(): ElectronBinary {
  if (!fs.existsSync(path.join(pkgDir, 'package.json')))
    return { found: false, reason: 'the electron package is not installed (run npm ci)' };
  const pathFile = path.join(pkgDir, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!fs.existsSync(pathFile) && !override) {
    return { found: false, reason: 'the Electron binary was never downloaded (node_modules/electron/dist is missing)' };
  }
  const rel = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : 'electron';
  const binary = override ? path.join(override, rel) : path.join(pkgDir, 'dist', rel);
  return fs.existsSync(binary)
    ? { found: true, path: binary }
    : { found: false, reason: `the Electron binary ${binary} does not exist` };
}

/** How to get it on a machine with internet access. */
export const ELECTRON_DOWNLOAD_HINT = 'On a machine with internet access run: node node_modules/electron/install.js';
