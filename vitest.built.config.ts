import { defineConfig } from 'vitest/config';

/** Checks over the sites `npm test` builds into .build/e2e: budgets, HTML validity, reproducibility. */
export default defineConfig({
  test: {
    include: ['tests/built/**/*.test.ts'],
    testTimeout: 180_000,
  },
});
