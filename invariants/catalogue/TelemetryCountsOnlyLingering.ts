/**
 * What the metric's name promises: every increment of `windows_lingering_flows` belongs to a flow
 * that is, at that moment, stranded (ended, still in `openFlows`, its last delete notification
 * finished). `TelemetryMatchesSuppressions` says what the code counts (PR #50823's predicate);
 * this one says what it should count. A reset flow polled in `openFlows` and then drained from
 * `closedFlows` meets the predicate without ever lingering.
 */
import { firstFailure, fails, HOLDS, type Invariant } from '../Invariant.js';

export const TelemetryCountsOnlyLingering = {
  name: 'TelemetryCountsOnlyLingering',
  statement:
    'every windows_lingering_flows increment belongs to a flow stranded in openFlows at that moment',
  when: 'everyStep',
  check: ({ lastPoll }) =>
    firstFailure(
      (lastPoll?.suppressions ?? []).map((s) =>
        s.stranded
          ? HOLDS
          : fails(
              'windows_lingering_flows',
              `counted flow ${s.flow} in poll ${lastPoll?.index}, which is not stranded in openFlows`,
            ),
      ),
    ),
} satisfies Invariant;

export default TelemetryCountsOnlyLingering;
