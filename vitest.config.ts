import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['./test/global-build.ts', './test/setup/tmpdir.ts'],
    setupFiles: ['./test/setup/cleanup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Chromium and DuckDB are heavy; two cores on CI machines.
    maxWorkers: 2,
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
