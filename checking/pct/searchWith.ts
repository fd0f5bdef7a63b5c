/**
 * `lingering check`'s choice of search: the uniform generator (fast-check intents, the default)
 * or the PCT scheduler at a given depth, with PCT's comparison figures beside the result.
 */
import type { Search, SearchOptions } from '../findCounterexample.js';
import { findCounterexample } from '../findCounterexample.js';
import { findCounterexamplePct } from './findCounterexamplePct.js';
import type { PctFigures } from './pctFigures.js';
import { pctFigures } from './pctFigures.js';
import type { Scheduler } from './runsToFirstViolation.js';

/** The search's result, and PCT's figures when PCT searched. */
export interface ScheduledSearch {
  readonly search: Search;
  readonly figures: PctFigures | null;
}

/**
 * Searches with `scheduler` (`depth` is PCT's d and is ignored by the uniform search).
 *
 * @example
 * searchWith('pct', 2, { config, seed: 1, runs: 200 }).figures?.runsToFirstViolation //=> { pct: 3, uniform: 1 }
 */
export function searchWith(
  scheduler: string | undefined,
  depth: number,
  options: SearchOptions,
): ScheduledSearch {
  if ((scheduler as Scheduler | undefined) !== 'pct')
    return { search: findCounterexample(options), figures: null };
  const search = findCounterexamplePct({ ...options, depth });
  return { search, figures: pctFigures({ ...options, depth }, search) };
}

/**
 * One line for people: the runs each scheduler needed and the bound.
 *
 * @example
 * formatPctFigures(figures) //=> 'PCT d=2: first violation at run 3 (uniform: run 1); bound ≥ 1/(n·k^(d−1)) = 1/(7·43) ≈ 0.33%'
 */
export function formatPctFigures(f: PctFigures): string {
  const at = (n: number | null) => (n === null ? 'none' : `run ${n}`);
  const { n, k, d, probability } = f.pctBound;
  return `PCT d=${d}: first violation at ${at(f.runsToFirstViolation.pct)} (uniform: ${at(f.runsToFirstViolation.uniform)}); bound ≥ 1/(n·k^(d−1)) = 1/(${n}·${k}${d > 2 ? `^${d - 1}` : ''}) ≈ ${(probability * 100).toPrecision(2)}%`;
}
