import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Playwright specs live in tests/e2e and end in .spec.ts; vitest must never load them.
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
