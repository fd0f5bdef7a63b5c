/**
 * Turns a generated list of intents (which actor moves next) into a well-formed, step-level event
 * list by running the engine: an intent whose actor cannot move now is dropped, so every list
 * fast-check generates or shrinks to is a valid trace (no exit without an enter, at most `L`
 * notifies, steps in program order, no step the flow lock blocks).
 */
import type { AgentVariant } from '../engine/agent/AgentVariant.js';
import type { DriverVariant } from '../engine/driver/DriverVariant.js';
import { firstStep } from '../engine/driver/DriverVariant.js';
import type { EngineState } from '../engine/EngineState.js';
import { newEngine } from '../engine/EngineState.js';
import type { Event } from '../engine/events.js';
import { flowId } from '../engine/events.js';
import { step } from '../engine/step.js';

/** What an actor may try next. */
export type IntentKind = 'traffic' | 'calloutEnter' | 'calloutExit' | 'reset' | 'fin' | 'notify' | 'poll';

/** One generated choice: an actor (a flow's, or the poll) tries to move. */
export interface Intent {
  readonly kind: IntentKind;
  /** 1-based flow; ignored for `poll`. */
  readonly flow: number;
  /** Bytes for `traffic`. */
  readonly bytes: number;
}

/** Bounds the materialised trace keeps to. */
export interface Bounds {
  readonly driver: DriverVariant;
  readonly agent: AgentVariant;
  readonly layers: number;
  readonly clients: number;
  /** Callout entries per flow. */
  readonly callouts: number;
  /** Polls in the whole trace. */
  readonly polls: number;
}

/** The concrete event for `intent` in `state`, or null when the actor cannot move. */
export function eventFor(state: EngineState, intent: Intent, entered: readonly number[], bounds: Bounds): Event | null {
  if (intent.kind === 'poll') {
    if (state.poll !== null) return { type: 'poll', step: 'readClosed' };
    return state.polls < bounds.polls ? { type: 'poll', step: 'readOpen' } : null;
  }
  const id = flowId(intent.flow);
  const flow = state.driver.flows[id];
  // The first move of a flow's actor is its establish.
  if (flow === undefined) return { type: 'establish', flow: id };
  const ended = flow.status !== 'established';
  switch (intent.kind) {
    case 'traffic': {
      const tracked = state.driver.openFlows.includes(id) || state.driver.closedFlows.includes(id);
      return tracked ? { type: 'traffic', flow: id, bytes: intent.bytes } : null;
    }
    case 'calloutEnter':
      return (entered[id] ?? 0) < bounds.callouts && (flow.notifies < bounds.layers || flow.notify !== null)
        ? { type: 'calloutEnter', flow: id }
        : null;
    case 'calloutExit':
      if (flow.exit !== null) return { type: 'calloutExit', flow: id, step: flow.exit.step };
      return flow.callouts > 0 ? { type: 'calloutExit', flow: id, step: firstStep(bounds.driver.calloutExit) } : null;
    case 'reset':
    case 'fin':
      return ended ? null : { type: intent.kind, flow: id };
    case 'notify':
      if (flow.notify !== null) return { type: 'flowDeleteNotify', flow: id, step: flow.notify.step };
      return ended && flow.notifies < bounds.layers
        ? { type: 'flowDeleteNotify', flow: id, step: firstStep(bounds.driver.flowDeleteNotify) }
        : null;
  }
}

/**
 * The events the intents materialise to, and the states along them.
 *
 * @example
 * materialize(bounds, [{ kind: 'reset', flow: 1, bytes: 1 }, { kind: 'reset', flow: 1, bytes: 1 }]).events
 * //=> [establish(1), reset(1)]
 */
export function materialize(bounds: Bounds, intents: readonly Intent[]): { events: Event[]; states: EngineState[] } {
  let state = newEngine(bounds);
  const states: EngineState[] = [state];
  const events: Event[] = [];
  const entered: number[] = [];
  for (const intent of intents) {
    const e = eventFor(state, intent, entered, bounds);
    if (e === null) continue;
    const r = step(state, e);
    if (!r.ok) continue; // a step the flow lock blocks right now
    if (e.type === 'calloutEnter') entered[e.flow] = (entered[e.flow] ?? 0) + 1;
    state = r.value;
    states.push(state);
    events.push(e);
  }
  return { events, states };
}
