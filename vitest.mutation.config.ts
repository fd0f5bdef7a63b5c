import { defineConfig } from 'vitest/config';

// The tests that judge the mutated code (engine/, invariants/, history/, render/, cli/) in this
// process, without the slow end-to-end ones (the full matrix, the model and explorer searches) and
// without those that only run the command line in processes of their own or a browser, where a
// mutant that Stryker switches on in this process is not active.
export default defineConfig({
  test: {
    include: [
      'engine/**/*.test.ts',
      'invariants/**/*.test.ts',
      'generators/**/*.test.ts',
      'checking/**/*.test.ts',
      'counterexamples/**/*.test.ts',
      'history/**/*.test.ts',
      'render/**/*.test.ts',
      'cli/**/*.test.ts',
      'scripts/readmeLimits.test.ts',
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
      '**/*.browser.test.ts',
      'checking/hostileInput.test.ts',
      'cli/inputLimits.test.ts',
    ],
    // As in vitest.config.ts: the files share a worker's module graph instead of importing xstate,
    // fast-check, zod and the engine again for every file of every mutant's run. Stryker switches a
    // mutant on by a global the mutated code reads as it runs, so sharing modules does not hide it
    // (the static mutants, which act at load, are left to scripts/staticMutants.ts).
    isolate: false,
    testTimeout: 60_000,
  },
});
