/**
 * The shortest trace that violates one invariant, for other commands (`lingering check` compares
 * fast-check's shrunk length with it, through checking/shortestCounterexample.ts). Safety invariants are judged on the trace's own events;
 * quiescence ones, by default, after closing out the trace at any point (as `judge` does), so the
 * answer is the shortest prefix whose close-out fails, the measure `check` uses.
 *
 * The environment is production unless the caller says otherwise (docs/environment.md).
 *
 * Leaves out: several invariants at once (use `explore`).
 */
import type { AgentVariant } from '../engine/agent/AgentVariant.js';
import type { DriverVariant } from '../engine/driver/DriverVariant.js';
import type { Environment } from '../engine/environment.js';
import type { Event } from '../engine/events.js';
import { findInvariant } from '../invariants/index.js';
import type { Invariant } from '../invariants/Invariant.js';
import type { ExploreBounds } from './bounds.js';
import { DEFAULT_BOUNDS } from './bounds.js';
import type { QuiescenceMode } from './bfs.js';
import { explore } from './bfs.js';

/** Options of {@link shortestViolation}. */
export interface ShortestOptions {
  /** Where quiescence invariants are judged. @defaultValue 'everyState' */
  readonly quiescence?: QuiescenceMode;
  /** Give up (null) once this many distinct states are stored. @defaultValue no limit */
  readonly maxStates?: number;
}

/**
 * A shortest event list after which `invariant` (or the engine invariant of that name) is
 * violated, or null when none exists within the bounds or the search stopped at `maxStates` first.
 *
 * @example
 * shortestViolation({ driver: original, agent: prefix }, 'RateAtMost100', { flows: 1, layers: 1 })?.events.length //=> 7
 */
export function shortestViolation(
  config: {
    readonly driver: DriverVariant;
    readonly agent: AgentVariant;
    /** @defaultValue 'production' */
    readonly environment?: Environment;
  },
  invariantOrName: Invariant | string,
  bounds: Partial<ExploreBounds> = {},
  options: ShortestOptions = {},
): { readonly events: readonly Event[] } | null {
  const invariant =
    typeof invariantOrName === 'string' ? findInvariant(invariantOrName) : invariantOrName;
  if (invariant === undefined)
    throw new RangeError(`shortestViolation: no invariant ${invariantOrName as string}`);
  const result = explore(
    { ...config, bounds: { ...DEFAULT_BOUNDS, ...bounds } },
    {
      invariants: [invariant],
      stopWhenFound: invariant.name,
      quiescence: options.quiescence ?? 'everyState',
      ...(options.maxStates === undefined ? {} : { maxStates: options.maxStates }),
    },
  );
  const v = result.violations[0];
  return v === undefined ? null : { events: v.events };
}
