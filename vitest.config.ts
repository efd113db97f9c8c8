import { defineConfig } from 'vitest/config';

// The three tiers of the vitest suite: `unit` (no port, process, database or
// browser: `npm run test:fast`), `integration` (starts servers, processes, PGlite/PostgreSQL, a
// keychain or Chromium) and `fuzz` (property-based, many runs). `npm test` runs all three.
// A new test file is unit unless listed below; scripts/test-tiers.test.ts fails when a unit-tier file
// starts something, so it lands here.

export const FUZZ_TESTS = ['**/*fuzz*.test.{ts,tsx}'];

export const INTEGRATION_TESTS = [
  '**/*.integration.test.{ts,tsx}',
  '**/*.keychain.test.{ts,tsx}',
  'cloud/amazon/amazon-clients.test.ts',
  'cloud/authorizations/amazon-started-feed.test.ts',
  'cloud/authorizations/pg-notifier.test.ts',
  'cloud/authorizations/status-cache.test.ts',
  'cloud/authorizations/status-long-poll.test.ts',
  'cloud/callback-pages.test.ts',
  'cloud/callback.test.ts',
  'cloud/chaos.test.ts',
  'cloud/cli-deployment.test.ts',
  'cloud/cli.test.ts',
  'cloud/context.test.ts',
  'cloud/control-characters.test.ts',
  'cloud/data-dir.test.ts',
  'cloud/db/data-dir-lock.test.ts',
  'cloud/db/migrations.test.ts',
  'cloud/db/upgrade.test.ts',
  'cloud/deploy/deploy-files.test.ts',
  'cloud/deploy/env-file.test.ts',
  'cloud/error-shape.test.ts',
  'cloud/exchange-crash.test.ts',
  'cloud/exchange-recovery.test.ts',
  'cloud/flow.test.ts',
  'cloud/tenants/tenant-gate.test.ts',
  'cloud/logging.test.ts',
  'cloud/login-uri-proof.test.ts',
  'cloud/login-uri-step.test.ts',
  'cloud/observability.test.ts',
  'cloud/openapi.test.ts',
  'cloud/ops.test.ts',
  'cloud/ops/retention.test.ts',
  'cloud/pairing-code-limits.test.ts',
  'cloud/persistence.test.ts',
  'cloud/platform-name.test.ts',
  'cloud/postgres.test.ts',
  'cloud/production-start.test.ts',
  'cloud/rate-limits.test.ts',
  'cloud/sandbox-registration.test.ts',
  'cloud/scenarios.test.ts',
  'cloud/secret-rotation-process.test.ts',
  'cloud/secret-rotation.test.ts',
  'cloud/seller-change.test.ts',
  'cloud/shutdown.test.ts',
  'cloud/sighup-start.test.ts',
  'cloud/sign-in-window.test.ts',
  'electron/browser-host/server.test.ts',
  'electron/core/cloud-client.test.ts',
  'electron/core/cloud-settings.test.ts',
  'electron/core/notification-language.test.ts',
  'electron/core/sandbox/hint.test.ts',
  'electron/main-bundle.test.ts',
  'sandbox/admin.test.ts',
  'sandbox/login-uri.test.ts',
  'sandbox/lwa.test.ts',
  'sandbox/persistence.test.ts',
  'sandbox/scenarios.test.ts',
  'sandbox/sign-out.test.ts',
  'sandbox/spapi.test.ts',
  'scripts/browser-host-port.test.ts',
];

/** What a unit test must not do (checked over the unit tier's source by scripts/test-tiers.test.ts). */
export const STARTS_SOMETHING =
  /startSandbox|startCloud|runScript|runCli|Stack\(|startTestHost|\.listen\(|spawn\(|execFile|fork\(|chromium|startEmbedded|createServer|keytar|cliProcess|startPostgres|nginx|testing\/(stack|tenant-stack|desktop-stack|desktop|cli-process|postgres-server|seller-browser|chaos)|openDatabase|PGlite|pglite|startTestSandbox|sharedTestSandbox|createSandbox|port: 0|runBrowserHost|new WebSocket\(/;

const ALL = ['{electron,renderer,shared,cloud,sandbox,scripts}/**/*.test.{ts,tsx}'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // `vitest run` runs all three; `vitest run --project unit` (npm run test:fast) the quick one.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ALL,
          exclude: [...INTEGRATION_TESTS, ...FUZZ_TESTS],
          // Threads sharing modules between files: a third of the forks' time (no process and module
          // graph per file). A test that needs a module's state fresh sets it itself (e.g.
          // forgetGermanRest, the stores' setState); no vi.mock, which would leak into later files
          // (scripts/test-tiers.test.ts); `--sequence.shuffle` finds a test that relies on another.
          pool: 'threads',
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: INTEGRATION_TESTS,
          exclude: ['**/node_modules/**', 'dist/**', ...FUZZ_TESTS],
        },
      },
      { extends: true, test: { name: 'fuzz', include: FUZZ_TESTS, exclude: ['**/node_modules/**', 'dist/**'] } },
    ],
  },
});
