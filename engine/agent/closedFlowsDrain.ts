/**
 * The closed-flows-ready goroutine that `NewTracer` starts (pkg/network/tracer/tracer_windows.go):
 * on the driver's event it reads `closedFlows` (the same destructive `GET_CLOSED_FLOWS` the poll
 * makes) **without** the tracer's `connLock`, then calls `StoreClosedConnection` once per record,
 * each call under the state's mutex alone. So a poll can run between the read and any store.
 *
 * Leaves out: the closed buffer the goroutine shares with the poll without a lock upstream (the
 * drain here has its own), and the event's threshold (it fires whenever `closedFlows` holds a
 * flow). See docs/environment.md.
 */
import type { EngineState } from '../EngineState.js';
import type { FlowId } from '../events.js';
import { storeClosedConnection } from './networkState.js';
import { readClosedTable } from './poll.js';

/**
 * Step `read`: every flow of `closedFlows`, returned once and removed; the drain holds the records.
 *
 * @example
 * drainRead(stateWithFlow1Closed).drain?.held.map((r) => r.cookie) //=> [1]
 */
export function drainRead(state: EngineState): EngineState {
  const { driver, records } = readClosedTable(state.driver, undefined, state.config.agent);
  return { ...state, driver, drain: records.length === 0 ? null : { held: records } };
}

/**
 * Step `store`: `StoreClosedConnection` of the held record of `flow` (the first held one when
 * absent) into every client registered now; the drain is over with its last record.
 *
 * @example
 * drainStore(afterDrainRead, flowId(1)).drain //=> null: its only record is stored
 */
export function drainStore(state: EngineState, flow?: FlowId): EngineState {
  const held = state.drain?.held ?? [];
  const i = flow === undefined ? 0 : held.findIndex((r) => (r.cookie as number) === flow);
  const record = held[i];
  if (record === undefined) return state;
  const rest = held.filter((_, k) => k !== i);
  return {
    ...state,
    agent: storeClosedConnection(state.agent, record),
    drain: rest.length === 0 ? null : { held: rest },
  };
}
