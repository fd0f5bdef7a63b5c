/**
 * Searches one driver × agent pair with the PCT scheduler instead of uniform random intents, and
 * shrinks what it finds (fast-check's intent shrinker, then delta debugging): the `--scheduler pct` engine of `lingering check`.
 * Same result type as `findCounterexample`; `path` names the depth and the run (`pct:d2:17`),
 * which with the seed replays the run exactly while the scheduler is unchanged.
 */
import type { EngineConfig } from '../../engine/EngineState.js';
import { judge } from '../../invariants/checkTrace.js';
import type { Search, SearchOptions } from '../findCounterexample.js';
import type { Invariant } from '../../invariants/Invariant.js';
import { invariants as ALL } from '../../invariants/index.js';
import type { PctRun } from './pctRun.js';
import { pctRun } from './pctRun.js';
import { shrinkPct } from './shrinkPct.js';

/** Options of {@link findCounterexamplePct}: the uniform search's, plus the bug depth. */
export interface PctSearchOptions extends SearchOptions {
  /** PCT's d: the ordering constraints a bug needs; `d − 1` priority changes per run. @defaultValue 2 */
  readonly depth?: number;
  /** Shrink the found trace. @defaultValue true */
  readonly shrink?: boolean;
}

/** The first invariant of `candidates` (in invariant order) that `run` violates, if any. */
const firstBroken = (
  config: EngineConfig,
  run: PctRun,
  candidates: readonly Invariant[],
): Invariant | undefined =>
  judge(config, run.states, candidates).verdicts.find((v) => v.verdict === 'violated')?.invariant;

/**
 * Runs up to `runs` PCT schedules; on the first violation, shrinks the trace for the invariant it
 * broke (the first in the order of docs/semantics.md#invariants when several did).
 *
 * @example
 * findCounterexamplePct({ config, seed: 1, runs: 200, depth: 2 }).found //=> true for original × prefix
 */
export function findCounterexamplePct(options: PctSearchOptions): Search {
  const { config, seed, runs } = options;
  const depth = options.depth ?? 2;
  const candidates = options.invariant ? [options.invariant] : ALL;
  for (let i = 0; i < runs; i++) {
    const run = pctRun(config, seed, i, depth);
    options.onRun?.(i + 1);
    const broken = firstBroken(config, run, candidates);
    if (broken === undefined) continue;
    const events =
      options.shrink === false ? run.events : shrinkPct(config, broken, run.events, seed);
    return {
      found: true,
      invariant: broken,
      events,
      tried: i + 1,
      seed,
      path: `pct:d${depth}:${i}`,
    };
  }
  return { found: false, tried: runs };
}
