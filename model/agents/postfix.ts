/**
 * `maybeSuppressWindowsLingeringFlow` (pkg/network/state.go `updateConnWithStats`): on a re-report
 * whose baseline already counted a close and whose delta adds none, the failures are cleared (and
 * `windows_lingering_flows` counted, not modelled).
 *
 * Leaves out: the telemetry counter; the record still ships when its bytes moved.
 */
import { encodeAsIs } from '../AgentDesign.js';
import { agentModel } from '../agentModel.js';

export default agentModel({
  name: 'postfix',
  summary: 'failures cleared on a re-report of an already-closed connection',
  reReport: ({ failures, baseline, lastClosed }) =>
    baseline !== null && baseline.closed && lastClosed === 0 ? 0 : failures,
  encodeFailures: encodeAsIs,
});
