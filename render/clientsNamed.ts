/**
 * How many agent clients a trace needs: the largest client its events name (`poll` with `client`,
 * `clientRegister`, `clientExpire`; docs/environment.md "Client churn"), at least 1. Trace files
 * do not say how many clients exist; `replay` takes `--clients`, and the pictures and the export
 * default to this. Leaves out: clients no event names.
 */
import type { Event } from '../engine/events.js';

/**
 * The clients a trace needs.
 *
 * @example
 * clientsNamed([{ type: 'poll', client: 2 }]) //=> 2
 * clientsNamed([{ type: 'poll' }]) //=> 1
 */
export const clientsNamed = (events: readonly Event[]): number =>
  Math.max(1, ...events.map((e) => ('client' in e && typeof e.client === 'number' ? e.client : 1)));
