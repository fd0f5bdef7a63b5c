/**
 * The state after the close-out of SPEC 2.4, as `judge` (properties/checkTrace.ts) computes it
 * before the quiescence invariants: the explorer judges them on this state.
 *
 * Leaves out: nothing; a close-out the engine refuses part-way leaves the state as it was.
 */
import { closeOut } from '../engine/closeOut.js';
import type { EngineConfig, EngineState } from '../engine/EngineState.js';
import { runEvents } from '../engine/run.js';

/**
 * The state after `closeOut` (as `judge` in properties/checkTrace.ts computes it).
 *
 * @example
 * closedOut(config, state).polls //=> state.polls + 4 (one client)
 */
export function closedOut(config: EngineConfig, state: EngineState): EngineState {
  const r = runEvents(config, closeOut(state), state);
  return r.ok ? (r.value[r.value.length - 1] as EngineState) : state;
}
