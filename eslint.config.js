import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

const ELECTRON_IPC = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Use electron/ipc-main.ts or the preload helpers.',
};

// The arrows of docs/architecture.md as import zones: renderer → (IPC) → electron hosts → core →
// (HTTPS) → cloud → (HTTPS) → sandbox, all on shared/. A part reaches the next one over its contract,
// never by importing its code. Tests and testing/ helpers may start any part.
const part = (names, message) => ({ regex: `^(\\.\\./)+(${names.join('|')})(/|$)`, message });
const ZONES = {
  renderer: part(
    ['electron', 'cloud', 'sandbox', 'scripts', 'bench'],
    'The renderer reaches the desktop over the IPC contract (shared/ipc-contract.ts) only.',
  ),
  electron: part(
    ['renderer', 'cloud', 'sandbox', 'bench'],
    'The desktop reaches the cloud over HTTPS (shared/cloud-api-routes.ts) and the renderer over IPC only.',
  ),
  core: part(
    ['renderer', 'cloud', 'sandbox', 'scripts', 'bench'],
    'The core reaches the cloud over HTTPS (shared/cloud-api-routes.ts) and the Amazon sandbox over its /sandbox/api only.',
  ),
  coreHost: {
    regex: '^\\.\\./(main|preload|ipc-main|browser-host)(/|$|\\.)',
    message: 'The host uses the core, not the other way round: take an interface from the host.',
  },
  cloud: part(
    ['renderer', 'electron', 'sandbox', 'scripts', 'bench'],
    'The cloud reaches Amazon (and its sandbox) over HTTP only, and knows the desktop only through shared/cloud-api.ts.',
  ),
  cloudRoutes: {
    regex: '^(\\./|(\\.\\./)+)repositories(/|$)',
    message: "A cloud route calls its feature's service (e.g. platform-service.ts), never a repository.",
  },
  sandbox: part(
    ['renderer', 'electron', 'cloud', 'scripts', 'bench'],
    'The sandbox stands in for Amazon: it knows no other part.',
  ),
  // Inside the renderer: the screens (renderer/src/features/*) use the common layers (components/, store/,
  // api/, i18n/, format/, hooks/), never the other way round.
  rendererLayers: {
    regex: '^(\\.\\./)+features(/|$)',
    message: 'A common layer of the renderer knows no feature: move the piece to components/ or into the feature.',
  },
  shared: part(
    ['renderer', 'electron', 'cloud', 'sandbox', 'scripts', 'bench'],
    'shared/ is what the parts share; it imports none of them.',
  ),
};

/** A config block: `files` may not import across `zones`, nor the `paths` (by default ipcMain/ipcRenderer). */
const zone = (files, zones, paths = [ELECTRON_IPC]) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { paths, patterns: zones }] },
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      '.tmp/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'e2e/artifacts/**',
      'release/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Only the host's IPC modules may touch ipcMain/ipcRenderer.
      'no-restricted-imports': ['error', { paths: [ELECTRON_IPC] }],
    },
  },
  {
    // Type-aware rules: a promise nobody awaits, or one handed where a plain callback is expected,
    // loses its rejection. Deliberate fire-and-forget goes through shared/best-effort.ts.
    files: ['**/*.{ts,tsx}'],
    ignores: ['renderer/**'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { project: './tsconfig.web.json', tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  zone(['renderer/**/*.{ts,tsx}'], [ZONES.renderer]),
  zone(['renderer/src/{components,store,api,i18n,format,hooks}/**/*.{ts,tsx}'], [ZONES.renderer, ZONES.rendererLayers]),
  zone(['electron/**/*.ts'], [ZONES.electron]),
  // The host's IPC modules are where ipcMain and ipcRenderer belong.
  zone(['electron/ipc-main.ts', 'electron/preload.ts'], [ZONES.electron], []),
  zone(
    ['electron/core/**/*.ts'],
    [ZONES.core, ZONES.coreHost],
    [{ name: 'electron', message: 'The core has no Electron import; take an interface from the host.' }],
  ),
  zone(['cloud/**/*.ts'], [ZONES.cloud]),
  // Routes call services only: the rules of a feature stay in one place, whichever route asks.
  zone(['cloud/**/*-routes.ts'], [ZONES.cloud, ZONES.cloudRoutes]),
  zone(['sandbox/**/*.ts'], [ZONES.sandbox]),
  zone(['shared/**/*.{ts,tsx}'], [ZONES.shared]),
  {
    // Tests and their helpers may start the sandbox, the cloud and the desktop together.
    files: ['**/*.test.{ts,tsx}', '**/testing/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  // Last: formatting is prettier's job (`npm run format`), not a lint rule's.
  prettier,
);
