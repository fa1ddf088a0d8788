import { defineConfig } from 'vitest/config';
import { PlainSummaryReporter } from './test/support/plain-reporter';

export default defineConfig({
  test: {
    include: ['{shared,server,addin,test}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'addin/dist/**'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', new PlainSummaryReporter()],
  },
});
