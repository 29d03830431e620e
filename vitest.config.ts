import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two test files at a time in each run, also on two cores, where Vitest would take one: a
    // browser test mostly waits (for its server, for Chromium), so two side by side keep both
    // cores busy. Each e2e worker has a server of its own (tests/e2e/server-setup.ts) and all
    // share the one browser.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // Pure modules without a database or server: one module graph per worker instead of
          // one per file halves the CPU these files take (the imports, not the tests, dominate).
          isolate: false,
          testTimeout: 60_000,
          // Never publish into this checkout: a test that wants the pipeline points it at a
          // temporary copy (setPublishingEnvironmentForTests); anything else is refused.
          env: { PUBLISHING: 'off' },
        },
      },
      {
        test: {
          // Use cases against a real libSQL file in a temporary folder (and a few temporary project copies).
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 60_000,
          // As above.
          env: { PUBLISHING: 'off' },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/server-setup.ts'],
          testTimeout: 60_000,
          // As above; servers of a test's own inherit it (publishing.test.ts switches it on for its copy).
          env: { PUBLISHING: 'off' },
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
