/**
 * The model's whole state, the xstate machine's context: the flows (by number), the tables'
 * insertion orders, the poll part-way through its two reads, the asynchronous drain's held
 * records, agent client 1 (registered or not), and the polls completed.
 *
 * Leaves out: time and agent clients beyond one (every poll is client 1's).
 */
import type { Event } from '../engine/events.js';
import type { FlowRecord } from './FlowRecord.js';
import type { ModelClient } from './ModelClient.js';
import { NEW_CLIENT } from './ModelClient.js';
import type { ModelFlow } from './ModelFlow.js';

/** A poll between its reads. */
export interface PollInFlight {
  /** What `readOpen` returned, in the order it returned them. */
  readonly open: readonly FlowRecord[];
}

/** The machine's context. */
export interface ModelContext {
  /** `L`: layer associations per flow. */
  readonly layers: number;
  /** Flow `k` at index `k - 1`; `null` until established. */
  readonly flows: readonly (ModelFlow | null)[];
  /** `openFlows`' insertion order: the flows in the order they were established. */
  readonly openOrder: readonly number[];
  /** `closedFlows`' insertion order: the flows in the order they moved there. */
  readonly closedOrder: readonly number[];
  readonly poll: PollInFlight | null;
  /** The closed-flows-ready goroutine's records between its read and its stores, in read order. */
  readonly held: readonly FlowRecord[];
  /** Client 1, `null` while it is not registered (expired). */
  readonly client: ModelClient | null;
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
 * No flow established, no poll yet, client 1 registered (process-agent registers first).
 *
 * @example
 * initialContext(2, 4).flows //=> [null, null]
 */
export const initialContext = (flows: number, layers: number): ModelContext => ({
  layers,
  flows: Array.from({ length: flows }, () => null),
  openOrder: [],
  closedOrder: [],
  poll: null,
  held: [],
  client: NEW_CLIENT,
  polls: 0,
});

/** Flow `k` (1-based), or `null` when it is not established or out of range. */
export const flowAt = (c: ModelContext, k: number): ModelFlow | null => c.flows[k - 1] ?? null;

/** The flows with flow `k` replaced. */
export const withFlow = (c: ModelContext, k: number, f: ModelFlow): readonly (ModelFlow | null)[] =>
  c.flows.map((g, i) => (i === k - 1 ? f : g));

/**
 * The context update that replaces flow `k` by `f`, noting a move into `closedFlows` in its
 * insertion order.
 */
export function replaceFlow(c: ModelContext, k: number, f: ModelFlow): Partial<ModelContext> {
  const moved = f.table === 'closed' && flowAt(c, k)?.table === 'open';
  return {
    flows: withFlow(c, k, f),
    ...(moved ? { closedOrder: [...c.closedOrder, k] } : {}),
  };
}

// The model's own list, not engine/events.ts's: model/ imports no engine value (independence.test.ts).
const FLOW_EVENT_TYPES: readonly string[] = [
  'establish',
  'traffic',
  'calloutEnter',
  'calloutExit',
  'reset',
  'fin',
  'flowDeleteNotify',
];

/**
 * The flow a driver event acts on; `null` for the poll, the drain and client churn.
 *
 * @example
 * flowNamed({ type: 'drain', step: 'store', flow: 2 }) //=> null
 */
export const flowNamed = (e: Event): number | null =>
  FLOW_EVENT_TYPES.includes(e.type) && 'flow' in e && e.flow !== undefined ? e.flow : null;

/** The flow a driver event names (`null` for other events or a flow not yet established). */
export const eventFlow = (c: ModelContext, e: Event): ModelFlow | null => {
  const k = flowNamed(e);
  return k === null ? null : flowAt(c, k);
};

/** The context update that replaces the event's flow by `update(flow)` (none for other events). */
export function updateEventFlow(
  c: ModelContext,
  e: Event,
  update: (f: ModelFlow) => ModelFlow,
): Partial<ModelContext> {
  const k = flowNamed(e);
  const f = eventFlow(c, e);
  return k === null || f === null ? {} : replaceFlow(c, k, update(f));
}
