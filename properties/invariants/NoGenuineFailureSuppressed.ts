/**
 * A record that ships a connection's first close ships that close's failures as the driver
 * reported them: no fix may hide a real failure.
 */
import { hasFailures, sameFailures } from '../../engine/agent/tcpFailures.js';
import { firstFailure, fails, HOLDS, type Invariant } from './Invariant.js';

export const NoGenuineFailureSuppressed = {
  name: 'NoGenuineFailureSuppressed',
  statement: 'the agent never drops the failure of a record that ships a close for the first time',
  when: 'everyStep',
  check: ({ lastPoll }) =>
    firstFailure(
      (lastPoll?.records ?? []).map((r) =>
        r.lastTCPClosed > 0 && r.closesBefore === 0 && hasFailures(r.rawFailures) && !sameFailures(r.tcpFailures, r.rawFailures)
          ? fails(`connection ${r.cookie}`, `first close shipped with failures ${JSON.stringify(r.tcpFailures)}, driver reported ${JSON.stringify(r.rawFailures)}`)
          : HOLDS,
      ),
    ),
} satisfies Invariant;

export default NoGenuineFailureSuppressed;
