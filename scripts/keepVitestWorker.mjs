/**
 * Loaded by Stryker's test-runner processes (stryker.config.json `testRunnerNodeArgs`): keeps
 * vitest's worker alive from one mutant's run to the next.
 *
 * Vitest 4.1 keeps a non-isolated worker only while another file waits in its queue, so each of
 * Stryker's runs (one `vitest.start` per mutant) starts a new worker thread and imports every
 * module again: about 8 s for two history test files, against 0.1 s with the worker kept. Stryker
 * switches a mutant on through a global that the mutated code reads as it runs, so a module loaded
 * once judges every mutant; the static mutants, which act at load, are left to
 * scripts/staticMutants.ts. A run that vitest cancels (a failing test under `bail`) still ends
 * its worker, as vitest waits for that, so stryker.config.json sets `disableBail`. A mutated
 * module that kept state across calls could carry one mutant's effect into the next run; the
 * README (Mutation testing) names the ones there are and why they do not.
 *
 * The change is one condition in vitest's pool (`Pool.schedule`, dist/chunks/cli-api.*.js),
 * rewritten as the chunk loads; the run stops if the text is not found, so a vitest upgrade
 * cannot silently undo it.
 */
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

const KEEP_IF_QUEUED =
  'this.queue[0]?.task.isolate === false && isEqualRunner(runner, this.queue[0].task)';
const KEEP_IF_IDLE_OR_QUEUED = `(this.queue.length === 0 && !this._isCancelling || ${KEEP_IF_QUEUED})`;

/** Node's `load` hook: the pool chunk with its condition rewritten, every other module as it is. */
export async function load(url, context, nextLoad) {
  const loaded = await nextLoad(url, context);
  if (!/\/vitest\/dist\/chunks\/cli-api\.[^/]+\.js$/.test(url)) return loaded;
  const source = String(loaded.source);
  if (!source.includes(KEEP_IF_QUEUED)) {
    throw new Error(`keepVitestWorker: ${url} has changed; update scripts/keepVitestWorker.mjs`);
  }
  return { ...loaded, source: source.replace(KEEP_IF_QUEUED, KEEP_IF_IDLE_OR_QUEUED) };
}

// Only the test runner's own thread loads the pool; the hooks thread and vitest's workers need
// no hook.
if (isMainThread) register(import.meta.url);
