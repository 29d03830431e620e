import { globSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/** Integration tests that mock a module; see the integration-mocks project. */
const MOCKS = 'tests/integration/**/*.mocks.test.ts';

// A test that mocks a module in the shared module graph would see the real module (or leave its
// mock for the next file): such a file must be named *.mocks.test.ts.
for (const file of globSync('tests/integration/**/*.test.ts')) {
  if (!file.endsWith('.mocks.test.ts') && /\bvi\.(do)?mock\(/.test(readFileSync(file, 'utf8'))) {
    throw new Error(`${file} vervangt een module (vi.mock): noem het bestand *.mocks.test.ts, zodat het een eigen modulegraaf krijgt.`);
  }
}

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
          // Use cases against a real libSQL file in a temporary folder (and a few temporary project
          // copies). One module graph per worker, as for the unit tests: each file makes its own
          // database, so nothing but the loaded code passes between files, and the imports were a
          // third of this project's time.
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          exclude: [MOCKS],
          isolate: false,
          testTimeout: 60_000,
          // As above.
          env: { PUBLISHING: 'off' },
        },
      },
      {
        test: {
          // The integration tests that replace a module (vi.mock): a mock applies only where the
          // module is loaded fresh, so these keep a module graph per file.
          name: 'integration-mocks',
          include: [MOCKS],
          testTimeout: 60_000,
          env: { PUBLISHING: 'off' },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // One module graph per worker: playwright-core, axe and the database client load once
          // instead of once per file. No e2e file mocks a module; state lives in the servers.
          isolate: false,
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
