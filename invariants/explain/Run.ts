/**
 * What an explainer reads (Elle's style: the *because* of a counterexample is found by looking at
 * the states the trace and its close-out went through), and the small readings explainers share.
 */
import type { EngineState, PollResult } from '../../engine/EngineState.js';
import type { Event } from '../../engine/events.js';
import { formatEvent } from '../../engine/events.js';

/** The run an explainer reads: `states[i]` after `events[i - 1]`, the trace then its close-out. */
export interface Run {
  readonly states: readonly EngineState[];
  readonly events: readonly Event[];
  /** Events beyond this index are the close-out's. */
  readonly traceLength: number;
  readonly quiescent: EngineState;
}

/** One line saying which step made a violation possible, or null when it sees none. */
export type Explainer = (run: Run) => string | null;

/**
 * The first of `explainers` that finds a cause.
 *
 * @example
 * firstOf(reReport, lingering)(run) //=> the re-report's line, else the lingering flow's
 */
export const firstOf =
  (...explainers: readonly Explainer[]): Explainer =>
  (run) => {
    for (const explain of explainers) {
      const why = explain(run);
      if (why !== null) return why;
    }
    return null;
  };

/** "at step 3 (…)", or "in the close-out (…)" for an event past the trace. */
export const at = (run: Run, i: number): string =>
  i > run.traceLength
    ? `in the close-out (${formatEvent(run.events[i - 1] as Event)})`
    : `at step ${i} (${formatEvent(run.events[i - 1] as Event)})`;

/** Each completed poll: its index in the run and what it shipped. */
export function polls(run: Run): { i: number; poll: PollResult; before: EngineState }[] {
  const out: { i: number; poll: PollResult; before: EngineState }[] = [];
  for (let i = 1; i < run.states.length; i++) {
    const s = run.states[i] as EngineState;
    const before = run.states[i - 1] as EngineState;
    if (s.lastPoll !== null && s.lastPoll !== before.lastPoll)
      out.push({ i, poll: s.lastPoll, before });
  }
  return out;
}
