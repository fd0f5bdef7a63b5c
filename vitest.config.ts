import { availableParallelism } from 'node:os';
import { BaseSequencer } from 'vitest/node';
import type { TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';
import { WHOLE_RUNS } from './vitest.wholeRuns.js';

/**
 * The two matrix runs against the manifest (checking/manifest*.test.ts) are the longest files,
 * and their time is spent collecting, which vitest's duration cache does not see: start them
 * first, so that on two cores they overlap the rest instead of running last.
 */
class MatrixFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const first = (f: TestSpecification) => /checking\/manifest\w*\.test\.ts$/.test(f.moduleId);
    return [...sorted.filter(first), ...sorted.filter((f) => !first(f))];
  }
}

export default defineConfig({
  test: {
    include: [
      '{lib,engine,invariants,model,generators,checking,explorer,history,render,interchange,cli,bench,scripts,counterexamples}/**/*.test.ts',
    ],
    // The deep agreement checks (*.deep.test.ts) run with `npm run test:deep`; CI runs both.
    // The files that run whole matrices or reports (vitest.wholeRuns.ts) run there too.
    exclude: ['**/node_modules/**', 'scratch/**', 'reports/**', '**/*.deep.test.ts', ...WHOLE_RUNS],
    // Every core: vitest's default leaves one idle, which on CI's two cores means one file at a time.
    maxWorkers: availableParallelism(),
    sequence: { sequencer: MatrixFirst },
    // The files share a worker's module graph instead of importing xstate, fast-check, zod and the
    // engine again per file (a third of the suite's time on two cores): the code under test is pure
    // functions over readonly data, and no test mocks a module, changes the directory or a global.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
