/**
 * One arrow of a sequence picture: who acts on whom, the event, and what changed. An arrow from
 * an actor to itself is a step of its own (a client expiring). Leaves out: where it is drawn.
 */
import type { Actor } from './Actor.js';

/** One arrow. */
export interface Message {
  readonly from: Actor;
  readonly to: Actor;
  readonly label: string;
  readonly detail: string;
}
