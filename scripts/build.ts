// Builds what the hosts run: the renderer (Vite) and Electron's main and preload (esbuild); and the
// cloud as deployed (esbuild, cloud/deploy/amazon-cloud@.service runs it with plain node).
// The preload is one CommonJS file because a sandboxed preload cannot load ESM or other files.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildRenderer() {
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

export async function buildElectron() {
  const common = {
    bundle: true,
    platform: 'node' as const,
    format: 'cjs' as const,
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning' as const,
    absWorkingDir: root,
  };
  await esbuild({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: 'dist/electron/main.cjs',
    // Native and Electron modules are loaded at run time by the main process, never bundled.
    external: ['electron', 'keytar'],
    // electron-store/conf are ESM and read import.meta.url; give the CJS bundle a working one.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  });
  await esbuild({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    platform: 'browser',
    external: ['electron'],
  });
}

/** How the cloud's TypeScript is compiled for plain node: one ES module, its dependencies left in node_modules. */
export const CLOUD_BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  absWorkingDir: root,
} as const;

/**
 * The build's name in `cloud_build_info{commit}`: every build of a release has the same package.json
 * version, so an operator checking which build an instance runs during an upgrade needs the commit.
 * `CLOUD_BUILD_COMMIT` at build time (a release archive without .git), else the checkout's commit.
 */
export function buildCommit(): string {
  const given = process.env.CLOUD_BUILD_COMMIT;
  if (given && /^[\w.-]{1,64}$/.test(given)) return given;
  try {
    return (
      execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim() || 'unknown'
    );
  } catch {
    return 'unknown';
  }
}

/**
 * The cloud's command line as the systemd unit runs it (`dist/cloud/cli.mjs`): no tsx loader at run
 * time, which saves ~70 MB per instance. `outfile` must lie inside the project, where node finds
 * node_modules.
 */
export async function buildCloud(outfile = path.join(root, 'dist/cloud/cli.mjs')): Promise<string> {
  await esbuild({
    ...CLOUD_BUNDLE_OPTIONS,
    entryPoints: ['cloud/cli.ts'],
    outfile,
    define: { 'process.env.CLOUD_BUILD_COMMIT': JSON.stringify(buildCommit()) },
  });
  return outfile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const only = process.argv[2];
  if (!only || only === 'renderer') await buildRenderer();
  if (!only || only === 'electron') await buildElectron();
  if (!only || only === 'cloud') await buildCloud();
  console.log('build: done');
}
