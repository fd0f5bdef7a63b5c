/**
 * Searches one driver × agent pair for a violation with fast-check and shrinks it: the engine of
 * `lingering check`. The shrunk trace is a concrete event list; fast-check's seed and path are
 * kept as information only (a seed replays a different sequence once a generator changes).
 */
import fc from 'fast-check';
import type { EngineConfig } from '../engine/EngineState.js';
import type { Environment } from '../engine/environment.js';
import { DEFAULT_ENVIRONMENT } from '../engine/environment.js';
import type { Event } from '../engine/events.js';
import { judge } from '../invariants/checkTrace.js';
import type { Invariant } from '../invariants/Invariant.js';
import { invariants as ALL } from '../invariants/index.js';
import type { Run } from './matrix.js';
import { matrixRuns } from './matrix.js';

/** What a search found. */
export type Search =
  | { readonly found: false; readonly tried: number }
  | {
      readonly found: true;
      readonly invariant: Invariant;
      readonly events: readonly Event[];
      readonly tried: number;
      readonly seed: number;
      /** fast-check's replay path of the shrunk counterexample. */
      readonly path: string;
    };

/** Options of {@link findCounterexample}. */
export interface SearchOptions {
  readonly config: EngineConfig;
  /** What the world may do (docs/environment.md). @defaultValue 'production' */
  readonly environment?: Environment;
  /** Only this invariant; all of them when absent. */
  readonly invariant?: Invariant;
  readonly seed: number;
  readonly runs: number;
  /** Called after each generated sequence of the search (not the shrinking) with the count so far. */
  readonly onRun?: (runs: number) => void;
}

const violated = (config: EngineConfig, run: Run, invs: readonly Invariant[]) =>
  judge(config, run.states, invs).verdicts.find((v) => v.verdict === 'violated')?.invariant;

/**
 * Runs up to `runs` generated sequences; on the first violation, shrinks it for the invariant it
 * broke (the first in the order of docs/semantics.md#invariants when several did).
 *
 * @example
 * findCounterexample({ config, invariant: RateAtMost100, seed: 7, runs: 200 }).found //=> true for original × prefix
 */
export function findCounterexample(options: SearchOptions): Search {
  const { config, seed, runs } = options;
  const arb = matrixRuns(config, options.environment ?? DEFAULT_ENVIRONMENT);
  const candidates = options.invariant ? [options.invariant] : ALL;
  // First pass: which run breaks something first, and what.
  let tried = 0;
  const first = fc.check(
    fc.property(arb, (run) => {
      options.onRun?.(++tried);
      return violated(config, run, candidates) === undefined;
    }),
    { seed, numRuns: runs, endOnFailure: true },
  );
  if (!first.failed || first.counterexample === null) return { found: false, tried: first.numRuns };
  const broken = violated(config, first.counterexample[0], candidates) as Invariant;
  // Second pass from the same run, shrinking for that invariant alone.
  const runIndex = first.counterexamplePath?.split(':')[0] ?? '0';
  const shrunk = fc.check(
    fc.property(arb, (run) => violated(config, run, [broken]) === undefined),
    // Shrinking is this pass's job, whatever fast-check's global configuration says.
    { seed, numRuns: runs, path: runIndex, endOnFailure: false },
  );
  const run = shrunk.counterexample?.[0] ?? first.counterexample[0];
  return {
    found: true,
    invariant: broken,
    events: run.events,
    tried: first.numRuns,
    seed,
    path: shrunk.counterexamplePath ?? first.counterexamplePath ?? runIndex,
  };
}
