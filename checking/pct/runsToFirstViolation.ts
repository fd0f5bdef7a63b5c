/**
 * How many runs each scheduler needs before a run violates an invariant: the figure PCT and the
 * uniform generator are compared by. The uniform side draws exactly the runs `lingering check`
 * and the matrix draw (fast-check, same seed) in the isolated environment, the only one PCT's
 * actors know; nothing is shrunk.
 */
import fc from 'fast-check';
import type { EngineConfig } from '../../engine/EngineState.js';
import { judge } from '../../invariants/checkTrace.js';
import type { Invariant } from '../../invariants/Invariant.js';
import type { Run } from '../matrix.js';
import { matrixRuns } from '../matrix.js';
import { pctRun } from './pctRun.js';

/** The two schedulers. */
export const SCHEDULERS = ['uniform', 'pct'] as const;

/** One of {@link SCHEDULERS}. */
export type Scheduler = (typeof SCHEDULERS)[number];

/** Per invariant name, the 1-based run that first violated it (absent: none within the runs). */
export type FirstViolations = ReadonlyMap<string, number>;

const broken = (config: EngineConfig, run: Run, invariants: readonly Invariant[]): string[] =>
  judge(config, run.states, invariants)
    .verdicts.filter((v) => v.verdict === 'violated')
    .map((v) => v.invariant.name);

/**
 * Scans up to `runs` runs of `scheduler` and records, per invariant, the first run violating it;
 * stops early once every invariant of `invariants` has been seen violated.
 *
 * @example
 * firstViolations('uniform', config, [RateAtMost100], { seed: 1, runs: 100 }).get('RateAtMost100') //=> 3
 */
export function firstViolations(
  scheduler: Scheduler,
  config: EngineConfig,
  invariants: readonly Invariant[],
  options: { readonly seed: number; readonly runs: number; readonly depth?: number },
): FirstViolations {
  const first = new Map<string, number>();
  const note = (run: Run, index: number): boolean => {
    const pending = invariants.filter((inv) => !first.has(inv.name));
    for (const name of broken(config, run, pending)) first.set(name, index);
    return first.size === invariants.length;
  };
  if (scheduler === 'pct') {
    for (let i = 0; i < options.runs; i++)
      if (note(pctRun(config, options.seed, i, options.depth ?? 2), i + 1)) break;
    return first;
  }
  let index = 0;
  // A property that fails once everything is seen: fast-check stops there (no shrinking).
  fc.check(
    fc.property(matrixRuns(config, 'isolated'), (run) => !note(run, ++index)),
    { seed: options.seed, numRuns: options.runs, endOnFailure: true },
  );
  return first;
}

/**
 * The run that first violated any of `invariants` under `scheduler`, or null within `runs`.
 *
 * @example
 * runsToFirstViolation('pct', config, invariants, { seed: 1, runs: 200, depth: 2 }) //=> 1
 */
export function runsToFirstViolation(
  scheduler: Scheduler,
  config: EngineConfig,
  invariants: readonly Invariant[],
  options: { readonly seed: number; readonly runs: number; readonly depth?: number },
): number | null {
  let hit: number | null = null;
  const one = (run: Run, index: number): boolean => {
    if (broken(config, run, invariants).length > 0) hit = index;
    return hit !== null;
  };
  if (scheduler === 'pct') {
    for (let i = 0; i < options.runs && hit === null; i++)
      one(pctRun(config, options.seed, i, options.depth ?? 2), i + 1);
    return hit;
  }
  let index = 0;
  fc.check(
    fc.property(matrixRuns(config, 'isolated'), (run) => !one(run, ++index)),
    {
      seed: options.seed,
      numRuns: options.runs,
      endOnFailure: true,
    },
  );
  return hit;
}
