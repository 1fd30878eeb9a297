import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/postgres/**'],
          environment: 'node',
          setupFiles: ['test/setup/loopback-only.ts'],
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        // The storage battery on PostgreSQL (issue 10 point 2): the same files as in `unit`, with
        // TEST_DATABASE_URL set (test/helpers/test-database.ts). *.sqlite.test.ts files test what
        // only SQLite has (file locks, query plans, busy waits) and stay in `unit` alone.
        test: {
          name: 'pg',
          include: ['test/storage/**/*.test.ts', 'test/jobs/**/*.test.ts', 'test/webhooks/**/*.test.ts', 'test/postgres/**/*.test.ts'],
          exclude: ['**/*.sqlite.test.ts'],
          environment: 'node',
          setupFiles: ['test/setup/loopback-only.ts'],
          globalSetup: ['test/setup/postgres-global.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/setup/loopback-only.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
