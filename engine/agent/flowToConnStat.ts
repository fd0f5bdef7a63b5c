/**
 * `FlowToConnStat` (pkg/network/event_windows.go, after PR #47005): builds a record afresh from a
 * driver flow on every read. `TCPFailures` is a new map from the terminal status (RecvRst →
 * `{104: 1}`), and `TCPClosed` is 1 when `FLOW_CLOSED` is set **or** the record has a failure, so
 * a reset flow reads as closed from the moment of its reset, in whichever table it sits.
 *
 * Leaves out: addresses, packets, retransmits and RTT; `TCPEstablished` is 1 for every flow here
 * (each was established after the agent started; the lingering fixture uses 1 for RecvRst too).
 * The tuple is the flow's tuple number (docs/environment.md); an agent design may change the
 * `TCPClosed` rule (`readsClosed`).
 */
import type { Flow } from '../driver/flow.js';
import type { AgentVariant } from './AgentVariant.js';
import { closedByFlagOrFailure } from './AgentVariant.js';
import type { ConnectionStats } from './ConnectionStats.js';
import { cookie } from './ConnectionStats.js';
import { counters } from './statCounters.js';
import { ECONNRESET, NO_FAILURES } from './tcpFailures.js';

/** The opaque `ConnectionTuple` of tuple number `t` (equal tuples, equal strings). */
export const tupleText = (t: number): string => `tuple-${t}`;

/**
 * The tuple number of a record, for the payload and the backend: the number {@link tupleText}
 * wrote, or the cookie for a record built otherwise (a test's), which is then its own connection.
 *
 * @example
 * tupleNumber({ ...record, tuple: 'tuple-3' }) //=> 3
 */
export function tupleNumber(c: Pick<ConnectionStats, 'tuple' | 'cookie'>): number {
  const m = /^tuple-(\d+)$/.exec(c.tuple);
  return m === null ? c.cookie : Number(m[1]);
}

/**
 * The record the agent reads for `flow`.
 *
 * @example
 * flowToConnStat(resetFlow).tcpFailures //=> { '104': 1 }
 * flowToConnStat(resetFlow).monotonic.tcpClosed //=> 1, even in openFlows
 */
export function flowToConnStat(flow: Flow, variant?: AgentVariant): ConnectionStats {
  const tcpFailures = flow.status === 'recvRst' ? { [ECONNRESET]: 1 } : NO_FAILURES;
  const readsClosed = variant?.readsClosed ?? closedByFlagOrFailure;
  return {
    cookie: cookie(flow.id),
    tuple: tupleText(flow.tuple),
    monotonic: counters({
      sentBytes: flow.sentBytes,
      tcpEstablished: 1,
      tcpClosed: readsClosed(flow.flowClosed, tcpFailures) ? 1 : 0,
    }),
    last: counters(),
    tcpFailures,
    lastUpdateEpoch: 0,
  };
}
