/**
 * What an agent design decides, as the model sees it (docs/environment.md, *Agent designs*):
 * the `TCPClosed` rule of `FlowToConnStat`, what `updateConnWithStats` keeps of a record's
 * failures, what each record of one tuple keeps when the aggregator merges them, and what the
 * encoder writes for the merged record. Failures are counts (the only errno here is ECONNRESET).
 *
 * Leaves out: telemetry (`windows_lingering_flows` is not modelled) and errno kinds.
 */
import type { Baseline } from './ModelFlow.js';

/** What `updateConnWithStats` sees of a record. */
export interface ReReportView {
  /** The record's failures, as `FlowToConnStat` built them (0 or 1). */
  readonly failures: number;
  /** Client 1's baseline (`null`: none yet, as good as all zero). */
  readonly baseline: Baseline | null;
  /** `Last.TCPClosed`. */
  readonly lastClosed: 0 | 1;
}

/** A shipped record as the aggregator sees it: its own `Last.TCPClosed` and kept failures. */
export interface ShippedView {
  readonly flow: number;
  readonly lastClosed: number;
  readonly failures: number;
}

/** The merged record of one tuple as the encoder sees it: the sums. */
export interface MergedView {
  readonly lastClosed: number;
  readonly failures: number;
}

/** An agent design as its file writes it. */
export interface AgentModelSpec {
  readonly name: string;
  readonly summary: string;
  /** `updateConnWithStats`: the failures the record keeps (its baseline may be `null`). */
  readonly reReport: (view: ReReportView) => number;
  /** The encoder (`pkg/network/encoding/marshal/format.go`): failures written for the merged record. */
  readonly encodeFailures: (merged: MergedView) => number;
  /** `FlowToConnStat`'s `TCPClosed`. @defaultValue {@link closedByFlagOrFailure} */
  readonly readsClosed?: (flowClosed: boolean, failures: number) => boolean;
  /** Failures each record of a tuple keeps, in aggregation order. @defaultValue {@link firstKeepsFailures} */
  readonly aggregateFailures?: (records: readonly ShippedView[]) => readonly number[];
}

/** A design with every rule given. */
export type AgentDesign = Required<AgentModelSpec>;

/** `FlowToConnStat` (pkg/network/event_windows.go) today: `FLOW_CLOSED`, or any failure. */
const closedByFlagOrFailure = (flowClosed: boolean, failures: number): boolean =>
  flowClosed || failures > 0;

/**
 * `aggregateConnection.merge` (pkg/network/state.go) sums the counters and leaves `TCPFailures`
 * alone: the first record of a tuple keeps its failures, the others lose theirs.
 *
 * @example
 * firstKeepsFailures([{ flow: 2, lastClosed: 0, failures: 1 }, { flow: 1, lastClosed: 1, failures: 1 }]) //=> [1, 0]
 */
const firstKeepsFailures = (records: readonly ShippedView[]): readonly number[] =>
  records.map((r, i) => (i === 0 ? r.failures : 0));

/** Keeps the record's failures: `updateConnWithStats` without `maybeSuppressWindowsLingeringFlow`. */
export const keepFailures = ({ failures }: ReReportView): number => failures;

/** Writes the merged record's failures as they are. */
export const encodeAsIs = ({ failures }: MergedView): number => failures;

/** The design with the defaults filled in. */
export const withDefaults = (spec: AgentModelSpec): AgentDesign => ({
  readsClosed: closedByFlagOrFailure,
  aggregateFailures: firstKeepsFailures,
  ...spec,
});
