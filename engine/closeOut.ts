/**
 * The close-out, after which the quiescence invariants are judged: every operation part-way
 * through finishes (the drain stores what it holds), every callout exits, every ended flow gets
 * its `L` delete notifications, then two rounds of polls with traffic on every flow still in a
 * table, then two without; in each round every client polls once.
 */
import type { EngineState } from './EngineState.js';
import type { Event } from './events.js';
import { flowId } from './events.js';
import { isEnded } from './driver/flow.js';
import { allFlows } from './driver/tables.js';
import { step } from './step.js';

function inFlightSteps(state: EngineState): Event[] {
  const out: Event[] = [];
  for (const flow of allFlows(state.driver)) {
    if (flow.exit !== null) out.push({ type: 'calloutExit', flow: flow.id, step: flow.exit.step });
    if (flow.notify !== null)
      out.push({ type: 'flowDeleteNotify', flow: flow.id, step: flow.notify.step });
  }
  if (state.poll !== null) out.push({ type: 'poll', step: 'readClosed' });
  if (state.drain !== null) out.push({ type: 'drain', step: 'store' });
  return out;
}

/**
 * The events that close out `state`, in a fixed order (flows by number).
 *
 * @example
 * closeOut(afterTheRace).at(-1) //=> { type: 'poll' }
 */
export const closeOut = (start: EngineState): readonly Event[] => closeOutRun(start).events;

/** The close-out's events and the states after each of them (the last is quiescent). */
export function closeOutRun(start: EngineState): {
  readonly events: readonly Event[];
  readonly states: readonly EngineState[];
} {
  const events: Event[] = [];
  const states: EngineState[] = [];
  let state = start;
  const apply = (e: Event): boolean => {
    const r = step(state, e);
    if (!r.ok) return false;
    state = r.value;
    events.push(e);
    states.push(state);
    return true;
  };
  // Finish what is part-way through: take the first step that can run, until none is left.
  for (let pending = inFlightSteps(state); pending.length > 0; pending = inFlightSteps(state)) {
    if (!pending.some(apply)) break;
  }
  for (const flow of allFlows(state.driver)) {
    for (let i = 0; i < flow.callouts; i++) apply({ type: 'calloutExit', flow: flow.id });
  }
  for (const flow of allFlows(state.driver)) {
    if (!isEnded(flow)) continue;
    for (let i = flow.notifies; i < state.config.layers; i++)
      apply({ type: 'flowDeleteNotify', flow: flow.id });
  }
  // Two rounds with traffic, then two without; in each round every client polls once.
  for (let round = 0; round < 4; round++) {
    if (round < 2) {
      const tracked = [...state.driver.openFlows, ...state.driver.closedFlows];
      for (const id of [...new Set(tracked)].sort((a, b) => a - b)) {
        apply({ type: 'traffic', flow: flowId(id), bytes: 1 });
      }
    }
    // Every client polls (one that expired is created again by its poll).
    for (let c = 0; c < state.config.clients; c++) {
      apply(state.config.clients === 1 ? { type: 'poll' } : { type: 'poll', client: c + 1 });
    }
  }
  return { events, states };
}
