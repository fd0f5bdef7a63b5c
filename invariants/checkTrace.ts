/**
 * Judges a trace: the safety invariants after every event of the trace, the quiescence ones once
 * the trace is closed out (docs/semantics.md#close-out). The close-out is not itself
 * safety-checked: a saved counterexample shows its violation inside its own events.
 */
import { closeOutRun } from '../engine/closeOut.js';
import type { EngineConfig, EngineState } from '../engine/EngineState.js';
import type { StepError } from '../engine/errors/StepError.js';
import type { Event } from '../engine/events.js';
import type { Result } from '../engine/result.js';
import { ok } from '../engine/result.js';
import { runEvents } from '../engine/run.js';
import type { Invariant } from './Invariant.js';
import { invariants as ALL } from './index.js';

/** One invariant's verdict on a trace. */
export interface Verdict {
  readonly invariant: Invariant;
  readonly verdict: 'holds' | 'violated';
  /** For a safety violation: the 1-based index of the event after which it first broke. */
  readonly step?: number;
  readonly subject?: string;
  readonly detail?: string;
}

/** Everything a check of a trace produced. */
export interface TraceCheck {
  /** `states[i]` is the state after event `i`. */
  readonly states: readonly EngineState[];
  readonly closeOut: readonly Event[];
  /** The state after the close-out (the last state when no quiescence invariant was judged). */
  readonly quiescent: EngineState;
  readonly verdicts: readonly Verdict[];
}

/** The 1-based index of the first state (after the start) where `inv` fails, with its check. */
function firstViolation(states: readonly EngineState[], inv: Invariant) {
  for (let i = 1; i < states.length; i++) {
    const c = inv.check(states[i] as EngineState);
    if (!c.ok) return { step: i, subject: c.subject, detail: c.detail };
  }
  return null;
}

/**
 * Runs `events` and judges `invariants` (all by default).
 *
 * @example
 * checkTrace(config, seq('e1 ce1 r1 fd1 fd1 fd1 fd1 cx1 p t1 p')).value.verdicts
 * //=> RateAtMost100 violated at step 10 with the prefix agent
 */
export function checkTrace(
  config: EngineConfig,
  events: readonly Event[],
  invariants: readonly Invariant[] = ALL,
): Result<TraceCheck, StepError> {
  const run = runEvents(config, events);
  if (!run.ok) return run;
  return ok(judge(config, run.value, invariants));
}

/**
 * Judges the states a run went through (`states[0]` the start): the safety invariants on every
 * state after the start, the quiescence ones after the close-out.
 */
export function judge(
  config: EngineConfig,
  states: readonly EngineState[],
  invariants: readonly Invariant[] = ALL,
): TraceCheck {
  const last = states[states.length - 1] as EngineState;
  // The close-out costs a run of its own: only when a quiescence invariant is judged.
  const needed = invariants.some((i) => i.when === 'quiescence');
  const tail = needed ? closeOutRun(last) : { events: [], states: [] };
  const quiescent = tail.states[tail.states.length - 1] ?? last;
  const verdicts = invariants.map((inv): Verdict => {
    if (inv.when === 'quiescence') {
      const c = inv.check(quiescent);
      return c.ok
        ? { invariant: inv, verdict: 'holds' }
        : { invariant: inv, verdict: 'violated', subject: c.subject, detail: c.detail };
    }
    const v = firstViolation(states, inv);
    return v === null
      ? { invariant: inv, verdict: 'holds' }
      : { invariant: inv, verdict: 'violated', ...v };
  });
  return { states, closeOut: tail.events, quiescent, verdicts };
}
