/**
 * What `lingering check --scheduler pct --json` adds to its report: the runs each scheduler
 * needed to reach a first violation with the same seed, and PCT's theoretical lower bound for
 * the violating run's n actors and k steps.
 */
import type { EngineConfig } from '../../engine/EngineState.js';
import type { Search } from '../findCounterexample.js';
import type { Invariant } from '../../invariants/Invariant.js';
import { invariants as ALL } from '../../invariants/index.js';
import type { PctBound } from './pctBound.js';
import { pctBound } from './pctBound.js';
import { pctRun } from './pctRun.js';
import { runsToFirstViolation } from './runsToFirstViolation.js';

/** The figures. */
export interface PctFigures {
  readonly scheduler: 'pct';
  readonly depth: number;
  /** 1-based run of the first violation of any judged invariant, or null within `runs`. */
  readonly runsToFirstViolation: { readonly pct: number | null; readonly uniform: number | null };
  /** For the violating run (or the last run tried when none violated). */
  readonly pctBound: PctBound;
}

/**
 * The figures for a PCT search that returned `search`.
 *
 * @example
 * pctFigures({ config, seed: 1, runs: 200, depth: 2 }, search).runsToFirstViolation //=> { pct: 3, uniform: 1 }
 */
export function pctFigures(
  options: {
    readonly config: EngineConfig;
    readonly seed: number;
    readonly runs: number;
    readonly depth: number;
    readonly invariant?: Invariant;
  },
  search: Search,
): PctFigures {
  const { config, seed, runs, depth } = options;
  const candidates = options.invariant ? [options.invariant] : ALL;
  const run = pctRun(config, seed, search.tried - 1, depth);
  return {
    scheduler: 'pct',
    depth,
    runsToFirstViolation: {
      pct: search.found ? search.tried : null,
      uniform: runsToFirstViolation('uniform', config, candidates, { seed, runs }),
    },
    pctBound: pctBound(run.actors, run.k, depth),
  };
}
