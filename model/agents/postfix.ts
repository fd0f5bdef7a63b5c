/**
 * PR #50823 (`maybeSuppressWindowsLingeringFlow`, pkg/network/state.go): on a re-report whose
 * baseline already counted a close and whose delta adds none, `updateConnWithStats` clears the
 * failures (and counts `windows_lingering_flows`, not modelled).
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
