/**
 * The breadth-first minimum for a counterexample: the shortest trace that violates the same
 * invariant on the same pair within the bounds the found trace used (its flows, callout entries,
 * polls and traffic events per flow), from the exhaustive explorer. Safety invariants are judged
 * on the trace's own events, quiescence ones after closing out any prefix, as `check` judges.
 */
import type { EngineConfig } from '../engine/EngineState.js';
import type { Event } from '../engine/events.js';
import { isFlowEvent } from '../engine/events.js';
import type { ExploreBounds } from '../explorer/bounds.js';
import { explore } from '../explorer/bfs.js';
import type { Invariant } from './invariants/Invariant.js';

/** States the search may store before it gives up (the minimum is then "not computed"). */
export const MAX_STATES = 2_000_000;

/**
 * The bounds a trace stays within.
 *
 * @example
 * boundsOfTrace(seq('e1 ce1 r1 p t1 p'), 4) //=> { flows: 1, callouts: 1, polls: 2, layers: 4, traffic: 1 }
 */
export function boundsOfTrace(events: readonly Event[], layers: number): ExploreBounds {
  const entered: number[] = [];
  const traffic: number[] = [];
  let flows = 1;
  let polls = 0;
  for (const e of events) {
    if (e.type === 'poll') {
      if (e.step === undefined || e.step === 'readOpen') polls++;
      continue;
    }
    if (!isFlowEvent(e)) continue;
    flows = Math.max(flows, e.flow);
    if (e.type === 'calloutEnter') entered[e.flow] = (entered[e.flow] ?? 0) + 1;
    if (e.type === 'traffic') traffic[e.flow] = (traffic[e.flow] ?? 0) + 1;
  }
  const most = (xs: number[]) => xs.reduce((m, x) => Math.max(m, x ?? 0), 0);
  return { flows, callouts: most(entered), polls, layers, traffic: most(traffic) };
}

/**
 * The shortest trace violating `invariant` within `found`'s bounds, or null when the search could
 * not finish within {@link MAX_STATES} before finding one.
 */
export function shortestCounterexample(
  config: EngineConfig,
  invariant: Invariant,
  found: readonly Event[],
): readonly Event[] | null {
  const result = explore(
    { driver: config.driver, agent: config.agent, bounds: boundsOfTrace(found, config.layers) },
    { invariants: [invariant], stopWhenFound: invariant.name, quiescence: 'everyState', maxStates: MAX_STATES },
  );
  return result.violations[0]?.events ?? null;
}
