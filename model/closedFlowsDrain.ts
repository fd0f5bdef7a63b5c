/**
 * The asynchronous closed-flow drain (`NewTracer`, pkg/network/tracer/tracer_windows.go): the
 * goroutine woken by the closed-flows-ready event reads `closedFlows` destructively outside
 * `connLock`, then calls `StoreClosedConnection` once per record, in read order or naming the
 * record (docs/environment.md, *The asynchronous closed-flow drain*).
 *
 * Leaves out: the unsynchronised `closedBuffer` the goroutine shares with the poll upstream (the
 * drain holds its records apart), and the event's threshold (it fires whenever the table holds any).
 */
import type { ModelContext } from './ModelContext.js';
import { storeClosed } from './ModelClient.js';
import { readClosedFlows } from './pollReads.js';

/** Step `read`: every flow of `closedFlows` in insertion order; the drain now holds the records. */
export function drainRead(c: ModelContext): Partial<ModelContext> {
  const { flows, records } = readClosedFlows(c);
  return { flows, held: records };
}

/** The held record a `store` step takes: flow `flow`'s, or the first held one; -1 if none. */
export const heldIndex = (c: ModelContext, flow?: number): number =>
  flow === undefined ? (c.held.length > 0 ? 0 : -1) : c.held.findIndex((r) => r.flow === flow);

/**
 * Step `store`: `StoreClosedConnection` of one held record into client 1 (dropped when client 1
 * is not registered).
 *
 * @example
 * drainStore(afterDrainRead).held //=> []
 */
export function drainStore(c: ModelContext, flow?: number): Partial<ModelContext> {
  const i = heldIndex(c, flow);
  const r = c.held[i];
  if (r === undefined) return {};
  return { held: c.held.filter((_, j) => j !== i), client: storeClosed(c.client, r) };
}

/** The whole drain: the read, then every store in read order. */
export function drainAll(c: ModelContext): Partial<ModelContext> {
  const { flows, records } = readClosedFlows(c);
  return { flows, held: [], client: records.reduce(storeClosed, c.client) };
}
