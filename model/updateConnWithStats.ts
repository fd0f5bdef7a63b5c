/**
 * One record through `GetDelta`'s per-record logic (pkg/network/state.go): the closed pass's
 * `Monotonic.Max` with the active record of the same cookie, then `updateConnWithStats` against
 * client 1's baseline: `Last.TCPEstablished` is 1 only without a baseline (every record reads 1),
 * `Last.TCPClosed` is 1 when the record counts a close its baseline did not, bytes count when they
 * moved since the baseline; the record ships when its `Last` is not all zero.
 *
 * Leaves out: byte amounts, packets, retransmits and underflows (counters never go backwards here).
 */
import type { AgentDesign } from './AgentDesign.js';
import type { FlowRecord } from './FlowRecord.js';
import type { Baseline } from './ModelFlow.js';

/** What the delta reads of a record: `Monotonic` reduced to flags, and `TCPFailures`. */
export interface RecordStats {
  readonly flow: number;
  /** `Monotonic.TCPClosed` is 1 (the design's `readsClosed`). */
  readonly closed: boolean;
  /** Bytes moved since the agent's previous `openFlows` read (so since a baseline, if any). */
  readonly moved: boolean;
  readonly failures: number;
}

/** A record after `updateConnWithStats`. */
export interface UpdatedRecord {
  readonly flow: number;
  readonly ships: boolean;
  readonly lastClosed: 0 | 1;
  /** The failures the design kept. */
  readonly failures: number;
  /** The baseline this record leaves, if it is active. */
  readonly next: Baseline;
}

/** The record as the design's `FlowToConnStat` reads it. */
export const statsOf = (r: FlowRecord, design: AgentDesign): RecordStats => ({
  flow: r.flow,
  closed: design.readsClosed(r.flowClosed, r.failures),
  moved: r.moved,
  failures: r.failures,
});

/**
 * The closed pass: a closed record absorbs the active record of its cookie (`Monotonic.Max`; the
 * closed record's own failures).
 *
 * @example
 * absorb(closedRecord, undefined) //=> closedRecord
 */
export const absorb = (closed: RecordStats, active: RecordStats | undefined): RecordStats =>
  active === undefined
    ? closed
    : { ...closed, closed: closed.closed || active.closed, moved: closed.moved || active.moved };

/**
 * `updateConnWithStats` and the filter for one record.
 *
 * @example
 * updateConnWithStats({ flow: 1, closed: true, moved: false, failures: 1 }, null, prefix).lastClosed //=> 1
 */
export function updateConnWithStats(
  s: RecordStats,
  baseline: Baseline | null,
  design: AgentDesign,
): UpdatedRecord {
  const lastClosed = s.closed && !(baseline?.closed ?? false) ? 1 : 0;
  return {
    flow: s.flow,
    ships: baseline === null || lastClosed === 1 || s.moved,
    lastClosed,
    failures: design.reReport({ failures: s.failures, baseline, lastClosed }),
    next: { closed: s.closed, failures: s.failures },
  };
}
