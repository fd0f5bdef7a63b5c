/**
 * What the poll's `readClosed` does to one group, in one order of the closed table: the group it
 * leads to, what it adds to the shared counters and the per-flow verdicts once it has shipped.
 * LocalTables.ts and GroupTables.ts memoise one list of them per group.
 *
 * Leaves out: the shared state itself (SharedTables.ts applies `delta`).
 */
import type { PollResult } from '../engine/EngineState.js';

/**
 * The poll's `readClosed` for one group (one of its orders).
 *
 * @example
 * const c: PollClose = { next: 3, delta: 0, violations: 0, lastPoll: null };
 * c.violations //=> 0
 */
export interface PollClose {
  readonly next: number;
  /** Added to the shared counters (SharedTables `delta`; 0 adds nothing). */
  readonly delta: number;
  /** Per-flow invariants violated once the poll has shipped (bit k: `invariants[k]`). */
  readonly violations: number;
  /** The single-group `lastPoll`, for judging whole states. */
  readonly lastPoll: PollResult | null;
}
