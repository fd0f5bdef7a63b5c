/**
 * The model's whole state, the xstate machine's context: the flows (by number), the poll part-way
 * through its two reads, and the polls completed.
 *
 * Leaves out: time and agent clients beyond one (every poll is the same client's).
 */
import type { Event } from '../engine/events.js';
import type { ModelFlow } from './ModelFlow.js';

/** A flow's record as a poll read it (`FlowToConnStat`), reduced to what the delta needs. */
export interface FlowRecord {
  readonly flow: number;
  /** Bytes moved since the agent's previous `openFlows` read of this flow. */
  readonly moved: boolean;
  /** `TCPClosed`: `FLOW_CLOSED` or a failure (PR #47005). */
  readonly closed: boolean;
  /** `TCPFailures` is `{104: 1}` (RecvRst). */
  readonly failure: boolean;
}

/** A poll between (or at the end of) its reads. */
export interface PollInFlight {
  /** What `readOpen` returned. */
  readonly open: readonly FlowRecord[];
  /** What `readClosed` drained. */
  readonly closed: readonly FlowRecord[];
}

/** The machine's context. */
export interface ModelContext {
  /** `L`: layer associations per flow. */
  readonly layers: number;
  /** Flow `k` at index `k - 1`; `null` until established. */
  readonly flows: readonly (ModelFlow | null)[];
  readonly poll: PollInFlight | null;
  /** Polls completed. */
  readonly polls: number;
}

/** The machine's input. */
export interface ModelInput {
  /** `L`. @defaultValue 4 */
  readonly layers?: number;
}

/** The default `L`: the real driver associates a flow at 4 layers. */
export const DEFAULT_MODEL_LAYERS = 4;

/**
 * No flow established, no poll yet.
 *
 * @example
 * initialContext(2, 4).flows //=> [null, null]
 */
export const initialContext = (flows: number, layers: number): ModelContext => ({
  layers,
  flows: Array.from({ length: flows }, () => null),
  poll: null,
  polls: 0,
});

/** Flow `k` (1-based), or `null` when it is not established or out of range. */
export const flowAt = (c: ModelContext, k: number): ModelFlow | null => c.flows[k - 1] ?? null;

/** The flows with flow `k` replaced. */
export const withFlow = (c: ModelContext, k: number, f: ModelFlow): readonly (ModelFlow | null)[] =>
  c.flows.map((g, i) => (i === k - 1 ? f : g));

/** The flow an event names (`null` for a poll or a flow not yet established). */
export const eventFlow = (c: ModelContext, e: Event): ModelFlow | null =>
  e.type === 'poll' ? null : flowAt(c, e.flow);

/** The context update that replaces the event's flow by `update(flow)` (none for a poll). */
export function updateEventFlow(
  c: ModelContext,
  e: Event,
  update: (f: ModelFlow) => ModelFlow,
): Partial<ModelContext> {
  const f = eventFlow(c, e);
  return f === null || e.type === 'poll' ? {} : { flows: withFlow(c, e.flow, update(f)) };
}
