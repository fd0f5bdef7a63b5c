/**
 * Which invariants judge each flow (or each connection, that is each tuple) on its own: for these,
 * the verdict on a state is "holds" exactly when it holds on every tuple group's share taken alone
 * (LocalState.ts), so the explorer judges each local state once and combines the verdicts. Every
 * other invariant (RateAtMost100's sum, the telemetry count, any new one) is judged on the whole
 * state.
 *
 * Leaves out: nothing is assumed for a name not listed; explorer/reference.ts judges whole states
 * only, and the tests compare the two.
 */
import type { Invariant } from '../invariants/Invariant.js';
import type { GlobalState, LocalState } from './LocalState.js';

/** Invariants that quantify over flows, connections (tuples) or shipped records, one at a time. */
const PER_FLOW_INVARIANTS: ReadonlySet<string> = new Set([
  'FailuresWithinCloses',
  'CloseReportedOnce',
  'FailureReportedOnce',
  'ClosedReadOnce',
  'RefCountNonNegative',
  'NoUseAfterFree',
  'NoLingeringAtQuiescence',
  'ShippedNotEmpty',
  'NoUnderflowLeak',
  'BaselineHygiene',
  'NoGenuineFailureSuppressed',
  'TelemetryCountsOnlyLingering',
]);

/**
 * True when `inv` is judged per flow.
 *
 * @example
 * isPerFlow(RateAtMost100) //=> false: it sums over every connection
 */
export const isPerFlow = (inv: Invariant): boolean => PER_FLOW_INVARIANTS.has(inv.name);

/**
 * For invariants judged on the whole state: what each reads of one group's share. Local states
 * that differ in what some whole-state invariant reads are never merged by minimiseLocals.ts; an
 * invariant not named here is taken to read all of a flow's share (and its poll's `lastPoll`).
 */
export const WHOLE_STATE_READS: Readonly<Record<string, (s: LocalState) => unknown>> = {
  // Σ failures ≤ Σ closes over connections, i.e. Σ (failures − closes) ≤ 0: each connection's
  // difference is all the sum needs.
  RateAtMost100: (s) => (s.totals?.failures ?? 0) - (s.totals?.closes ?? 0),
  // windows_lingering_flows and the re-reports ghost: shared counters, no group's share.
  TelemetryMatchesSuppressions: () => null,
};

/**
 * For invariants judged on the whole state: what each reads of the shared counters (the agent's
 * telemetry and the re-reports ghost, which no step reads: they only accumulate). Shared states
 * that agree on these reads, the poll counter and the poll phase are one state; an invariant not
 * named here is taken to read every counter.
 */
export const SHARED_READS: Readonly<Record<string, (g: GlobalState) => unknown>> = {
  RateAtMost100: () => null,
  // windows_lingering_flows = re-reports, i.e. their difference is 0; both only grow by a poll's
  // additions, so the difference is all that later verdicts need.
  TelemetryMatchesSuppressions: (g) => g.telemetry.windows_lingering_flows - g.reReports,
};
