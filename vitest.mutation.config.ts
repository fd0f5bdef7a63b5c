import { defineConfig } from 'vitest/config';

// The tests that judge engine/ and the invariants, without the slow end-to-end ones (processes,
// the full matrix), so that each mutant runs in seconds.
export default defineConfig({
  test: {
    include: ['engine/**/*.test.ts', 'properties/**/*.test.ts', 'counterexamples/**/*.test.ts'],
    exclude: ['properties/determinism.test.ts', 'properties/badInput.test.ts', '**/node_modules/**'],
    testTimeout: 60_000,
  },
});
