/**
 * The breadth-first minimum for a counterexample: the shortest trace that violates the same
 * invariant on the same pair within the bounds the found trace used (flows, callouts, polls,
 * traffic). Uses the exhaustive explorer when it is available.
 */
import type { EngineConfig } from '../engine/EngineState.js';
import type { Event } from '../engine/events.js';
import type { Invariant } from './invariants/Invariant.js';

/** The shortest violating trace within `found`'s bounds, or null when it cannot be computed. */
export function shortestCounterexample(_config: EngineConfig, _invariant: Invariant, _found: readonly Event[]): readonly Event[] | null {
  return null;
}
