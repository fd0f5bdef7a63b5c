/**
 * Turns a generated list of intents (which actor moves next) into a well-formed, step-level event
 * list by running the engine: an intent whose actor cannot move now is dropped, so every list
 * fast-check generates or shrinks to is a valid trace (no exit without an enter, at most `L`
 * notifies, steps in program order, no step the flow lock blocks). The environment decides what
 * else may happen (docs/environment.md): tuple reuse, the asynchronous drain, client churn, table
 * orders.
 */
import type { AgentVariant } from '../engine/agent/AgentVariant.js';
import type { DriverVariant } from '../engine/driver/DriverVariant.js';
import { firstStep } from '../engine/driver/DriverVariant.js';
import { getClient } from '../engine/agent/networkState.js';
import type { EngineState } from '../engine/EngineState.js';
import { clientId, newEngine } from '../engine/EngineState.js';
import type { EnvironmentFeatures } from '../engine/environment.js';
import { environmentFeatures } from '../engine/environment.js';
import type { Event, FlowId } from '../engine/events.js';
import { flowId } from '../engine/events.js';
import { isEnded } from '../engine/driver/flow.js';
import { allFlows } from '../engine/driver/tables.js';
import { step } from '../engine/step.js';

/** What an actor may try next. */
export type IntentKind =
  | 'traffic'
  | 'calloutEnter'
  | 'calloutExit'
  | 'reset'
  | 'fin'
  | 'notify'
  | 'poll'
  | 'drain'
  | 'expire'
  | 'register';

/**
 * One generated choice: an action kind, and which of the flows that can take it now moves
 * (`pick` modulo their number, so every value means something and shrinks towards flow 1).
 */
export interface Intent {
  readonly kind: IntentKind;
  /** Index into the flows that can take the action now; for the drain, the held record stored; for churn, the client. */
  readonly pick: number;
  /** Bytes for `traffic`. */
  readonly bytes: number;
  /** An establish's tuple: 0 a fresh one, k > 0 the k-th free tuple of an ended flow (tuple reuse only). */
  readonly tuple?: number;
  /** A table read's order: 0 as the table is, k > 0 its k-th permutation (any order only). */
  readonly order?: number;
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
  /** What the environment allows. @defaultValue the isolated environment's */
  readonly features?: EnvironmentFeatures;
}

const ISOLATED = environmentFeatures('isolated');

/** The `n`-th permutation (lexicographic, from 0) of `xs`. */
function permutation<T>(xs: readonly T[], n: number): T[] {
  const rest = [...xs];
  const out: T[] = [];
  let k = n;
  for (let size = rest.length; size > 0; size--) {
    let f = 1;
    for (let i = 2; i < size; i++) f *= i;
    const i = Math.floor(k / f) % size;
    out.push(rest.splice(i, 1)[0] as T);
    k %= f;
  }
  return out;
}

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));

/**
 * The order a table read takes: none (as the table is) unless two flows of one tuple are in it and
 * the intent asks for another permutation.
 */
function orderFor(
  state: EngineState,
  table: readonly FlowId[],
  order: number,
): { order?: FlowId[] } {
  const tuples = table.map((id) => state.driver.flows[id]?.tuple);
  if (new Set(tuples).size === tuples.length || order === 0) return {};
  const perm = permutation(table, order % factorial(table.length));
  return perm.every((id, i) => id === table[i]) ? {} : { order: perm };
}

/** An establish's tuple: a fresh one, or the k-th free tuple of an ended flow. */
function tupleFor(state: EngineState, id: FlowId, pick: number): { tuple?: number } {
  const flows = allFlows(state.driver);
  const live = new Set(flows.filter((f) => !isEnded(f)).map((f) => f.tuple));
  const free = [
    ...new Set(flows.filter((f) => isEnded(f) && !live.has(f.tuple)).map((f) => f.tuple)),
  ]
    .filter((t) => t !== id)
    .sort((a, b) => a - b);
  return pick === 0 || free.length === 0 ? {} : { tuple: free[(pick - 1) % free.length] };
}

/** The environment's own events: the drain's next step, a client's expiry or registration. */
function environmentEvent(state: EngineState, intent: Intent, bounds: Bounds): Event | null {
  const clients = Array.from({ length: bounds.clients }, (_, i) => i + 1);
  const registered = (c: number) => getClient(state.agent, clientId(c - 1)) !== undefined;
  switch (intent.kind) {
    case 'drain': {
      const held = state.drain?.held ?? [];
      if (held.length > 0) {
        const flow = flowId(held[intent.pick % held.length]?.cookie as number);
        return { type: 'drain', step: 'store', flow };
      }
      return state.driver.closedFlows.length > 0 ? { type: 'drain', step: 'read' } : null;
    }
    case 'expire': {
      const live = clients.filter(registered);
      return live.length === 0
        ? null
        : { type: 'clientExpire', client: live[intent.pick % live.length] as number };
    }
    default: {
      const gone = clients.filter((c) => !registered(c));
      return gone.length === 0
        ? null
        : { type: 'clientRegister', client: gone[intent.pick % gone.length] as number };
    }
  }
}

/** The poll's next step, with the order its table read takes (and its client, with several). */
function pollEvent(
  state: EngineState,
  intent: Intent,
  bounds: Bounds,
  f: EnvironmentFeatures,
): Event | null {
  const order = f.anyOrder ? (intent.order ?? 0) : 0;
  if (state.poll !== null)
    return {
      type: 'poll',
      step: 'readClosed',
      ...orderFor(state, state.driver.closedFlows, order),
    };
  if (state.polls >= bounds.polls) return null;
  // With several clients, which one polls next is the environment's choice too.
  const client =
    f.clientChurn && bounds.clients > 1 ? { client: (intent.pick % bounds.clients) + 1 } : {};
  return {
    type: 'poll',
    ...client,
    step: 'readOpen',
    ...orderFor(state, state.driver.openFlows, order),
  };
}

/**
 * The concrete event for an action of `kind` by flow `n` (or the poll) in `state`, or null; the
 * intent's other choices (an establish's tuple, a read's order) apply where the environment
 * allows them.
 */
export function eventFor(
  state: EngineState,
  kind: IntentKind,
  n: number,
  bytes: number,
  entered: readonly number[],
  bounds: Bounds,
  intent: Intent = { kind, pick: 0, bytes },
): Event | null {
  const f = bounds.features ?? ISOLATED;
  if (kind === 'poll') return pollEvent(state, intent, bounds, f);
  if (kind === 'drain') return f.asyncDrain ? environmentEvent(state, intent, bounds) : null;
  if (kind === 'expire' || kind === 'register')
    return f.clientChurn ? environmentEvent(state, intent, bounds) : null;
  const id = flowId(n);
  const flow = state.driver.flows[id];
  // The first move of a flow's actor is its establish.
  if (flow === undefined) {
    return {
      type: 'establish',
      flow: id,
      ...(f.tupleReuse ? tupleFor(state, id, intent.tuple ?? 0) : {}),
    };
  }
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
      return flow.callouts > 0
        ? { type: 'calloutExit', flow: id, step: firstStep(bounds.driver.calloutExit) }
        : null;
    case 'reset':
    case 'fin':
      return ended ? null : { type: kind, flow: id };
    case 'notify':
      if (flow.notify !== null)
        return { type: 'flowDeleteNotify', flow: id, step: flow.notify.step };
      return ended && flow.notifies < bounds.layers
        ? { type: 'flowDeleteNotify', flow: id, step: firstStep(bounds.driver.flowDeleteNotify) }
        : null;
  }
}

/** The next step of an operation that holds the lock `blocked` waits for, if any. */
function lockHolder(state: EngineState, blocked: Event): Event | null {
  if (blocked.type === 'poll' || blocked.type === 'drain') {
    for (const id of state.driver.closedFlows) {
      const f = state.driver.flows[id];
      if (f?.notify) return { type: 'flowDeleteNotify', flow: f.id, step: f.notify.step };
      if (f?.exit) return { type: 'calloutExit', flow: f.id, step: f.exit.step };
    }
    return null;
  }
  if (blocked.type !== 'flowDeleteNotify' && blocked.type !== 'calloutExit') return null;
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
export function materialize(
  bounds: Bounds,
  intents: readonly Intent[],
): { events: Event[]; states: EngineState[] } {
  let state = newEngine(bounds);
  const states: EngineState[] = [state];
  const events: Event[] = [];
  const entered: number[] = [];
  const flows = Array.from({ length: bounds.flows }, (_, i) => i + 1);
  for (const intent of intents) {
    const shared =
      intent.kind === 'poll' ||
      intent.kind === 'drain' ||
      intent.kind === 'expire' ||
      intent.kind === 'register';
    const candidates = shared
      ? [eventFor(state, intent.kind, 0, 0, entered, bounds, intent)]
      : flows.map((n) => eventFor(state, intent.kind, n, intent.bytes, entered, bounds, intent));
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
