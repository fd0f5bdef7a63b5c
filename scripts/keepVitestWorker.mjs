/**
 * Loaded by Stryker's test-runner processes (stryker.config.json `testRunnerNodeArgs`): keeps
 * vitest's worker alive from one mutant's run to the next.
 *
 * Vitest 4.1 keeps a non-isolated worker only while another file waits in its queue, so each of
 * Stryker's runs (one `vitest.start` per mutant) starts a new worker thread and imports every
 * module again: about 8 s for two history test files, against 0.1 s with the worker kept. Stryker
 * switches a mutant on through a global that the mutated code reads as it runs, so a module loaded
 * once judges every mutant; the static mutants, which act at load, are left to
 * scripts/staticMutants.ts. A mutated module that kept state across calls could carry one
 * mutant's effect into the next run; the README (Mutation testing) names the ones there are and
 * why they do not.
 *
 * The changes are three lines of vitest's pool (dist/chunks/cli-api.*.js), rewritten as the
 * chunk loads; the run stops if any text is not found once, so a vitest upgrade cannot silently
 * undo them.
 */
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

/** Each rewrite: the text vitest has, and what it becomes. */
const REWRITES = [
  // Pool.schedule: keep an idle worker too, unless the run is being cancelled (vitest then waits
  // for the worker to end).
  [
    'this.queue[0]?.task.isolate === false && isEqualRunner(runner, this.queue[0].task)',
    '(this.queue.length === 0 && !this._isCancelling || this.queue[0]?.task.isolate === false && isEqualRunner(runner, this.queue[0].task))',
  ],
  // A failing test under `bail` makes the worker skip the tests left, and then cancelled the
  // whole pool, ending the worker; the worker's own skip is enough to stop the run.
  [
    'ctx.onCancel(() => pool.cancel());',
    "ctx.onCancel((reason) => (reason === 'test-failure' ? undefined : pool.cancel()));",
  ],
  // A worker gets the project's config once, when it starts; Stryker sets a test-name filter for
  // each mutant's run, so the filter goes with each run's files instead (one matching every name
  // when there is none, or the worker would keep the previous run's).
  [
    'testNamePattern: spec.testNamePattern,',
    'testNamePattern: spec.testNamePattern ?? project.config.testNamePattern ?? /(?:)/,',
  ],
];

/** Node's `load` hook: the pool chunk rewritten, every other module as it is. */
export async function load(url, context, nextLoad) {
  const loaded = await nextLoad(url, context);
  if (!/\/vitest\/dist\/chunks\/cli-api\.[^/]+\.js$/.test(url)) return loaded;
  let source = String(loaded.source);
  for (const [from, to] of REWRITES) {
    if (source.split(from).length !== 2) {
      throw new Error(`keepVitestWorker: ${url} has changed; update scripts/keepVitestWorker.mjs`);
    }
    source = source.replace(from, to);
  }
  return { ...loaded, source };
}

// Only the test runner's own thread loads the pool; the hooks thread and vitest's workers need
// no hook.
if (isMainThread) register(import.meta.url);
