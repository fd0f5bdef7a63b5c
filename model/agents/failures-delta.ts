/**
 * A design to compare: failures get a per-cookie baseline like the counters, so a record carries
 * only the failures its baseline's read did not already have.
 *
 * Leaves out: errno kinds (the only failure here is ECONNRESET).
 */
import { encodeAsIs } from '../AgentDesign.js';
import { agentModel } from '../agentModel.js';

export default agentModel({
  name: 'failures-delta',
  summary: 'failures ship as a delta against the baseline read',
  reReport: ({ failures, baseline }) => Math.max(0, failures - (baseline?.failures ?? 0)),
  encodeFailures: encodeAsIs,
});
