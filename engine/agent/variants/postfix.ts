/**
 * PR #50823 (backported as #51144): in `updateConnWithStats`, when the baseline already counted a
 * close, this delta adds none, and the record carries failures, the failures are cleared and
 * `windows_lingering_flows` counts it (`maybeSuppressWindowsLingeringFlow`, pkg/network/state.go).
 * The record itself still ships when another counter moved: the filter looks at `Last` only.
 */
import { encodeAsIs, type AgentVariant } from '../AgentVariant.js';
import { hasFailures, NO_FAILURES } from '../tcpFailures.js';

export const postfix = {
  name: 'postfix',
  summary:
    '#50823: failures cleared on a re-report of an already-closed connection, windows_lingering_flows counted',
  reReport: ({ failures, baseline, last }) =>
    baseline.counters.tcpClosed > 0 && last.tcpClosed === 0 && hasFailures(failures)
      ? { failures: NO_FAILURES, suppressed: true }
      : { failures, suppressed: false },
  encodeFailures: encodeAsIs,
} satisfies AgentVariant;

export default postfix;
