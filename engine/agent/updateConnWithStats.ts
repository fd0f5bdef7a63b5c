/**
 * `updateConnWithStats` (pkg/network/state.go): sets `Last` from the client's baseline for the
 * cookie and stores the new baseline. With no baseline, `Last = Monotonic`. On an underflow the
 * record takes the field-wise maximum of itself and the baseline, `stats_underflows` counts it,
 * and `Last` is recomputed (never negative). The agent design decides what the record keeps of
 * its `TCPFailures` (PR #50823 clears them here); `TCPFailures` itself has no delta.
 */
import type { AgentVariant, Baseline } from './AgentVariant.js';
import type { ConnectionStats, Cookie } from './ConnectionStats.js';
import type { StatCounters } from './statCounters.js';
import { maxCounters, subCounters } from './statCounters.js';
import type { TCPFailures } from './tcpFailures.js';

/** What one call did, for the engine's history and the invariants. */
export interface Update {
  readonly conn: ConnectionStats;
  /** The client's baselines after the call. */
  readonly stats: ReadonlyMap<Cookie, Baseline>;
  /** The baseline the call found, if any. */
  readonly baseline: Baseline | undefined;
  /** The failures the record came with, before the design's rule. */
  readonly rawFailures: TCPFailures;
  readonly underflow: boolean;
  /** The design counted a `windows_lingering_flows`. */
  readonly suppressed: boolean;
}

/**
 * Updates `c` against the client's baseline for `cookie`.
 *
 * @example
 * // baseline { sentBytes: 3 }, record Monotonic { sentBytes: 8 }
 * updateConnWithStats(stats, cookie(1), record, prefix).conn.last.sentBytes //=> 5
 */
export function updateConnWithStats(
  stats: ReadonlyMap<Cookie, Baseline>,
  key: Cookie,
  c: ConnectionStats,
  variant: AgentVariant,
): Update {
  const baseline = stats.get(key);
  if (baseline === undefined) {
    // No baseline: the whole history is new, and nothing is stored.
    return {
      conn: { ...c, last: c.monotonic },
      stats,
      baseline,
      rawFailures: c.tcpFailures,
      underflow: false,
      suppressed: false,
    };
  }
  let monotonic: StatCounters = c.monotonic;
  const sub = subCounters(monotonic, baseline.counters);
  const { underflow } = sub;
  let { delta } = sub;
  if (underflow) {
    monotonic = maxCounters(monotonic, baseline.counters);
    delta = subCounters(monotonic, baseline.counters).delta;
  }
  const decision = variant.reReport({ failures: c.tcpFailures, baseline, last: delta });
  const next = new Map(stats);
  // The new baseline is the current (maxed) counters, with the failures read alongside.
  next.set(key, { counters: monotonic, failures: c.tcpFailures });
  return {
    conn: { ...c, monotonic, last: delta, tcpFailures: decision.failures },
    stats: next,
    baseline,
    rawFailures: c.tcpFailures,
    underflow,
    suppressed: decision.suppressed,
  };
}
