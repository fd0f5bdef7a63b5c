/**
 * `GetDelta`'s aggregation and the encoder (docs/environment.md, *How a poll ships*, steps 3–5):
 * shipped records grouped by tuple in aggregation order (`connectionAggregator.Aggregate`,
 * `aggregateConnection.merge` in pkg/network/state.go), what each keeps of its failures, what the
 * encoder writes for the merged record, and what each flow's own record contributed.
 *
 * Leaves out: counters other than `TCPClosed` and the failures (the backend sees only those here).
 */
import type { AgentDesign, ShippedView } from './AgentDesign.js';
import type { Shipped } from './ModelFlow.js';

/** A shipped record with its tuple. */
export interface TupleRecord extends ShippedView {
  readonly tuple: number;
}

/** The records grouped by tuple, each group in aggregation order. */
function groupByTuple(records: readonly TupleRecord[]): TupleRecord[][] {
  const groups = new Map<number, TupleRecord[]>();
  for (const r of records) groups.set(r.tuple, [...(groups.get(r.tuple) ?? []), r]);
  return [...groups.values()];
}

/**
 * Step 5, attribution: a record's failures are what it kept when the encoder wrote the merged
 * count as it is, none when the encoder wrote none, and otherwise what the encoder wrote goes to
 * the group's first record.
 */
function attribute(kept: readonly number[], merged: number, written: number, i: number): number {
  if (written === merged) return kept[i] ?? 0;
  if (written === 0) return 0;
  return i === 0 ? written : 0;
}

/**
 * What each flow's record contributed to the payload: its own `Last.TCPClosed` as closes, and
 * its failures by the design's aggregation and encoder rules.
 *
 * @example
 * contributions([active2, closed1], prefix).get(1) //=> { closes: 1, failures: 0 } (both tuple 1: flow 2's record came first)
 */
export function contributions(
  records: readonly TupleRecord[],
  design: AgentDesign,
): ReadonlyMap<number, Shipped> {
  const out = new Map<number, Shipped>();
  for (const group of groupByTuple(records)) {
    const kept = design.aggregateFailures(group);
    const merged = kept.reduce((a, b) => a + b, 0);
    const lastClosed = group.reduce((a, r) => a + r.lastClosed, 0);
    const written = design.encodeFailures({ lastClosed, failures: merged });
    group.forEach((r, i) => {
      const before = out.get(r.flow) ?? { closes: 0, failures: 0 };
      out.set(r.flow, {
        closes: before.closes + r.lastClosed,
        failures: before.failures + attribute(kept, merged, written, i),
      });
    });
  }
  return out;
}
