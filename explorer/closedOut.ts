/**
 * The state after the close-out (docs/semantics.md#close-out), as `judge`
 * (invariants/checkTrace.ts) computes it before the quiescence invariants: the explorer judges them
 * on this state.
 */
import { closeOutRun } from '../engine/closeOut.js';
import type { EngineConfig, EngineState } from '../engine/EngineState.js';

/**
 * The state after `closeOut`.
 *
 * @example
 * closedOut(config, state).polls //=> state.polls + 4 (one client)
 */
export function closedOut(_config: EngineConfig, state: EngineState): EngineState {
  return closeOutRun(state).states.at(-1) ?? state;
}
