/**
 * The shape of an invariant (STYLE rule 13): a stable name, the one-line statement the reports
 * print, when it is judged, and a pure check that returns a verdict and never throws.
 */
import type { EngineState } from '../engine/EngineState.js';

/** The verdict of one check (Elle's result map: data first). */
export type Check =
  { readonly ok: true } | { readonly ok: false; readonly subject: string; readonly detail: string };

/** Safety invariants are judged after every event; quiescence ones once the trace is closed out. */
export type When = 'everyStep' | 'quiescence';

/** A named claim about the engine's state. */
export interface Invariant {
  readonly name: string;
  readonly statement: string;
  readonly when: When;
  readonly check: (state: EngineState) => Check;
}

/** The claim holds. */
export const HOLDS: Check = { ok: true };

/** The claim fails for `subject`, because of `detail`. */
export const fails = (subject: string, detail: string): Check => ({ ok: false, subject, detail });

/** The first failing check of a list, or {@link HOLDS}. */
export const firstFailure = (checks: Iterable<Check>): Check => {
  for (const c of checks) if (!c.ok) return c;
  return HOLDS;
};
