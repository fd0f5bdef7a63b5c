/**
 * A design to compare: failures get a per-cookie baseline like the counters, so a record carries
 * only a failure its baseline's read did not already have.
 *
 * Leaves out: errno kinds (the only failure here is ECONNRESET, count 1).
 */
import { agentModel } from '../agentModel.js';

export default agentModel({
  name: 'failures-delta',
  summary: 'failures ship as a delta against the baseline read',
  failuresShipped: ({ failure, baseline }) => (failure && !(baseline?.failure ?? false) ? 1 : 0),
});
