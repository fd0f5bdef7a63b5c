import { defineConfig } from 'vitest/config';

// The tests that judge engine/ and the invariants directly, without the slow end-to-end ones
// (processes, the full matrix, the model and explorer searches), so each mutant runs in seconds.
export default defineConfig({
  test: {
    include: [
      'engine/**/*.test.ts',
      'invariants/**/*.test.ts',
      'generators/**/*.test.ts',
      'checking/**/*.test.ts',
      'counterexamples/**/*.test.ts',
    ],
    exclude: [
      '**/node_modules/**',
      '**/*.deep.test.ts',
      'checking/determinism.test.ts',
      'checking/badInput.test.ts',
      'checking/manifest.test.ts',
      'checking/engineMatchesModel.test.ts',
      'checking/modelCommand.test.ts',
      'checking/pct/**',
    ],
    testTimeout: 60_000,
  },
});
