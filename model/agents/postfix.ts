/**
 * PR #50823: on a re-report (a baseline exists) whose baseline already counted a close and whose
 * delta adds none, the failure is cleared (and `windows_lingering_flows` counted, not modelled).
 *
 * Leaves out: the telemetry counter; the record still ships when its bytes moved.
 */
import { agentModel } from '../agentModel.js';

export default agentModel({
  name: 'postfix',
  summary: 'failures cleared on a re-report of an already-closed connection',
  failuresShipped: ({ failure, baseline, lastClosed }) =>
    failure && !(baseline !== null && baseline.closed && lastClosed === 0) ? 1 : 0,
});
