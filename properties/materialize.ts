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

/**
 * One generated choice: an action kind, and which of the flows that can take it now moves
 * (`pick` modulo their number, so every value means something and shrinks towards flow 1).
 */
export interface Intent {
  readonly kind: IntentKind;
  /** Index into the flows that can take the action now; ignored for `poll`. */
  readonly pick: number;
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
  /** Flows, numbered 1 to `flows`. */
  readonly flows: number;
}

/** The concrete event for an action of `kind` by flow `n` (or the poll) in `state`, or null. */
export function eventFor(
  state: EngineState,
  kind: IntentKind,
  n: number,
  bytes: number,
  entered: readonly number[],
  bounds: Bounds,
): Event | null {
  if (kind === 'poll') {
    if (state.poll !== null) return { type: 'poll', step: 'readClosed' };
    return state.polls < bounds.polls ? { type: 'poll', step: 'readOpen' } : null;
  }
  const id = flowId(n);
  const flow = state.driver.flows[id];
  // The first move of a flow's actor is its establish.
  if (flow === undefined) return { type: 'establish', flow: id };
  const ended = flow.status !== 'established';
  switch (kind) {
    case 'traffic': {
      const tracked = state.driver.openFlows.includes(id) || state.driver.closedFlows.includes(id);
      return tracked ? { type: 'traffic', flow: id, bytes } : null;
    }
    case 'calloutEnter':
      return (entered[id] ?? 0) < bounds.callouts && flow.notifies < bounds.layers
        ? { type: 'calloutEnter', flow: id }
        : null;
    case 'calloutExit':
      if (flow.exit !== null) return { type: 'calloutExit', flow: id, step: flow.exit.step };
      return flow.callouts > 0 ? { type: 'calloutExit', flow: id, step: firstStep(bounds.driver.calloutExit) } : null;
    case 'reset':
    case 'fin':
      return ended ? null : { type: kind, flow: id };
    case 'notify':
      if (flow.notify !== null) return { type: 'flowDeleteNotify', flow: id, step: flow.notify.step };
      return ended && flow.notifies < bounds.layers
        ? { type: 'flowDeleteNotify', flow: id, step: firstStep(bounds.driver.flowDeleteNotify) }
        : null;
  }
}

/** The next step of an operation that holds the lock `blocked` waits for, if any. */
function lockHolder(state: EngineState, blocked: Event): Event | null {
  if (blocked.type === 'poll') {
    for (const id of state.driver.closedFlows) {
      const f = state.driver.flows[id];
      if (f?.notify) return { type: 'flowDeleteNotify', flow: f.id, step: f.notify.step };
      if (f?.exit) return { type: 'calloutExit', flow: f.id, step: f.exit.step };
    }
    return null;
  }
  const flow = state.driver.flows[blocked.flow];
  if (flow === undefined) return null;
  if (blocked.type === 'flowDeleteNotify' && flow.exit !== null) {
    return { type: 'calloutExit', flow: flow.id, step: flow.exit.step };
  }
  if (blocked.type === 'calloutExit' && flow.notify !== null) {
    return { type: 'flowDeleteNotify', flow: flow.id, step: flow.notify.step };
  }
  return null;
}

/**
 * The events the intents materialise to, and the states along them.
 *
 * @example
 * materialize({ ...bounds, flows: 1 }, [{ kind: 'reset', pick: 0, bytes: 1 }, { kind: 'reset', pick: 0, bytes: 1 }]).events
 * //=> [establish(1), reset(1)]
 */
export function materialize(bounds: Bounds, intents: readonly Intent[]): { events: Event[]; states: EngineState[] } {
  let state = newEngine(bounds);
  const states: EngineState[] = [state];
  const events: Event[] = [];
  const entered: number[] = [];
  const flows = Array.from({ length: bounds.flows }, (_, i) => i + 1);
  for (const intent of intents) {
    const candidates =
      intent.kind === 'poll'
        ? [eventFor(state, 'poll', 0, 0, entered, bounds)]
        : flows.map((n) => eventFor(state, intent.kind, n, intent.bytes, entered, bounds));
    const movable = candidates.filter((e): e is Event => e !== null);
    // From the picked flow on, the first whose step can run now. A step the flow lock blocks
    // spins: the operation holding the lock runs its next step instead.
    for (let k = 0; k < movable.length; k++) {
      const wanted = movable[(intent.pick + k) % movable.length] as Event;
      let e = wanted;
      let r = step(state, e);
      if (!r.ok) {
        const holder = lockHolder(state, wanted);
        if (holder === null) continue;
        e = holder;
        r = step(state, e);
      }
      if (!r.ok) continue;
      if (e.type === 'calloutEnter') entered[e.flow] = (entered[e.flow] ?? 0) + 1;
      state = r.value;
      states.push(state);
      events.push(e);
      break;
    }
  }
  return { events, states };
}
