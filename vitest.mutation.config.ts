import { defineConfig } from 'vitest/config';

// The tests that judge engine/ and the invariants directly, without the slow end-to-end ones
// (processes, the full matrix, the model and explorer searches), so each mutant runs in seconds.
export default defineConfig({
  test: {
    include: ['engine/**/*.test.ts', 'properties/**/*.test.ts', 'counterexamples/**/*.test.ts'],
    exclude: [
      '**/node_modules/**',
      '**/*.deep.test.ts',
      'properties/determinism.test.ts',
      'properties/badInput.test.ts',
      'properties/manifest.test.ts',
      'properties/engineMatchesModel.test.ts',
      'properties/modelCommand.test.ts',
      'properties/pct/**',
    ],
    testTimeout: 60_000,
  },
});
