/**
 * A design to compare, not one the agent ships: `TCPFailures` gets a per-cookie baseline like the
 * counters, and a record carries only the failures added since the client's last read.
 */
import { encodeAsIs, type AgentVariant } from '../AgentVariant.js';
import { subFailures } from '../tcpFailures.js';

export const failuresDelta = {
  name: 'failures-delta',
  summary: 'failures get a per-cookie baseline like the counters and ship as a delta',
  reReport: ({ failures, baseline }) => ({
    failures: subFailures(failures, baseline.failures),
    suppressed: false,
  }),
  encodeFailures: encodeAsIs,
} satisfies AgentVariant;

export default failuresDelta;
