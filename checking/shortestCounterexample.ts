/**
 * The breadth-first minimum for a counterexample: the shortest trace that violates the same
 * invariant on the same pair within the bounds the found trace used (its flows, callout entries,
 * polls and traffic events per flow, its grouping of flows by tuple) and in the environment it
 * needs (docs/environment.md: a trace with a drain, client churn, a table order or a shared tuple
 * needs production), from the exhaustive explorer (explorer/shortestViolation.ts). Safety invariants are judged on the trace's own
 * events, quiescence ones after closing out any prefix, as `check` judges.
 */
import type { EngineConfig } from '../engine/EngineState.js';
import type { Environment } from '../engine/environment.js';
import type { Event } from '../engine/events.js';
import { flowOf } from '../engine/events.js';
import type { ExploreBounds } from '../explorer/bounds.js';
import { shortestViolation } from '../explorer/shortestViolation.js';
import type { Invariant } from '../invariants/Invariant.js';

/** States the search may store before it gives up (the minimum is then "not computed"). */
const MAX_STATES = 2_000_000;

/** Each flow's tuple in `events` (its establish's `tuple`, else its own number), flows 1 to `flows`. */
function tuplesIn(events: readonly Event[], flows: number): number[] {
  const tuple = Array.from({ length: flows }, (_, i) => i + 1);
  for (const e of events)
    if (e.type === 'establish' && e.tuple !== undefined) tuple[e.flow - 1] = e.tuple;
  return tuple;
}

/**
 * The tuple bounds of a grouping: `tuples` when it is the explorer's dealing in turn, else an
 * explicit `tupleOf` (numbered by first appearance), so the minimum keeps the trace's grouping.
 */
function tupleBounds(tuple: readonly number[]): Pick<ExploreBounds, 'tuples' | 'tupleOf'> {
  const first = new Map<number, number>();
  const number = tuple.map((t) => {
    if (!first.has(t)) first.set(t, first.size + 1);
    return first.get(t) as number;
  });
  const dealt = number.every((t, i) => t === (i % first.size) + 1);
  return dealt ? { tuples: first.size } : { tuples: first.size, tupleOf: number };
}

/**
 * The bounds a trace stays within.
 *
 * @example
 * boundsOfTrace(seq('e1 ce1 r1 p t1 p'), 4) //=> { flows: 1, callouts: 1, polls: 2, layers: 4, traffic: 1, tuples: 1 }
 * boundsOfTrace(seq('e1 r1 e2@1 p'), 4).tuples //=> 1
 */
export function boundsOfTrace(events: readonly Event[], layers: number): ExploreBounds {
  const entered: number[] = [];
  const traffic: number[] = [];
  let flows = 1;
  let polls = 0;
  for (const e of events) {
    if (e.type === 'poll' && (e.step === undefined || e.step === 'readOpen')) polls++;
    const f = flowOf(e);
    if (f === undefined) continue;
    flows = Math.max(flows, f);
    if (e.type === 'calloutEnter') entered[f] = (entered[f] ?? 0) + 1;
    if (e.type === 'traffic') traffic[f] = (traffic[f] ?? 0) + 1;
  }
  const most = (xs: number[]) => xs.reduce((m, x) => Math.max(m, x ?? 0), 0);
  return {
    flows,
    callouts: most(entered),
    polls,
    layers,
    traffic: most(traffic),
    ...tupleBounds(tuplesIn(events, flows)),
  };
}

/**
 * The environment a trace needs: production when it drains, expires or registers a client, reads
 * a table in a given order, names a poll's client or shares a tuple; isolated otherwise.
 *
 * @example
 * environmentOfTrace(seq('e1 r1 fd1 d.read d1.store p')) //=> 'production'
 */
export function environmentOfTrace(events: readonly Event[]): Environment {
  const production = events.some(
    (e) =>
      e.type === 'drain' ||
      e.type === 'clientExpire' ||
      e.type === 'clientRegister' ||
      (e.type === 'poll' && (e.order !== undefined || e.client !== undefined)) ||
      (e.type === 'establish' && e.tuple !== undefined && e.tuple !== e.flow),
  );
  return production ? 'production' : 'isolated';
}

/**
 * The shortest trace violating `invariant` within `found`'s bounds, in `environment` (default: the
 * one `found` needs; production whenever `found` needs it), or null when the search could not
 * finish within {@link MAX_STATES} before finding one.
 */
export function shortestCounterexample(
  config: EngineConfig,
  invariant: Invariant,
  found: readonly Event[],
  environment?: Environment,
): readonly Event[] | null {
  const needed = environmentOfTrace(found);
  const shortest = shortestViolation(
    {
      driver: config.driver,
      agent: config.agent,
      environment: needed === 'production' ? needed : (environment ?? needed),
    },
    invariant,
    boundsOfTrace(found, config.layers),
    { quiescence: 'everyState', maxStates: MAX_STATES },
  );
  return shortest?.events ?? null;
}
