/**
 * A design of this suite's: the close and its failures ride only on the record that ships the
 * close. `FlowToConnStat` reads `TCPClosed` from `FLOW_CLOSED` alone; when the aggregator merges
 * records of one tuple, each keeps its failures only if its own `Last.TCPClosed` is above 0, and
 * the merged record carries their sum (docs/environment.md, *Agent designs*).
 *
 * Leaves out: nothing else changes (re-reports and the encoder keep the failures as they are).
 */
import { encodeAsIs, keepFailures } from '../AgentDesign.js';
import { agentModel } from '../agentModel.js';

export default agentModel({
  name: 'close-record',
  summary:
    'TCPClosed from FLOW_CLOSED only; failures only on the record that ships the close, summed when a tuple merges',
  readsClosed: (flowClosed) => flowClosed,
  reReport: keepFailures,
  aggregateFailures: (records) => records.map((r) => (r.lastClosed > 0 ? r.failures : 0)),
  encodeFailures: encodeAsIs,
});
