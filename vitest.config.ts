import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/server-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Two cores: one server, one browser at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
