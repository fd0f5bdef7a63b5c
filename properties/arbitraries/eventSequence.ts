/**
 * Generated event sequences (fast-check): step-level interleavings of callouts, delete
 * notifications, traffic (after the end too), resets, fins and polls over 1–4 flows, always well
 * formed. Weighted so that a callout entered before the end is still held while the notifies
 * run, the interleaving that strands a flow.
 */
import fc from 'fast-check';
import type { AgentVariant } from '../../engine/agent/AgentVariant.js';
import type { DriverVariant } from '../../engine/driver/DriverVariant.js';
import { DEFAULT_LAYERS } from '../../engine/EngineState.js';
import type { Event } from '../../engine/events.js';
import type { Bounds, Intent, IntentKind } from '../materialize.js';
import { materialize } from '../materialize.js';

/** Constraints of {@link eventSequence}, after fast-check's `NatConstraints`. */
export interface EventSequenceConstraints {
  readonly driver: DriverVariant;
  readonly agent: AgentVariant;
  /** Flows, 1 to 4. @defaultValue 2 */
  readonly flows?: number;
  /** Layer associations per flow (`L`). @defaultValue 4 */
  readonly layers?: number;
  /** Agent clients. @defaultValue 1 */
  readonly clients?: number;
  /** Callout entries per flow. @defaultValue 2 */
  readonly callouts?: number;
  /** Polls per sequence. @defaultValue 6 */
  readonly polls?: number;
  /** Most intents drawn (the sequence is at most this long). @defaultValue 60 */
  readonly maxIntents?: number;
}

// How often each actor tries to move: notifies outnumber exits, so a callout entered early is
// often still held when the last notify runs.
const WEIGHTS: readonly [IntentKind, number][] = [
  ['traffic', 4],
  ['calloutEnter', 4],
  ['calloutExit', 2],
  ['reset', 3],
  ['fin', 1],
  ['notify', 16],
  ['poll', 4],
];

// Three times in four the first flow that can move moves: a flow then often lives its whole
// life (end, L notifies, a drain) within one sequence, even with four flows.
const PICK = fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.nat({ max: 3 }), weight: 1 });

/** The bounds a constraints object stands for. */
export const boundsOf = (c: EventSequenceConstraints): Bounds => ({
  flows: c.flows ?? 2,
  driver: c.driver,
  agent: c.agent,
  layers: c.layers ?? DEFAULT_LAYERS,
  clients: c.clients ?? 1,
  callouts: c.callouts ?? 2,
  polls: c.polls ?? 6,
});

/** Intents; `pick` chooses among the flows that can move, so it never exceeds the flow bound. */
export const intents = (maxIntents: number): fc.Arbitrary<Intent[]> =>
  fc.array(
    fc.record({
      kind: fc.oneof(...WEIGHTS.map(([kind, weight]) => ({ arbitrary: fc.constant(kind), weight }))),
      pick: PICK,
      bytes: fc.constantFrom(1, 10, 100),
    }),
    { maxLength: maxIntents, size: 'max' },
  );

/**
 * Well-formed step-level event sequences for one driver × agent pair.
 *
 * @example
 * fc.sample(eventSequence({ driver: original, agent: prefix, flows: 1 }), 1)[0]
 * //=> [establish(1), calloutEnter(1), reset(1), flowDeleteNotify(1).cas, ...]
 */
export function eventSequence(constraints: EventSequenceConstraints): fc.Arbitrary<Event[]> {
  const flows = constraints.flows ?? 2;
  if (!Number.isInteger(flows) || flows < 1 || flows > 4) throw new RangeError(`flows must be 1 to 4, got ${flows}`);
  const bounds = { ...boundsOf(constraints), flows };
  return intents(constraints.maxIntents ?? 60).map((list) => materialize(bounds, list).events);
}
