import { defineConfig } from 'vitest/config';
import { FUZZ_TESTS, INTEGRATION_TESTS } from './test-tiers';

const ALL = ['{electron,renderer,shared,cloud,sandbox,scripts}/**/*.test.{ts,tsx}'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // `vitest run` runs all three; `vitest run --project unit` (npm run test:fast) the quick one.
    projects: [
      { extends: true, test: { name: 'unit', include: ALL, exclude: [...INTEGRATION_TESTS, ...FUZZ_TESTS] } },
      { extends: true, test: { name: 'integration', include: INTEGRATION_TESTS, exclude: ['**/node_modules/**', 'dist/**', ...FUZZ_TESTS] } },
      { extends: true, test: { name: 'fuzz', include: FUZZ_TESTS, exclude: ['**/node_modules/**', 'dist/**'] } },
    ],
  },
});
