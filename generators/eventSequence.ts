/**
 * Generated event sequences (fast-check): step-level interleavings of callouts, delete
 * notifications, traffic (after the end too), resets, fins and polls over 1–4 flows, always well
 * formed. Weighted so that a callout entered before the end is still held while the notifies
 * run, the interleaving that strands a flow. In the production environment also tuple reuse, the
 * asynchronous drain, client churn and table orders (docs/environment.md).
 */
import fc from 'fast-check';
import type { AgentVariant } from '../engine/agent/AgentVariant.js';
import type { DriverVariant } from '../engine/driver/DriverVariant.js';
import { DEFAULT_LAYERS } from '../engine/EngineState.js';
import type { Environment } from '../engine/environment.js';
import { DEFAULT_ENVIRONMENT, environmentFeatures } from '../engine/environment.js';
import type { Event } from '../engine/events.js';
import type { Bounds, Intent, IntentKind } from './materialize.js';
import { materialize } from './materialize.js';

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
  /** What the world may do. @defaultValue 'production' */
  readonly environment?: Environment;
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

// The environment's own actors, in production: the drain and the clients.
const PRODUCTION_WEIGHTS: readonly [IntentKind, number][] = [
  ...WEIGHTS,
  ['drain', 3],
  ['expire', 1],
  ['register', 1],
];

// Three times in four the first flow that can move moves: a flow then often lives its whole
// life (end, L notifies, a drain) within one sequence, even with four flows.
const PICK = fc.oneof(
  { arbitrary: fc.constant(0), weight: 3 },
  { arbitrary: fc.nat({ max: 3 }), weight: 1 },
);

/** The bounds a constraints object stands for. */
const boundsOf = (c: EventSequenceConstraints): Bounds => ({
  flows: c.flows ?? 2,
  driver: c.driver,
  agent: c.agent,
  layers: c.layers ?? DEFAULT_LAYERS,
  clients: c.clients ?? 1,
  callouts: c.callouts ?? 2,
  polls: c.polls ?? 6,
  features: environmentFeatures(c.environment ?? DEFAULT_ENVIRONMENT),
});

const kinds = (weights: readonly [IntentKind, number][]) =>
  fc.oneof(...weights.map(([kind, weight]) => ({ arbitrary: fc.constant(kind), weight })));

/**
 * Intents; `pick` chooses among the flows that can move, so it never exceeds the flow bound. The
 * isolated environment draws exactly what the suite always drew (same seed, same sequences); the
 * production one adds its actors and, per intent, a tuple and a table order (both shrink to 0:
 * a fresh tuple, the table as it is).
 */
export const intents = (
  maxIntents: number,
  environment: Environment = 'isolated',
): fc.Arbitrary<Intent[]> => {
  const bytes = fc.constantFrom(1, 10, 100);
  const intent: fc.Arbitrary<Intent> =
    environment === 'isolated'
      ? fc.record({ kind: kinds(WEIGHTS), pick: PICK, bytes })
      : fc.record({
          kind: kinds(PRODUCTION_WEIGHTS),
          pick: PICK,
          bytes,
          tuple: fc.oneof(
            { arbitrary: fc.constant(0), weight: 1 },
            { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 2 },
          ),
          order: fc.oneof(
            { arbitrary: fc.constant(0), weight: 1 },
            { arbitrary: fc.integer({ min: 1, max: 23 }), weight: 1 },
          ),
        });
  return fc.array(intent, { maxLength: maxIntents, size: 'max' });
};

/**
 * Well-formed step-level event sequences for one driver × agent pair.
 *
 * @example
 * fc.sample(eventSequence({ driver: original, agent: prefix, flows: 1 }), 1)[0]
 * //=> [establish(1), calloutEnter(1), reset(1), flowDeleteNotify(1).cas, ...]
 */
export function eventSequence(constraints: EventSequenceConstraints): fc.Arbitrary<Event[]> {
  const flows = constraints.flows ?? 2;
  if (!Number.isInteger(flows) || flows < 1 || flows > 4)
    throw new RangeError(`flows must be 1 to 4, got ${flows}`);
  const bounds = { ...boundsOf(constraints), flows };
  const environment = constraints.environment ?? DEFAULT_ENVIRONMENT;
  return intents(constraints.maxIntents ?? 60, environment).map(
    (list) => materialize(bounds, list).events,
  );
}
