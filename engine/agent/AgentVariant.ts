/**
 * What an agent-side design changes (docs/semantics.md#agent-designs): what a re-reported record
 * keeps of its `TCPFailures` in `updateConnWithStats`, and what the encoder writes to
 * `tcpFailuresByErrCode`.
 *
 * Leaves out: everything the designs share (the closed and active passes, the filter, the
 * baselines), which lives in networkState.ts.
 */
import type { ConnectionStats } from './ConnectionStats.js';
import type { StatCounters } from './statCounters.js';
import type { TCPFailures } from './tcpFailures.js';

/** A client's memory of a cookie: the counters it last saw, and the failures read with them. */
export interface Baseline {
  readonly counters: StatCounters;
  /** The failures of the same read; only the failures-delta design uses them. */
  readonly failures: TCPFailures;
}

/** What `updateConnWithStats` knows when a baseline exists. */
export interface ReReport {
  /** The record's failures, as `FlowToConnStat` built them. */
  readonly failures: TCPFailures;
  readonly baseline: Baseline;
  /** `Last`, after the underflow correction. */
  readonly last: StatCounters;
}

/** The failures the record keeps, and whether the design counts a suppression. */
export interface ReReportDecision {
  readonly failures: TCPFailures;
  /** Counts one `windows_lingering_flows`. */
  readonly suppressed: boolean;
}

/** An agent design (one file in `engine/agent/variants/`). */
export interface AgentVariant {
  readonly name: string;
  /** One line for `lingering variants` and the reports. */
  readonly summary: string;
  /** `updateConnWithStats`, baseline branch. */
  readonly reReport: (input: ReReport) => ReReportDecision;
  /** The encoder (`pkg/network/encoding/marshal/format.go`): failures written to the payload. */
  readonly encodeFailures: (record: ConnectionStats) => TCPFailures;
  /**
   * `FlowToConnStat`'s `TCPClosed` rule (pkg/network/event_windows.go), from `FLOW_CLOSED` and the
   * failures the status gives. Default {@link closedByFlagOrFailure}, the agent since PR #47005.
   */
  readonly readsClosed?: (flowClosed: boolean, failures: TCPFailures) => boolean;
  /**
   * What each record of one tuple keeps of its failures when `GetDelta`'s aggregator merges them,
   * in aggregation order (a record alone is a group of one); the merged record carries their sum.
   * Default {@link firstKeepsFailures}, the agent's `aggregateConnection.merge`.
   */
  readonly aggregateFailures?: (records: readonly ConnectionStats[]) => readonly TCPFailures[];
}

/** PR #47005: a record reads as closed with `FLOW_CLOSED`, or with any failure. */
export const closedByFlagOrFailure = (flowClosed: boolean, failures: TCPFailures): boolean =>
  flowClosed || Object.keys(failures).length > 0;

/**
 * `aggregateConnection.merge` (pkg/network/state.go) sums the counters and leaves `TCPFailures`
 * alone: the first record of a tuple keeps its failures, the records merged into it lose theirs.
 *
 * @example
 * firstKeepsFailures([a, b]) //=> [a.tcpFailures, {}]
 */
export const firstKeepsFailures = (records: readonly ConnectionStats[]): readonly TCPFailures[] =>
  records.map((r, i) => (i === 0 ? r.tcpFailures : {}));

/** Keeps the failures as they are: the shipping agent's re-report and encoder behaviour. */
export const keepFailures = ({ failures }: ReReport): ReReportDecision => ({
  failures,
  suppressed: false,
});

/** Writes the record's failures as they are. */
export const encodeAsIs = (record: ConnectionStats): TCPFailures => record.tcpFailures;
