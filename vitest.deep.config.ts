import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WHOLE_RUNS } from './vitest.wholeRuns.js';

// `npm run test:deep`: the agreement checks that search whole graphs (the explorer against its
// reference search and the model, the engine against every path of the model's graphs), and the
// tests that run the command line in processes of their own (faults injected into writes,
// signals, a closed or full stdout) or draw 250,000-event traces. They take minutes, so `npm test`
// leaves them out; CI (.ci/run) runs both.
export default defineConfig({
  test: {
    // And the files that run whole matrices or reports (vitest.wholeRuns.ts).
    include: ['**/*.deep.test.ts', ...WHOLE_RUNS],
    exclude: ['**/node_modules/**', 'scratch/**', 'reports/**'],
    maxWorkers: availableParallelism(),
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
