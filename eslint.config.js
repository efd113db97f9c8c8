import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// The cloud and the core talk to the Amazon sandbox over HTTP only, as they would to the real Amazon.
const NO_SANDBOX = { group: ['**/sandbox', '**/sandbox/*'], message: 'The cloud and the core reach the Amazon sandbox over HTTP only (its /sandbox/api); tests and testing/ helpers may import it.' };
/** From electron/core (and its folders) the repository's sandbox/ is two or three levels up; electron/core/sandbox/ is the core's own sandbox support. */
const NO_SANDBOX_FROM_CORE = { group: ['../../sandbox', '../../sandbox/*', '../../../sandbox', '../../../sandbox/*'], message: NO_SANDBOX.message };
const ELECTRON_IPC = { name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'Use electron/ipc-main.ts or the preload helpers.' };

export default tseslint.config(
  { ignores: ['dist/**', '.tmp/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'e2e/artifacts/**', 'release/**'] },
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
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['electron/ipc-main.ts', 'electron/preload.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The core has no Electron import; take an interface from the host.' }], patterns: [NO_SANDBOX_FROM_CORE] }] },
  },
  {
    // The cloud knows Amazon's stand-in only over HTTP, as it knows the real Amazon.
    files: ['cloud/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [ELECTRON_IPC], patterns: [NO_SANDBOX] }] },
  },
  {
    // Tests and their helpers may start the sandbox and read its seed.
    files: ['cloud/**/*.test.ts', 'cloud/testing/**', 'electron/core/**/*.test.ts', 'electron/core/testing/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
