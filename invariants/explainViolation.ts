/**
 * The *because* of a counterexample (Elle's style): the step that made the violation possible,
 * found by looking at the states the trace (and its close-out) went through. What to look for is
 * each invariant's own `explain` (catalogue/); this part builds the run it reads.
 */
import { closeOutRun } from '../engine/closeOut.js';
import type { EngineState } from '../engine/EngineState.js';
import type { Event } from '../engine/events.js';
import { lingering } from './explain/lingering.js';
import type { Run } from './explain/Run.js';
import { findInvariant } from './index.js';

/**
 * One line saying why, or null when no single step explains it.
 *
 * @example
 * explainViolation(states, events, quiescent, 'NoLingeringAtQuiescence')
 * //=> 'at step 10 (flowDeleteNotify(1).cas) the last delete notification began with refCount 3 and 1 callout(s) holding a reference: flow 1 stayed in openFlows'
 */
export function explainViolation(
  states: readonly EngineState[],
  events: readonly Event[],
  quiescent: EngineState,
  invariant: string,
): string | null {
  const last = states[states.length - 1] as EngineState;
  const tail = closeOutRun(last);
  const run: Run = {
    states: [...states, ...tail.states],
    events: [...events, ...tail.events],
    traceLength: events.length,
    quiescent,
  };
  // A name with no invariant here (EngineMatchesModel) is explained by a lingering flow.
  return (findInvariant(invariant)?.explain ?? lingering)(run);
}
