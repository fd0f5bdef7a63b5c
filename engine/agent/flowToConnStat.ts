/**
 * `FlowToConnStat` (pkg/network/event_windows.go, after PR #47005): builds a record afresh from a
 * driver flow on every read. `TCPFailures` is a new map from the terminal status (RecvRst →
 * `{104: 1}`), and `TCPClosed` is 1 when `FLOW_CLOSED` is set **or** the record has a failure, so
 * a reset flow reads as closed from the moment of its reset, in whichever table it sits.
 *
 * Leaves out: addresses, packets, retransmits and RTT; `TCPEstablished` is 1 for every flow here
 * (each was established after the agent started; the lingering fixture uses 1 for RecvRst too).
 */
import type { Flow } from '../driver/flow.js';
import type { ConnectionStats } from './ConnectionStats.js';
import { cookie } from './ConnectionStats.js';
import { counters } from './statCounters.js';
import { ECONNRESET, hasFailures, NO_FAILURES } from './tcpFailures.js';

/**
 * The record the agent reads for `flow`.
 *
 * @example
 * flowToConnStat(resetFlow).tcpFailures //=> { '104': 1 }
 * flowToConnStat(resetFlow).monotonic.tcpClosed //=> 1, even in openFlows
 */
export function flowToConnStat(flow: Flow): ConnectionStats {
  const tcpFailures = flow.status === 'recvRst' ? { [ECONNRESET]: 1 } : NO_FAILURES;
  return {
    cookie: cookie(flow.id),
    tuple: `flow-${flow.id}`,
    monotonic: counters({
      sentBytes: flow.sentBytes,
      tcpEstablished: 1,
      tcpClosed: flow.flowClosed || hasFailures(tcpFailures) ? 1 : 0,
    }),
    last: counters(),
    tcpFailures,
    lastUpdateEpoch: 0,
  };
}
