/**
 * A design of this suite's, not one the agent ships: the close and its failures ride only on the
 * record that ships the close, and that close comes only from the closed table. `TCPClosed` is read
 * from `FLOW_CLOSED` alone (as before PR #47005); each record keeps its failures only when its own
 * `Last.TCPClosed` is above 0, and records of one tuple that the aggregator merges keep theirs
 * side by side (summed) instead of losing all but the first's.
 */
import { encodeAsIs, keepFailures, type AgentVariant } from '../AgentVariant.js';
import { NO_FAILURES } from '../tcpFailures.js';

export const closeRecord = {
  name: 'close-record',
  summary:
    'TCPClosed from FLOW_CLOSED only; failures only on the record that ships the close, summed when a tuple merges',
  readsClosed: (flowClosed) => flowClosed,
  reReport: keepFailures,
  aggregateFailures: (records) =>
    records.map((r) => (r.last.tcpClosed > 0 ? r.tcpFailures : NO_FAILURES)),
  encodeFailures: encodeAsIs,
} satisfies AgentVariant;

export default closeRecord;
