/**
 * The engine's transition: one event (or one named step of an operation) applied to the whole
 * system. Pure: the old state is untouched, and a malformed event comes back as a `StepError`.
 */
import { readClosed, readOpen, POLL_STEPS } from './agent/poll.js';
import { applyFlowEvent } from './driver/applyFlowEvent.js';
import type { EngineState } from './EngineState.js';
import { StepError } from './errors/StepError.js';
import type { Event } from './events.js';
import { formatEvent } from './events.js';
import type { Result } from './result.js';
import { err, ok } from './result.js';

/** Why the closed-table read cannot run now, or null. */
function closedReadWaitsFor(state: EngineState): string | null {
  const waits = state.config.driver.closedReadWaits;
  if (waits === undefined) return null;
  for (const id of state.driver.closedFlows) {
    const flow = state.driver.flows[id];
    if (flow !== undefined && waits(flow)) return `the closed-table read waits for flow ${id} (its lock is held)`;
  }
  return null;
}

function pollStep(state: EngineState, step: string | undefined, label: string): Result<EngineState, StepError> {
  const next = state.poll === null ? 'readOpen' : 'readClosed';
  if (step === undefined) {
    if (state.poll !== null) {
      return err(new StepError(label, 'a poll is part-way through (next step: readClosed); name its steps'));
    }
    const waits = closedReadWaitsFor(state);
    if (waits !== null) return err(new StepError(label, waits));
    return ok(readClosed(readOpen(state)));
  }
  if (!(POLL_STEPS as readonly string[]).includes(step)) {
    return err(new StepError(label, `poll has no step ${step} (steps: ${POLL_STEPS.join(', ')})`));
  }
  if (step !== next) return err(new StepError(label, `the next step of poll is ${next}, got ${step}`));
  if (step === 'readClosed') {
    const waits = closedReadWaitsFor(state);
    if (waits !== null) return err(new StepError(label, waits));
  }
  return ok(step === 'readOpen' ? readOpen(state) : readClosed(state));
}

/**
 * Applies one event.
 *
 * @example
 * step(newEngine(config), { type: 'establish', flow: flowId(1) }) //=> ok: flow 1 in openFlows
 * step(newEngine(config), { type: 'calloutExit', flow: flowId(1) }) //=> error: flow 1 was never established
 */
export function step(state: EngineState, event: Event): Result<EngineState, StepError> {
  const label = formatEvent(event);
  if (event.type === 'poll') return pollStep(state, event.step, label);
  const r = applyFlowEvent(state.driver, state.config.driver, event);
  return r.ok ? ok({ ...state, driver: r.value }) : err(new StepError(label, r.error));
}
