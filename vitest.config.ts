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
          setupFiles: ['test/setup/loopback-only.ts', 'test/setup/migrated-template.ts'],
          testTimeout: 20_000,
          hookTimeout: 20_000,
          // Issue 10 point 6, measured on 2 cores: re-importing the server for each of ~250 files
          // cost more CPU than the tests themselves (isolate: false cut the CPU time of test/api
          // from 84 s to 30 s). Files share a worker's module cache, so no test may leave global
          // state behind. Forks, not threads: a test that sets process.env.TZ must not change the
          // clock zone of a file running beside it. Two workers: many files wait on loopback I/O.
          pool: 'forks',
          isolate: false,
          maxWorkers: 2,
        },
      },
      {
        // The storage battery on PostgreSQL (issue 10 point 2): the same files as in `unit`, with
        // TEST_DATABASE_URL set (test/helpers/test-database.ts). *.sqlite.test.ts files test what
        // only SQLite has (file locks, query plans, busy waits) and stay in `unit` alone.
        test: {
          name: 'pg',
          include: [
            'test/storage/**/*.test.ts',
            'test/jobs/**/*.test.ts',
            'test/webhooks/**/*.test.ts',
            'test/postgres/**/*.test.ts',
            'test/scheduler/**/*.test.ts',
            'test/fairness/**/*.test.ts',
            'test/bigcommerce/*.db.test.ts',
          ],
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
