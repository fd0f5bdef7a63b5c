/**
 * A flow's record as a driver read returns it (`FlowToConnStat`), reduced to what the delta, the
 * closed buffer and the aggregation need. `TCPClosed` is not stored: the agent design reads it from
 * `FLOW_CLOSED` and the failures (docs/environment.md, *Agent designs*).
 *
 * Leaves out: byte amounts, packets, retransmits, addresses (the tuple is the flow's), timestamps.
 */
import type { ModelFlow } from './ModelFlow.js';

/** One record. */
export interface FlowRecord {
  /** The flow, which is also the record's cookie. */
  readonly flow: number;
  /** Bytes moved since the agent's previous `openFlows` read of this flow. */
  readonly moved: boolean;
  /** `Monotonic` counts bytes. */
  readonly bytes: boolean;
  /** `FLOW_CLOSED` was set when the record was read. */
  readonly flowClosed: boolean;
  /** `TCPFailures` as a count: `{104: 1}` on every read of a reset flow, else none. */
  readonly failures: number;
}

/**
 * `FlowToConnStat` of flow `k` at the moment of the read.
 *
 * @example
 * recordOf(1, { ...newFlow(4, 1), end: 'reset' }) //=> { flow: 1, moved: false, bytes: false, flowClosed: false, failures: 1 }
 */
export const recordOf = (k: number, f: ModelFlow): FlowRecord => ({
  flow: k,
  moved: f.moved,
  bytes: f.hasBytes,
  flowClosed: f.flowClosed,
  failures: f.end === 'reset' ? 1 : 0,
});

/**
 * `isEmpty` of the closed buffer (pkg/network/state.go): no bytes, packets or retransmits in
 * `Monotonic`, and no failure.
 *
 * @example
 * isEmptyRecord({ flow: 1, moved: false, bytes: false, flowClosed: true, failures: 0 }) //=> true
 */
export const isEmptyRecord = (r: FlowRecord): boolean => !r.bytes && r.failures === 0;
