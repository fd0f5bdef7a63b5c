import { defineConfig } from 'vitest/config';

/**
 * The tests that judge each mutated directory, in this process. scripts/mutation.ts names the
 * directory in LINGERING_MUTATION_DIR; without it every set below runs. A directory is judged by
 * its own tests and its command's tests, not by every end-to-end test that happens to pass through
 * it: Stryker reruns each test file that covers a mutant, so one slow file (a whole report, the
 * matrix) that covers a whole directory would cost its seconds for every mutant of it.
 */
const ENGINE_TESTS = [
  'engine/**/*.test.ts',
  'invariants/**/*.test.ts',
  'generators/**/*.test.ts',
  'checking/**/*.test.ts',
  'counterexamples/**/*.test.ts',
];
const TESTS_OF: Readonly<Record<string, readonly string[]>> = {
  engine: ENGINE_TESTS,
  invariants: ENGINE_TESTS,
  history: ['history/**/*.test.ts', 'cli/auditCommand.test.ts'],
  // render/reportCommand.test.ts runs whole reports (the matrix and every picture) and belongs to
  // the command; render/mermaidParse.test.ts loads Mermaid and a DOM for each run (seconds per
  // mutant); the pictures have tests of their own.
  render: [
    'render/**/*.test.ts',
    '!render/reportCommand.test.ts',
    '!render/mermaidParse.test.ts',
    'scripts/readmeDemos.test.ts',
  ],
  // The README's command table and docs/schemas are made from cli/specs and cli/reports: a changed
  // option or field shows there. explore and render have their command tests beside their search
  // and pictures.
  cli: [
    'cli/**/*.test.ts',
    'render/reportCommand.test.ts',
    'render/renderCommand.test.ts',
    'explorer/exploreCommand.test.ts',
    'scripts/readmeLimits.test.ts',
    'scripts/readmeCommands.test.ts',
    'scripts/schemas.test.ts',
  ],
};

const dir = process.env.LINGERING_MUTATION_DIR;
// Every set together: a `!` pattern leaves a file out of its own directory's set only (a glob's `!`
// would leave it out of the whole union, render/reportCommand.test.ts from cli's set among them).
const union = Object.values(TESTS_OF)
  .flat()
  .filter((p) => !p.startsWith('!'));
const include = dir === undefined ? [...new Set(union)] : [...(TESTS_OF[dir] ?? [])];
if (include.length === 0) throw new Error(`LINGERING_MUTATION_DIR: no tests for "${dir}"`);

// Left out everywhere: the slow end-to-end ones (the full matrix, the model and explorer searches)
// and those that only run the command line in processes of their own or a browser, where a mutant
// that Stryker switches on in this process is not active.
export default defineConfig({
  test: {
    include,
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
    // Under Stryker, every mutated module loads before the first test, so that the code it runs
    // at load counts as static even when the command line would load it lazily
    // (scripts/loadMutatedModules.ts); the static re-test runs the tests on plain source.
    // A failing property stops at its first counterexample (scripts/propertiesEndOnFailure.ts).
    setupFiles: [
      'scripts/propertiesEndOnFailure.ts',
      ...(process.env.STRYKER_MUTATOR_WORKER === undefined
        ? []
        : ['scripts/loadMutatedModules.ts']),
    ],
    testTimeout: 60_000,
  },
});
