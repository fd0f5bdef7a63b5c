/**
 * 4-tuple reuse (docs/environment.md, *4-tuple reuse*): a flow's tuple is the one its
 * `establish` names, else its own number; two live TCP connections cannot share a tuple, so a
 * tuple is free once every flow that had it has ended (a RST leaves no TIME_WAIT, RFC 9293).
 *
 * Leaves out: TIME_WAIT after a FIN (time is not modelled) and the tuple's parts.
 */
import type { Event } from '../engine/events.js';
import type { ModelContext } from './ModelContext.js';

type Establish = Extract<Event, { type: 'establish' }>;

/** The tuple an `establish` gives its flow. */
export const tupleOf = (e: Establish): number => e.tuple ?? e.flow;

/**
 * True when no other established flow with the event's tuple is still live (not ended).
 *
 * @example
 * isTupleFree(contextWithLiveFlow1, { type: 'establish', flow: 2, tuple: 1 }) //=> false
 */
export const isTupleFree = (c: ModelContext, e: Establish): boolean =>
  !c.flows.some(
    (f, i) => f !== null && i + 1 !== e.flow && f.tuple === tupleOf(e) && f.end === 'none',
  );
