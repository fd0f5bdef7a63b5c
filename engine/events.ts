/**
 * The shared event vocabulary of SPEC 2.1: one union used by the engine, the model, trace files,
 * generators and printouts.
 *
 * Leaves out: packet contents and directions (traffic counts sent bytes only), and any flow
 * identity beyond its number (a flow's cookie is its number).
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

/** The event types, in SPEC 2.1 order. */
export const EVENT_TYPES = [
  'establish',
  'traffic',
  'calloutEnter',
  'calloutExit',
  'reset',
  'fin',
  'flowDeleteNotify',
  'poll',
] as const;

/** One of {@link EVENT_TYPES}. */
export type EventType = (typeof EVENT_TYPES)[number];

/** The operations whose code is split into named atomic steps (SPEC 2.1). */
export const STEPPED_TYPES = ['calloutExit', 'flowDeleteNotify', 'poll'] as const;

/** An event whose operation has named steps. */
export type SteppedType = (typeof STEPPED_TYPES)[number];

/**
 * One event of a trace. `step`, when present, runs one named atomic step of the operation;
 * without it the whole operation runs at once.
 */
export type Event =
  | { readonly type: 'establish'; readonly flow: FlowId }
  | { readonly type: 'traffic'; readonly flow: FlowId; readonly bytes: number }
  | { readonly type: 'calloutEnter'; readonly flow: FlowId }
  | { readonly type: 'calloutExit'; readonly flow: FlowId; readonly step?: string }
  | { readonly type: 'reset'; readonly flow: FlowId }
  | { readonly type: 'fin'; readonly flow: FlowId }
  | { readonly type: 'flowDeleteNotify'; readonly flow: FlowId; readonly step?: string }
  | { readonly type: 'poll'; readonly step?: string };

/** An event that names a flow. */
export type FlowEvent = Exclude<Event, { type: 'poll' }>;

/** True when the event names a flow (every event but `poll`). */
export const isFlowEvent = (e: Event): e is FlowEvent => e.type !== 'poll';

/**
 * Prints an event the way counterexamples and the DSL show it.
 *
 * @example
 * formatEvent({ type: 'flowDeleteNotify', flow: flowId(1), step: 'cas' }) //=> 'flowDeleteNotify(1).cas'
 * formatEvent({ type: 'traffic', flow: flowId(2), bytes: 10 }) //=> 'traffic(2, 10)'
 */
export function formatEvent(e: Event): string {
  const step = 'step' in e && e.step !== undefined ? `.${e.step}` : '';
  if (e.type === 'poll') return `poll${step}`;
  if (e.type === 'traffic') return `traffic(${e.flow}, ${e.bytes})`;
  return `${e.type}(${e.flow})${step}`;
}

/**
 * The event as a plain JSON object with keys in SPEC 3.1 order (`type`, `flow`, `bytes`, `step`).
 *
 * @example
 * eventToJson({ type: 'poll' }) //=> { type: 'poll' }
 */
export function eventToJson(e: Event): Record<string, string | number> {
  const out: Record<string, string | number> = { type: e.type };
  if (e.type !== 'poll') out.flow = e.flow;
  if (e.type === 'traffic') out.bytes = e.bytes;
  if ('step' in e && e.step !== undefined) out.step = e.step;
  return out;
}
