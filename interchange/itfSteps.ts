/**
 * A trace's ITF states as the engine steps through it, one at a time: each is built from the
 * engine state after its event and the one before (interchange/toItf.ts), and neither the engine's
 * states nor the ITF states are kept, so memory stays that of one step however long the trace.
 */
import type { EngineConfig } from '../engine/EngineState.js';
import { newEngine } from '../engine/EngineState.js';
import type { StepError } from '../engine/errors/StepError.js';
import type { Event } from '../engine/events.js';
import { step } from '../engine/step.js';
import type { ItfState } from './itf.js';
import { itfState } from './toItf.js';

/**
 * Calls `visit` with each ITF state of `events` run from the start, in order (the start, then one
 * after each event); returns the first event the engine refuses, located by its index, or null.
 *
 * @example
 * itfSteps(config, seq('e1 p'), (s) => out.push(s['#meta'].index)) //=> null, out [0, 1, 2]
 */
export function itfSteps(
  config: EngineConfig,
  events: readonly Event[],
  visit: (state: ItfState) => void,
): StepError | null {
  let state = newEngine(config);
  visit(itfState(state, undefined, undefined, 0));
  for (const [i, e] of events.entries()) {
    const r = step(state, e);
    if (!r.ok) return r.error.at(i);
    visit(itfState(r.value, state, e, i + 1));
    state = r.value;
  }
  return null;
}
