/**
 * Which invariants judge each flow (or each connection, that is each tuple) on its own, and what
 * the others read of the whole state: each invariant declares it as its `scope`
 * (invariants/Invariant.ts); this file says it in the explorer's terms. For a per-flow invariant
 * the verdict on a state is "holds" exactly when it holds on every tuple group's share taken alone
 * (LocalState.ts), so the explorer judges each local state once and combines the verdicts.
 *
 * Leaves out: nothing is assumed of an invariant's scope; explorer/reference.ts judges whole
 * states only, and the tests compare the two.
 */
import { invariants } from '../invariants/index.js';
import type { Invariant, WholeStateReads } from '../invariants/Invariant.js';
import type { GlobalState, LocalState } from './LocalState.js';

/**
 * True when `inv` is judged per flow.
 *
 * @example
 * isPerFlow(RateAtMost100) //=> false: it sums over every connection
 */
export const isPerFlow = (inv: Invariant): boolean => inv.scope === 'perFlow';

/** The invariants that say what they read of the whole state, with what they read. */
const readers: readonly (readonly [string, WholeStateReads])[] = invariants.flatMap((inv) =>
  typeof inv.scope === 'object' ? [[inv.name, inv.scope] as const] : [],
);

/**
 * For invariants judged on the whole state: what each reads of one group's share (its tuple's
 * shipped totals). Local states that differ in what some whole-state invariant reads are never
 * merged by minimiseLocals.ts; an invariant not named here is taken to read all of a flow's share
 * (and its poll's `lastPoll`).
 */
export const WHOLE_STATE_READS: Readonly<Record<string, (s: LocalState) => unknown>> =
  Object.fromEntries(readers.map(([name, r]) => [name, (s: LocalState) => r.connection(s.totals)]));

/**
 * For invariants judged on the whole state: what each reads of the shared counters (the agent's
 * telemetry and the re-reports ghost, which no step reads: they only accumulate). Shared states
 * that agree on these reads, the poll counter and the poll phase are one state; an invariant not
 * named here is taken to read every counter.
 */
export const SHARED_READS: Readonly<Record<string, (g: GlobalState) => unknown>> =
  Object.fromEntries(readers.map(([name, r]) => [name, (g: GlobalState) => r.shared(g)]));
