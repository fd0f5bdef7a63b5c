/**
 * `mergeConnectionStats(a, b)` (pkg/network/state.go): two records with the same cookie. With the
 * same tuple, `a` takes the field-wise maximum of the counters and the newer epoch and keeps its
 * own `TCPFailures`; with different tuples it is a cookie collision and nothing is merged.
 */
import type { ConnectionStats } from './ConnectionStats.js';
import { maxCounters } from './statCounters.js';

/** The merged record, or `collision` when the tuples differ. */
export type Merge =
  { readonly collision: false; readonly merged: ConnectionStats } | { readonly collision: true };

/**
 * Merges `b` into `a`.
 *
 * @example
 * mergeConnectionStats(closed, activeTwin).merged.monotonic //=> the field-wise maximum
 */
export function mergeConnectionStats(a: ConnectionStats, b: ConnectionStats): Merge {
  if (a.tuple !== b.tuple) return { collision: true };
  return {
    collision: false,
    merged: {
      ...a,
      monotonic: maxCounters(a.monotonic, b.monotonic),
      lastUpdateEpoch: Math.max(a.lastUpdateEpoch, b.lastUpdateEpoch),
    },
  };
}
