/**
 * Runs a list of events from the initial state, keeping every state: `states[0]` is the start,
 * `states[i]` the state after event `i` (1-based).
 */
import type { EngineConfig, EngineState } from './EngineState.js';
import { newEngine } from './EngineState.js';
import type { StepError } from './errors/StepError.js';
import type { Event } from './events.js';
import type { Result } from './result.js';
import { err, ok } from './result.js';
import { step } from './step.js';

/**
 * Every state along `events`, or the first refused event (located by its index).
 *
 * @example
 * runEvents(config, seq('e1 r1 p')).value.at(-1).polls //=> 1
 */
export function runEvents(
  config: EngineConfig,
  events: readonly Event[],
  from: EngineState = newEngine(config),
): Result<readonly EngineState[], StepError> {
  const states: EngineState[] = [from];
  let state = from;
  for (const [i, e] of events.entries()) {
    const r = step(state, e);
    if (!r.ok) return err(r.error.at(i));
    state = r.value;
    states.push(state);
  }
  return ok(states);
}
