/**
 * The explorer's events: what may happen next in a snapshot, within bounds that keep the graph
 * finite (flows established in number order, at most `callouts` callouts holding or releasing a
 * reference per flow, one traffic event per flow between the agent's reads of it and none once
 * no poll is left, at most `polls` polls), at step level, keeping only those the model accepts.
 * In the `production` environment (docs/environment.md) also: an establish that reuses the tuple
 * of an ended flow, the drain's read and its stores, client 1's expiry and registration, and the
 * poll's reads in every order that changes the order within a tuple.
 *
 * Leaves out: traffic on a drained flow (a no-op) and whole operations without `step` (the
 * explorer works at step level, as the generators do).
 */
import type { Event, FlowId } from '../engine/events.js';
import type { ModelContext } from './ModelContext.js';
import type { ModelFlow } from './ModelFlow.js';
import { hasEnded, isTracked } from './ModelFlow.js';
import { readOrders } from './readOrders.js';
import type { ModelSnapshot, SystemModel } from './systemModel.js';
import { closedFlows, openFlows } from './tableOrder.js';

/** Which environment's events the explorer tries (docs/environment.md). */
export type ModelEnvironment = 'isolated' | 'production';

/** The explorer's bounds. */
export interface ExploreBounds {
  /** Callouts holding or releasing a reference at once, per flow. @defaultValue 2 */
  readonly callouts: number;
  /** Polls in a path. @defaultValue 2 */
  readonly polls: number;
  /** @defaultValue 'isolated' */
  readonly environment?: ModelEnvironment;
}

/** The default bounds. */
export const DEFAULT_BOUNDS: ExploreBounds = { callouts: 2, polls: 2 };

/** Bytes a generated traffic event carries (the model only sees that bytes moved). */
const TRAFFIC_BYTES = 10;

function flowEvents(
  m: SystemModel,
  f: ModelFlow,
  flow: FlowId,
  pollAhead: boolean,
  b: ExploreBounds,
): Event[] {
  const out: Event[] = [];
  const [firstExit = ''] = m.driver.steps.calloutExit;
  const [firstNotify = ''] = m.driver.steps.flowDeleteNotify;
  // Bytes matter only to a later read: no traffic once no poll is left to see it.
  if (pollAhead && isTracked(f) && !f.moved)
    out.push({ type: 'traffic', flow, bytes: TRAFFIC_BYTES });
  if (f.callouts + (f.exit === null ? 0 : 1) < b.callouts) out.push({ type: 'calloutEnter', flow });
  if (!hasEnded(f)) out.push({ type: 'reset', flow }, { type: 'fin', flow });
  if (f.notify !== null) out.push({ type: 'flowDeleteNotify', flow, step: f.notify.step });
  else if (hasEnded(f)) out.push({ type: 'flowDeleteNotify', flow, step: firstNotify });
  // Releases after notifies: breadth-first search then prefers paths that release last.
  if (f.exit !== null) out.push({ type: 'calloutExit', flow, step: f.exit.step });
  else if (f.callouts > 0) out.push({ type: 'calloutExit', flow, step: firstExit });
  return out;
}

/** Establishing flow `flow`: with its own tuple, and (production) with each ended flow's. */
function establishEvents(c: ModelContext, flow: FlowId, production: boolean): Event[] {
  const reused = production
    ? [...new Set(c.flows.flatMap((f) => (f !== null && hasEnded(f) ? [f.tuple] : [])))]
    : [];
  return [
    { type: 'establish', flow },
    ...reused.map((tuple): Event => ({ type: 'establish', flow, tuple })),
  ];
}

/** The poll's next step, in each order worth trying (production) or in insertion order. */
function pollEvents(c: ModelContext, b: ExploreBounds, production: boolean): Event[] {
  if (c.poll === null && c.polls >= b.polls) return [];
  const step = c.poll === null ? 'readOpen' : 'readClosed';
  const table = c.poll === null ? openFlows(c) : closedFlows(c);
  const orders = production ? readOrders(c, table) : [undefined];
  return orders.map((order): Event => ({
    type: 'poll',
    step,
    ...(order === undefined ? {} : { order: order as readonly FlowId[] }),
  }));
}

/** The drain's steps and client 1's churn (production only), where they can happen at all. */
function environmentEvents(c: ModelContext): Event[] {
  const read: Event[] =
    c.held.length === 0 && closedFlows(c).length > 0 ? [{ type: 'drain', step: 'read' }] : [];
  const stores = c.held.map((r): Event => ({
    type: 'drain',
    step: 'store',
    flow: r.flow as FlowId,
  }));
  const churn: Event =
    c.client === null ? { type: 'clientRegister', client: 1 } : { type: 'clientExpire', client: 1 };
  return [...read, ...stores, churn];
}

/**
 * The events the explorer tries from `s`, each one the model accepts.
 *
 * @example
 * enabledEvents(m, modelStart(m), DEFAULT_BOUNDS) //=> [establish(1), poll.readOpen]
 */
export function enabledEvents(m: SystemModel, s: ModelSnapshot, b: ExploreBounds): Event[] {
  const c = s.context;
  const production = b.environment === 'production';
  const out: Event[] = [];
  const pollAhead = c.poll !== null || c.polls < b.polls;
  for (const [i, f] of c.flows.entries()) {
    const flow = (i + 1) as FlowId;
    // Flows are interchangeable: establishing them in number order loses no behaviour.
    if (f === null) {
      if (i === 0 || c.flows[i - 1] !== null) out.push(...establishEvents(c, flow, production));
    } else out.push(...flowEvents(m, f, flow, pollAhead, b));
  }
  out.push(...pollEvents(c, b, production));
  if (production) out.push(...environmentEvents(c));
  return out.filter((e) => s.can(e));
}
