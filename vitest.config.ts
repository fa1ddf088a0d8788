import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,server,addin,test}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'addin/dist/**'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The plain `N passed, N failed, N skipped` line is what CI reads.
    reporters: ['default', './test/support/plain-reporter.ts'],
  },
});
