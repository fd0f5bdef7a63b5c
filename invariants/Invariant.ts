/**
 * The shape of an invariant (docs/style.md#invariants-are-records): a stable name, the one-line
 * statement the reports print, when it is judged, a pure check that returns a verdict and never
 * throws, what it reads (for the explorer), how a violation is explained, and the witness that
 * violates it. One file of catalogue/ declares all of them.
 */
import type { AgentTelemetry } from '../engine/agent/AgentTelemetry.js';
import type { ConnectionTotals } from '../engine/backend/backend.js';
import type { EngineState } from '../engine/EngineState.js';
import type { Explainer } from './explain/Run.js';
import type { Witness } from './Witness.js';

/** The verdict of one check (Elle's result map: data first). */
export type Check =
  { readonly ok: true } | { readonly ok: false; readonly subject: string; readonly detail: string };

/** Safety invariants are judged after every event; quiescence ones once the trace is closed out. */
export type When = 'everyStep' | 'quiescence';

/** The counters no connection owns, which no step reads (they only accumulate). */
export interface SharedCounters {
  readonly telemetry: AgentTelemetry;
  /** The engine's ghost `reReportsWithFailures`. */
  readonly reReports: number;
}

/**
 * What a whole-state invariant reads: states that agree on these are judged alike, so the explorer
 * may merge them (explorer/invariantScope.ts).
 */
export interface WholeStateReads {
  /** What it reads of one connection (tuple): a function of what the tuple has shipped. */
  readonly connection: (shipped: ConnectionTotals | null) => unknown;
  readonly shared: (counters: SharedCounters) => unknown;
}

/**
 * What an invariant reads. `perFlow`: it quantifies over flows, connections (tuples) or shipped
 * records one at a time, so it holds on a state exactly when it holds on every tuple group's share
 * taken alone. `wholeState`: it may read anything. Else only what {@link WholeStateReads} says.
 */
export type Scope = 'perFlow' | 'wholeState' | WholeStateReads;

/** A named claim about the engine's state. */
export interface Invariant {
  readonly name: string;
  readonly statement: string;
  readonly when: When;
  readonly check: (state: EngineState) => Check;
  readonly scope: Scope;
  /** Why a run violated it: the step that made the violation possible (explainViolation.ts). */
  readonly explain: Explainer;
  readonly witness: Witness;
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
