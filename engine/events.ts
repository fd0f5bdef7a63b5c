/**
 * The shared event vocabulary: one union used by the engine, the model, trace files, generators
 * and printouts. The driver's and the poll's events, and the environment's (4-tuple reuse, the
 * asynchronous closed-flow drain, client churn, table order: docs/environment.md).
 *
 * Leaves out: packet contents and directions (traffic counts sent bytes only); a flow's cookie is
 * its number, its tuple an integer.
 */

/** The largest flow number a trace may use. */
export const MAX_FLOW = 64;

/** A flow number, `1..MAX_FLOW`; built only by {@link flowId}. */
export type FlowId = number & { readonly __brand: 'FlowId' };

/**
 * Checks `n` and brands it as a flow number.
 *
 * @example
 * flowId(2) //=> 2
 * flowId(0) // throws RangeError
 */
export function flowId(n: number): FlowId {
  if (!Number.isInteger(n) || n < 1 || n > MAX_FLOW) {
    throw new RangeError(`flow must be an integer from 1 to ${MAX_FLOW}, got ${n}`);
  }
  return n as FlowId;
}

/** The most agent clients a trace may name. */
export const MAX_CLIENT = 8;

/**
 * The event types that act on one flow's driver record, in the vocabulary's order
 * (docs/events.md#flow-events).
 */
export const FLOW_EVENT_TYPES = [
  'establish',
  'traffic',
  'calloutEnter',
  'calloutExit',
  'reset',
  'fin',
  'flowDeleteNotify',
] as const;

/** The event types: the flows', the poll, then the environment's (docs/environment.md). */
export const EVENT_TYPES = [
  ...FLOW_EVENT_TYPES,
  'poll',
  'drain',
  'clientRegister',
  'clientExpire',
] as const;

/** The steps of the asynchronous closed-flow drain: one read, then one store per record read. */
export const DRAIN_STEPS = ['read', 'store'] as const;

/**
 * One event of a trace. `step`, when present, runs one named atomic step of the operation;
 * without it the whole operation runs at once.
 *
 * - `establish.tuple`: the flow's 4-tuple (default: its own number); flows with one tuple share
 *   everything the agent aggregates by.
 * - `poll.client`: which client polls (1-based; default: the clients in turn); `poll.order`: the
 *   flows of the table a `readOpen` or `readClosed` step reads, in the order the driver returned
 *   them (default: insertion order).
 * - `drain`: the closed-flows-ready goroutine (`read`, then `store` of one held record: the one
 *   of `flow`, or the first).
 * - `clientRegister`, `clientExpire`: one agent client comes or goes.
 */
export type Event =
  | { readonly type: 'establish'; readonly flow: FlowId; readonly tuple?: number }
  | { readonly type: 'traffic'; readonly flow: FlowId; readonly bytes: number }
  | { readonly type: 'calloutEnter'; readonly flow: FlowId }
  | { readonly type: 'calloutExit'; readonly flow: FlowId; readonly step?: string }
  | { readonly type: 'reset'; readonly flow: FlowId }
  | { readonly type: 'fin'; readonly flow: FlowId }
  | { readonly type: 'flowDeleteNotify'; readonly flow: FlowId; readonly step?: string }
  | {
      readonly type: 'poll';
      readonly client?: number;
      readonly step?: string;
      readonly order?: readonly FlowId[];
    }
  | { readonly type: 'drain'; readonly step?: string; readonly flow?: FlowId }
  | { readonly type: 'clientRegister'; readonly client: number }
  | { readonly type: 'clientExpire'; readonly client: number };

/** An event that acts on one flow's driver record. */
export type FlowEvent = Extract<Event, { type: (typeof FLOW_EVENT_TYPES)[number] }>;

/** True when the event acts on one flow's driver record (docs/events.md#flow-events). */
export const isFlowEvent = (e: Event): e is FlowEvent =>
  (FLOW_EVENT_TYPES as readonly string[]).includes(e.type);

/**
 * The flow an event names, if any (a flow event's, or a `drain` store's).
 *
 * @example
 * flowOf({ type: 'poll' }) //=> undefined
 */
export const flowOf = (e: Event): FlowId | undefined =>
  isFlowEvent(e) ? e.flow : e.type === 'drain' ? e.flow : undefined;

/**
 * Prints an event the way counterexamples and the DSL show it.
 *
 * @example
 * formatEvent({ type: 'flowDeleteNotify', flow: flowId(1), step: 'cas' }) //=> 'flowDeleteNotify(1).cas'
 * formatEvent({ type: 'traffic', flow: flowId(2), bytes: 10 }) //=> 'traffic(2, 10)'
 * formatEvent({ type: 'establish', flow: flowId(2), tuple: 1 }) //=> 'establish(2, tuple 1)'
 * formatEvent({ type: 'poll', client: 2, step: 'readOpen', order: [2, 1] }) //=> 'poll(client 2).readOpen[2, 1]'
 */
export function formatEvent(e: Event): string {
  const step = 'step' in e && e.step !== undefined ? `.${e.step}` : '';
  switch (e.type) {
    case 'poll': {
      const client = e.client === undefined ? '' : `(client ${e.client})`;
      const order = e.order === undefined ? '' : `[${e.order.join(', ')}]`;
      return `poll${client}${step}${order}`;
    }
    case 'drain':
      return `drain${step}${e.flow === undefined ? '' : `(${e.flow})`}`;
    case 'clientRegister':
    case 'clientExpire':
      return `${e.type}(${e.client})`;
    case 'traffic':
      return `traffic(${e.flow}, ${e.bytes})`;
    case 'establish':
      return e.tuple === undefined
        ? `establish(${e.flow})`
        : `establish(${e.flow}, tuple ${e.tuple})`;
    default:
      return `${e.type}(${e.flow})${step}`;
  }
}

/** An event as a plain JSON object (what trace files hold). */
export type EventJson = Readonly<Record<string, string | number | readonly number[]>>;

/**
 * The event as a plain JSON object with keys in a fixed order (`type`, `client`, `flow`, `tuple`,
 * `bytes`, `step`, `order`); fields left undefined are not written.
 *
 * @example
 * eventToJson({ type: 'poll' }) //=> { type: 'poll' }
 */
export function eventToJson(e: Event): EventJson {
  const out: Record<string, string | number | readonly number[]> = { type: e.type };
  const r = e as Partial<Record<string, unknown>>;
  for (const key of ['client', 'flow', 'tuple', 'bytes', 'step'] as const) {
    const v = r[key];
    if (typeof v === 'number' || typeof v === 'string') out[key] = v;
  }
  if (e.type === 'poll' && e.order !== undefined) out.order = [...e.order];
  return out;
}

/**
 * The highest client the events name (1 when none does): how many clients a replay needs.
 *
 * @example
 * clientsNamed([{ type: 'poll', client: 2 }]) //=> 2
 */
export const clientsNamed = (events: readonly Event[]): number =>
  events.reduce((n, e) => Math.max(n, 'client' in e && e.client !== undefined ? e.client : 1), 1);
